"""Table models over a Python list of items (each with an `id`).

`SortedRowsModel` sorts itself: sorting thousands of rows through
QSortFilterProxyModel calls back into Python for every comparison (too slow to
re-sort at each keystroke of the search box), so the source model keeps its rows
sorted with a Python key and what filters them keeps that order (`filtered.py`)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QIcon

from partnerdesk.i18n import _

_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
# Roles that change how a cell is painted beyond its text, colours and icon: a model that may
# answer one of them is painted by Qt's own delegate (`cell_look` says None).
_OTHER_LOOKS = frozenset(int(r) for r in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                                           Qt.ItemDataRole.CheckStateRole))


class ListTableModel(QAbstractTableModel):
    """The rows, their count and the column headers; subclasses give the data."""

    HEADERS: list[str] = []  # marked with N_, translated at display
    # The roles `item_data` may answer (empty: any); a FilteredRowsModel answers the others
    # with None without asking.
    ANSWERED_ROLES: frozenset = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._cells: dict[int, tuple] = {}  # row -> its texts, filled as rows are painted
        self._looks: dict[int, tuple] = {}  # row -> (text, background, foreground, icon) per column

    def cells(self, row: int) -> tuple:
        """The texts of a row, all columns (worked out once per row until the rows change:
        painting asks for them again at every keystroke of a search)."""
        cells = self._cells.get(row)
        if cells is None:
            item = self._rows[row]
            cells = self._cells[row] = tuple(self.cell_text(item, col) for col in range(len(self.HEADERS)))
        return cells

    def cell_text(self, item, col: int) -> str:
        """The text shown in one cell (no cache: also called by sorts off the GUI thread)."""
        return ""

    def cell_look(self, row: int, col: int) -> tuple | None:
        """(text, background brush, text colour, icon) of a cell, each None when the cell has
        none, for `ui/widgets/list_cells.py`; worked out once per row until the rows change.
        None when this model may answer a role that delegate does not paint (then Qt's does)."""
        answered = self.ANSWERED_ROLES
        if not answered or answered & _OTHER_LOOKS:
            return None
        looks = self._looks.get(row)
        if looks is None:
            looks = self._looks[row] = tuple(self._look(row, n) for n in range(len(self.HEADERS)))
        return looks[col]

    def _look(self, row: int, col: int) -> tuple | None:
        answered = self.ANSWERED_ROLES
        background = self.item_data(row, col, _BACKGROUND) if _BACKGROUND in answered else None
        foreground = self.item_data(row, col, _FOREGROUND) if _FOREGROUND in answered else None
        icon = self.item_data(row, col, _DECORATION) if _DECORATION in answered else None
        if isinstance(background, QColor):
            background = QBrush(background)
        if isinstance(foreground, QBrush):
            foreground = foreground.color()
        if not (background is None or isinstance(background, QBrush)) or not (
                foreground is None or isinstance(foreground, QColor)) or not (icon is None or isinstance(icon, QIcon)):
            return None  # something else (a pixmap, a gradient…): Qt's delegate paints it
        text = self.cells(row)[col]
        if "\n" in text or "\u2028" in text:
            return None  # several lines: Qt's delegate shows them as it always did
        return text, background, foreground, icon

    def set_rows(self, rows, ordered_by=None) -> None:
        """Show `rows`; `ordered_by` is what `arranged()` returned with them, when they were put in
        order off the GUI thread (they are sorted again only if the order changed meanwhile)."""
        self.beginResetModel()
        self._rows = list(rows)
        if ordered_by is None or ordered_by != self.order():
            self._arrange()
        self._changed()
        self.endResetModel()

    def update_rows(self, rows, ordered_by=None) -> None:
        """Like `set_rows`, without resetting the views when rows are already shown: the same
        items in the same order are one `dataChanged`; otherwise one layout change in which
        every persistent index (the views' selection and current row) follows its item by id,
        and the indexes of items gone become invalid. (Items with the same id twice: a reset.)"""
        rows = list(rows)
        if ordered_by is None or ordered_by != self.order():
            rows = self.arranged(rows)[0]
        if not self._rows or not rows:
            self.set_rows(rows, self.order())
            return
        item_id = self.item_id
        old_ids = [item_id(r) for r in self._rows]
        new_ids = [item_id(r) for r in rows]
        if new_ids == old_ids:
            self._rows = rows
            self._changed()
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            return
        where = {key: n for n, key in enumerate(new_ids)}
        if len(where) != len(new_ids) or len(set(old_ids)) != len(old_ids):
            self.set_rows(rows, self.order())
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [(old_ids[i.row()], i.column()) for i in old]
        self._rows = rows
        self._changed()
        self.changePersistentIndexList(old, [self.index(where[key], col) if key in where else QModelIndex()
                                             for key, col in kept])
        self.layoutChanged.emit()

    def _changed(self) -> None:
        """The rows changed: forget what was derived from them."""
        self._cells.clear()  # in place: a FilteredRowsModel reads it too
        self._looks.clear()

    def order(self):
        """What the rows are sorted by (None: kept as given)."""
        return None

    def arranged(self, rows) -> tuple[list, object]:
        """`rows` put in the model's order, and that order: plain Python (the sort keys of the
        models are), so a background task can do it before `set_rows(rows, ordered_by)`."""
        return list(rows), self.order()

    def _arrange(self) -> None:
        """Put the new rows in order (nothing by default)."""

    def rows(self) -> list:
        return list(self._rows)

    def item_id(self, item):
        return item.id

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        return self.item_data(index.row(), index.column(), role)

    def item_data(self, row: int, col: int, role):
        """What `data()` answers for that cell (a `FilteredRowsModel` showing these rows asks here)."""
        return None

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

    def order(self):
        return self._sort_column, self._sort_order

    def arranged(self, rows) -> tuple[list, object]:
        order = self.order()
        return self._sorted(list(rows), *order), order

    def _sorted(self, rows: list, column: int, order) -> list:
        if 0 <= column < self.columnCount():
            rows.sort(key=lambda item: self.sort_key(item, column), reverse=order == Qt.SortOrder.DescendingOrder)
        return rows

    def _arrange(self) -> None:
        self._sorted(self._rows, self._sort_column, self._sort_order)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [(id(self._rows[i.row()]), i.column()) for i in old]
        self._sort_column, self._sort_order = column, order
        self._arrange()
        self._changed()
        where = {id(item): n for n, item in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(where[key], col) for key, col in kept])
        self.layoutChanged.emit()


class FilterOnlyProxy(QSortFilterProxyModel):
    """Filters; sorting is forwarded to the (self-sorting) source model. (Lists searched at
    every keystroke use `FilteredRowsModel` instead: `ui/models/filtered.py`.)"""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
