"""Rencontres: meetings and committees, one by one or as a recurring series.

    create_meeting(data) / update_meeting(data) / get_meeting(id) / delete_meeting(id)
    create_series(template, rule, last=None, count=None, skip=()) -> meetings
    update_following(data) -> changes this meeting and the later ones of its series
    list_meetings(upcoming=False, project_id=None, today=None) -> [MeetingSummary]

Invitations and answers: `services.meetings.invitations`; decisions, actions,
journal entries: `services.meetings.followup`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from partnerdesk.domain import validation as v
from partnerdesk.domain.labels import N_
from partnerdesk.domain.meetings import ANSWER_FORMS, MeetingData, MeetingKind, MeetingSummary, count_answers
from partnerdesk.domain.project_rules import parse_time
from partnerdesk.domain.recurrence import Recurrence, RecurrenceError, replan_following
from partnerdesk.domain.rich_text import clean_html
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import _, format_date
from partnerdesk.services import recurring
from partnerdesk.store import database
from partnerdesk.store.query import JOIN
from partnerdesk.store.models import (
    Meeting,
    MeetingAction,
    MeetingInvitee,
    MeetingTag,
    Project,
    Tag,
)

MAX_TITLE = 300

_FIELDS = "kind title theme held_on start_time end_time place in_charge agenda minutes cancelled".split()


class MeetingError(Exception):
    """`str(exc)` is a translated message for the user."""


def _time(raw: str, field: str, errors: dict) -> str:
    raw = (raw or "").strip()
    if not raw:
        return ""
    parsed = parse_time(raw)
    if parsed is None:
        errors[field] = N_("Enter a time such as 14:00.")
        return raw
    return parsed


def validate_meeting(data: MeetingData) -> MeetingData:
    """Normalise (times, rich text, spaces) and raise ValidationError with every bad field."""
    errors: dict[str, str] = {}
    data.title = " ".join((data.title or "").split())
    v.single_lines(data, ("place", "in_charge"))
    if not data.title:
        errors["title"] = N_("This field is required.")
    elif len(data.title) > MAX_TITLE:
        errors["title"] = N_("The title is too long (300 characters at most).")
    if not isinstance(data.held_on, dt.date):
        errors["held_on"] = N_("Enter a date (dd/mm/yyyy).")
    if MeetingKind.parse(data.kind) is None:
        errors["kind"] = N_("Choose the kind of meeting.")
    data.start_time = _time(data.start_time, "start_time", errors)
    data.end_time = _time(data.end_time, "end_time", errors)
    if "start_time" not in errors and "end_time" not in errors and data.start_time and data.end_time \
            and data.end_time <= data.start_time:
        errors["end_time"] = N_("The meeting ends before it starts.")
    if data.project_id is not None and not Project.select().where(
            (Project.id == data.project_id) & Project.deleted_at.is_null()).exists():
        errors["project_id"] = N_("This project no longer exists.")
    v.collect(errors)
    data.theme = (data.theme or "").strip()
    data.place = (data.place or "").strip()
    data.in_charge = (data.in_charge or "").strip()
    data.agenda = clean_html(data.agenda) if (data.agenda or "").strip() else ""
    data.minutes = clean_html(data.minutes) if (data.minutes or "").strip() else ""
    return data


def _values(data: MeetingData) -> dict:
    values = {f: getattr(data, f) for f in _FIELDS}
    values.update(title_norm=normalize(data.title), project=data.project_id, updated_at=dt.datetime.now())
    return values


def _set_tags(meeting_id: int, tag_ids: Iterable[int]) -> None:
    MeetingTag.delete().where(MeetingTag.meeting == meeting_id).execute()
    known = {t for (t,) in Tag.select(Tag.id).where(Tag.id.in_(list(tag_ids))).tuples()} if tag_ids else set()
    for tag_id in dict.fromkeys(tag_ids):
        if tag_id in known:
            MeetingTag.insert(meeting=meeting_id, tag=tag_id).on_conflict_ignore().execute()


def create_meeting(data: MeetingData) -> MeetingData:
    validate_meeting(data)
    with database.atomic():
        row = Meeting.create(series=data.series_id, created_at=dt.datetime.now(), **_values(data))
        _set_tags(row.id, data.tag_ids)
    return get_meeting(row.id)


def update_meeting(data: MeetingData) -> MeetingData:
    """Change this meeting only (it stays in its series)."""
    from partnerdesk.services.meetings import followup

    validate_meeting(data)
    with database.atomic():
        if not Meeting.select().where((Meeting.id == data.id) & Meeting.deleted_at.is_null()).exists():
            raise MeetingError(_("This meeting no longer exists."))
        Meeting.update(**_values(data)).where(Meeting.id == data.id).execute()
        _set_tags(data.id, data.tag_ids)
        followup.sync_journal(data.id)
    return get_meeting(data.id)


def delete_meeting(meeting_id: int) -> None:
    """Soft delete (undoable): invitees, minutes and actions are kept; its journal entry and its
    actions' lines of "À faire" go away until it is restored."""
    from partnerdesk.services.meetings import followup

    with database.atomic():
        Meeting.update(deleted_at=dt.datetime.now()).where(Meeting.id == meeting_id).execute()
        followup.sync_journal(meeting_id)


def restore_meeting(meeting_id: int) -> None:
    from partnerdesk.services.meetings import followup

    with database.atomic():
        Meeting.update(deleted_at=None).where(Meeting.id == meeting_id).execute()
        followup.sync_journal(meeting_id)


def _data(row: Meeting, tag_ids: list[int] | None = None) -> MeetingData:
    return MeetingData(row.title, row.held_on, row.kind, row.theme, row.start_time, row.end_time, row.place,
                       row.in_charge, row.project_id, row.agenda, row.minutes, bool(row.cancelled),
                       tag_ids or [], row.series_id, row.interaction_id, row.id)


def get_meeting(meeting_id: int) -> MeetingData | None:
    row = Meeting.get_or_none((Meeting.id == meeting_id) & Meeting.deleted_at.is_null())
    if row is None:
        return None
    tags = [t for (t,) in MeetingTag.select(MeetingTag.tag).where(MeetingTag.meeting == meeting_id).tuples()]
    return _data(row, tags)


# --- series ---------------------------------------------------------------------------

def create_series(template: MeetingData, rule: Recurrence, last: dt.date | None = None, count: int | None = None,
                  skip: Iterable[dt.date] = ()) -> list[MeetingData]:
    """One meeting per date of the rule from `template.held_on`, in one transaction."""
    validate_meeting(template)
    skip = list(skip)
    dates = recurring.dates_or_error(rule, template.held_on, last, count, skip)
    now = dt.datetime.now()
    with database.atomic():
        series_id = recurring.new_series(rule, template.held_on, skip)
        ids = []
        for day in dates:
            values = _values(template)
            values.update(held_on=day, minutes="", cancelled=False)
            row = Meeting.create(series=series_id, created_at=now, **values)
            _set_tags(row.id, template.tag_ids)
            ids.append(row.id)
    return [get_meeting(i) for i in ids]


def following_in_series(meeting: MeetingData) -> list[MeetingData]:
    """This meeting and the later ones of its series (by date), not in the trash."""
    if meeting.series_id is None:
        return [meeting]
    rows = (Meeting.select().where((Meeting.series == meeting.series_id) & Meeting.deleted_at.is_null()
                                   & ((Meeting.held_on > meeting.held_on) | (Meeting.id == meeting.id)))
            .order_by(Meeting.held_on, Meeting.id))
    return [get_meeting(r.id) for r in rows]


def update_following(data: MeetingData) -> list[MeetingData]:
    """Change this meeting and the later ones of its series: kind, title, theme, times, place,
    person in charge, project and tags; when the date moved, the later dates are re-planned
    from the new one with the series' rule (skipped dates jumped over). Agendas and minutes
    stay each meeting's own."""
    from partnerdesk.services.meetings import followup

    validate_meeting(data)
    old = get_meeting(data.id) if data.id else None
    if old is None:
        raise MeetingError(_("This meeting no longer exists."))
    following = following_in_series(old)
    rule = recurring.series_rule(old.series_id)
    dates = [data.held_on] + [m.held_on for m in following[1:]]
    if rule is not None and data.held_on != old.held_on:
        try:
            dates = replan_following(rule[0], data.held_on, len(following), rule[1])
        except RecurrenceError as exc:
            raise v.ValidationError({"held_on": exc.message}) from exc
    shared = {f: getattr(data, f) for f in "kind title theme start_time end_time place in_charge".split()}
    shared.update(title_norm=normalize(data.title), project=data.project_id, updated_at=dt.datetime.now())
    with database.atomic():
        for meeting, day in zip(following, dates):
            values = dict(shared, held_on=day)
            if meeting.id == data.id:
                values.update(agenda=data.agenda, minutes=data.minutes, cancelled=data.cancelled)
            Meeting.update(**values).where(Meeting.id == meeting.id).execute()
            _set_tags(meeting.id, data.tag_ids)
            followup.sync_journal(meeting.id)
    return [get_meeting(m.id) for m in following]


# --- lists ----------------------------------------------------------------------------

def list_meetings(upcoming: bool = False, project_id: int | None = None,
                  today: dt.date | None = None) -> list[MeetingSummary]:
    """Meetings by date (the coming ones only with `upcoming`), with their answers counted."""
    today = today or dt.date.today()
    query = (Meeting.select(Meeting, Project.title.alias("project_title"))
             .join(Project, join_type=JOIN.LEFT_OUTER, on=(Meeting.project == Project.id))
             .where(Meeting.deleted_at.is_null()))
    if upcoming:
        query = query.where(Meeting.held_on >= today)
    if project_id is not None:
        query = query.where(Meeting.project == project_id)
    rows = list(query.order_by(Meeting.held_on, Meeting.start_time, Meeting.id).objects())
    ids = [r.id for r in rows]
    answers: dict[int, list[str]] = {}
    open_actions: dict[int, int] = {}
    tags: dict[int, list[int]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for mid, answer in MeetingInvitee.select(MeetingInvitee.meeting, MeetingInvitee.answer).where(
                MeetingInvitee.meeting.in_(chunk)).tuples():
            answers.setdefault(mid, []).append(answer)
        for (mid,) in MeetingAction.select(MeetingAction.meeting).where(
                MeetingAction.meeting.in_(chunk) & MeetingAction.done_on.is_null()).tuples():
            open_actions[mid] = open_actions.get(mid, 0) + 1
        for mid, tid in MeetingTag.select(MeetingTag.meeting, MeetingTag.tag).where(
                MeetingTag.meeting.in_(chunk)).tuples():
            tags.setdefault(mid, []).append(tid)
    return [MeetingSummary(_data(r, tags.get(r.id)), getattr(r, "project_title", None) or "",
                           count_answers(answers.get(r.id, [])), open_actions.get(r.id, 0)) for r in rows]


def meetings_of_project(project_id: int, kind: str | None = None, held_before: dt.date | None = None
                        ) -> list[MeetingData]:
    """The project's meetings by date (committees only with kind="comite"), not cancelled."""
    query = Meeting.select().where((Meeting.project == project_id) & Meeting.deleted_at.is_null()
                                   & (Meeting.cancelled == False))  # noqa: E712
    if kind:
        query = query.where(Meeting.kind == kind)
    if held_before is not None:
        query = query.where(Meeting.held_on <= held_before)
    return [_data(r) for r in query.order_by(Meeting.held_on, Meeting.id)]


def next_meeting_after(meeting: MeetingData) -> MeetingData | None:
    """The next meeting of the same series, or else of the same project and kind."""
    query = Meeting.select().where(Meeting.deleted_at.is_null() & (Meeting.held_on > meeting.held_on)
                                   & (Meeting.cancelled == False))  # noqa: E712
    if meeting.series_id is not None:
        query = query.where(Meeting.series == meeting.series_id)
    elif meeting.project_id is not None:
        query = query.where((Meeting.project == meeting.project_id) & (Meeting.kind == meeting.kind))
    else:
        return None
    row = query.order_by(Meeting.held_on).first()
    return _data(row) if row else None


def resolve_meeting(text: str) -> int:
    """A meeting by number or by (part of) its title; raises MeetingError (translated)."""
    text = (text or "").strip()
    if text.isdigit():
        if Meeting.select().where((Meeting.id == int(text)) & Meeting.deleted_at.is_null()).exists():
            return int(text)
        raise MeetingError(_("No meeting with number {id}.").format(id=text))
    wanted = normalize(text)
    rows = list(Meeting.select(Meeting.id, Meeting.title, Meeting.held_on).where(
        Meeting.deleted_at.is_null() & Meeting.title_norm.contains(wanted)).order_by(Meeting.held_on))
    if len(rows) == 1:
        return rows[0].id
    if not rows:
        raise MeetingError(_("No meeting matches “{text}”.").format(text=text))
    names = "; ".join(f"{r.id}: {r.title} ({format_date(r.held_on)})" for r in rows[:8])
    raise MeetingError(_("Several meetings match “{text}”: {names}. Give the number.").format(
        text=text, names=names))


from partnerdesk.services.meetings import followup  # noqa: E402,F401  registers the "À faire" source


def answers_summary(counts) -> str:
    """"5 people invited: 2 people confirmed, 2 answers awaited, 1 person excused" — the same words on
    screen and in the CLI."""
    from partnerdesk.i18n import ngettext

    if not counts.invited:
        return _("nobody invited yet")
    parts = []
    for answer, forms in ANSWER_FORMS:
        n = counts.count(answer)
        if n:
            parts.append(ngettext(*forms, n).format(count=n))
    invited = ngettext("{count} person invited", "{count} people invited", counts.invited).format(
        count=counts.invited)
    return _("{invited}: {answers}").format(invited=invited, answers=", ".join(parts))




def meetings_of_organisation(organisation_id: int) -> list[MeetingSummary]:
    """The meetings the organisation, or one of its people for it, was invited to, newest first."""
    return _meetings_invited(MeetingInvitee.organisation == organisation_id)


def meetings_of_person(person_id: int) -> list[MeetingSummary]:
    return _meetings_invited(MeetingInvitee.person == person_id)


def _meetings_invited(where) -> list[MeetingSummary]:
    ids = {m for (m,) in MeetingInvitee.select(MeetingInvitee.meeting).where(where).tuples()}
    rows = [s for s in list_meetings() if s.meeting.id in ids]
    return sorted(rows, key=lambda s: s.meeting.held_on, reverse=True)
