"""A record's heading over its form: on at most a few lines, however long its title.

A title of 300 characters wrapped freely took five lines at 1366×768 and left the pages under it a
few lines each. Past `lines` lines the title is cut with « … » (whole in the tooltip); its suffix
(" — 13/01/2026") always shows. Fitted again when the width changes."""

from __future__ import annotations

from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel


class Heading(QLabel):
    def __init__(self, lines: int = 2, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.lines = lines
        self._title, self._suffix = "", ""

    def set_heading(self, title: str, suffix: str = "") -> None:
        self._title, self._suffix = " ".join(title.split()), suffix
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        full = self._title + self._suffix
        width = self.contentsRect().width()
        shown = full
        if width > 0 and self._count(full, width) > self.lines:
            low, high = 0, len(self._title)  # the longest cut of the title that fits
            while low < high:
                middle = (low + high + 1) // 2
                if self._count(self._cut(middle), width) <= self.lines:
                    low = middle
                else:
                    high = middle - 1
            shown = self._cut(low)
        self.setToolTip(full if shown != full else "")
        if shown != self.text():
            self.setText(shown)

    def _cut(self, length: int) -> str:
        return self._title[:length].rstrip() + "…" + self._suffix

    def _count(self, text: str, width: int) -> int:
        """Lines `text` takes at `width` pixels in this label's font."""
        layout = QTextLayout(text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        count = 0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            count += 1
        layout.endLayout()
        return count
