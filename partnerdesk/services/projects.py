"""Projects: the card ("rêver l'action"), partners and their contributions, staff time, milestones.

Needs and budget live in `services/project_budget.py`, pipeline moves in `services/pipeline.py`,
sessions in `services/sessions.py`, realizations and photos in `services/realizations.py`, the
"À faire" view in `services/todo.py`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict


from partnerdesk.domain import validation as v
from partnerdesk.domain.amounts import check_amount, to_cents
from partnerdesk.domain.balance import hours_problem
from partnerdesk.domain.labels import N_
from partnerdesk.domain.engagement import Engagement, Standing, standing_of
from partnerdesk.domain.projects import (
    ContributionData,
    ContributionStatus,
    DurationKind,
    MilestoneData,
    OrganisationProject,
    PartnerCard,
    ProjectData,
    ProjectStatus,
    ProjectSummary,
    Stage,
    StaffTimeData,
)
from partnerdesk.domain.text import normalize
from partnerdesk.store import database, project_queries
from partnerdesk.store.query import fn
from partnerdesk.store.models import (
    BudgetLine,
    Milestone,
    PartnerContribution,
    Project,
    ProjectPartner,
    ProjectSession,
    StaffTime,
    StageMove,
)

_PROJECT_FIELDS = ("title description objectives context publics duration_kind start_date end_date place "
                   "in_charge status bilan_text").split()


# --- projects -----------------------------------------------------------------

PROJECT_LINES = ("title", "place", "in_charge")


def validate_project(data: ProjectData) -> None:
    """Check the project; its one-line fields are made one line first."""
    v.single_lines(data, PROJECT_LINES)
    checks = {"title": v.check_required(data.title)}
    if data.start_date and data.end_date and data.end_date < data.start_date:
        checks["end_date"] = N_("The end date is before the start date.")
    if DurationKind.parse(data.duration_kind) is None:
        checks["duration_kind"] = N_("Unknown value.")
    if ProjectStatus.parse(data.status) is None:
        checks["status"] = N_("Unknown value.")
    v.collect(v.merge_checks(checks, v.length_checks(data, names=PROJECT_LINES,
                                                     texts=("description", "objectives", "context", "bilan_text"))))


def project_data(row: Project) -> ProjectData:
    return ProjectData(id=row.id, **{f: getattr(row, f) for f in _PROJECT_FIELDS})


def create_project(data: ProjectData) -> ProjectData:
    validate_project(data)
    now = dt.datetime.now()
    with database.atomic():
        row = Project.create(**{f: getattr(data, f) for f in _PROJECT_FIELDS},
                             title_norm=normalize(data.title), created_at=now, updated_at=now)
    return project_data(row)


class NotFound(LookupError):
    """The project no longer exists (deleted, or replaced by a restore)."""


def update_project(data: ProjectData) -> ProjectData:
    validate_project(data)
    with database.atomic():
        values = {f: getattr(data, f) for f in _PROJECT_FIELDS}
        updated = Project.update(**values, title_norm=normalize(data.title), updated_at=dt.datetime.now()).where(
            (Project.id == data.id) & Project.deleted_at.is_null()).execute()
        if not updated:
            raise NotFound(data.id)
    return get_project(data.id)


def get_project(project_id: int) -> ProjectData | None:
    row = Project.get_or_none((Project.id == project_id) & Project.deleted_at.is_null())
    return project_data(row) if row else None


def delete_project(project_id: int) -> None:
    """Soft delete: the project leaves every list; restore with `restore_project`."""
    Project.update(deleted_at=dt.datetime.now()).where(Project.id == project_id).execute()


def restore_project(project_id: int) -> None:
    Project.update(deleted_at=None).where(Project.id == project_id).execute()


def list_projects(search: str = "", status: str | None = None, year: int | None = None,
                  public: str | None = None) -> list[ProjectSummary]:
    """Projects with their partners counted by stage and their next open milestone."""
    query = Project.select().where(Project.deleted_at.is_null())
    if search.strip():
        query = query.where(Project.title_norm.contains(normalize(search)))
    if status:
        query = query.where(Project.status == status)
    if year:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        query = query.where((fn.COALESCE(Project.start_date, start) <= end)
                            & (fn.COALESCE(Project.end_date, Project.start_date, end) >= start))
    rows = list(query.order_by(Project.start_date.desc(nulls="LAST"), Project.title_norm))
    if public:
        rows = [r for r in rows if public in (r.publics or [])]
    ids = [r.id for r in rows]
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    next_ms: dict[int, MilestoneData] = {}
    if ids:
        stage_rows = (ProjectPartner.select(ProjectPartner.project, ProjectPartner.stage, fn.COUNT(1).alias("n"))
                      .where(ProjectPartner.project.in_(ids))
                      .group_by(ProjectPartner.project, ProjectPartner.stage).tuples())
        for project_id, stage, n in stage_rows:
            counts[project_id][stage] = n
        for m in (Milestone.select().where(Milestone.project.in_(ids) & (Milestone.status != "fait"))
                  .order_by(Milestone.due_on)):
            next_ms.setdefault(m.project_id, milestone_data(m))
    return [ProjectSummary(r.id, r.title, r.status, r.start_date, r.end_date, r.in_charge, r.publics or [],
                           counts.get(r.id, {}), next_ms.get(r.id)) for r in rows]


def project_of(kind: str, item_id: int) -> int | None:
    """The project a thing belongs to: "project", "project_partner", "session" or "milestone"."""
    model = {"project": None, "project_partner": ProjectPartner, "session": ProjectSession,
             "milestone": Milestone}.get(kind, False)
    if model is None:
        return item_id
    if model is False:
        return None
    return model.select(model.project).where(model.id == item_id).scalar()


def people_in_charge() -> list[str]:
    rows = (Project.select(Project.in_charge).where(Project.deleted_at.is_null() & (Project.in_charge != ""))
            .distinct().order_by(Project.in_charge).tuples())
    return [r[0] for r in rows]


def project_years() -> list[int]:
    years = set()
    for start, end in Project.select(Project.start_date, Project.end_date).where(
            Project.deleted_at.is_null()).tuples():
        for d in (start, end):
            if d:
                years.add(d.year)
    return sorted(years, reverse=True)


def standings_of(project_id: int) -> list[Standing]:
    """Every organisation of the project with its engagement (domain/engagement.py), in board order."""
    contributions = contributions_of_project(project_id)
    return [standing_of(card, contributions.get(card.id, [])) for card in list_cards(project_id)]


def engagements_of(project_id: int) -> dict[int, Engagement]:
    """project_partner_id -> Engagement."""
    return {s.project_partner_id: s.engagement for s in standings_of(project_id)}


# --- partners -----------------------------------------------------------------------

def add_partner(project_id: int, organisation_id: int, stage: str = Stage.IDENTIFIE.value,
                next_step: str = "", next_step_on: dt.date | None = None) -> PartnerCard:
    """Add an organisation to a project (once: adding it again returns the existing card)."""
    Stage(stage)
    now = dt.datetime.now()
    with database.atomic("IMMEDIATE"):
        existing = ProjectPartner.get_or_none((ProjectPartner.project == project_id)
                                              & (ProjectPartner.organisation == organisation_id))
        if existing is None:
            position = ProjectPartner.select().where((ProjectPartner.project == project_id)
                                                     & (ProjectPartner.stage == stage)).count()
            existing = ProjectPartner.create(project=project_id, organisation=organisation_id, stage=stage,
                                             position=position, next_step=next_step, next_step_on=next_step_on,
                                             stage_since=dt.date.today(), created_at=now, updated_at=now)
    return get_card(existing.id)


def remove_partner(project_partner_id: int) -> None:
    ProjectPartner.delete().where(ProjectPartner.id == project_partner_id).execute()


def set_next_step(project_partner_id: int, text: str, on: dt.date | None) -> None:
    ProjectPartner.update(next_step=text.strip(), next_step_on=on, updated_at=dt.datetime.now()).where(
        ProjectPartner.id == project_partner_id).execute()


def list_cards(project_id: int | None = None, in_charge: str | None = None) -> list[PartnerCard]:
    """The cards of one project, or of every project ("Tous les projets"), in board order."""
    from partnerdesk.services.balance import verdicts

    verdict_of = verdicts(project_id)
    return [PartnerCard(pp_id, proj_id, title, org_id, org_name, stage, position, reason, step, _as_date(step_on),
                        charge, expected, obtained, kinds.split(",") if kinds else [],
                        verdict_of[org_id].value if org_id in verdict_of else "")
            for (pp_id, proj_id, org_id, stage, position, reason, step, step_on, title, charge, org_name,
                 expected, obtained, kinds) in project_queries.board_rows(project_id, in_charge)]


def project_titles() -> list[tuple[int, str]]:
    """(id, title) of every live project, by title: for filters."""
    return project_queries.project_titles()


def _as_date(value):
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10]) if value else None
    return value


def get_card(project_partner_id: int) -> PartnerCard | None:
    pp = ProjectPartner.get_or_none(ProjectPartner.id == project_partner_id)
    if pp is None:
        return None
    return next((c for c in list_cards(pp.project_id) if c.id == project_partner_id), None)


def projects_of_organisation(org_id: int) -> list[OrganisationProject]:
    """The projects an organisation is in, with its stage in each (for the organisation card)."""
    rows = (ProjectPartner.select(ProjectPartner, Project)
            .join(Project).where((ProjectPartner.organisation == org_id) & Project.deleted_at.is_null())
            .order_by(Project.start_date.desc(nulls="LAST"), Project.title_norm))
    return [OrganisationProject(r.id, r.project_id, r.project.title, r.stage, r.project.status, r.next_step,
                                r.next_step_on) for r in rows]


# --- contributions --------------------------------------------------------------------

def add_contribution(data: ContributionData) -> ContributionData:
    v.collect({"kind": v.check_required(data.kind),
               "value": check_amount(data.value)})
    data.value = None if data.value is None else to_cents(data.value)  # cents, rounded half-up (domain/amounts.py)
    row = PartnerContribution.create(project_partner=data.project_partner_id, kind=data.kind,
                                     description=data.description, value=data.value,
                                     material_mode=data.material_mode, status=data.status,
                                     obtained_on=dt.date.today() if data.status == ContributionStatus.OBTENU.value
                                     else None)
    data.id = row.id
    return data


def set_contribution_status(contribution_id: int, status: str) -> None:
    ContributionStatus(status)
    obtained_on = dt.date.today() if status == ContributionStatus.OBTENU.value else None
    PartnerContribution.update(status=status, obtained_on=obtained_on).where(
        PartnerContribution.id == contribution_id).execute()


def delete_contribution(contribution_id: int) -> None:
    PartnerContribution.delete().where(PartnerContribution.id == contribution_id).execute()


def contributions_of(project_partner_id: int) -> list[ContributionData]:
    rows = PartnerContribution.select().where(PartnerContribution.project_partner == project_partner_id)
    return [ContributionData(r.project_partner_id, r.kind, r.description, r.value, r.material_mode, r.status, r.id)
            for r in rows.order_by(PartnerContribution.id)]


def contributions_of_project(project_id: int) -> dict[int, list[ContributionData]]:
    """{project_partner_id: contributions} for every partner of the project."""
    out: dict[int, list[ContributionData]] = defaultdict(list)
    rows = (PartnerContribution.select().join(ProjectPartner)
            .where(ProjectPartner.project == project_id).order_by(PartnerContribution.id))
    for r in rows:
        out[r.project_partner_id].append(ContributionData(r.project_partner_id, r.kind, r.description, r.value,
                                                          r.material_mode, r.status, r.id))
    return dict(out)


# --- staff time ("temps-homme") ----------------------------------------------------------

def log_staff_time(data: StaffTimeData) -> StaffTimeData:
    v.collect({"hours": hours_problem(data.hours)})
    org_id = None
    if data.project_partner_id is not None:
        org_id = ProjectPartner.select(ProjectPartner.organisation).where(
            ProjectPartner.id == data.project_partner_id).scalar()
    row = StaffTime.create(project=data.project_id, project_partner=data.project_partner_id, organisation=org_id,
                           worked_on=data.worked_on, hours=data.hours, who=data.who, note=data.note)
    data.id = row.id
    return data


def staff_time_of(project_id: int) -> list[StaffTimeData]:
    rows = StaffTime.select().where(StaffTime.project == project_id).order_by(StaffTime.worked_on)
    return [StaffTimeData(r.project_id, r.worked_on, r.hours, r.project_partner_id, r.who, r.note, r.id)
            for r in rows]


def staff_hours_by_partner(project_id: int) -> dict[int | None, float]:
    """{project_partner_id (None: the project as a whole): hours}."""
    out: dict[int | None, float] = defaultdict(float)
    for pp_id, hours in (StaffTime.select(StaffTime.project_partner, fn.SUM(StaffTime.hours))
                         .where(StaffTime.project == project_id).group_by(StaffTime.project_partner).tuples()):
        out[pp_id] += hours or 0
    return dict(out)


# --- milestones --------------------------------------------------------------------------

def milestone_data(r: Milestone) -> MilestoneData:
    return MilestoneData(r.project_id, r.title, r.due_on, r.kind, r.status, r.project_partner_id, r.done_on, r.id)


def add_milestone(data: MilestoneData) -> MilestoneData:
    v.collect({"title": v.check_required(data.title) or v.check_name_length(data.title)})
    row = Milestone.create(project=data.project_id, project_partner=data.project_partner_id, title=data.title,
                           kind=data.kind, due_on=data.due_on, status=data.status, done_on=data.done_on,
                           created_at=dt.datetime.now())
    data.id = row.id
    return data


def milestones_of(project_id: int) -> list[MilestoneData]:
    rows = Milestone.select().where(Milestone.project == project_id).order_by(Milestone.due_on, Milestone.id)
    return [milestone_data(r) for r in rows]


def set_milestone_status(milestone_id: int, status: str, *, on: dt.date | None = None,
                         postpone_to: dt.date | None = None) -> None:
    values = {"status": status, "done_on": (on or dt.date.today()) if status == "fait" else None}
    if postpone_to is not None:
        values["due_on"] = postpone_to
    Milestone.update(**values).where(Milestone.id == milestone_id).execute()


def delete_milestone(milestone_id: int) -> None:
    Milestone.delete().where(Milestone.id == milestone_id).execute()


# --- organisations merged ------------------------------------------------------------------

def reassign_organisation(old_id: int, new_id: int) -> int:
    """When two organisation cards are merged: move `old_id`'s project partnerships to `new_id`.

    Where both were partners of the same project, the two cards become one: the further
    stage is kept, contributions, staff time, budget lines, milestones and history are
    gathered, and the earlier dated next step is kept. Returns how many cards were moved or merged.
    """
    order = [s.value for s in Stage.pipeline()]

    def rank(stage: str) -> int:
        return order.index(stage) if stage in order else -1

    moved = 0
    with database.atomic("IMMEDIATE"):
        for pp in list(ProjectPartner.select().where(ProjectPartner.organisation == old_id)):
            keep = ProjectPartner.get_or_none((ProjectPartner.project == pp.project_id)
                                              & (ProjectPartner.organisation == new_id))
            moved += 1
            if keep is None:
                ProjectPartner.update(organisation=new_id).where(ProjectPartner.id == pp.id).execute()
                continue
            if rank(pp.stage) > rank(keep.stage):
                keep.stage, keep.closed_reason, keep.stage_since = pp.stage, pp.closed_reason, pp.stage_since
            if pp.next_step and (not keep.next_step or (pp.next_step_on and (
                    keep.next_step_on is None or pp.next_step_on < keep.next_step_on))):
                keep.next_step, keep.next_step_on = pp.next_step, pp.next_step_on
            keep.updated_at = dt.datetime.now()
            keep.save()
            for model in (PartnerContribution, StaffTime, BudgetLine, Milestone, StageMove):
                model.update(project_partner=keep.id).where(model.project_partner == pp.id).execute()
            ProjectPartner.delete().where(ProjectPartner.id == pp.id).execute()
        ProjectSession.update(organisation=new_id).where(ProjectSession.organisation == old_id).execute()
    return moved
