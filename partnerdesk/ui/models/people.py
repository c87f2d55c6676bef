"""People: the people list, and the people of one organisation with their affiliations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from partnerdesk.domain.partners import Member, PersonRow
from partnerdesk.domain.phone_display import display_phone
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.ui.models.roles import IdRole, ObjectRole, SortRole
from partnerdesk.ui.models.filtered import SearchFilteredRows
from partnerdesk.ui.models.rows import SortedRowsModel


class _ListModel(SortedRowsModel):
    def item_data(self, row: int, col: int, role):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(row)[col]
        item = self._rows[row]
        if role == ObjectRole:
            return item
        if role == IdRole:
            return self.item_id(item)
        if role == SortRole:
            return self.sort_key(item, col)
        return self.extra(item, col, role)

    def display(self, item, col: int) -> str:
        raise NotImplementedError

    def cell_text(self, item, col: int) -> str:
        return self.display(item, col)

    def sort_key(self, item, col: int):
        return normalize(self.display(item, col))

    def extra(self, item, col: int, role):
        return None


P_NAME, P_ORGS, P_EMAILS, P_PHONES, P_RELAIS = range(5)


class PersonTableModel(_ListModel):
    HEADERS = [N_("Name"), N_("Organisations"), N_("Emails"), N_("Phones"), N_("Relay")]
    # The roles data() answers (`extra` adds none here); the others get None at once.
    ANSWERED_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                 ObjectRole, IdRole, SortRole))

    def display(self, p: PersonRow, col: int) -> str:
        return [p.full_name, ", ".join(p.organisations), ", ".join(p.emails), ", ".join(map(display_phone, p.phones)),
                _("yes") if p.relais else ""][col]

    def sort_key(self, p: PersonRow, col: int):
        if col == P_NAME:
            return normalize(f"{p.last_name} {p.first_name}")
        return super().sort_key(p, col)


class PersonFilterProxy(SearchFilteredRows):
    """Search hits (ids, None for all) and filters: tag, relais, kind and id of a current
    organisation (None for any)."""

    def passes(self, person, f: dict) -> bool:
        if "tag" in f and f["tag"] not in person.tag_ids:
            return False
        if "relais" in f and person.relais != f["relais"]:
            return False
        if "kind" in f and f["kind"] not in person.organisation_kinds:
            return False
        if "organisation" in f and f["organisation"] not in person.organisation_ids:
            return False
        return True


M_NAME, M_ROLE, M_START, M_END, M_EMAILS, M_PHONES, M_RELAIS = range(7)


class MemberTableModel(_ListModel):
    """The people of one organisation: current affiliations, then past ones (greyed)."""

    HEADERS = [N_("Name"), N_("Role"), N_("Since"), N_("Until"), N_("Emails"), N_("Phones"), N_("Relay")]

    def item_id(self, m: Member):
        return m.person.id

    def display(self, m: Member, col: int) -> str:
        a = m.affiliation
        return [m.full_name, a.role, format_date(a.start_date), format_date(a.end_date),
                ", ".join(m.person.emails), ", ".join(map(display_phone, m.person.phones)), _("yes") if m.person.relais else ""][col]

    def sort_key(self, m: Member, col: int):
        a = m.affiliation
        if col == M_START:
            return a.start_date.isoformat() if a.start_date else ""
        if col == M_END:
            return a.end_date.isoformat() if a.end_date else "9999"
        return super().sort_key(m, col)

    def extra(self, m: Member, col: int, role):
        if not m.is_current:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#7a7a7a"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        return None


A_ORG, A_ROLE, A_START, A_END = range(4)


class AffiliationTableModel(_ListModel):
    """A person's affiliations over time; rows are (AffiliationData, organisation name)."""

    HEADERS = [N_("Organisation"), N_("Role"), N_("Since"), N_("Until")]

    def item_id(self, row):
        return row[0].id

    def display(self, row, col: int) -> str:
        a, name = row
        role = " — ".join(x for x in (a.role, a.department) if x)
        return [name, role, format_date(a.start_date),
                format_date(a.end_date) if a.end_date else _("current")][col]

    def extra(self, row, col: int, role):
        if row[0].end_date is not None and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#7a7a7a"))
        return None
