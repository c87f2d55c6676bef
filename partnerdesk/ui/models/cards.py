"""One list model per pipeline column; cards are dragged out as their id and dropped as a move request.

The model never moves cards itself: a drop emits `move_requested(card_id, stage, row)`
and the board pushes an undoable command that calls the services, then reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, Qt, QTimer, Signal

from partnerdesk.domain.projects import PartnerCard
from partnerdesk.ui.models.roles import IdRole, ObjectRole

CARD_MIME = "application/x-partnerdesk-card"


class CardListModel(QAbstractListModel):
    move_requested = Signal(int, str, int)  # card id, stage, row (-1: at the end)

    def __init__(self, stage: str, parent=None):
        super().__init__(parent)
        self.stage = stage
        self._cards: list[PartnerCard] = []

    def set_cards(self, cards: list[PartnerCard]) -> None:
        self.beginResetModel()
        self._cards = cards
        self.endResetModel()

    def cards(self) -> list[PartnerCard]:
        return list(self._cards)

    def card_at(self, row: int) -> PartnerCard:
        return self._cards[row]

    def row_of(self, card_id: int) -> int:
        return next((i for i, c in enumerate(self._cards) if c.id == card_id), -1)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._cards)):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.organisation_name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{card.organisation_name}\n{card.project_title}"
        if role == IdRole:
            return card.id
        if role == ObjectRole:
            return card
        return None

    # --- drag and drop ------------------------------------------------------

    def flags(self, index):
        if index.isValid():
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return Qt.ItemFlag.ItemIsDropEnabled  # drops land between cards, never on one

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [CARD_MIME]

    def mimeData(self, indexes):
        mime = QMimeData()
        ids = [str(self._cards[i.row()].id) for i in indexes if i.isValid()]
        mime.setData(CARD_MIME, QByteArray(",".join(ids).encode()))
        return mime

    def canDropMimeData(self, data, action, row, column, parent):
        return data.hasFormat(CARD_MIME)

    def dropMimeData(self, data, action, row, column, parent):
        if not data.hasFormat(CARD_MIME):
            return False
        raw = bytes(data.data(CARD_MIME)).decode()
        if not raw:
            return False
        card_id = int(raw.split(",")[0])
        if parent.isValid():
            row = parent.row()
        # After the drag has finished: the move reloads the models.
        QTimer.singleShot(0, lambda: self.move_requested.emit(card_id, self.stage, row))
        # False: the source view must not remove the row itself.
        return False
