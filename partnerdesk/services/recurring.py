"""Recurring milestones: "every N weeks / months" with skipped dates, edited one by one or
"this one and the following". Meetings have theirs in `services.meetings`; project
sessions take a rule in `services.sessions.create_recurring`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from partnerdesk.domain import validation as v
from partnerdesk.domain.labels import N_
from partnerdesk.domain.projects import MilestoneData
from partnerdesk.domain.recurrence import Recurrence, RecurrenceError, replan_following
from partnerdesk.services import projects
from partnerdesk.store import database
from partnerdesk.store.models import Milestone, RecurrenceSeries


def new_series(rule: Recurrence, first: dt.date, skip: Iterable[dt.date] = ()) -> int:
    row = RecurrenceSeries.create(unit=rule.unit, every=rule.every, first_on=first,
                                  skipped=sorted({d.isoformat() for d in skip}), created_at=dt.datetime.now())
    return row.id


def series_rule(series_id: int | None) -> tuple[Recurrence, list[dt.date]] | None:
    row = RecurrenceSeries.get_or_none(RecurrenceSeries.id == series_id) if series_id else None
    if row is None:
        return None
    return Recurrence(row.unit, row.every), [dt.date.fromisoformat(d) for d in row.skipped]


def dates_or_error(rule: Recurrence, first: dt.date, last: dt.date | None, count: int | None,
                   skip: Iterable[dt.date], field: str = "last") -> list[dt.date]:
    """The rule's dates, or a ValidationError on `field` (bad period, nothing left, too many)."""
    try:
        dates = rule.dates(first, last, count, skip)
    except RecurrenceError as exc:
        raise v.ValidationError({field: exc.message}) from exc
    if not dates:
        raise v.ValidationError({field: N_("No date falls between these dates.")})
    return dates


def add_recurring_milestones(data: MilestoneData, rule: Recurrence, last: dt.date | None = None,
                             count: int | None = None, skip: Iterable[dt.date] = ()) -> list[MilestoneData]:
    """One milestone per date of the rule from `data.due_on`, in one transaction."""
    v.collect({"title": v.check_required(data.title)})
    if not isinstance(data.due_on, dt.date):
        raise v.ValidationError({"due_on": N_("Enter a date (dd/mm/yyyy).")})
    skip = list(skip)
    dates = dates_or_error(rule, data.due_on, last, count, skip)
    now = dt.datetime.now()
    with database.atomic():
        series_id = new_series(rule, data.due_on, skip)
        ids = [Milestone.create(project=data.project_id, project_partner=data.project_partner_id,
                                title=data.title.strip(), kind=data.kind, due_on=day, status=data.status,
                                created_at=now, series_id=series_id).id for day in dates]
    return [m for m in projects.milestones_of(data.project_id) if m.id in ids]


def series_of_milestone(milestone_id: int) -> int | None:
    row = Milestone.get_or_none(Milestone.id == milestone_id)
    return row.series_id if row else None


def update_milestones_following(milestone_id: int, title: str, due_on: dt.date) -> int:
    """Retitle this milestone and the later ones of its series not done yet; when the date moved,
    re-plan them from the new date with the series' rule. Returns how many were changed."""
    title = (title or "").strip()
    v.collect({"title": v.check_required(title)})
    row = Milestone.get_or_none(Milestone.id == milestone_id)
    if row is None:
        raise v.ValidationError({"title": N_("This milestone no longer exists.")})
    query = Milestone.select().where((Milestone.id == milestone_id) | (
        (Milestone.series_id == row.series_id) & (Milestone.due_on > row.due_on) & (Milestone.status != "fait")))
    following = list(query.order_by(Milestone.due_on, Milestone.id)) if row.series_id else [row]
    rule = series_rule(row.series_id)
    dates = [m.due_on for m in following]
    if rule is not None and due_on != row.due_on:
        try:
            dates = replan_following(rule[0], due_on, len(following), rule[1])
        except RecurrenceError as exc:
            raise v.ValidationError({"due_on": exc.message}) from exc
    elif due_on != row.due_on:
        dates = [due_on]
    with database.atomic():
        for milestone, day in zip(following, dates):
            Milestone.update(title=title, due_on=day).where(Milestone.id == milestone.id).execute()
    return len(following)
