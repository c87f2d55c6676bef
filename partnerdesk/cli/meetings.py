"""meetings: the Rencontres, one line per meeting beginning with its number, with the invitees' answers."""

from __future__ import annotations

from partnerdesk.cli.common import opened, project_option, run
from partnerdesk.domain.meetings import Answer, MeetingKind
from partnerdesk.i18n import _, format_date, format_hours


def register(sub) -> None:
    p = sub.add_parser("meetings", help="list the meetings and committees with the invitees' answers")
    p.add_argument("--upcoming", action="store_true", help="only the meetings from today on")
    p.add_argument("--project", metavar="P", help="only the meetings of this project (number or part of its title)")
    p.add_argument("--invitees", action="store_true", help="also list each invitee with their answer")
    p.set_defaults(func=cmd_meetings)


def _label(enum, value: str) -> str:
    member = enum.parse(value)
    return _(member.label) if member else value


def line(summary) -> str:
    from partnerdesk.services import meetings

    m = summary.meeting
    parts = [format_date(m.held_on)]
    if m.start_time or m.end_time:
        parts.append(format_hours(m.start_time, m.end_time))
    head = f"{m.id:>4}  " + " ".join(parts)
    what = [_label(MeetingKind, m.kind), m.title]
    if summary.project_title:
        what.append(summary.project_title)
    if m.cancelled:
        what.append(_("cancelled"))
    return f"{head}  " + " · ".join(what) + " — " + meetings.answers_summary(summary.answers)


@run
def cmd_meetings(args):
    from partnerdesk.services import meetings
    from partnerdesk.services.meetings import invitations

    with opened(args):
        project_id = project_option(args.project)
        rows = meetings.list_meetings(upcoming=args.upcoming, project_id=project_id)
        for summary in rows:
            print(line(summary))
            if args.invitees:
                for invitee in invitations.invitees_of(summary.meeting.id):
                    print(f"        {_label(Answer, invitee.answer):<12} {invitee.label}")
        if not rows:
            print(_("No meeting."))
