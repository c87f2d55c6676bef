"""A list whose current row is the record an editor beside it shows (Rencontres, Séances).

Moving to another row, with the mouse or the arrow keys, first settles the editor's unsaved
typing (`ui/unsaved.py`: Enregistrer / Ne pas enregistrer / Annuler). Whatever the answer, the
list's highlight and its current row end on the record the editor shows: the clicked one once it
is open, the one with the typing after Annuler. A save may read the list again (a model reset)
in the middle of the click, and the view finishes the click after the question: the highlight is
put right at once and again on the next turn of the event loop. Without signals blocked, so the
view repaints, and without asking again (the changes this class makes are its own)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QItemSelectionModel, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

from partnerdesk.ui.unsaved import settle

_SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class GuardedList(QObject):
    """`view` lists records (its model answers `row_at(row).id` and `row_of(id)`); `editor` has
    `is_dirty() / save() / revert() / display_name()`; `shown()` is the id the editor shows (None:
    none, or a new record); `open_record(id)` shows another one in it."""

    def __init__(self, view: QAbstractItemView, editor, shown: Callable[[], int | None],
                 open_record: Callable[[int], None]):
        super().__init__(view)
        self.view, self.editor = view, editor
        self._shown, self._open = shown, open_record
        self._quiet = 0
        view.selectionModel().currentRowChanged.connect(self._moved)
        view.selectionModel().selectionChanged.connect(self._selection_changed)

    def _moved(self, current, _previous) -> None:
        if self._quiet or not current.isValid():
            return
        record_id = self.view.model().row_at(current.row()).id
        if record_id == self._shown():
            return
        if settle(self.editor):
            self._open(record_id)
            self.follow()
        else:
            self.follow(alone=True)

    def _selection_changed(self, *_args) -> None:
        """A list of one selected row: the highlight moved without the current row (a drag released on
        another row after Annuler) goes back to the record shown once the view is done."""
        if not self._quiet and self.view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection:
            QTimer.singleShot(0, self, lambda: self.select_shown(alone=True))

    def follow(self, alone: bool = False) -> None:
        """The highlight on the record shown, now and once the view has finished its click or key
        (`alone`: no other row stays selected, as after Annuler)."""
        self.select_shown(alone)
        QTimer.singleShot(0, self, lambda: self.select_shown(alone))

    def select_shown(self, alone: bool = False) -> None:
        """Make the record shown the list's current and selected row, without asking anything; no
        row when it is not in the list (a new record, or one the list's filter leaves out)."""
        record_id = self._shown()
        model, selection = self.view.model(), self.view.selectionModel()
        row = model.row_of(record_id) if record_id is not None else -1
        self._quiet += 1
        try:
            if row < 0:
                if selection.hasSelection() or selection.currentIndex().isValid():
                    selection.clear()
                return
            index = model.index(row, 0)
            selected = [i.row() for i in selection.selectedRows()]
            if selection.currentIndex().row() != row or row not in selected or (alone and selected != [row]):
                selection.setCurrentIndex(index, _SELECT_ROW)
            self.view.scrollTo(index)
        finally:
            self._quiet -= 1
