"""What a long list shows: the rows of a self-sorting model (`SortedRowsModel`) that pass a
filter, in that model's order.

It stands where a `QSortFilterProxyModel` would, for the Partenaires lists (2,000
organisations, 10,000 people), because that proxy costs too much there: it asks Python
whether each row passes, one call per row at every keystroke, and maps every cell it paints
through the source model's `index()` (three calls into Python per role of a cell). Here the
filter runs as one Python loop over the rows, the table reads the source's cells directly,
and a change of filter or of the rows is one layout change in which the views keep their
selection and current row by item id (a row that is filtered out leaves them; nothing is
reset, the scroll position stays).

The API follows the proxy's where callers use it: `sourceModel()`, `mapFromSource()`,
`mapToSource()`, `sort()` (forwarded: the source sorts itself).
"""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from partnerdesk.ui.models.rows import ListTableModel

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
# What the item delegate asks for each painted cell, besides the text.
_ASKED_WHEN_PAINTING = frozenset(int(r) for r in (
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.BackgroundRole))


class FilteredRowsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._source = None
        self._shown: list[int] = []  # the source rows shown, in order
        self._shown_ids: list = []  # their item ids (what selection is kept by)
        self._columns = 0
        self._item_id = attrgetter("id")
        self._cells: dict = {}
        self._unanswered: frozenset | tuple = ()  # roles the source never answers
        self._where: dict = {}  # item id -> row, for `row_of` (built when asked)
        self._where_for: list | None = None

    # --- the filter (subclasses) ---------------------------------------------------------

    def accepts(self, item) -> bool:
        return True

    def filter_rows(self, rows: list) -> list[int]:
        """The indexes of the rows that pass (subclasses may go faster for common cases)."""
        accepts = self.accepts
        return [n for n, item in enumerate(rows) if accepts(item)]

    def refilter(self) -> None:
        """The filter changed: show the rows that pass it now."""
        self._apply(content_changed=False)

    # --- source --------------------------------------------------------------------------

    def setSourceModel(self, source) -> None:
        self.beginResetModel()
        self._source = source
        self._columns = source.columnCount()
        # The items' ids: read as an attribute when the source keeps the default (faster per row).
        plain = getattr(type(source).item_id, "__func__", type(source).item_id) is ListTableModel.item_id
        self._item_id = attrgetter("id") if plain else source.item_id
        self._cells = source._cells  # the source's cache of row texts (cleared in place)
        self._unanswered = frozenset(_ASKED_WHEN_PAINTING - source.ANSWERED_ROLES) if source.ANSWERED_ROLES else ()
        for signal in (source.modelReset, source.layoutChanged, source.rowsInserted, source.rowsRemoved):
            signal.connect(self._source_changed)
        source.dataChanged.connect(self._source_changed)
        self._shown, self._shown_ids = self._worked_out()
        self.endResetModel()

    def sourceModel(self):
        return self._source

    def _source_changed(self, *_args) -> None:
        self._apply(content_changed=True)

    def _worked_out(self) -> tuple[list[int], list]:
        rows = self._source._rows
        shown = self.filter_rows(rows)
        item_id = self._item_id
        return shown, [item_id(rows[n]) for n in shown]

    def _apply(self, content_changed: bool) -> None:
        if self._source is None:
            return
        shown, ids = self._worked_out()
        if ids == self._shown_ids:
            self._shown = shown
            if content_changed and shown:
                self.dataChanged.emit(self.index(0, 0), self.index(len(shown) - 1, self.columnCount() - 1))
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = self._shown_ids
        kept = [(old_ids[i.row()] if 0 <= i.row() < len(old_ids) else None, i.column()) for i in old]
        self._shown, self._shown_ids = shown, ids
        where = {item_id: n for n, item_id in enumerate(ids)}
        self.changePersistentIndexList(old, [self.index(where[key], col) if key in where else QModelIndex()
                                             for key, col in kept])
        self.layoutChanged.emit()

    # --- mapping -------------------------------------------------------------------------

    def mapToSource(self, index):
        if not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return QModelIndex()
        return self._source.index(self._shown[index.row()], index.column())

    def mapFromSource(self, source_index):
        if not source_index.isValid() or self._source is None:
            return QModelIndex()
        row = self.row_of(self._source.item_id(self._source.row_at(source_index.row())))
        return self.index(row, source_index.column()) if row >= 0 else QModelIndex()

    def row_of(self, item_id) -> int:
        """The row showing this item, -1 when it is not shown."""
        if self._where_for is not self._shown_ids:
            self._where = {key: n for n, key in enumerate(self._shown_ids)}
            self._where_for = self._shown_ids
        return self._where.get(item_id, -1)

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self._columns

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # Called about seven times per painted cell (one per role the delegate asks for):
        # the texts straight from the source's cache, the roles it never answers at once.
        row = index.row()
        shown = self._shown
        if not 0 <= row < len(shown):
            return None
        if role == _DISPLAY:
            source_row = shown[row]
            cells = self._cells.get(source_row) or self._source.cells(source_row)
            return cells[index.column()]
        if role in self._unanswered:
            return None
        return self._source.item_data(shown[row], index.column(), role)

    def cell_look(self, row: int, col: int):
        """What `ui/widgets/list_cells.py` paints: the source's look of that cell."""
        shown = self._shown
        return self._source.cell_look(shown[row], col) if 0 <= row < len(shown) else None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return None if self._source is None else self._source.headerData(section, orientation, role)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if self._source is not None:
            self._source.sort(column, order)  # its layout change reaches here

    def visible_ids(self) -> list:
        """The ids of the rows shown, in their order."""
        return list(self._shown_ids)

    def id_at(self, row: int):
        return self._shown_ids[row] if 0 <= row < len(self._shown_ids) else None


class SearchFilteredRows(FilteredRowsModel):
    """Search hits (a set of item ids, None for all) and named filters (None for any):
    subclasses say in `passes(item, filters)` what each filter means."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ids: set | None = None
        self.filters: dict[str, object] = {}

    def set_ids(self, ids) -> None:
        ids = None if ids is None else set(ids)
        if ids == self.ids:
            return  # the same hits (the next letter of a word often changes nothing): no re-filtering
        self.ids = ids
        self.refilter()

    def set_filter(self, name: str, value) -> None:
        value = None if value in (None, "") else value
        if self.filters.get(name) == value:
            return  # unchanged (the tag lists are refilled at every reload)
        if value is None:
            self.filters.pop(name, None)
        else:
            self.filters[name] = value
        self.refilter()

    def filter_rows(self, rows: list) -> list[int]:
        if not self.filters:  # the search box alone: the common case, at every keystroke
            if self.ids is None:
                return list(range(len(rows)))
            ids, key = self.ids, self._item_id
            return [n for n, item in enumerate(rows) if key(item) in ids]
        return super().filter_rows(rows)

    def accepts(self, item) -> bool:
        if self.ids is not None and self._item_id(item) not in self.ids:
            return False
        return self.passes(item, self.filters)

    def passes(self, item, filters: dict) -> bool:
        return True
