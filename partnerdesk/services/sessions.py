"""Sessions ("séances") of a project, attendance ("feuilles d'émargement") and their totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from partnerdesk.domain import validation as v
from partnerdesk.domain.labels import N_
from partnerdesk.domain.project_rules import parse_time, session_totals, weekly_dates
from partnerdesk.domain.projects import SessionData, SessionTotals
from partnerdesk.domain.recurrence import Recurrence, RecurrenceError
from partnerdesk.store import database
from partnerdesk.store.models import Organisation, Person, Project, ProjectSession, SessionParticipant

_FIELDS = ("held_on start_time end_time place facilitator planned_attendance actual_attendance "
           "cancelled notes").split()


MAX_PEOPLE = 100_000  # at one session: more is a typing mistake (and beyond SQLite's integers, a crash)
TOO_MANY_PEOPLE = N_("Too large: 100,000 people at most.")


def validate_session(data: SessionData) -> SessionData:
    """Check and normalise times ('14h' -> '14:00'); raise ValidationError with every bad field."""
    checks: dict[str, str | None] = {}
    for name in ("start_time", "end_time"):
        raw = (getattr(data, name) or "").strip()
        if raw:
            parsed = parse_time(raw)
            if parsed is None:
                checks[name] = N_("Enter a time such as 14:00.")
            else:
                setattr(data, name, parsed)
    if not checks and data.start_time and data.end_time and data.end_time <= data.start_time:
        checks["end_time"] = N_("The session ends before it starts.")
    for name in ("planned_attendance", "actual_attendance"):
        value = getattr(data, name)
        if value is not None and value < 0:
            checks[name] = N_("Enter a number of people (0 or more).")
        elif value is not None and value > MAX_PEOPLE:
            checks[name] = TOO_MANY_PEOPLE
    if data.held_on is None:
        checks["held_on"] = N_("This field is required.")
    v.collect(checks)
    return data


def _data(row: ProjectSession, participants: list[str] | None = None) -> SessionData:
    return SessionData(row.project_id, row.held_on, row.start_time, row.end_time, row.place, row.facilitator,
                       row.organisation_id, row.planned_attendance, row.actual_attendance, row.cancelled,
                       row.notes, participants or [], row.id, bool(row.held))


def create_session(data: SessionData) -> SessionData:
    validate_session(data)
    with database.atomic():
        row = ProjectSession.create(project=data.project_id, organisation=data.organisation_id,
                                    held=data.marked_held, **{f: getattr(data, f) for f in _FIELDS})
        _set_participants(row.id, data.participants)
    data.id = row.id
    return data


def update_session(data: SessionData) -> SessionData:
    validate_session(data)
    with database.atomic():
        ProjectSession.update(organisation=data.organisation_id, held=data.marked_held,
                              **{f: getattr(data, f) for f in _FIELDS}).where(
            ProjectSession.id == data.id).execute()
        _set_participants(data.id, data.participants)
    return data


def delete_session(session_id: int) -> None:
    ProjectSession.delete().where(ProjectSession.id == session_id).execute()


def create_recurring(template: SessionData, first: dt.date, last: dt.date, skip: Iterable[dt.date] = (),
                     every_weeks: int = 1, rule: Recurrence | None = None) -> list[SessionData]:
    """Every week (same weekday as `first`) from `first` to `last`, minus `skip`, in one transaction;
    with `rule`, every N weeks or months (`domain.recurrence`: month ends kept)."""
    validate_session(template)
    if rule is not None:
        try:
            dates = rule.dates(first, last, skip=skip)
        except RecurrenceError as exc:
            raise v.ValidationError({"last": exc.message}) from exc
    else:
        dates = weekly_dates(first, last, skip, every_weeks)
    if not dates:
        raise v.ValidationError({"last": N_("No session falls between these dates.")})
    rows = []
    for day in dates:
        values = {f: getattr(template, f) for f in _FIELDS}
        values.update(held_on=day, actual_attendance=None, cancelled=False, held=False)
        rows.append(dict(project=template.project_id, organisation=template.organisation_id, **values))
    with database.atomic():
        for start in range(0, len(rows), 200):
            ProjectSession.insert_many(rows[start:start + 200]).execute()
    return [s for s in sessions_of(template.project_id) if s.held_on in set(dates)]


def _set_participants(session_id: int, participants: list[str]) -> None:
    """Participants present: free names, or 'person:ID' for a known person."""
    SessionParticipant.delete().where(SessionParticipant.session == session_id).execute()
    for entry in participants:
        entry = entry.strip()
        if not entry:
            continue
        if entry.startswith("person:") and entry[7:].isdigit():
            person = Person.get_or_none(Person.id == int(entry[7:]))
            name = f"{person.first_name} {person.last_name}".strip() if person else ""
            SessionParticipant.create(session=session_id, person=person.id if person else None, name=name)
        else:
            SessionParticipant.create(session=session_id, name=entry)


def participants_of(session_id: int) -> list[str]:
    rows = SessionParticipant.select().where(SessionParticipant.session == session_id).order_by(SessionParticipant.id)
    return [r.name for r in rows]


def get_session(session_id: int) -> SessionData | None:
    row = ProjectSession.get_or_none(ProjectSession.id == session_id)
    return _data(row, participants_of(row.id)) if row else None


def sessions_of(project_id: int) -> list[SessionData]:
    rows = (ProjectSession.select().where(ProjectSession.project == project_id)
            .order_by(ProjectSession.held_on, ProjectSession.start_time))
    return _with_participants(rows, SessionParticipant.select().join(ProjectSession)
                              .where(ProjectSession.project == project_id))


def _with_participants(rows, participants) -> list[SessionData]:
    names: dict[int, list[str]] = {}
    for p in participants.order_by(SessionParticipant.id):
        names.setdefault(p.session_id, []).append(p.name)
    return [_data(r, names.get(r.id)) for r in rows]


def set_held(session_id: int, held: bool) -> None:
    """Mark a session held (or not) without entering its attendance."""
    ProjectSession.update(held=bool(held)).where(ProjectSession.id == session_id).execute()


def totals(project_id: int, today: dt.date | None = None) -> SessionTotals:
    """Sessions held (`SessionData.is_held`), participants, attendance rate, per month (screens, bilan, CLI)."""
    return session_totals(sessions_of(project_id), today or dt.date.today())


def sessions_between(first: dt.date, last: dt.date) -> list[tuple[SessionData, str, str]]:
    """Sessions of every live project between two dates: (session, project title, partner name)."""
    rows = (ProjectSession.select(ProjectSession, Project.title, Organisation.name)
            .join(Project).switch(ProjectSession)
            .join(Organisation, join_type="LEFT OUTER", on=(ProjectSession.organisation == Organisation.id))
            .where(ProjectSession.held_on.between(first, last) & Project.deleted_at.is_null()
                   & (ProjectSession.cancelled == False))  # noqa: E712
            .order_by(ProjectSession.held_on, ProjectSession.start_time).objects())
    return [(_data(r), r.title, getattr(r, "name", None) or "") for r in rows]


# --- several at once, and undo -------------------------------------------------------

def dates_taken(project_id: int, dates: Iterable[dt.date]) -> list[dt.date]:
    """Those of `dates` on which the project already has a session (to offer to skip them)."""
    wanted = sorted(set(dates))
    if not wanted:
        return []
    rows = ProjectSession.select(ProjectSession.held_on).where(
        (ProjectSession.project == project_id) & ProjectSession.held_on.in_(wanted))
    taken = {r.held_on for r in rows}
    return [d for d in wanted if d in taken]


def delete_sessions(session_ids: Iterable[int]) -> list[SessionData]:
    """Delete several sessions in one transaction; returns them as they were (for undo)."""
    ids = list(dict.fromkeys(session_ids))
    with database.atomic():
        gone = [s for s in (get_session(i) for i in ids) if s is not None]
        ProjectSession.delete().where(ProjectSession.id.in_(ids)).execute()
    return gone


def read_sessions(session_ids: Iterable[int]) -> list[SessionData]:
    """The sessions of these ids as stored now (those deleted since are left out)."""
    ids = list(dict.fromkeys(session_ids))
    rows = ProjectSession.select().where(ProjectSession.id.in_(ids)).order_by(ProjectSession.held_on)
    return _with_participants(rows, SessionParticipant.select().where(SessionParticipant.session.in_(ids)))


def changed_since(before: Iterable[SessionData]) -> list[SessionData]:
    """The sessions among `before` that changed since (attendance, held, notes…): deleting them
    would lose what was entered after."""
    earlier = {s.id: s for s in before}
    return [s for s in read_sessions(earlier) if s != earlier[s.id]]


def restore_sessions(saved: Iterable[SessionData]) -> None:
    """Put back sessions deleted by `delete_sessions` (same ids, attendance and participants)."""
    with database.atomic():
        for data in saved:
            if Project.get_or_none(Project.id == data.project_id) is None:
                continue  # the project is gone since
            ProjectSession.insert(id=data.id, project=data.project_id, organisation=data.organisation_id,
                                  **{f: getattr(data, f) for f in _FIELDS}).on_conflict_replace().execute()
            _set_participants(data.id, data.participants)
