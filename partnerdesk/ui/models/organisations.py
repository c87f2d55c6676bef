"""The organisations list model and its filter proxy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from partnerdesk.domain.journal import Cadence
from partnerdesk.domain.partners import OrganisationSummary, OrgKind, OrgStatus
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.ui.models.roles import IdRole, ObjectRole, SortRole
from partnerdesk.ui.models.filtered import SearchFilteredRows
from partnerdesk.ui.models.rows import SortedRowsModel

COL_NAME, COL_KIND, COL_CITY, COL_STATUS, COL_TAGS, COL_LAST_CONTACT, COL_NEXT_ACTION = range(7)
HEADERS = [N_("Name"), N_("Kind"), N_("City"), N_("Status"), N_("Tags"), N_("Last contact"), N_("Next action")]

# Overdue partners: amber, then red past twice the cadence (background, text).
CADENCE_COLOURS = {Cadence.AMBER.value: ("#fde8b0", "#7a4b00"), Cadence.RED.value: ("#f8c9c4", "#8a1c12")}


# The roles data() answers (keep in step with it); the others get None at once.
_ROLES = frozenset(int(r) for r in (IdRole, ObjectRole, SortRole, Qt.ItemDataRole.DisplayRole,
                                      Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
                                      Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole))


class OrganisationTableModel(SortedRowsModel):
    HEADERS = HEADERS
    ANSWERED_ROLES = _ROLES

    def item_data(self, row: int, col: int, role):
        if role not in _ROLES:  # painting asks a dozen roles per cell: answer the others at once
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(row)[col]
        org = self._rows[row]
        if role == IdRole:
            return org.id
        if role == ObjectRole:
            return org
        if role == SortRole:
            return self.sort_key(org, col)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME:
            return cadence_dot(getattr(org, "cadence", "none"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_NAME:
                state = Cadence.parse(getattr(org, "cadence", "none"))
                if state in (Cadence.AMBER, Cadence.RED):
                    return f"{org.name}\n{_(state.label)}"
                return org.name
            if col in (COL_LAST_CONTACT, COL_NEXT_ACTION):
                state = Cadence.parse(getattr(org, "cadence", "none"))
                return _(state.label) if state else None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and col in (
                COL_LAST_CONTACT, COL_NEXT_ACTION):
            colours = CADENCE_COLOURS.get(getattr(org, "cadence", "none"))
            if colours:
                return QBrush(QColor(colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1]))
        return None

    def sort_key(self, org: OrganisationSummary, col: int):
        if col == COL_LAST_CONTACT:
            return org.last_contact.isoformat() if org.last_contact else ""
        if col == COL_NEXT_ACTION:
            due = getattr(org, "next_due", None)
            return due.isoformat() if due else "9999"
        return normalize(self.cell_text(org, col))

    def cell_text(self, org: OrganisationSummary, col: int) -> str:
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
            return org.next_action or next_action_text(org)
        return ""


_DOTS: dict[str, QIcon] = {}


def cadence_dot(cadence: str) -> QIcon | None:
    """The follow-up colour next to the name (amber, red), readable while the
    "Last contact" column is off-screen on a narrow window."""
    colours = CADENCE_COLOURS.get(cadence)
    if colours is None:
        return None
    if cadence not in _DOTS:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(colours[1]))
        painter.setBrush(QColor(colours[1] if cadence == Cadence.RED.value else "#e0a020"))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _DOTS[cadence] = QIcon(pixmap)
    return _DOTS[cadence]


def next_action_text(org) -> str:
    due = getattr(org, "next_due", None)
    if due is None:
        return ""
    if getattr(org, "cadence", "") in (Cadence.AMBER.value, Cadence.RED.value):
        return _("Overdue since {date}").format(date=format_date(due))
    return _("Get in touch by {date}").format(date=format_date(due))


class OrganisationFilterProxy(SearchFilteredRows):
    """The organisations shown, in the source's order: search hits (a set of ids, None for
    all) and kind, status, tag, public reached, contribution type, follow-up (None for any)."""

    def passes(self, org, f: dict) -> bool:
        if "kind" in f and org.kind != f["kind"]:
            return False
        if "status" in f and org.status != f["status"]:
            return False
        if "tag" in f and f["tag"] not in getattr(org, "tag_ids", []):
            return False
        if "public" in f and f["public"] not in getattr(org, "publics", []):
            return False
        if "contribution" in f and f["contribution"] not in getattr(org, "contributions", []):
            return False
        if "cadence" in f and getattr(org, "cadence", "none") not in f["cadence"]:
            return False
        return True
