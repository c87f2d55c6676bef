"""The tags list model: name with its colour, and how many cards carry it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from partnerdesk.domain.partners import TagData
from partnerdesk.i18n import N_, ngettext
from partnerdesk.ui.models.records import Column, RecordTableModel


def colour_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def _label(tag: TagData) -> str:
    orgs = ngettext("{count} organisation", "{count} organisations", tag.organisations).format(
        count=tag.organisations)
    people = ngettext("{count} person", "{count} people", tag.people).format(count=tag.people)
    return f"{tag.name} ({orgs}, {people})"


class TagListModel(RecordTableModel):
    """One column, shown in a list view."""

    TEXT_TOOLTIPS = False
    COLUMNS = [Column(N_("Tag"), _label, lambda tag: tag.name.casefold())]

    def extra_data(self, record: TagData, column: int, role: int):
        if role == Qt.ItemDataRole.DecorationRole:
            return colour_icon(record.colour)
        return None
