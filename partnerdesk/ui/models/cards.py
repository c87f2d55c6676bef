"""One list model per pipeline column; cards are dragged out as their id and dropped as a move request.

The model never moves cards itself: a drop emits `move_requested(card_id, stage, row)`
and the board pushes an undoable command that calls the services; the board then hands
each column its new list through `update_cards`, which removes and inserts only the rows
that changed (the views keep their scroll position and selection; no reset).
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

    def update_cards(self, cards: list[PartnerCard]) -> None:
        """Show `cards` by removing and inserting only the rows that changed, then refreshing the rest.

        Falls back to a reset when the cards kept changed their order."""
        new_ids = [c.id for c in cards]
        old_ids = {c.id for c in self._cards}
        wanted = set(new_ids)
        kept = [i for i in new_ids if i in old_ids]
        if [c.id for c in self._cards if c.id in wanted] != kept:
            self.set_cards(cards)
            return
        for row in range(len(self._cards) - 1, -1, -1):
            if self._cards[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._cards[row]
                self.endRemoveRows()
        for row, card in enumerate(cards):  # the rows before `row` already match `cards`
            if card.id not in old_ids:
                self.beginInsertRows(QModelIndex(), row, row)
                self._cards.insert(row, card)
                self.endInsertRows()
        self._cards = list(cards)  # the fresh cards (a next step, a reason, a position changed)
        if cards:
            self.dataChanged.emit(self.index(0), self.index(len(cards) - 1))

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
