"""The tags list model: name with its colour, and how many cards carry it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from partnerdesk.domain.partners import TagData
from partnerdesk.i18n import N_, _
from partnerdesk.ui.models.records import Column, RecordTableModel


def colour_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def _label(tag: TagData) -> str:
    return _("{name} ({orgs} organisations, {people} people)").format(
        name=tag.name, orgs=tag.organisations, people=tag.people)


class TagListModel(RecordTableModel):
    """One column, shown in a list view."""

    TEXT_TOOLTIPS = False
    COLUMNS = [Column(N_("Tag"), _label, lambda tag: tag.name.casefold())]

    def extra_data(self, record: TagData, column: int, role: int):
        if role == Qt.ItemDataRole.DecorationRole:
            return colour_icon(record.colour)
        return None
