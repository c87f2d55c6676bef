"""Everything known about one project, gathered in one call: what the dossier and bilan PDFs render.

    report = project_report(project_id)

Photos are all listed with the ids of the people shown; the bilan keeps only those whose
people consent (the consent rule belongs to the photos/consent area).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain.projects import (
    BudgetLineData,
    BudgetTotals,
    ContributionData,
    MilestoneData,
    NeedData,
    PartnerCard,
    PhotoData,
    ProjectData,
    RealizationData,
    SessionData,
    SessionTotals,
)
from partnerdesk.services import project_budget, projects, realizations, sessions


@dataclass
class PartnerReport:
    card: PartnerCard
    contributions: list[ContributionData] = field(default_factory=list)
    hours: float = 0.0


@dataclass
class ProjectReport:
    project: ProjectData
    needs: list[NeedData]
    budget: list[BudgetLineData]
    budget_totals: BudgetTotals
    partners: list[PartnerReport]
    staff_hours_total: float
    sessions: list[SessionData]
    session_totals: SessionTotals
    milestones: list[MilestoneData]
    realizations: list[RealizationData]
    photos: list[PhotoData]

    @property
    def active_partners(self) -> list[PartnerReport]:
        """Partners not abandoned, in board order."""
        return [p for p in self.partners if p.card.stage != "abandonne"]


def project_report(project_id: int, today: dt.date | None = None) -> ProjectReport | None:
    project = projects.get_project(project_id)
    if project is None:
        return None
    contributions = projects.contributions_of_project(project_id)
    hours = projects.staff_hours_by_partner(project_id)
    cards = projects.list_cards(project_id)
    return ProjectReport(
        project=project,
        needs=project_budget.needs_of(project_id),
        budget=project_budget.budget_of(project_id),
        budget_totals=project_budget.budget_totals_of(project_id),
        partners=[PartnerReport(c, contributions.get(c.id, []), hours.get(c.id, 0.0)) for c in cards],
        staff_hours_total=sum(hours.values()),
        sessions=sessions.sessions_of(project_id),
        session_totals=sessions.totals(project_id, today),
        milestones=projects.milestones_of(project_id),
        realizations=realizations.realizations_of(project_id),
        photos=realizations.photos_of(project_id),
    )
