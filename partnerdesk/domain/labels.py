"""Marking domain labels for translation without importing i18n.

`N_()` returns its argument; the translation test extracts every `N_("...")`
and `_("...")` string of the code base, and the UI translates labels with
`_()` at display time.
"""

from __future__ import annotations

from enum import StrEnum


def N_(message: str) -> str:
    return message


class LabelledEnum(StrEnum):
    """A str enum whose members carry an English label (translated by the UI)."""

    @property
    def label(self) -> str:
        return type(self)._labels()[self.value]

    @classmethod
    def _labels(cls) -> dict[str, str]:
        raise NotImplementedError

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def parse(cls, value: str | None, default=None):
        try:
            return cls(value)
        except ValueError:
            return default
