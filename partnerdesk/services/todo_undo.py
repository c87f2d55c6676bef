"""Undo for "À faire": what a line's action may change (its done/postponed state, the milestone,
the partner card's next step), captured before and after, and put back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerdesk.domain.todo import TodoItem, TodoKind
from partnerdesk.store import database
from partnerdesk.store.models import Milestone, ProjectPartner, TodoState


@dataclass(frozen=True)
class Snapshot:
    key: str
    state: tuple | None  # (state, until) of todo_state, or None
    milestone: tuple | None  # (id, status, due_on, done_on)
    next_step: tuple | None  # (project_partner id, next_step, next_step_on)


def snapshot(item: TodoItem) -> Snapshot:
    row = TodoState.get_or_none(TodoState.key == item.key)
    milestone = next_step = None
    if item.kind == TodoKind.MILESTONE:
        m = Milestone.get_or_none(Milestone.id == int(item.key.split(":")[1]))
        milestone = (m.id, m.status, m.due_on, m.done_on) if m else None
    elif item.kind == TodoKind.NEXT_STEP:
        pp = ProjectPartner.get_or_none(ProjectPartner.id == item.open_id)
        next_step = (pp.id, pp.next_step, pp.next_step_on) if pp else None
    return Snapshot(item.key, (row.state, row.until) if row else None, milestone, next_step)


def restore(snap: Snapshot) -> None:
    with database.atomic():
        if snap.state is None:
            TodoState.delete().where(TodoState.key == snap.key).execute()
        else:
            TodoState.insert(key=snap.key, state=snap.state[0], until=snap.state[1],
                             updated_at=dt.datetime.now()).on_conflict_replace().execute()
        if snap.milestone is not None:
            m_id, status, due_on, done_on = snap.milestone
            Milestone.update(status=status, due_on=due_on, done_on=done_on).where(Milestone.id == m_id).execute()
        if snap.next_step is not None:
            pp_id, text, on = snap.next_step
            ProjectPartner.update(next_step=text, next_step_on=on, updated_at=dt.datetime.now()).where(
                ProjectPartner.id == pp_id).execute()
