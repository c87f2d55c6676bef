"""Is a partnership worth it? Valued staff time, value obtained, benefits, and the decision grid.

A partnership costs staff time ("temps-homme"), valued at a loaded hourly cost. It brings
contributions obtained, in money or in kind (an in-kind contribution is valued at its
estimated worth), and benefits that have no price (publics reached, credibility, visibility,
network). A partner whose time cost exceeds what it brings, with no recorded non-financial
benefit, is flagged: that partnership takes more than it gives.

The decision grid ("Faut-il accepter ce partenariat ?") rates a prospective partnership against
criteria from the EPN guide. Some criteria are blocking: a partnership that blurs the EPN's image,
pulls it from its missions or conflicts with its main funders' conditions is a loss even when
funded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain.labels import LabelledEnum, N_

DEFAULT_HOURLY_COST = 25.0


class Benefit(LabelledEnum):
    PUBLICS = "publics"
    CREDIBILITE = "credibilite"
    VISIBILITE = "visibilite"
    RESEAU = "reseau"
    COMPETENCES = "competences"
    AUTRE = "autre"

    @classmethod
    def _labels(cls):
        return {
            "publics": N_("New publics reached"),
            "credibilite": N_("Credibility"),
            "visibilite": N_("Visibility"),
            "reseau": N_("Network"),
            "competences": N_("Skills"),
            "autre": N_("Other benefit"),
        }


class Rating(LabelledEnum):
    FAVORABLE = "favorable"
    RESERVE = "reserve"
    DEFAVORABLE = "defavorable"

    @classmethod
    def _labels(cls):
        return {
            "favorable": N_("Favourable"),
            "reserve": N_("Reservations"),
            "defavorable": N_("Unfavourable"),
        }


class Verdict(LabelledEnum):
    OUI = "oui"
    A_DISCUTER = "a_discuter"
    NON = "non"

    @classmethod
    def _labels(cls):
        return {"oui": N_("Yes"), "a_discuter": N_("To be discussed"), "non": N_("No")}


@dataclass(frozen=True)
class Criterion:
    label: str
    blocking: bool = False

    def to_dict(self) -> dict:
        return {"label": self.label, "blocking": self.blocking}

    @classmethod
    def from_dict(cls, data) -> Criterion | None:
        if isinstance(data, str) and data.strip():
            return cls(data.strip())
        if isinstance(data, dict) and str(data.get("label", "")).strip():
            return cls(str(data["label"]).strip(), bool(data.get("blocking", False)))
        return None


# The guide's criteria. Labels are English source strings, translated at display; a criterion
# the user adds in the settings is kept as typed.
DEFAULT_CRITERIA: tuple[Criterion, ...] = (
    Criterion(N_("Coherent with the EPN's missions"), blocking=True),
    Criterion(N_("Fits the EPN's image"), blocking=True),
    Criterion(N_("Compatible with the main funders' conditions (exclusivity)"), blocking=True),
    Criterion(N_("Time needed against the expected benefit")),
    Criterion(N_("Indispensable rather than accessory")),
    Criterion(N_("The team's commitment")),
)


@dataclass
class GridAnswer:
    criterion: str
    rating: Rating | None = None
    comment: str = ""
    blocking: bool = False


@dataclass
class DecisionGrid:
    organisation_id: int
    answers: list[GridAnswer]
    verdict: Verdict | None = None
    decided_on: dt.date | None = None
    project_id: int | None = None
    note: str = ""
    id: int | None = None
    organisation_name: str = ""
    project_title: str = ""


def suggested_verdict(answers: list[GridAnswer]) -> Verdict | None:
    """What the ratings suggest; the user decides.

    An unfavourable blocking criterion says no; any other reservation or unfavourable rating
    says "to be discussed"; all favourable says yes. Nothing rated: no suggestion.
    """
    rated = [a for a in answers if a.rating is not None]
    if not rated:
        return None
    if any(a.rating is Rating.DEFAVORABLE and a.blocking for a in rated):
        return Verdict.NON
    if len(rated) < len(answers) or any(a.rating is not Rating.FAVORABLE for a in rated):
        return Verdict.A_DISCUTER
    return Verdict.OUI


def grid_problems(grid: DecisionGrid) -> dict[str, str]:
    """Field errors before a grid can be saved (English source, translated by the caller)."""
    problems = {}
    if grid.verdict is not None and grid.decided_on is None:
        problems["decided_on"] = N_("Give the date of the decision.")
    if grid.verdict is Verdict.OUI and any(a.rating is Rating.DEFAVORABLE and a.blocking for a in grid.answers):
        problems["verdict"] = N_("A blocking criterion is unfavourable: the answer cannot be yes.")
    return problems


@dataclass
class TimeEntry:
    worked_on: dt.date
    hours: float
    who: str = ""
    description: str = ""
    organisation_id: int | None = None
    project_id: int | None = None
    project_partner_id: int | None = None
    id: int | None = None
    organisation_name: str = ""
    project_title: str = ""


def hours_problem(hours: float | None) -> str | None:
    """The one rule for hours logged at once (here and on a project's partner): (0, 744]."""
    return None if hours is not None and 0 < hours <= 24 * 31 else N_(
        "Hours must be more than 0 and at most 744 (a month).")


def time_problems(entry: TimeEntry) -> dict[str, str]:
    problems = {}
    if hours_problem(entry.hours):
        problems["hours"] = hours_problem(entry.hours)
    if entry.organisation_id is None and entry.project_id is None:
        problems["organisation"] = N_("Say which partner or project the time was spent on.")
    if len(entry.description) > 500:
        problems["description"] = N_("The description is limited to 500 characters.")
    return problems


@dataclass
class BalanceRow:
    """What one partner cost and brought over a period (a year, a project, or all time)."""

    organisation_id: int
    name: str
    hours: float = 0.0
    money: float = 0.0
    in_kind: float = 0.0
    benefits: list[Benefit] = field(default_factory=list)
    hourly_cost: float = DEFAULT_HOURLY_COST
    verdict: Verdict | None = None
    main_funder: bool = False

    @property
    def time_cost(self) -> float:
        return round(self.hours * self.hourly_cost, 2)

    @property
    def value(self) -> float:
        return round(self.money + self.in_kind, 2)

    @property
    def net(self) -> float:
        return round(self.value - self.time_cost, 2)

    @property
    def ratio(self) -> float | None:
        """Value obtained per euro of staff time; None when no time was spent."""
        return None if self.time_cost <= 0 else self.value / self.time_cost

    @property
    def costs_more_than_it_brings(self) -> bool:
        return self.time_cost > self.value

    @property
    def flagged(self) -> bool:
        """Costs more than it brings and has no recorded non-financial benefit."""
        return self.costs_more_than_it_brings and not self.benefits


@dataclass
class BalanceTotals:
    hours: float
    time_cost: float
    money: float
    in_kind: float
    value: float
    flagged: int
    partners: int

    @property
    def ratio(self) -> float | None:
        return None if self.time_cost <= 0 else self.value / self.time_cost


def totals(rows: list[BalanceRow]) -> BalanceTotals:
    return BalanceTotals(
        hours=round(sum(r.hours for r in rows), 2),
        time_cost=round(sum(r.time_cost for r in rows), 2),
        money=round(sum(r.money for r in rows), 2),
        in_kind=round(sum(r.in_kind for r in rows), 2),
        value=round(sum(r.value for r in rows), 2),
        flagged=sum(1 for r in rows if r.flagged),
        partners=len(rows),
    )


@dataclass
class FunderProfile:
    organisation_id: int
    main_funder: bool = False
    conditions: str = ""
    name: str = ""


@dataclass
class BenefitEntry:
    organisation_id: int
    benefit: Benefit
    note: str = ""
    noted_on: dt.date | None = None
    project_id: int | None = None
    id: int | None = None


@dataclass
class InternalReport:
    """Data of the "Bilan interne des partenariats" PDF for one year (or all years)."""

    year: int | None
    hourly_cost: float
    rows: list[BalanceRow]
    totals: BalanceTotals
    projects: list[tuple[str, float, float, float]]  # title, hours, time cost, value obtained
    benefits: list[tuple[str, str, str]]  # partner, benefit label (source), note
    grids: list[DecisionGrid]
    funders: list[FunderProfile]
    issued_on: dt.date
