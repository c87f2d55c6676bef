"""Column widths from a sample of rows, never from every row.

`ResizeToContents` and `resizeColumnsToContents()` ask every row for its size hint (a
Python `data()` call per cell): over thousands of rows that freezes the window. Qt can
look at a sample instead (the visible rows plus `rows` others); the widths barely differ.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

SAMPLE_ROWS = 20


def widths_from_sample(view: QTableView, rows: int = SAMPLE_ROWS) -> QTableView:
    for header in (view.horizontalHeader(), view.verticalHeader()):
        header.setResizeContentsPrecision(rows)
    return view
