"""The one exception of the import package: a message for the user."""

from __future__ import annotations


class ImportFileError(Exception):
    """The file cannot be imported at all; `str(exc)` is a translated message."""
