"""The documents of a meeting, prepared from the database for the renderers:
the compte rendu (`export.minutes`) and the feuille d'émargement (the sessions'
`export.attendance`, fed with the invitees who did not excuse themselves)."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.documents import AttendanceSheetData
from partnerdesk.domain.meetings import Answer, CommitteeLine, MeetingKind, MinutesAction, MinutesData
from partnerdesk.i18n import _, format_hours
from partnerdesk.services import meetings, projects
from partnerdesk.services.documents.project_docs import DocumentError
from partnerdesk.services.meetings import followup, invitations


def _meeting(meeting_id: int):
    meeting = meetings.get_meeting(meeting_id)
    if meeting is None:
        raise DocumentError(_("No meeting with number {id}.").format(id=meeting_id))
    return meeting


def _project_title(project_id: int | None) -> str:
    project = projects.get_project(project_id) if project_id else None
    return project.title if project else ""


def minutes_data(meeting_id: int, today: dt.date | None = None) -> MinutesData:
    from partnerdesk.export.minutes import long_date  # ReportLab loads with the first document

    meeting = _meeting(meeting_id)
    invitees = invitations.invitees_of(meeting_id)
    by_answer = {a: [i.label for i in invitees if i.answer == a] for a in Answer}
    following = meetings.next_meeting_after(meeting)
    next_text = ""
    if following is not None:
        next_text = ", ".join(x for x in (long_date(following.held_on), format_hours(following.start_time, following.end_time), following.place) if x)
    kind = MeetingKind.parse(meeting.kind) or MeetingKind.AUTRE
    return MinutesData(
        title=meeting.title, kind_label=_(kind.label), held_on=meeting.held_on,
        generated_on=today or dt.date.today(), theme=meeting.theme, hours=format_hours(meeting.start_time, meeting.end_time), place=meeting.place,
        in_charge=meeting.in_charge, project=_project_title(meeting.project_id),
        present=by_answer[Answer.PRESENT], excused=by_answer[Answer.EXCUSE], absent=by_answer[Answer.ABSENT],
        agenda=meeting.agenda, minutes=meeting.minutes,
        decisions=[d.text for d in followup.decisions_of(meeting_id)],
        actions=[MinutesAction(a.what, a.owner_label, a.due_on, a.done_on) for a in followup.actions_of(meeting_id)],
        next_meeting=next_text)


def attendance_data(meeting_id: int, today: dt.date | None = None) -> AttendanceSheetData:
    """The sessions' émargement sheet for a meeting: the invitees not excused, lines to spare."""
    meeting = _meeting(meeting_id)
    coming = [i for i in invitations.invitees_of(meeting_id) if i.answer != Answer.EXCUSE.value]
    return AttendanceSheetData(project=meeting.title, held_on=meeting.held_on, generated_on=today or dt.date.today(),
                               time=format_hours(meeting.start_time, meeting.end_time), place=meeting.place,
                               facilitator=meeting.in_charge, related_project=_project_title(meeting.project_id),
                               planned=None, names=[i.person_name or i.organisation_name for i in coming],
                               structures=[i.organisation_name if i.person_name else "" for i in coming],
                               minimum_lines=8)


def committee_lines(project_id: int, today: dt.date | None = None) -> list[CommitteeLine]:
    """The project's committees held up to today (not cancelled), for its bilan."""
    today = today or dt.date.today()
    out = []
    for meeting in meetings.meetings_of_project(project_id, MeetingKind.COMITE.value, held_before=today):
        present = sum(1 for i in invitations.invitees_of(meeting.id) if i.answer == Answer.PRESENT.value)
        out.append(CommitteeLine(meeting.held_on, meeting.title, present, len(followup.decisions_of(meeting.id))))
    return out
