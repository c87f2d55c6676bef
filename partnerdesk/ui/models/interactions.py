"""The journal ("Suivi") model: interactions newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt

from partnerdesk.domain.journal import InteractionData
from partnerdesk.domain.partners import InteractionKind
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.ui.models.people import _ListModel

I_DATE, I_KIND, I_WITH, I_SUMMARY = range(4)


class InteractionTableModel(_ListModel):
    HEADERS = [N_("Date"), N_("Kind"), N_("With"), N_("Summary")]
    # The card's own name, left out of the "With" column.
    hidden_names: set[str] = set()

    def display(self, i: InteractionData, col: int) -> str:
        kind = InteractionKind.parse(i.kind)
        return [format_date(i.occurred_on), _(kind.label) if kind else i.kind,
                ", ".join(n for n in [*i.organisation_names, *i.person_names] if n not in self.hidden_names),
                i.summary][col]

    def sort_key(self, i: InteractionData, col: int):
        if col == I_DATE:
            return f"{i.occurred_on.isoformat()}-{i.id:010d}"
        return super().sort_key(i, col)

    def extra(self, i, col, role):
        if role == Qt.ItemDataRole.TextAlignmentRole and col == I_DATE:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None
