"""The tags list model: name with its colour, and how many cards carry it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from partnerdesk.domain.partners import TagData
from partnerdesk.i18n import _
from partnerdesk.ui.models.roles import IdRole, ObjectRole, SortRole


def colour_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class TagListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[TagData] = []

    def set_rows(self, rows: list[TagData]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> TagData:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        tag = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _("{name} ({orgs} organisations, {people} people)").format(
                name=tag.name, orgs=tag.organisations, people=tag.people)
        if role == Qt.ItemDataRole.DecorationRole:
            return colour_icon(tag.colour)
        if role == IdRole:
            return tag.id
        if role == ObjectRole:
            return tag
        if role == SortRole:
            return tag.name.casefold()
        return None
