"""The Partenaires lists' models: the filtered rows model (what the table shows) and the
source's in-place updates (a reload without a reset). Checked with Qt's model tester, a
real QTableView's selection and signal spies."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from partnerdesk.ui.models.filtered import FilteredRowsModel
from partnerdesk.ui.models.roles import IdRole, ObjectRole
from partnerdesk.ui.models.rows import SortedRowsModel


@dataclass
class Item:
    id: int
    name: str
    town: str = ""


class Items(SortedRowsModel):
    HEADERS = ["Name", "Town"]

    def cell_text(self, item, col):
        return (item.name, item.town)[col]

    def sort_key(self, item, col):
        return self.cell_text(item, col).lower()

    def item_data(self, row, col, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(row)[col]
        if role == IdRole:
            return self._rows[row].id
        if role == ObjectRole:
            return self._rows[row]
        return None


class Shown(FilteredRowsModel):
    def __init__(self):
        super().__init__()
        self.ids = None
        self.town = None

    def accepts(self, item):
        return (self.ids is None or item.id in self.ids) and (self.town is None or item.town == self.town)


def items(n=30):
    return [Item(i, f"Name {i:02d}", "Lyon" if i % 3 == 0 else "Paris") for i in range(1, n + 1)]


@pytest.fixture
def models(qtbot):
    source = Items()
    source.sort(0)
    source.set_rows(items())
    shown = Shown()
    shown.setSourceModel(source)
    view = QTableView()
    view.setModel(shown)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    return source, shown, view


def shown_ids(shown):
    return [shown.index(r, 0).data(IdRole) for r in range(shown.rowCount())]


def selected_ids(view):
    return sorted(i.data(IdRole) for i in view.selectionModel().selectedRows())


def select_ids(view, ids, current):
    model = view.model()
    for item_id in ids:
        view.selectionModel().select(model.index(model.row_of(item_id), 0),
                                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    view.selectionModel().setCurrentIndex(model.index(model.row_of(current), 0),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)


def test_model_tester_through_filters_sorts_and_updates(qtmodeltester, models):
    source, shown, _view = models
    qtmodeltester.check(shown, force_py=True)  # keeps watching the signals of what follows
    shown.ids = {3, 6, 7, 12, 30}
    shown.refilter()
    assert shown_ids(shown) == [3, 6, 7, 12, 30]
    shown.town = "Lyon"
    shown.refilter()
    assert shown_ids(shown) == [3, 6, 12, 30]
    shown.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown_ids(shown) == [30, 12, 6, 3]
    source.update_rows([Item(i.id, i.name, "Lyon") for i in items(40)])
    assert shown_ids(shown) == [30, 12, 7, 6, 3]
    shown.ids = None
    shown.town = None
    shown.refilter()
    assert shown.rowCount() == 40
    qtmodeltester.check(shown, force_py=True)


def test_filtering_keeps_the_selection_and_current_row_by_item(models):
    source, shown, view = models
    select_ids(view, [5, 9, 12], current=9)
    shown.ids = {1, 2, 9, 12, 20}
    shown.refilter()
    assert selected_ids(view) == [9, 12]  # 5 is filtered out: it leaves the selection
    assert view.currentIndex().data(IdRole) == 9
    assert shown.mapToSource(view.currentIndex()).row() == source.row_of(9)
    assert view.verticalHeader().count() == 5 and view.model().rowCount() == 5
    shown.ids = None
    shown.refilter()
    assert selected_ids(view) == [9, 12]
    assert view.currentIndex().data(IdRole) == 9


def test_the_current_row_filtered_out_opens_nothing(models, qtbot):
    """With QSortFilterProxyModel the current row moved to a neighbour, which opened its card."""
    _source, shown, view = models
    select_ids(view, [4], current=4)
    moved = []
    view.selectionModel().currentRowChanged.connect(lambda current, _old: moved.append(current.data(IdRole)))
    shown.ids = {1, 2, 3}
    shown.refilter()
    assert moved == [] and not view.currentIndex().isValid()


def test_reload_in_place_no_reset(models):
    source, shown, view = models
    select_ids(view, [7, 8], current=8)
    persistent = QPersistentModelIndex(shown.index(shown.row_of(8), 1))
    resets = []
    for model in (source, shown):
        model.modelAboutToBeReset.connect(lambda: resets.append(True))
    changed = []
    shown.dataChanged.connect(lambda top, bottom, _roles=(): changed.append((top.row(), bottom.row())))

    # The same items, one renamed in place (same order): one dataChanged, no layout change.
    rows = items()
    rows[6] = Item(7, "Name 07 bis", "Paris")
    source.update_rows(rows)
    assert changed == [(0, 29)]
    assert shown.index(shown.row_of(7), 0).data() == "Name 07 bis"

    # Renamed to the end, one gone, two new: the selection follows the items by id.
    rows = [r for r in items() if r.id != 8] + [Item(31, "Name 31"), Item(32, "Name 00")]
    rows[6] = Item(7, "Zed", "Paris")
    source.update_rows(rows)
    assert resets == []
    ids = shown_ids(shown)
    assert ids[0] == 32 and ids[-1] == 7 and 8 not in ids and len(ids) == 31
    assert selected_ids(view) == [7]  # 8 is gone
    assert not view.currentIndex().isValid()
    assert not persistent.isValid()
    mark = QPersistentModelIndex(shown.index(shown.row_of(7), 1))
    source.update_rows(list(reversed(rows)))  # any order in: the model's own order out
    assert shown_ids(shown) == ids and mark.row() == shown.row_of(7) and mark.column() == 1


def test_update_rows_on_an_empty_model_or_with_duplicate_ids_resets(qtbot):
    source = Items()
    resets = []
    source.modelReset.connect(lambda: resets.append(True))
    source.update_rows(items(3))
    assert resets == [True] and source.rowCount() == 3
    source.update_rows([Item(1, "a"), Item(1, "b")])  # not a list of distinct items
    assert resets == [True, True] and source.rowCount() == 2


def test_row_texts_follow_updates(models):
    source, shown, _view = models
    assert shown.index(0, 0).data() == "Name 01"
    source.update_rows([Item(1, "Premier"), *items()[1:]])
    assert source.index(source.row_of(1), 0).data() == "Premier"
    assert shown.index(shown.row_of(1), 0).data() == "Premier"
