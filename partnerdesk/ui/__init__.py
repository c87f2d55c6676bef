"""The Qt user interface: the only package that imports PySide6 (with `app.py`).

Importing it loads PySide6 and takes PySide6's `__feature__` hook out of `import`
(`_skip_feature_import_hook`): PartnerDesk never writes `from __feature__ import ...`
(snake_case and true_property stay off; tests/core/test_import_guard.py checks the sources),
and the hook cost every import statement 1.3 µs more and every module imported after PySide6
a read of its source file: about 10 ms of each start.
"""

import builtins

from PySide6 import QtCore  # noqa: F401 - PySide6 puts its import hooks in place here


def _skip_feature_import_hook() -> None:
    """`import` goes straight to PySide6's own lazy import (what PySide6 installs where it has no
    `__feature__` support), skipping the Python-level feature check. Only when PySide6's hook is
    the one in place and its next step is known: otherwise nothing changes."""
    feature_import = getattr(builtins, "__feature_import__", None)
    next_import = getattr(builtins, "__orig_import__", None)
    if feature_import is not None and next_import is not None and builtins.__import__ is feature_import:
        builtins.__import__ = next_import


_skip_feature_import_hook()
