"""A table model over a list of plain records, described by columns.

Each concrete model lists its `COLUMNS` (header marked with N_, a display function,
an optional sort key, an optional tooltip); rows are domain dataclasses with an `id`.
A cell's tooltip is its column's `tooltip(record)`, else its text (None when the
model sets `TEXT_TOOLTIPS = False`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from partnerdesk.i18n import _
from partnerdesk.ui.models.roles import IdRole, ObjectRole, SortRole
from partnerdesk.ui.models.rows import ListTableModel, SortedRowsModel


@dataclass(frozen=True)
class Column:
    header: str
    display: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[Any], str | None] | None = None


class RecordTableModel(ListTableModel):
    COLUMNS: list[Column] = []
    TEXT_TOOLTIPS = True

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.COLUMNS[section].header)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        record = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(record)
            return column.display(record) if self.TEXT_TOOLTIPS else None
        if role == IdRole:
            return getattr(record, "id", None)
        if role == ObjectRole:
            return record
        if role == SortRole:
            if column.sort is not None:
                return column.sort(record)
            return (column.display(record) or "").casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(record, index.column(), role)

    def extra_data(self, record, column: int, role: int):
        """Colours, fonts...: override in subclasses."""
        return None


class SortedRecordTableModel(SortedRowsModel, RecordTableModel):
    """Records that sort themselves by their columns' sort keys (the text, folded, when a
    column has none): pair it with `FilterOnlyProxy`, and put new rows in order off the GUI
    thread with `arranged()` (sorting hundreds of rows through QSortFilterProxyModel calls
    back into Python for every comparison)."""

    def sort_key(self, item, column: int):
        spec = self.COLUMNS[column]
        return spec.sort(item) if spec.sort is not None else (spec.display(item) or "").casefold()
