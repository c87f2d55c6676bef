"""Is a partnership worth it? Staff time, value obtained, benefits, balances and decision grids.

Every figure of the balance — on the organisation card, the project card, the "Bilan des
partenariats" view, its CSV/ODS export, the internal PDF and `partnerdesk balance` — comes from
`balance_rows()` and `domain.balance.totals()`: one truth per figure.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from partnerdesk.domain import validation as v
from partnerdesk.domain.balance import (
    DEFAULT_CRITERIA,
    DEFAULT_HOURLY_COST,
    BalanceRow,
    Benefit,
    BenefitEntry,
    Criterion,
    DecisionGrid,
    FunderProfile,
    GridAnswer,
    InternalReport,
    Rating,
    TimeEntry,
    Verdict,
    grid_problems,
    time_problems,
    totals,
)
from partnerdesk.domain.labels import N_
from partnerdesk.domain.partners import Contribution
from partnerdesk.i18n import _
from partnerdesk.domain.projects import ContributionStatus
from partnerdesk.services import settings
from partnerdesk.store import database
from partnerdesk.store.models import (
    DecisionGrid as GridRow,
    FunderProfile as FunderRow,
    Organisation,
    PartnerBenefit,
    PartnerContribution,
    Project,
    ProjectPartner,
    StaffTime,
)
from partnerdesk.store.query import JOIN, fn

HOURLY_COST = settings.declare("balance.hourly_cost", float, DEFAULT_HOURLY_COST)
CRITERIA = settings.declare("balance.criteria", list, [c.to_dict() for c in DEFAULT_CRITERIA])


# --- settings ----------------------------------------------------------------------------

def hourly_cost() -> float:
    value = settings.get(HOURLY_COST)
    return value if value >= 0 else DEFAULT_HOURLY_COST


def set_hourly_cost(value: float) -> None:
    v.collect({"hourly_cost": None if 0 <= value <= 10_000 else
               N_("The hourly cost must be between 0 and 10,000 €.")})
    settings.set_(HOURLY_COST, value)


def criteria() -> list[Criterion]:
    found = [c for c in (Criterion.from_dict(d) for d in settings.get(CRITERIA)) if c]
    return found or list(DEFAULT_CRITERIA)


def set_criteria(items: list[Criterion]) -> None:
    items = [c for c in items if c.label.strip()]
    v.collect({"criteria": None if items else N_("Keep at least one criterion.")})
    settings.set_(CRITERIA, [c.to_dict() for c in items])


# --- staff time --------------------------------------------------------------------------

def _entry(r: StaffTime) -> TimeEntry:
    org = r.organisation
    project = r.project
    return TimeEntry(r.worked_on, r.hours, r.who, r.note, r.organisation_id, r.project_id, r.project_partner_id,
                     r.id, org.name if org else "", project.title if project else "")


def log_time(entry: TimeEntry) -> TimeEntry:
    """Record time spent on a partner, a project, or a partner within a project."""
    entry.description = entry.description.strip()
    entry.who = entry.who.strip()
    v.collect(time_problems(entry))
    with database.atomic("IMMEDIATE"):
        if entry.project_id is not None and entry.organisation_id is not None and entry.project_partner_id is None:
            pp = ProjectPartner.get_or_none(project=entry.project_id, organisation=entry.organisation_id)
            entry.project_partner_id = pp.id if pp else None
        if entry.project_partner_id is not None and entry.organisation_id is None:
            pp = ProjectPartner.get_by_id(entry.project_partner_id)
            entry.organisation_id, entry.project_id = pp.organisation_id, pp.project_id
        row = StaffTime.create(project=entry.project_id, project_partner=entry.project_partner_id,
                               organisation=entry.organisation_id, worked_on=entry.worked_on, hours=entry.hours,
                               who=entry.who, note=entry.description)
    entry.id = row.id
    return entry


def delete_time(entry_id: int) -> TimeEntry | None:
    row = StaffTime.get_or_none(StaffTime.id == entry_id)
    if row is None:
        return None
    entry = _entry(row)
    row.delete_instance()
    return entry


def time_entries(*, organisation_id: int | None = None, project_id: int | None = None,
                 year: int | None = None) -> list[TimeEntry]:
    query = (StaffTime.select(StaffTime, Organisation, Project)
             .join(Organisation, JOIN.LEFT_OUTER, on=(StaffTime.organisation == Organisation.id))
             .switch(StaffTime).join(Project, JOIN.LEFT_OUTER, on=(StaffTime.project == Project.id)))
    if organisation_id is not None:
        query = query.where(StaffTime.organisation == organisation_id)
    if project_id is not None:
        query = query.where(StaffTime.project == project_id)
    if year is not None:
        query = query.where(_year(StaffTime.worked_on) == str(year))
    return [_entry(r) for r in query.order_by(StaffTime.worked_on.desc(), StaffTime.id.desc())]


def _year(column):
    return fn.strftime("%Y", column)


# --- benefits and funders ----------------------------------------------------------------

def add_benefit(entry: BenefitEntry) -> BenefitEntry:
    Benefit(entry.benefit)
    entry.note = entry.note.strip()
    v.collect({"note": None if len(entry.note) <= 2000 else N_("The note is limited to 2,000 characters.")})
    entry.noted_on = entry.noted_on or dt.date.today()
    row = PartnerBenefit.create(organisation=entry.organisation_id, project=entry.project_id,
                                benefit=entry.benefit.value, note=entry.note, noted_on=entry.noted_on,
                                created_at=dt.datetime.now())
    entry.id = row.id
    return entry


def delete_benefit(benefit_id: int) -> None:
    PartnerBenefit.delete().where(PartnerBenefit.id == benefit_id).execute()


def benefits_of(organisation_id: int, year: int | None = None) -> list[BenefitEntry]:
    query = PartnerBenefit.select().where(PartnerBenefit.organisation == organisation_id)
    if year is not None:
        query = query.where(_year(PartnerBenefit.noted_on) == str(year))
    return [BenefitEntry(r.organisation_id, Benefit.parse(r.benefit, Benefit.AUTRE), r.note, r.noted_on,
                         r.project_id, r.id) for r in query.order_by(PartnerBenefit.noted_on.desc())]


def funder_profile(organisation_id: int) -> FunderProfile:
    row = FunderRow.get_or_none(FunderRow.organisation == organisation_id)
    return FunderProfile(organisation_id, bool(row.main_funder), row.conditions) if row else FunderProfile(organisation_id)


def save_funder_profile(profile: FunderProfile) -> None:
    conditions = profile.conditions.strip()
    v.collect({"conditions": None if len(conditions) <= 5000 else
               N_("The conditions are limited to 5,000 characters.")})
    FunderRow.insert(organisation=profile.organisation_id, main_funder=profile.main_funder, conditions=conditions,
                     updated_at=dt.datetime.now()).on_conflict_replace().execute()


def main_funders() -> list[FunderProfile]:
    rows = (FunderRow.select(FunderRow, Organisation).join(Organisation)
            .where(FunderRow.main_funder == True, Organisation.deleted_at.is_null())  # noqa: E712
            .order_by(Organisation.name_norm))
    return [FunderProfile(r.organisation_id, True, r.conditions, r.organisation.name) for r in rows]


# --- decision grids ----------------------------------------------------------------------

def blank_grid(organisation_id: int, project_id: int | None = None) -> DecisionGrid:
    answers = [GridAnswer(c.label, None, "", c.blocking) for c in criteria()]
    return DecisionGrid(organisation_id, answers, project_id=project_id)


def _grid(r: GridRow) -> DecisionGrid:
    answers = []
    for a in r.answers if isinstance(r.answers, list) else []:
        if isinstance(a, dict) and a.get("criterion"):
            answers.append(GridAnswer(str(a["criterion"]), Rating.parse(a.get("rating")), str(a.get("comment", "")),
                                      bool(a.get("blocking", False))))
    org = Organisation.get_or_none(Organisation.id == r.organisation_id)
    project = Project.get_or_none(Project.id == r.project_id) if r.project_id else None
    return DecisionGrid(r.organisation_id, answers, Verdict.parse(r.verdict), r.decided_on, r.project_id, r.note, r.id,
                        org.name if org else "", project.title if project else "")


def save_grid(grid: DecisionGrid) -> DecisionGrid:
    grid.note = grid.note.strip()
    problems = dict(grid_problems(grid))
    if any(len(a.comment) > 2000 for a in grid.answers):
        problems["answers"] = N_("A comment is limited to 2,000 characters.")
    v.collect(problems)
    answers = [{"criterion": a.criterion, "rating": a.rating.value if a.rating else None,
                "comment": a.comment.strip(), "blocking": a.blocking} for a in grid.answers]
    now = dt.datetime.now()
    fields = dict(organisation=grid.organisation_id, project=grid.project_id, answers=answers,
                  verdict=grid.verdict.value if grid.verdict else "", decided_on=grid.decided_on, note=grid.note,
                  updated_at=now)
    with database.atomic("IMMEDIATE"):
        if grid.id is None:
            grid.id = GridRow.create(created_at=now, **fields).id
        else:
            GridRow.update(**fields).where(GridRow.id == grid.id).execute()
    return grid


def delete_grid(grid_id: int) -> None:
    GridRow.delete().where(GridRow.id == grid_id).execute()


def grids_of(organisation_id: int) -> list[DecisionGrid]:
    rows = (GridRow.select().where(GridRow.organisation == organisation_id)
            .order_by(GridRow.decided_on.desc(nulls="LAST"), GridRow.updated_at.desc()))
    return [_grid(r) for r in rows]


def latest_grid(organisation_id: int, project_id: int | None = None) -> DecisionGrid | None:
    """The grid for this project if there is one, else the partner's latest."""
    grids = grids_of(organisation_id)
    for g in grids:
        if project_id is not None and g.project_id == project_id:
            return g
    return grids[0] if grids else None


def verdicts(project_id: int | None = None) -> dict[int, Verdict]:
    """{organisation_id: verdict} of the latest decided grid (the project's own first)."""
    query = GridRow.select().where(GridRow.verdict != "").order_by(GridRow.decided_on, GridRow.updated_at)
    out: dict[int, Verdict] = {}
    own: set[int] = set()
    for r in query:
        verdict = Verdict.parse(r.verdict)
        if verdict is None:
            continue
        if project_id is not None and r.project_id == project_id:
            out[r.organisation_id] = verdict
            own.add(r.organisation_id)
        elif r.organisation_id not in own:
            out[r.organisation_id] = verdict
    return out


# --- the balance -------------------------------------------------------------------------

def _narrow(query, *conditions):
    """`query` where each (expression, value) holds; a None value adds no condition."""
    for expression, value in conditions:
        if value is not None:
            query = query.where(expression == value)
    return query


def _obtained(*columns):
    """Sums of the obtained contributions of live projects, grouped by the caller."""
    return (PartnerContribution.select(*columns, fn.SUM(PartnerContribution.value)).join(ProjectPartner).join(Project)
            .where(PartnerContribution.status == ContributionStatus.OBTENU.value, Project.deleted_at.is_null()))


def _contribution_year():
    created = fn.date(Project.created_at)
    return _year(fn.COALESCE(PartnerContribution.obtained_on, Project.start_date, created))


def balance_rows(year: int | None = None, project_id: int | None = None,
                 organisation_id: int | None = None) -> list[BalanceRow]:
    """One row per partner that cost time, brought value or a benefit in the period."""
    cost = hourly_cost()
    rows: dict[int, BalanceRow] = {}

    def row(org_id: int) -> BalanceRow:
        if org_id not in rows:
            rows[org_id] = BalanceRow(org_id, "", hourly_cost=cost)
        return rows[org_id]

    year_text = None if year is None else str(year)
    hours = _narrow(StaffTime.select(StaffTime.organisation, fn.SUM(StaffTime.hours))
                    .where(StaffTime.organisation.is_null(False)),
                    (_year(StaffTime.worked_on), year_text), (StaffTime.project, project_id),
                    (StaffTime.organisation, organisation_id))
    for org_id, total in hours.group_by(StaffTime.organisation).tuples():
        row(org_id).hours = round(total or 0.0, 2)

    values = _narrow(_obtained(ProjectPartner.organisation, PartnerContribution.kind),
                     (_contribution_year(), year_text), (ProjectPartner.project, project_id),
                     (ProjectPartner.organisation, organisation_id))
    for org_id, kind, total in values.group_by(ProjectPartner.organisation, PartnerContribution.kind).tuples():
        target = row(org_id)
        if kind == Contribution.FINANCEMENT.value:
            target.money = round(target.money + (total or 0.0), 2)
        else:
            target.in_kind = round(target.in_kind + (total or 0.0), 2)

    benefits = _narrow(PartnerBenefit.select(PartnerBenefit.organisation, PartnerBenefit.benefit),
                       (_year(PartnerBenefit.noted_on), year_text), (PartnerBenefit.project, project_id),
                       (PartnerBenefit.organisation, organisation_id))
    for org_id, benefit in benefits.tuples():
        b = Benefit.parse(benefit, Benefit.AUTRE)
        if b not in row(org_id).benefits:
            row(org_id).benefits.append(b)

    if organisation_id is not None and organisation_id not in rows:
        row(organisation_id)
    if not rows:
        return []
    orgs = (Organisation.select(Organisation.id, Organisation.name, Organisation.name_norm, Organisation.deleted_at)
            .where(Organisation.id.in_(list(rows))))
    funders = {r.organisation_id for r in FunderRow.select().where(FunderRow.main_funder == True)}  # noqa: E712
    grid_verdicts = verdicts(project_id)
    keep = []
    for org in sorted(orgs, key=lambda o: o.name_norm or o.name.lower()):
        if org.deleted_at is not None and org.id != organisation_id:
            continue
        r = rows[org.id]
        r.name = org.name
        r.main_funder = org.id in funders
        r.verdict = grid_verdicts.get(org.id)
        keep.append(r)
    return keep


def organisation_balance(organisation_id: int, year: int | None = None) -> BalanceRow:
    found = balance_rows(year, organisation_id=organisation_id)
    return found[0] if found else BalanceRow(organisation_id, "", hourly_cost=hourly_cost())


def project_balance(project_id: int) -> tuple[list[BalanceRow], float]:
    """The project's partners, and the hours spent on the project as a whole (no partner)."""
    unassigned = (StaffTime.select(fn.SUM(StaffTime.hours))
                  .where(StaffTime.project == project_id, StaffTime.organisation.is_null()).scalar() or 0.0)
    return balance_rows(project_id=project_id), round(unassigned, 2)


def balance_years() -> list[int]:
    years: set[int] = set()
    for (value,) in StaffTime.select(_year(StaffTime.worked_on)).distinct().tuples():
        if value:
            years.add(int(value))
    for (value,) in (PartnerContribution.select(_contribution_year()).join(ProjectPartner).join(Project)
                     .where(PartnerContribution.status == ContributionStatus.OBTENU.value).distinct().tuples()):
        if value:
            years.add(int(value))
    years.add(dt.date.today().year)
    return sorted(years, reverse=True)


def table(rows: list[BalanceRow]) -> tuple[list[str], list[list]]:
    """Translated headers and values, for CSV/ODS: numbers stay numbers."""
    headers = [_("Partner"), _("Hours"), _("Time cost (€)"), _("Money obtained (€)"), _("In kind (€)"),
               _("Value obtained (€)"), _("Ratio"), _("Non-financial benefits"), _("Costs more than it brings"),
               _("Verdict")]
    out = []
    for r in rows:
        out.append([r.name, r.hours, r.time_cost, r.money, r.in_kind, r.value,
                    None if r.ratio is None else round(r.ratio, 2),
                    ", ".join(_(b.label) for b in r.benefits), _("yes") if r.flagged else "",
                    _(r.verdict.label) if r.verdict else ""])
    return headers, out


def internal_report(year: int | None) -> InternalReport:
    rows = balance_rows(year)
    cost = hourly_cost()
    per_project: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    year_text = None if year is None else str(year)
    hours = _narrow(StaffTime.select(StaffTime.project, fn.SUM(StaffTime.hours)).where(StaffTime.project.is_null(False)),
                    (_year(StaffTime.worked_on), year_text))
    for pid, total in hours.group_by(StaffTime.project).tuples():
        per_project[pid][0] += total or 0.0
    values = _narrow(_obtained(ProjectPartner.project), (_contribution_year(), year_text))
    for pid, total in values.group_by(ProjectPartner.project).tuples():
        per_project[pid][1] += total or 0.0
    titles = {p.id: p.title for p in Project.select(Project.id, Project.title, Project.deleted_at)
              .where(Project.id.in_(list(per_project)), Project.deleted_at.is_null())} if per_project else {}
    projects = sorted(((titles[pid], round(h, 2), round(h * cost, 2), round(val, 2))
                       for pid, (h, val) in per_project.items() if pid in titles), key=lambda t: -t[2])
    benefits = []
    names = {r.organisation_id: r.name for r in rows}
    for r in rows:
        for entry in benefits_of(r.organisation_id, year):
            benefits.append((names[r.organisation_id], entry.benefit.label, entry.note))
    grids = []
    for r in rows:
        g = latest_grid(r.organisation_id)
        if g is not None and (year is None or (g.decided_on and g.decided_on.year == year)):
            grids.append(g)
    decided = {g.organisation_id for g in grids}
    for r in (GridRow.select().where(GridRow.verdict != "").order_by(GridRow.decided_on.desc(nulls="LAST"))):
        if r.organisation_id in decided or (year is not None and not (r.decided_on and r.decided_on.year == year)):
            continue
        decided.add(r.organisation_id)
        grids.append(_grid(r))
    return InternalReport(year, cost, rows, totals(rows), projects, benefits, grids, main_funders(), dt.date.today())
