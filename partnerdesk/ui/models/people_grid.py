"""The trombinoscope's people list: photo (or initials), name, role, organisation."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from partnerdesk.domain.consent import Missing
from partnerdesk.i18n import _
from partnerdesk.services.trombinoscope import PersonCard
from partnerdesk.ui.models.roles import IdRole, ObjectRole, SortRole
from partnerdesk.ui.thumbnails import ThumbnailProvider, initials_pixmap

RoleRole = Qt.ItemDataRole.UserRole + 10
OrganisationRole = Qt.ItemDataRole.UserRole + 11
HasPhotoRole = Qt.ItemDataRole.UserRole + 12


class PeopleGridListModel(QAbstractListModel):
    def __init__(self, provider: ThumbnailProvider | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[PersonCard] = []
        self._rows_by_photo: dict[str, list[int]] = {}
        self.icon_size = 128
        self.provider = provider
        if provider is not None:
            provider.ready.connect(self._photos_ready)

    def set_rows(self, rows: list[PersonCard]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._rows_by_photo = {}
        for number, card in enumerate(self._rows):
            if card.photo:
                self._rows_by_photo.setdefault(card.photo, []).append(number)
        self.endResetModel()

    def set_icon_size(self, size: int) -> None:
        """Photos at `size` from now on; the view relays out and repaints (no per-row signal:
        ten thousand rows would each be measured again)."""
        if size != self.icon_size:
            self.icon_size = size
            if self.provider is not None:
                self.provider.forget_queue()

    def row_at(self, row: int) -> PersonCard:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        card = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.full_name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(card)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(card)
        if role == IdRole:
            return card.id
        if role == ObjectRole:
            return card
        if role == SortRole:
            return (card.last_name.casefold(), card.first_name.casefold())
        if role == RoleRole:
            return card.role
        if role == OrganisationRole:
            return card.organisation
        if role == HasPhotoRole:
            return card.photo is not None
        return None

    def _decoration(self, card: PersonCard):
        if card.photo and self.provider is not None:
            pixmap = self.provider.pixmap(card.photo, self.icon_size)
            if pixmap is not None:
                return pixmap
        return initials_pixmap(card.initials, self.icon_size)

    def _tooltip(self, card: PersonCard) -> str:
        lines = [card.full_name]
        lines += [text for text in (card.role, card.organisation) if text]
        if card.has_photo and card.photo is None:
            lines.append(_("A photo exists, but the consent does not allow showing it."))
        if card.missing:
            lines.append(_("Incomplete card: {items}").format(
                items=", ".join(_(Missing(m).label) for m in card.missing)))
        return "\n".join(lines)

    def _photos_ready(self, photos: list[str]) -> None:
        rows = [n for photo in photos for n in self._rows_by_photo.get(photo, [])]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), [Qt.ItemDataRole.DecorationRole])
