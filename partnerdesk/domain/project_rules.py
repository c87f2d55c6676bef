"""Pure rules of projects: the EPN calendar's proposals, recurring dates, budget and attendance totals."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from partnerdesk.domain.engagement import budget_totals  # noqa: F401  (the rule lives in engagement)
from partnerdesk.domain.labels import N_
from partnerdesk.domain.projects import (
    MilestoneProposal,
    MonthTotals,
    SessionData,
    SessionTotals,
    Stage,
)

# kind -> English title, marked for translation; the UI shows _(title).
PROPOSAL_TITLES = {
    "formal_meeting": N_("Plan the formal meeting"),
    "setup_meeting": N_("Set-up meeting"),
    "bilan_meeting": N_("Assessment meeting (fix the date early)"),
    "sessions": N_("Schedule the sessions"),
    "report": N_("Write the report"),
    "send_realizations": N_("Send the realizations to the partners"),
}

_TIME = re.compile(r"([01]?[0-9]|2[0-3])(?:[:h]([0-5][0-9])|h)?")
_AROUND_H = re.compile(r"\s*([:h])\s*")


def proposals_for(stage: str | Stage, today: dt.date, project_end: dt.date | None = None) -> list[MilestoneProposal]:
    """Next steps the EPN calendar proposes when a card reaches `stage`.

    The review meeting is fixed early, close to the end of the action (a week
    before the end date, or three months ahead when there is none).
    """
    stage = Stage(stage)

    def make(kind: str, days: int | None = None, on: dt.date | None = None) -> MilestoneProposal:
        return MilestoneProposal(kind, PROPOSAL_TITLES[kind], on or today + dt.timedelta(days=days or 0))

    if stage is Stage.RENCONTRE_INFORMELLE:
        return [make("formal_meeting", 21)]
    if stage is Stage.CONVENTION_SIGNEE:
        bilan_on = today + dt.timedelta(days=90)
        if project_end is not None and project_end > today:
            bilan_on = max(today + dt.timedelta(days=1), project_end - dt.timedelta(days=7))
        return [make("setup_meeting", 14), make("bilan_meeting", on=bilan_on)]
    if stage is Stage.ACTION_EN_COURS:
        return [make("sessions", 7)]
    if stage is Stage.BILAN:
        return [make("report", 14), make("send_realizations", 30)]
    return []


def weekly_dates(first: dt.date, last: dt.date, skip: Iterable[dt.date] = (), every_weeks: int = 1) -> list[dt.date]:
    """Every `every_weeks` week from `first` (its weekday) to `last` inclusive, minus `skip`."""
    if last < first or every_weeks < 1:
        return []
    skipped = set(skip)
    out, day = [], first
    while day <= last:
        if day not in skipped:
            out.append(day)
        day += dt.timedelta(weeks=every_weeks)
    return out


def parse_time(text: str) -> str | None:
    """'14:00', '14h00', '14 h 30', '14h', '14', '9:30' -> 'HH:MM' (also what the documents write);
    None when not a time of day."""
    match = _TIME.fullmatch(_AROUND_H.sub(r"\1", (text or "").strip().lower()))
    if not match:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2) or '00'}"


def session_totals(sessions: Iterable[SessionData], today: dt.date | None = None) -> SessionTotals:
    """Sessions scheduled (not cancelled) and held (`SessionData.is_held`: attendance entered or
    marked held), participants, attendance rate actual / planned, per month. `today` is kept for
    callers; the date alone never makes a session held."""
    totals = SessionTotals()
    months: dict[tuple[int, int], MonthTotals] = {}
    for s in sessions:
        if s.cancelled:
            continue
        totals.scheduled += 1
        if not s.is_held:
            continue
        key = (s.held_on.year, s.held_on.month)
        month = months.setdefault(key, MonthTotals(*key))
        totals.held += 1
        month.sessions += 1
        for bucket in (totals, month):
            bucket.participants += s.present
            if s.planned_attendance and s.actual_attendance is not None:
                bucket.planned += s.planned_attendance
                bucket.rated_actual += s.actual_attendance
    totals.per_month = [months[k] for k in sorted(months)]
    return totals
