"""The "À faire" view's plain records: one line of what needs doing, from any source."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerdesk.domain.labels import N_, LabelledEnum


class TodoKind(LabelledEnum):
    """Kinds the projects area produces; other areas may add their own strings (labelled by them)."""

    CADENCE = "cadence"
    MILESTONE = "milestone"
    NEXT_STEP = "next_step"
    SESSION = "session"
    ATTENDANCE = "attendance"
    VOEUX = "voeux"

    @classmethod
    def _labels(cls):
        return {
            "cadence": N_("Contact due"),
            "milestone": N_("Milestone"),
            "next_step": N_("Next step"),
            "session": N_("Session"),
            "attendance": N_("Attendance to fill in"),
            "voeux": N_("Greetings"),
        }


@dataclass
class TodoItem:
    """A line of "À faire".

    `key` is stable across refreshes (e.g. "milestone:12"): done/postponed state is stored
    under it. `open_kind`/`open_id` say what the line opens (`open_requested(kind, id)`):
    "organisation", "project", "project_partner" (a card of a pipeline), "session", "milestone"...
    `title`, `detail` and `kind_label` are ready to show (sources translate them).
    """

    key: str
    due_on: dt.date
    kind: str
    title: str
    open_kind: str
    open_id: int
    detail: str = ""
    kind_label: str = ""  # for kinds other areas add; TodoKind labels the projects area's own

    def is_overdue(self, today: dt.date) -> bool:
        return self.due_on < today


def window_end(today: dt.date) -> dt.date:
    """The Sunday of next week: "this week and next"."""
    return today + dt.timedelta(days=13 - today.weekday())
