"""The organisations list model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from partnerdesk.domain.partners import OrganisationSummary, OrgKind, OrgStatus
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.ui.models.roles import IdRole, ObjectRole, SortRole

COL_NAME, COL_KIND, COL_CITY, COL_STATUS, COL_TAGS, COL_LAST_CONTACT, COL_NEXT_ACTION = range(7)
HEADERS = [N_("Name"), N_("Kind"), N_("City"), N_("Status"), N_("Tags"), N_("Last contact"), N_("Next action")]


class OrganisationTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[OrganisationSummary] = []

    def set_rows(self, rows: list[OrganisationSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> OrganisationSummary:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        org = self._rows[index.row()]
        col = index.column()
        if role == IdRole:
            return org.id
        if role == ObjectRole:
            return org
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(org, col)
        if role == SortRole:
            if col == COL_LAST_CONTACT:
                return org.last_contact.isoformat() if org.last_contact else ""
            return (self._display(org, col) or "").casefold()
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME:
            return org.name
        return None

    def _display(self, org: OrganisationSummary, col: int) -> str:
        if col == COL_NAME:
            return org.name
        if col == COL_KIND:
            kind = OrgKind.parse(org.kind)
            return _(kind.label) if kind else org.kind
        if col == COL_CITY:
            return org.city
        if col == COL_STATUS:
            status = OrgStatus.parse(org.status)
            return _(status.label) if status else org.status
        if col == COL_TAGS:
            return ", ".join(org.tags)
        if col == COL_LAST_CONTACT:
            return format_date(org.last_contact)
        if col == COL_NEXT_ACTION:
            return org.next_action
        return ""
