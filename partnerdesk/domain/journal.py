"""The journal ("Suivi"): dated interactions, and the contact cadence they restart."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain.labels import N_, LabelledEnum


class Cadence(LabelledEnum):
    """Where a partner stands against its contact cadence."""

    NONE = "none"  # no cadence set
    OK = "ok"
    AMBER = "amber"  # overdue
    RED = "red"  # overdue past twice the cadence

    @classmethod
    def _labels(cls):
        return {
            "none": N_("No contact cadence"),
            "ok": N_("Up to date"),
            "amber": N_("Contact overdue"),
            "red": N_("Contact long overdue"),
        }


def next_contact_due(last_contact: dt.date | None, cadence_days: int | None,
                     since: dt.date | None = None) -> dt.date | None:
    """When the next contact is due: the cadence counted from the last contact (or from
    `since`, the card's creation, when there was never any contact)."""
    if not cadence_days or cadence_days <= 0:
        return None
    start = last_contact or since
    return start + dt.timedelta(days=cadence_days) if start else None


def cadence_state(last_contact: dt.date | None, cadence_days: int | None, today: dt.date,
                  since: dt.date | None = None) -> Cadence:
    """OK until the cadence has passed, amber once overdue, red past twice the cadence.

    A partner with a cadence and no contact ever counts from `since`; with neither it is red.
    """
    if not cadence_days or cadence_days <= 0:
        return Cadence.NONE
    start = last_contact or since
    if start is None:
        return Cadence.RED
    late = (today - start).days
    if late <= cadence_days:
        return Cadence.OK
    if late <= 2 * cadence_days:
        return Cadence.AMBER
    return Cadence.RED


@dataclass
class InteractionData:
    """One dated exchange with one or several organisations and people."""

    kind: str
    occurred_on: dt.date
    summary: str = ""
    organisation_ids: list[int] = field(default_factory=list)
    person_ids: list[int] = field(default_factory=list)
    project_id: int | None = None
    organisation_names: list[str] = field(default_factory=list)
    person_names: list[str] = field(default_factory=list)
    id: int | None = None
