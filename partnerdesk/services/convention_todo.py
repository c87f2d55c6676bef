"""The conventions' lines of "À faire": circuit steps waiting, conventions ending within 60 days."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.convention_status import ENDING_SOON_DAYS, ConventionStatus, StepStatus
from partnerdesk.domain.todo import TodoItem, window_end
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.services import todo
from partnerdesk.store.models import Convention, ConventionStep

FOLLOW_UP_DAYS = 14
STEP_KIND, END_KIND = "convention_step", "convention_end"
KIND_LABELS = {STEP_KIND: N_("Convention to validate"), END_KIND: N_("Convention ending")}


@todo.register
def validation_steps_waiting(today: dt.date) -> list[TodoItem]:
    """For each convention under validation, its first step not yet approved: to start, or to
    follow up two weeks after it started."""
    rows = (ConventionStep.select(ConventionStep, Convention.title.alias("convention_title"))
            .join(Convention)
            .where((Convention.status == ConventionStatus.EN_VALIDATION.value) & Convention.deleted_at.is_null()
                   & (ConventionStep.status != StepStatus.VALIDE.value))
            .order_by(ConventionStep.convention, ConventionStep.position).objects())
    out, seen = [], set()
    for step in rows:
        if step.convention_id in seen:
            continue
        seen.add(step.convention_id)
        who = f" ({step.who})" if step.who else ""
        if step.status == StepStatus.EN_COURS.value and step.started_on:
            due = min(step.started_on + dt.timedelta(days=FOLLOW_UP_DAYS), window_end(today))
            title = _("Follow up « {step} »{who}").format(step=step.label, who=who)
        else:
            due = today
            title = _("Start the step « {step} »{who}").format(step=step.label, who=who)
        out.append(TodoItem(f"{STEP_KIND}:{step.id}:{step.status}", due, STEP_KIND, title, "convention",
                            step.convention_id, step.convention_title, _(KIND_LABELS[STEP_KIND])))
    return out


@todo.register
def conventions_ending_soon(today: dt.date) -> list[TodoItem]:
    rows = (Convention.select(Convention.id, Convention.title, Convention.end_date)
            .where(Convention.status.in_([ConventionStatus.SIGNEE.value, ConventionStatus.EN_COURS.value])
                   & Convention.end_date.between(today, today + dt.timedelta(days=ENDING_SOON_DAYS))
                   & Convention.deleted_at.is_null()).tuples())
    return [TodoItem(f"{END_KIND}:{conv_id}:{end}", today, END_KIND,
                     _("Ends on {date}: plan the bilan, or an amendment to renew it").format(date=format_date(end)),
                     "convention", conv_id, title, _(KIND_LABELS[END_KIND]))
            for conv_id, title, end in rows]
