"""Table models over a Python list of items (each with an `id`).

`SortedRowsModel` sorts itself: sorting thousands of rows through
QSortFilterProxyModel calls back into Python for every comparison (too slow to
re-sort at each keystroke of the search box), so the source model keeps its rows
sorted with a Python key and the proxy only filters, keeping that order."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from partnerdesk.i18n import _


class ListTableModel(QAbstractTableModel):
    """The rows, their count and the column headers; subclasses give the data."""

    HEADERS: list[str] = []  # marked with N_, translated at display

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        """Put the new rows in order (nothing by default)."""

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row]

    def row_of(self, item_id) -> int:
        """The row of the item with this id, -1 when absent (an index by id, rebuilt when stale)."""
        where = getattr(self, "_where", None)
        row = where.get(item_id, -1) if where is not None else -1
        if 0 <= row < len(self._rows) and self._rows[row].id == item_id:
            return row
        if where is not None and len(where) == len(self._rows) and item_id not in where:
            return -1
        self._where = {r.id: i for i, r in enumerate(self._rows)}
        return self._where.get(item_id, -1)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.HEADERS[section])
        return None


class SortedRowsModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def sort_key(self, item, column: int):
        raise NotImplementedError

    def _arrange(self) -> None:
        if 0 <= self._sort_column < self.columnCount():
            column = self._sort_column
            self._rows.sort(key=lambda item: self.sort_key(item, column),
                            reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [(id(self._rows[i.row()]), i.column()) for i in old]
        self._sort_column, self._sort_order = column, order
        self._arrange()
        where = {id(item): n for n, item in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(where[key], col) for key, col in kept])
        self.layoutChanged.emit()


class FilterOnlyProxy(QSortFilterProxyModel):
    """Filters; sorting is forwarded to the (self-sorting) source model."""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
