"""Typing refused in a table cell is kept: the cell shows it (its tooltip says why), the message
is shown under the table, and the cell's editor opens again with it while the table has the
focus. Escape in that editor goes back to the saved value; a refusal left in the table makes the
page "modified" (`ui/unsaved.py`), so that leaving the project asks first."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemDelegate, QLabel, QTableView

from partnerdesk.i18n import _

REFUSED_BACKGROUND = QColor("#fee2e2")
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole)


@dataclass(frozen=True)
class Cell:
    """A cell's typing: the record (by id), the column, and what was typed or chosen."""

    record_id: int
    column: int
    typed: object


class RefusedCells:
    """Mixin of an editable `RecordTableModel`: typing refused, by (record id, column), with its
    message, until the cell is saved or the typing dropped."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._refused_cells: dict[tuple[int, int], tuple[object, str]] = {}

    def _refusals(self) -> dict[tuple[int, int], tuple[object, str]]:
        return self._refused_cells

    def cell(self, index, typed) -> Cell:
        return Cell(self.row_at(index.row()).id, index.column(), typed)

    def refuse(self, cell: Cell, message: str) -> None:
        self._refusals()[(cell.record_id, cell.column)] = (cell.typed, message)
        self._cell_changed(cell)
        self.refused.emit(cell, message)

    def accept(self, cell: Cell) -> None:
        if self._refusals().pop((cell.record_id, cell.column), None) is not None:
            self._cell_changed(cell)

    def refusals(self) -> list[tuple[Cell, str]]:
        return [(Cell(rid, col, typed), message) for (rid, col), (typed, message) in self._refusals().items()]

    def drop_refusals(self) -> None:
        cells = [cell for cell, _message in self.refusals()]
        self._refusals().clear()
        for cell in cells:
            self._cell_changed(cell)

    def index_of(self, cell: Cell):
        row = self.row_of(cell.record_id)
        return self.index(row, cell.column) if row is not None and row >= 0 else None

    def refused_data(self, index, role):
        """What a refused cell shows for `role`, or None to show the record."""
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        kept = self._refusals().get((self.row_at(index.row()).id, index.column()))
        if kept is None:
            return None
        typed, message = kept
        if role in TEXT_ROLES and isinstance(typed, str):
            return typed
        if role == Qt.ItemDataRole.ToolTipRole:
            return message
        if role == Qt.ItemDataRole.BackgroundRole:
            return REFUSED_BACKGROUND
        return None

    def _cell_changed(self, cell: Cell) -> None:
        index = self.index_of(cell)
        if index is not None:
            self.dataChanged.emit(index, index)


class CellMessage(QLabel):
    """The message under a table whose model refuses typing (`RefusedCells`); opens the refused
    cell's editor again while the table has the focus, and drops the typing on Escape."""

    def __init__(self, view: QTableView, object_name: str):
        super().__init__()
        self.view = view
        self.model = view.model()
        self.setObjectName(object_name)
        self.setStyleSheet("color: #b91c1c;")
        self.setWordWrap(True)
        self.hide()
        self.model.refused.connect(self._refused)
        self.model.dataChanged.connect(self.update_message)
        view.itemDelegate().closeEditor.connect(self._editor_closed)

    def _refused(self, cell: Cell, message: str) -> None:
        self.setText(_("Not saved: {message} Correct the cell, or press Escape in it to go back to the "
                       "saved value.").format(message=message))
        self.show()
        index = self.model.index_of(cell)
        if index is not None:
            kept = QPersistentModelIndex(index)
            QTimer.singleShot(0, lambda: self._edit_again(kept))

    def _edit_again(self, index: QPersistentModelIndex) -> None:
        """The editor again, with the typing, when Enter closed it (the table has the focus back);
        not when the user went elsewhere."""
        if index.isValid() and self.view.hasFocus() and self.view.state() != self.view.State.EditingState:
            self.view.setCurrentIndex(self.view.model().index(index.row(), index.column()))
            self.view.edit(self.view.currentIndex())

    def _editor_closed(self, _editor, hint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            index = self.view.currentIndex()
            if index.isValid():
                self.model.accept(self.model.cell(index, None))

    def update_message(self, *_changed) -> None:
        """Hidden once no refusal is kept."""
        if not self.model.refusals():
            self.hide()
            self.clear()

    def settle(self) -> bool:
        """Try the refused typing again (Enregistrer); True when nothing is left refused."""
        for cell, _message in self.model.refusals():
            index = self.model.index_of(cell)
            if index is None:
                self.model.accept(cell)
            else:
                self.model.setData(index, cell.typed, Qt.ItemDataRole.EditRole)
        self.update_message()
        return not self.model.refusals()

    def drop(self) -> None:
        self.model.drop_refusals()
        self.update_message()
