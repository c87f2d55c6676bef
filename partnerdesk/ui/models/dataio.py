"""Qt models of the import wizard and the RGPD register."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from partnerdesk.i18n import N_, _
from partnerdesk.ui.models.roles import IdRole, ObjectRole, SortRole
from partnerdesk.ui.models.rows import ListTableModel


class RowsTableModel(QAbstractTableModel):
    """Plain text rows under given headers (file preview, refused rows, register lists).

    `ids` (optional, one per row) is served under IdRole."""

    def __init__(self, headers: list[str] | None = None, parent=None):
        super().__init__(parent)
        self._headers: list[str] = list(headers or [])
        self._rows: list[list[str]] = []
        self._ids: list[int | None] = []
        self._keys: list[list[str]] = []

    _sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[list], headers: list[str] | None = None, ids: list[int] | None = None,
                 keys: list[list[str]] | None = None) -> None:
        """`keys` (optional, one list per row) sort a column differently from its text (dates)."""
        self.beginResetModel()
        if headers is not None:
            self._headers = list(headers)
        self._rows = [["" if v is None else str(v) for v in row] for row in rows]
        self._ids = list(ids) if ids is not None else [None] * len(self._rows)
        self._keys = [list(k) for k in keys] if keys is not None else [[c.casefold() for c in r] for r in self._rows]
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, once, in Python: ten thousand rows sort in milliseconds."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order) -> None:
        if not (0 <= column < len(self._headers)):
            return
        triples = sorted(zip(self._rows, self._ids, self._keys),
                         key=lambda t: t[2][column] if column < len(t[2]) else "",
                         reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [t[0] for t in triples]
        self._ids = [t[1] for t in triples]
        self._keys = [t[2] for t in triples]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        value = row[index.column()] if index.column() < len(row) else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return value
        if role == SortRole:
            return value.casefold()
        if role == IdRole:
            return self._ids[index.row()]
        return None


class FilterProxy(QSortFilterProxyModel):
    """Filters only; sorting is left to the source model (`RowsTableModel.sort`)."""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


COL_LINE, COL_IN_FILE, COL_EXISTING, COL_REASON, COL_MERGE, COL_ADDS = range(6)
MATCH_HEADERS = [N_("Line"), N_("In the file"), N_("Existing card"), N_("Why"), N_("Merge"), N_("Adds")]


class MatchTableModel(ListTableModel):
    """Rows of the file matching an existing card; the last column says merge (checked) or skip."""

    HEADERS = MATCH_HEADERS

    def set_all(self, merge: bool) -> None:
        for row in self._rows:
            row.merge = merge
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_MERGE), self.index(len(self._rows) - 1, COL_MERGE))

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == COL_MERGE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return row
        if role == IdRole:
            return row.match_id
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_MERGE:
            return Qt.CheckState.Checked if row.merge else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_LINE:
                return str(row.contact.line)
            if col == COL_IN_FILE:
                return row.contact.display_name
            if col == COL_EXISTING:
                return row.match_label
            if col == COL_REASON:
                return row.match_reason
            if col == COL_MERGE:
                return _("merge") if row.merge else _("skip")
            if col == COL_ADDS:
                return ", ".join(row.additions)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ADDS:
            return "\n".join(row.additions)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if index.isValid() and index.column() == COL_MERGE and role == Qt.ItemDataRole.CheckStateRole:
            checked = value == Qt.CheckState.Checked or value == Qt.CheckState.Checked.value
            self._rows[index.row()].merge = bool(checked)
            self.dataChanged.emit(index, index)
            return True
        return False
