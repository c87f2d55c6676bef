"""Staff time from a meeting: its duration × the EPN people present, shared between the partner
organisations present (so each partner's balance carries its part of the meeting's cost)."""

from __future__ import annotations

from dataclasses import dataclass

from partnerdesk.domain import validation as v
from partnerdesk.domain.balance import TimeEntry
from partnerdesk.domain.labels import N_
from partnerdesk.domain.meetings import ATTENDED
from partnerdesk.i18n import _
from partnerdesk.services import balance, meetings
from partnerdesk.services.meetings.invitations import invitees_of
from partnerdesk.store import database
from partnerdesk.store.models import StaffTime


@dataclass
class MeetingTime:
    """What logging a meeting's time would do: shown before it is done."""

    meeting_id: int
    hours_each: float | None  # the meeting's duration, from its start and end times
    organisation_ids: list[int]  # the partner organisations present
    project_id: int | None
    already: float  # hours already logged from this meeting


def _duration(start: str, end: str) -> float | None:
    try:
        sh, sm = (int(x) for x in start.split(":"))
        eh, em = (int(x) for x in end.split(":"))
    except ValueError:
        return None
    minutes = (eh * 60 + em) - (sh * 60 + sm)
    return round(minutes / 60, 2) if minutes > 0 else None


def plan(meeting_id: int) -> MeetingTime:
    meeting = meetings.get_meeting(meeting_id)
    if meeting is None:
        raise v.ValidationError({"meeting": N_("This meeting no longer exists.")})
    present = list(dict.fromkeys(i.organisation_id for i in invitees_of(meeting_id)
                                 if i.answer in ATTENDED and i.organisation_id is not None))
    already = sum(r.hours for r in StaffTime.select(StaffTime.hours).where(StaffTime.meeting_id == meeting_id))
    return MeetingTime(meeting_id, _duration(meeting.start_time, meeting.end_time), present, meeting.project_id,
                       round(already, 2))


def log_meeting_time(meeting_id: int, epn_people: int, hours_each: float | None = None,
                     who: str = "") -> list[TimeEntry]:
    """Replace the time logged from this meeting by duration × EPN people, shared between the
    partner organisations present (or on the meeting's project when none was present)."""
    p = plan(meeting_id)
    hours_each = hours_each if hours_each is not None else p.hours_each
    v.collect({
        "hours": None if hours_each and hours_each > 0 else N_("Give the meeting's duration (its start and end "
                                                               "times, or a number of hours)."),
        "people": None if 1 <= epn_people <= 50 else N_("Between 1 and 50 EPN people."),
        "organisation": None if p.organisation_ids or p.project_id else N_(
            "Nobody from a partner organisation was marked present, and the meeting has no project: "
            "the time would belong to no one."),
    })
    meeting = meetings.get_meeting(meeting_id)
    total = round(hours_each * epn_people, 2)
    targets = p.organisation_ids or [None]
    share = round(total / len(targets), 2)
    description = _("Meeting: {title}").format(title=meeting.title)[:500]
    made = []
    with database.atomic("IMMEDIATE"):
        StaffTime.delete().where(StaffTime.meeting_id == meeting_id).execute()
        for org_id in targets:
            entry = balance.log_time(TimeEntry(meeting.held_on, share, who or meeting.in_charge, description,
                                               organisation_id=org_id, project_id=p.project_id))
            StaffTime.update(meeting_id=meeting_id).where(StaffTime.id == entry.id).execute()
            made.append(entry)
    return made
