"""The "À faire" view: what needs doing this week and next, from a registry of sources.

A source is a callable `source(today) -> list[TodoItem]` returning every line it knows
that is due up to `window_end(today)` (overdue ones included). Other areas append
theirs at import time:

    from partnerdesk.services import todo
    todo.register(my_source)

Done / postponed state is stored by item key in `todo_state`, so it survives refreshes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from partnerdesk.domain.journal import next_contact_due
from partnerdesk.domain.todo import TodoItem, TodoKind, window_end
from partnerdesk.i18n import _, format_date, format_hours
from partnerdesk.store import database, partner_queries
from partnerdesk.store.fields import date_from_sql
from partnerdesk.store.models import (
    Interaction,
    InteractionOrganisation,
    Milestone,
    Organisation,
    Project,
    ProjectPartner,
    ProjectSession,
    TodoState,
)

Source = Callable[[dt.date], list[TodoItem]]
SOURCES: list[Source] = []
DONE, POSTPONED = "done", "postponed"
# kind -> what marking a line done / postponing it also does to the thing it stands for
DONE_HOOKS: dict[str, Callable[[TodoItem, dt.date], None]] = {}
POSTPONE_HOOKS: dict[str, Callable[[TodoItem, dt.date], None]] = {}


def register(source: Source) -> Source:
    """Add a source (usable as a decorator); registering twice is harmless."""
    if source not in SOURCES:
        SOURCES.append(source)
    return source


def on_done(kind: str, hook: Callable[[TodoItem, dt.date], None]) -> None:
    """`hook(item, today)` runs, in the same transaction, when a line of `kind` is marked done."""
    DONE_HOOKS[kind] = hook


def on_postpone(kind: str, hook: Callable[[TodoItem, dt.date], None]) -> None:
    """`hook(item, until)` runs, in the same transaction, when a line of `kind` is postponed."""
    POSTPONE_HOOKS[kind] = hook


# Areas whose sources register on import; loaded before the first use, so that "À faire" has every
# line whichever screens were opened before (the tabs are built lazily).
SOURCE_MODULES = ("partnerdesk.services.convention_todo", "partnerdesk.services.meeting_todo",
                  "partnerdesk.services.outside_copy")


def _load_sources() -> None:
    import importlib

    for name in SOURCE_MODULES:
        importlib.import_module(name)


def items(today: dt.date | None = None, *, include_done: bool = False) -> list[TodoItem]:
    """Every line due up to the end of next week, minus the ones done or still postponed."""
    _load_sources()
    today = today or dt.date.today()
    found: dict[str, TodoItem] = {}
    for source in SOURCES:
        for item in source(today):
            found.setdefault(item.key, item)
    states = {r.key: r for r in TodoState.select().where(TodoState.key.in_(list(found)))} if found else {}
    out = []
    for item in found.values():
        state = states.get(item.key)
        if state is not None and not include_done:
            if state.state == DONE:
                continue
            if state.state == POSTPONED and state.until and state.until > today:
                continue
        out.append(item)
    out.sort(key=lambda i: (i.due_on, i.kind, i.title.casefold()))
    return out


def mark_done(item: TodoItem) -> None:
    """Hide the line for good; a milestone line also marks the milestone done; a next step is
    closed on its partner card (the board no longer shows it overdue)."""
    _load_sources()
    with database.atomic():
        _set_state(item.key, DONE, None)
        if item.kind == TodoKind.MILESTONE:
            Milestone.update(status="fait", done_on=dt.date.today()).where(
                Milestone.id == int(item.key.split(":")[1])).execute()
        elif item.kind == TodoKind.NEXT_STEP:
            ProjectPartner.update(next_step="", next_step_on=None, updated_at=dt.datetime.now()).where(
                ProjectPartner.id == item.open_id).execute()
        if hook := DONE_HOOKS.get(item.kind):
            hook(item, dt.date.today())


def postpone(item: TodoItem, until: dt.date) -> None:
    """Hide the line until `until`; a milestone line moves the milestone's date, a next step the
    date on its partner card."""
    _load_sources()
    with database.atomic():
        _set_state(item.key, POSTPONED, until)
        if item.kind == TodoKind.MILESTONE:
            Milestone.update(status="reporte", due_on=until).where(
                Milestone.id == int(item.key.split(":")[1])).execute()
        elif item.kind == TodoKind.NEXT_STEP:
            ProjectPartner.update(next_step_on=until, updated_at=dt.datetime.now()).where(
                ProjectPartner.id == item.open_id).execute()
        if hook := POSTPONE_HOOKS.get(item.kind):
            hook(item, until)


def reopen(key: str) -> None:
    TodoState.delete().where(TodoState.key == key).execute()


def _set_state(key: str, state: str, until: dt.date | None) -> None:
    TodoState.insert(key=key, state=state, until=until, updated_at=dt.datetime.now()).on_conflict_replace().execute()


# --- the projects area's sources ---------------------------------------------------

@register
def overdue_cadences(today: dt.date) -> list[TodoItem]:
    """Organisations whose contact cadence has run out since their last interaction (the due
    date as the partners list works it out: `next_contact_due`)."""
    end = window_end(today)
    out = []
    for org_id, name, days, last_on, created_on in partner_queries.cadences_running_out(end):
        due = next_contact_due(last_on, days, since=created_on)
        if due is None or due > end:
            continue
        detail = (_("Last contact: {date}").format(date=format_date(last_on)) if last_on
                  else _("No contact recorded yet"))
        out.append(TodoItem(f"cadence:{org_id}:{last_on or ''}", due, TodoKind.CADENCE.value,
                            _("Get in touch with {name}").format(name=name), "organisation", org_id, detail))
    return out


@register
def milestones_due(today: dt.date) -> list[TodoItem]:
    rows = (Milestone.select(Milestone.id, Milestone.project, Milestone.title, Milestone.due_on, Project.title)
            .join(Project)
            .where((Milestone.status != "fait") & (Milestone.due_on <= window_end(today))
                   & Project.deleted_at.is_null()).tuples())
    return [TodoItem(f"milestone:{m_id}", date_from_sql(due), TodoKind.MILESTONE.value, title, "milestone", m_id,
                     project_title) for m_id, _project_id, title, due, project_title in rows]


@register
def next_steps_due(today: dt.date) -> list[TodoItem]:
    rows = (ProjectPartner.select(ProjectPartner.id, ProjectPartner.project, ProjectPartner.next_step,
                                  ProjectPartner.next_step_on, Project.title, Organisation.name)
            .join(Project).switch(ProjectPartner).join(Organisation)
            .where((ProjectPartner.next_step != "") & ProjectPartner.next_step_on.is_null(False)
                   & (ProjectPartner.next_step_on <= window_end(today)) & (ProjectPartner.stage != "abandonne")
                   & Project.deleted_at.is_null()).tuples())
    return [TodoItem(f"next_step:{pp_id}:{date_from_sql(on)}", date_from_sql(on), TodoKind.NEXT_STEP.value,
                     f"{step} — {org}", "project_partner", pp_id, title)
            for pp_id, project_id, step, on, title, org in rows]


@register
def sessions_soon(today: dt.date) -> list[TodoItem]:
    """Sessions from today to the end of next week, and past sessions whose attendance is missing."""
    rows = (ProjectSession.select(ProjectSession, Project.title.alias("project_title")).join(Project)
            .where(ProjectSession.held_on.between(today - dt.timedelta(days=14), window_end(today))
                   & (ProjectSession.cancelled == False) & Project.deleted_at.is_null())  # noqa: E712
            .objects())
    out = []
    for r in rows:
        hours = format_hours(r.start_time, r.end_time)
        if r.held_on >= today:
            title = _("Session of {project}").format(project=r.project_title)
            out.append(TodoItem(f"session:{r.id}", r.held_on, TodoKind.SESSION.value, title, "session",
                                r.id, " · ".join(x for x in (hours, r.place) if x)))
        elif r.actual_attendance is None:
            title = _("Fill in the attendance of the session of {date}").format(date=format_date(r.held_on))
            out.append(TodoItem(f"attendance:{r.id}", r.held_on, TodoKind.ATTENDANCE.value, title, "session",
                                r.id, r.project_title))
    return out


@register
def greetings_in_january(today: dt.date) -> list[TodoItem]:
    """In January: active partners not yet sent greetings ("vœux") this year."""
    if today.month != 1:
        return []
    sent = (InteractionOrganisation.select(InteractionOrganisation.organisation).join(Interaction)
            .where((Interaction.kind == "voeux") & (Interaction.occurred_on >= dt.date(today.year, 1, 1))))
    rows = (Organisation.select(Organisation.id, Organisation.name)
            .where((Organisation.status == "actif") & Organisation.deleted_at.is_null()
                   & Organisation.id.not_in(sent)).order_by(Organisation.name_norm).tuples())
    due = max(today, dt.date(today.year, 1, 15)) if today.day <= 15 else today
    return [TodoItem(f"voeux:{org_id}:{today.year}", due, TodoKind.VOEUX.value,
                     _("Send greetings to {name}").format(name=name), "organisation", org_id) for org_id, name in rows]
