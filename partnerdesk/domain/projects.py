"""Vocabulary and plain records of projects, partnership pipelines and sessions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain.labels import N_, LabelledEnum


class Stage(LabelledEnum):
    IDENTIFIE = "identifie"
    PREMIER_CONTACT = "premier_contact"
    RENCONTRE_INFORMELLE = "rencontre_informelle"
    CO_CONSTRUCTION = "co_construction"
    CONVENTION_REDACTION = "convention_redaction"
    CONVENTION_SIGNEE = "convention_signee"
    ACTION_EN_COURS = "action_en_cours"
    BILAN = "bilan"
    PARTENARIAT_ENTRETENU = "partenariat_entretenu"
    ABANDONNE = "abandonne"

    @classmethod
    def _labels(cls):
        return {
            "identifie": N_("Identified"),
            "premier_contact": N_("First contact"),
            "rencontre_informelle": N_("Informal meeting"),
            "co_construction": N_("Co-construction"),
            "convention_redaction": N_("Convention being drafted"),
            "convention_signee": N_("Convention signed"),
            "action_en_cours": N_("Action under way"),
            "bilan": N_("Assessment"),
            "partenariat_entretenu": N_("Partnership kept up"),
            "abandonne": N_("Abandoned / refused"),
        }

    @classmethod
    def pipeline(cls) -> list[Stage]:
        """The stages in order, without the abandoned lane."""
        return [s for s in cls if s is not cls.ABANDONNE]

    @property
    def is_closed(self) -> bool:
        return self is Stage.ABANDONNE

    def next(self) -> Stage | None:
        order = Stage.pipeline()
        if self.is_closed:
            return None
        i = order.index(self)
        return order[i + 1] if i + 1 < len(order) else None

    def previous(self) -> Stage | None:
        order = Stage.pipeline()
        if self.is_closed:
            return None
        i = order.index(self)
        return order[i - 1] if i > 0 else None


class ProjectStatus(LabelledEnum):
    EN_PREPARATION = "en_preparation"
    EN_COURS = "en_cours"
    TERMINE = "termine"
    ABANDONNE = "abandonne"

    @classmethod
    def _labels(cls):
        return {
            "en_preparation": N_("In preparation"),
            "en_cours": N_("Under way"),
            "termine": N_("Finished"),
            "abandonne": N_("Abandoned"),
        }


class DurationKind(LabelledEnum):
    PONCTUEL = "ponctuel"
    LONG = "long"

    @classmethod
    def _labels(cls):
        return {"ponctuel": N_("One-off"), "long": N_("Long-running")}


class MaterialMode(LabelledEnum):
    ACHAT = "achat"
    LOCATION = "location"
    PRET = "pret"

    @classmethod
    def _labels(cls):
        return {"achat": N_("Purchase"), "location": N_("Rental"), "pret": N_("Loan")}


class ContributionStatus(LabelledEnum):
    ATTENDU = "attendu"
    OBTENU = "obtenu"

    @classmethod
    def _labels(cls):
        return {"attendu": N_("Expected"), "obtenu": N_("Obtained")}


class MilestoneStatus(LabelledEnum):
    A_FAIRE = "a_faire"
    FAIT = "fait"
    REPORTE = "reporte"

    @classmethod
    def _labels(cls):
        return {"a_faire": N_("To do"), "fait": N_("Done"), "reporte": N_("Postponed")}


# --- records ------------------------------------------------------------------

@dataclass
class ProjectData:
    title: str
    description: str = ""
    objectives: str = ""
    context: str = ""
    publics: list[str] = field(default_factory=list)
    duration_kind: str = DurationKind.PONCTUEL.value
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    place: str = ""
    in_charge: str = ""
    status: str = ProjectStatus.EN_PREPARATION.value
    bilan_text: str = ""
    id: int | None = None


@dataclass
class ProjectSummary:
    """One row of the projects list."""

    id: int
    title: str
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    in_charge: str
    publics: list[str]
    stage_counts: dict[str, int] = field(default_factory=dict)
    next_milestone: MilestoneData | None = None

    @property
    def partner_count(self) -> int:
        return sum(self.stage_counts.values())


@dataclass
class NeedData:
    project_id: int
    kind: str
    description: str = ""
    amount: float | None = None
    material_mode: str = ""
    id: int | None = None


@dataclass
class BudgetLineData:
    project_id: int
    label: str
    amount: float = 0.0
    project_partner_id: int | None = None
    own_funds: bool = False
    partner_name: str = ""
    id: int | None = None

    @property
    def covered(self) -> bool:
        return self.own_funds or self.project_partner_id is not None


@dataclass
class BudgetTotals:
    total: float
    by_partners: float
    own_funds: float
    uncovered: float
    per_partner: dict[str, float] = field(default_factory=dict)
    secured: float = 0.0  # covered by engaged partners (see domain/engagement.py)
    pending: float = 0.0  # covered by partners still under discussion or only identified
    released: float = 0.0  # part of `uncovered` whose partner refused or abandoned


@dataclass
class ContributionData:
    project_partner_id: int
    kind: str
    description: str = ""
    value: float | None = None
    material_mode: str = ""
    status: str = ContributionStatus.ATTENDU.value
    id: int | None = None


@dataclass
class PartnerCard:
    """One organisation in one project: a card of the pipeline board."""

    id: int
    project_id: int
    project_title: str
    organisation_id: int
    organisation_name: str
    stage: str
    position: int = 0
    closed_reason: str = ""
    next_step: str = ""
    next_step_on: dt.date | None = None
    in_charge: str = ""
    expected: float = 0.0
    obtained: float = 0.0
    contribution_kinds: list[str] = field(default_factory=list)
    verdict: str = ""  # the decision grid's answer for this partner ("oui", "a_discuter", "non") or ""


@dataclass
class StageMoveResult:
    """What a move did, so that it can be undone exactly."""

    project_partner_id: int
    from_stage: str
    to_stage: str
    from_position: int
    move_id: int
    interaction_id: int | None
    previous_reason: str = ""


@dataclass
class StaffTimeData:
    project_id: int
    worked_on: dt.date
    hours: float
    project_partner_id: int | None = None
    who: str = ""
    note: str = ""
    id: int | None = None


@dataclass
class MilestoneData:
    project_id: int
    title: str
    due_on: dt.date
    kind: str = ""
    status: str = MilestoneStatus.A_FAIRE.value
    project_partner_id: int | None = None
    done_on: dt.date | None = None
    id: int | None = None


@dataclass
class MilestoneProposal:
    """A next step the EPN calendar suggests when a card reaches a stage."""

    kind: str
    title: str
    due_on: dt.date


@dataclass
class SessionData:
    project_id: int
    held_on: dt.date
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    facilitator: str = ""
    organisation_id: int | None = None
    planned_attendance: int | None = None
    actual_attendance: int | None = None
    cancelled: bool = False
    notes: str = ""
    participants: list[str] = field(default_factory=list)
    id: int | None = None
    marked_held: bool = False  # ticked "held" in the Séances page (0008)

    @property
    def is_held(self) -> bool:
        """A session is held ("tenue") only when its attendance was entered or it is marked held;
        a cancelled session never is. Every figure of sessions counts these."""
        return not self.cancelled and (self.marked_held or self.actual_attendance is not None
                                       or bool(self.participants))

    @property
    def present(self) -> int:
        """How many came: the head count entered, else the names on the attendance sheet."""
        return self.actual_attendance if self.actual_attendance is not None else len(self.participants)


@dataclass
class MonthTotals:
    year: int
    month: int
    sessions: int = 0
    participants: int = 0
    planned: int = 0
    rated_actual: int = 0

    @property
    def rate(self) -> float | None:
        """Actual / planned attendance over the sessions that have both figures."""
        return self.rated_actual / self.planned if self.planned else None


@dataclass
class SessionTotals:
    held: int = 0
    scheduled: int = 0
    participants: int = 0
    planned: int = 0
    rated_actual: int = 0
    per_month: list[MonthTotals] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        """Actual / planned attendance over the sessions that have both figures."""
        return self.rated_actual / self.planned if self.planned else None


@dataclass
class RealizationData:
    project_id: int
    title: str
    description: str = ""
    made_on: dt.date | None = None
    id: int | None = None


@dataclass
class PhotoData:
    """A project photo: `file` is relative to the data folder's photos/."""

    project_id: int
    file: str
    caption: str = ""
    taken_on: dt.date | None = None
    realization_id: int | None = None
    person_ids: list[int] = field(default_factory=list)
    id: int | None = None


@dataclass
class OrganisationProject:
    """A line of the organisation card: one project this organisation is in."""

    project_partner_id: int
    project_id: int
    project_title: str
    stage: str
    project_status: str
    next_step: str = ""
    next_step_on: dt.date | None = None
