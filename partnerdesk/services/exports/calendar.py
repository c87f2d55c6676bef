"""Milestones, sessions and reminders to iCalendar (.ics) in the Europe/Paris
time zone, for the agenda of a phone or an email client.

Built on whichever of these tables exist (projects come from another area):
`milestone`, `project_session`, `meeting` (Rencontres), the next steps of `project_partner`, and the
contact-cadence reminders of the organisations (those of the "À faire" tab).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerdesk.i18n import _
from partnerdesk.services import tables
from partnerdesk.services.exports.vcard import escape, fold
from partnerdesk.store import database

VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Paris
X-LIC-LOCATION:Europe/Paris
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""


@dataclass
class Event:
    uid: str
    summary: str
    day: dt.date
    start: dt.time | None = None
    end: dt.time | None = None
    location: str = ""
    description: str = ""


def _date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _time(value) -> dt.time | None:
    try:
        return dt.time.fromisoformat(str(value)[:5]) if value else None
    except ValueError:
        return None


def _contact_reminders() -> list[Event]:
    """The contact cadence of each organisation: "Get in touch with X" on the day it runs out
    (the same reminders as the "À faire" tab, over the whole calendar)."""
    try:
        from partnerdesk.services import todo
    except ImportError:  # the projects area is not there
        return []
    far = dt.date(9000, 1, 1)  # every reminder, however far ahead
    return [Event(f"reminder-{item.key.replace(':', '-')}", item.title, item.due_on, description=item.detail)
            for item in todo.overdue_cadences(far)]


def events(start: dt.date | None = None) -> list[Event]:
    """Every dated item from `start` on (all when None)."""
    names = set(tables.data_tables())
    found: list[Event] = []
    if "milestone" in names:
        for mid, title, due, project in database.execute_sql(
                "SELECT m.id, m.title, m.due_on, p.title FROM milestone m LEFT JOIN project p ON p.id = m.project_id"):
            if day := _date(due):
                found.append(Event(f"milestone-{mid}", f"{title} — {project}" if project else title, day))
    if "project_session" in names:
        for sid, held, start_t, end_t, place, project, cancelled in database.execute_sql(
                "SELECT s.id, s.held_on, s.start_time, s.end_time, s.place, p.title, s.cancelled "
                "FROM project_session s LEFT JOIN project p ON p.id = s.project_id"):
            if (day := _date(held)) and not cancelled:
                found.append(Event(f"session-{sid}", _("Session: {project}").format(project=project or ""), day,
                                   _time(start_t), _time(end_t), place or ""))
    if "project_partner" in names and "project" in names:
        for ppid, step, when, org, project in database.execute_sql(
                "SELECT pp.id, pp.next_step, pp.next_step_on, o.name, p.title FROM project_partner pp "
                "JOIN organisation o ON o.id = pp.organisation_id JOIN project p ON p.id = pp.project_id "
                "WHERE pp.next_step_on IS NOT NULL"):
            if day := _date(when):
                found.append(Event(f"next-step-{ppid}", f"{step or _('Next step')} — {org}", day,
                                   description=project or ""))
    if "meeting" in names:
        for mid, title, held, start_t, end_t, place, theme in database.execute_sql(
                "SELECT id, title, held_on, start_time, end_time, place, theme FROM meeting "
                "WHERE deleted_at IS NULL AND cancelled = 0"):
            if day := _date(held):
                found.append(Event(f"meeting-{mid}", title, day, _time(start_t), _time(end_t), place or "",
                                   theme or ""))
    found += _contact_reminders()
    if start is not None:
        found = [e for e in found if e.day >= start]
    return sorted(found, key=lambda e: (e.day, e.start or dt.time.min, e.uid))


def ics(items: list[Event], now: dt.datetime | None = None) -> bytes:
    stamp = (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//PartnerDesk//Agenda//FR", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-TIMEZONE:Europe/Paris", *VTIMEZONE.splitlines()]
    for event in items:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}@partnerdesk", f"DTSTAMP:{stamp}"]
        if event.start is not None:
            begin = dt.datetime.combine(event.day, event.start)
            end = dt.datetime.combine(event.day, event.end) if event.end and event.end > event.start \
                else begin + dt.timedelta(hours=1)
            lines += [f"DTSTART;TZID=Europe/Paris:{begin:%Y%m%dT%H%M%S}",
                      f"DTEND;TZID=Europe/Paris:{end:%Y%m%dT%H%M%S}"]
        else:
            lines += [f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
                      f"DTEND;VALUE=DATE:{event.day + dt.timedelta(days=1):%Y%m%d}"]
        lines.append(f"SUMMARY:{escape(event.summary)}")
        if event.location:
            lines.append(f"LOCATION:{escape(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
