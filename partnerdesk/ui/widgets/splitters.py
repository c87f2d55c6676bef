"""Splitters that never collapse a pane to a 3 px handle, and that share their width as planned."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QSplitter


def keep_minimum_sizes(splitter: QSplitter, minimums: tuple[int, ...]) -> None:
    """No pane of `splitter` can be collapsed, nor dragged below its minimum (px along
    the splitter's orientation)."""
    splitter.setChildrenCollapsible(False)
    horizontal = splitter.orientation() == Qt.Orientation.Horizontal
    for index, minimum in enumerate(minimums):
        widget = splitter.widget(index)
        if widget is None:
            continue
        splitter.setCollapsible(index, False)
        if horizontal:
            widget.setMinimumWidth(max(widget.minimumWidth(), minimum))
        else:
            widget.setMinimumHeight(max(widget.minimumHeight(), minimum))


class _Shares(QObject):
    def __init__(self, splitter: QSplitter, shares: tuple[float, ...]):
        super().__init__(splitter)
        self.splitter, self.shares, self.moved = splitter, shares, False
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)

    def _moved(self, *_args) -> None:
        self.moved = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize and not self.moved:  # before the splitter lays itself out
            splitter = self.splitter
            size = event.size()
            length = size.width() if splitter.orientation() == Qt.Orientation.Horizontal else size.height()
            total = length - splitter.handleWidth() * (splitter.count() - 1)
            splitter.setSizes([int(total * share) for share in self.shares])
        return False


def keep_shares(splitter: QSplitter, shares: tuple[float, ...]) -> None:
    """The panes of `splitter` take these shares of its length at every size of the window (opened
    small, then maximised), until the user drags a handle; the panes' minimums still hold."""
    for index, share in enumerate(shares):
        splitter.setStretchFactor(index, round(share * 100))
    splitter.setSizes([round(share * 1000) for share in shares])
    _Shares(splitter, shares)
