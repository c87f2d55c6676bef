"""Splitters that never collapse a pane to a 3 px handle."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
