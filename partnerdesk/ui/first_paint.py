"""Run something once a widget has been painted for the first time.

    on_first_paint(window, start_queries, limit_ms=1000)

`fn` runs on the next turn of the event loop after the widget's first paint event (the
whole window is on screen by then), or after `limit_ms` if it is never painted (a window
started minimised): whatever waits for it is never held for good.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], None], limit_ms: int | None):
        super().__init__(widget)
        self.widget, self.fn, self.done = widget, fn, False
        widget.installEventFilter(self)
        if limit_ms is not None:
            QTimer.singleShot(limit_ms, self, self._run)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.widget.removeEventFilter(self)
        self.fn()


def on_first_paint(widget: QWidget, fn: Callable[[], None], limit_ms: int | None = None) -> None:
    """Call `fn` once, on the event loop's turn after `widget`'s first paint (or after `limit_ms`)."""
    _FirstPaint(widget, fn, limit_ms)
