"""The contact cadence in words: one wording wherever it shows ("Tous les mois", never
"Tous les 30 jours" in another place)."""

from __future__ import annotations

from partnerdesk.i18n import N_, _

CADENCES = [(30, N_("Every month")), (60, N_("Every 2 months")), (90, N_("Every 3 months")),
            (180, N_("Every 6 months")), (365, N_("Every year"))]


def cadence_label(days: int | None) -> str:
    if not days:
        return ""
    named = dict(CADENCES).get(days)
    return _(named) if named else _("Every {days} days").format(days=days)
