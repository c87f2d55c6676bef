"""The meetings' lines of "À faire": actions not done, due by the end of next week.

Apart from the meetings' service (`services.meetings`, whose package loads the recurrence
rules, rich text and project rules) so that gathering "À faire" at start imports only the
models; marking a line done closes the action, postponing it moves its date.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from partnerdesk.domain.todo import TodoItem, window_end
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.services import todo
from partnerdesk.store.fields import date_from_sql
from partnerdesk.store.query import JOIN
from partnerdesk.store.models import Affiliation, Meeting, MeetingAction, Organisation, Person

if TYPE_CHECKING:
    from partnerdesk.domain.meetings import ActionData

ACTION_KIND = "meeting_action"
KIND_LABELS = {ACTION_KIND: N_("Meeting action")}


def _action_rows(where, order=None) -> list[tuple]:
    """(row, who owns the action, the meeting's date) of the actions matching `where`."""
    rows = (MeetingAction.select(MeetingAction, Meeting.title.alias("meeting_title"),
                                 Meeting.held_on.alias("meeting_on"), Person.first_name, Person.last_name,
                                 Organisation.name.alias("org_name"))
            .join(Meeting).switch(MeetingAction)
            .join(Person, join_type=JOIN.LEFT_OUTER, on=(MeetingAction.owner_person == Person.id))
            .switch(MeetingAction)
            .join(Organisation, join_type=JOIN.LEFT_OUTER, on=(MeetingAction.owner_organisation == Organisation.id))
            .where(where & Meeting.deleted_at.is_null())
            .order_by(*(order or (MeetingAction.position, MeetingAction.id))).objects())
    rows = list(rows)
    employers = _employers([r.owner_person_id for r in rows if r.owner_person_id and not r.owner_organisation_id])
    out = []
    for r in rows:
        person = f"{r.first_name or ''} {r.last_name or ''}".strip() if r.owner_person_id else ""
        org = getattr(r, "org_name", None) or employers.get(r.owner_person_id, "")
        owner = f"{person} ({org})" if person and org else person or org
        if r.owner_epn:
            owner = f"{r.owner_epn} — {owner}" if owner else r.owner_epn
        out.append((r, owner, date_from_sql(r.meeting_on)))
    return out


def _actions(where, order=None) -> list[ActionData]:
    """The meetings' service's view of the same rows (the domain's dataclasses load here, not
    when "À faire" is gathered at start)."""
    from partnerdesk.domain.meetings import ActionData

    return [ActionData(r.meeting_id, r.what, r.due_on, r.owner_person_id, r.owner_organisation_id, r.owner_epn,
                       r.done_on, owner, r.meeting_title, meeting_on, r.id)
            for r, owner, meeting_on in _action_rows(where, order)]


def _employers(person_ids: list[int]) -> dict[int, str]:
    """person -> name of the organisation of their latest current affiliation."""
    out: dict[int, str] = {}
    if person_ids:
        for person_id, name in (Affiliation.select(Affiliation.person, Organisation.name).join(Organisation)
                                .where(Affiliation.person.in_(person_ids) & Affiliation.end_date.is_null())
                                .order_by(Affiliation.start_date, Affiliation.id).tuples()):
            out[person_id] = name
    return out


@todo.register
def meeting_actions_due(today: dt.date) -> list[TodoItem]:
    """Actions not done, due by the end of next week (overdue ones included)."""
    out = []
    for row, owner, meeting_on in _action_rows(
            MeetingAction.done_on.is_null() & (MeetingAction.due_on <= window_end(today)),
            (MeetingAction.due_on, MeetingAction.id)):
        title = f"{row.what} — {owner}" if owner else row.what
        detail = _("Meeting of {date}: {title}").format(date=format_date(meeting_on), title=row.meeting_title)
        out.append(TodoItem(f"{ACTION_KIND}:{row.id}", row.due_on, ACTION_KIND, title, "meeting",
                            row.meeting_id, detail, _(KIND_LABELS[ACTION_KIND])))
    return out


def _action_id(item: TodoItem) -> int:
    return int(item.key.split(":")[1])


def _done_from_todo(item: TodoItem, today: dt.date) -> None:
    MeetingAction.update(done_on=today).where(MeetingAction.id == _action_id(item)).execute()


def _postponed_from_todo(item: TodoItem, until: dt.date) -> None:
    MeetingAction.update(due_on=until).where(MeetingAction.id == _action_id(item)).execute()


todo.on_done(ACTION_KIND, _done_from_todo)
todo.on_postpone(ACTION_KIND, _postponed_from_todo)
