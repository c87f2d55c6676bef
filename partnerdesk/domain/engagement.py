"""One rule for engagement: who is a partner of a project, and what of the budget is secured.

    engagement(stage, obtained=False) -> Engagement
    standing_of(card, contributions)  -> Standing        # one organisation in one project
    partner_figures(standings)        -> PartnerFigures  # counts and totals by engagement
    line_coverage(line, engagements)  -> LineCoverage    # one budget line
    budget_totals(lines, engagements) -> BudgetTotals    # the budget, reconciled with the partners

The levels (`Engagement`):

- ENGAGE ("engagé"): the convention is signed or the partnership is further on
  (action under way, assessment, kept up), or at least one contribution is marked
  obtained. Only these organisations are "partners" in a document given to someone
  outside the EPN.
- EN_DISCUSSION ("en discussion"): from the first contact to the convention being drafted.
- IDENTIFIE ("identifié"): on the list, nobody contacted yet.
- ECARTE ("refusé ou abandonné"): never a partner anywhere; the budget lines it was
  meant to cover go back to "à couvrir" (`LineCoverage.released` says so, for a note).

Screens, documents and the CLI all go through these functions, so that a tile, a table
and a line of text computed from the same project agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from partnerdesk.domain.labels import N_, LabelledEnum
from partnerdesk.domain.projects import (
    BudgetLineData,
    BudgetTotals,
    ContributionData,
    ContributionStatus,
    PartnerCard,
    Stage,
)


class Engagement(LabelledEnum):
    ENGAGE = "engage"
    EN_DISCUSSION = "en_discussion"
    IDENTIFIE = "identifie"
    ECARTE = "ecarte"

    @classmethod
    def _labels(cls):
        return {
            "engage": N_("Committed"),
            "en_discussion": N_("Under discussion"),
            "identifie": N_("Identified"),
            "ecarte": N_("Refused or abandoned"),
        }

    @property
    def is_partner(self) -> bool:
        """Named as a partner of the project in documents and counted in "N partenaires"."""
        return self is Engagement.ENGAGE

    @property
    def is_out(self) -> bool:
        return self is Engagement.ECARTE


#: from this stage on the partner is committed, whatever its contributions
COMMITTED_STAGES = frozenset({Stage.CONVENTION_SIGNEE, Stage.ACTION_EN_COURS, Stage.BILAN,
                              Stage.PARTENARIAT_ENTRETENU})
#: stages where the partnership is being discussed
DISCUSSION_STAGES = frozenset({Stage.PREMIER_CONTACT, Stage.RENCONTRE_INFORMELLE, Stage.CO_CONSTRUCTION,
                               Stage.CONVENTION_REDACTION})


def engagement(stage: str | Stage, obtained: bool = False) -> Engagement:
    """The engagement of a partner at `stage`; `obtained`: one of its contributions is marked obtained.

    A refused or abandoned partner stays ECARTE even with a contribution marked obtained
    (it is out of the project now)."""
    stage = Stage.parse(stage, Stage.IDENTIFIE) if not isinstance(stage, Stage) else stage
    if stage is Stage.ABANDONNE:
        return Engagement.ECARTE
    if obtained or stage in COMMITTED_STAGES:
        return Engagement.ENGAGE
    if stage in DISCUSSION_STAGES:
        return Engagement.EN_DISCUSSION
    return Engagement.IDENTIFIE


def has_obtained(contributions: Iterable[ContributionData]) -> bool:
    return any(c.status == ContributionStatus.OBTENU for c in contributions)


@dataclass
class Standing:
    """One organisation in one project, as every figure sees it."""

    project_partner_id: int
    organisation_id: int
    name: str
    stage: str
    engagement: Engagement
    expected: float = 0.0  # every contribution's value (expected or obtained)
    obtained: float = 0.0  # the values of the contributions marked obtained

    @property
    def is_partner(self) -> bool:
        return self.engagement.is_partner


def standing_of(card: PartnerCard, contributions: Iterable[ContributionData] = ()) -> Standing:
    items = list(contributions)
    expected = sum(float(c.value or 0) for c in items)
    obtained = sum(float(c.value or 0) for c in items if c.status == ContributionStatus.OBTENU)
    return Standing(card.id, card.organisation_id, card.organisation_name, card.stage,
                    engagement(card.stage, has_obtained(items)), round(expected, 2), round(obtained, 2))


@dataclass
class PartnerFigures:
    """The partners of a project counted once, by engagement (refused ones apart)."""

    counts: dict[Engagement, int] = field(default_factory=dict)
    expected: float = 0.0  # expected value of the partners not refused
    obtained: float = 0.0  # obtained value of the partners not refused
    engaged: list[Standing] = field(default_factory=list)
    discussed: list[Standing] = field(default_factory=list)

    def count(self, level: Engagement) -> int:
        return self.counts.get(level, 0)

    @property
    def partners(self) -> int:
        """How many organisations are partners (engaged)."""
        return self.count(Engagement.ENGAGE)


def partner_figures(standings: Iterable[Standing]) -> PartnerFigures:
    figures = PartnerFigures(counts={level: 0 for level in Engagement})
    for s in standings:
        figures.counts[s.engagement] += 1
        if s.engagement.is_out:
            continue
        figures.expected += s.expected
        figures.obtained += s.obtained
        if s.engagement is Engagement.ENGAGE:
            figures.engaged.append(s)
        elif s.engagement is Engagement.EN_DISCUSSION:
            figures.discussed.append(s)
    figures.expected, figures.obtained = round(figures.expected, 2), round(figures.obtained, 2)
    return figures


class Coverage(LabelledEnum):
    SECURED = "acquis"  # an engaged partner covers it
    OWN_FUNDS = "fonds_propres"
    PENDING = "en_discussion"  # a partner still discussing (or only identified) is meant to cover it
    UNCOVERED = "a_couvrir"

    @classmethod
    def _labels(cls):
        return {
            "acquis": N_("Secured"),
            "fonds_propres": N_("Own funds"),
            "en_discussion": N_("Under discussion"),
            "a_couvrir": N_("Still to cover"),
        }


@dataclass
class LineCoverage:
    coverage: Coverage
    partner: str = ""  # the partner meant to cover it ("" for own funds and uncovered lines)
    released: str = ""  # the refused partner that was meant to cover it (the line is uncovered again)


def line_coverage(line: BudgetLineData, engagements: Mapping[int, Engagement]) -> LineCoverage:
    """`engagements`: project_partner_id -> Engagement of the project's partners."""
    if line.own_funds:
        return LineCoverage(Coverage.OWN_FUNDS)
    if line.project_partner_id is None:
        return LineCoverage(Coverage.UNCOVERED)
    level = engagements.get(line.project_partner_id, Engagement.ECARTE)
    if level.is_out:
        return LineCoverage(Coverage.UNCOVERED, released=line.partner_name)
    if level is Engagement.ENGAGE:
        return LineCoverage(Coverage.SECURED, line.partner_name)
    return LineCoverage(Coverage.PENDING, line.partner_name)


def budget_totals(lines: Iterable[BudgetLineData], engagements: Mapping[int, Engagement] | None = None) -> BudgetTotals:
    """Total, covered by partners (secured + pending), own funds, uncovered (refused partners'
    lines included), per partner. Without `engagements` every partner counts as engaged."""
    total = by_partners = secured = pending = own = uncovered = released = 0.0
    per_partner: dict[str, float] = {}
    for line in lines:
        amount = float(line.amount or 0)
        total += amount
        if engagements is None:
            cover = line_coverage(line, {line.project_partner_id: Engagement.ENGAGE}
                                  if line.project_partner_id is not None else {})
        else:
            cover = line_coverage(line, engagements)
        if cover.coverage is Coverage.OWN_FUNDS:
            own += amount
        elif cover.coverage is Coverage.UNCOVERED:
            uncovered += amount
            released += amount if cover.released or line.project_partner_id is not None else 0.0
        else:
            by_partners += amount
            secured += amount if cover.coverage is Coverage.SECURED else 0.0
            pending += amount if cover.coverage is Coverage.PENDING else 0.0
            name = line.partner_name or str(line.project_partner_id)
            per_partner[name] = per_partner.get(name, 0.0) + amount
    return BudgetTotals(round(total, 2), round(by_partners, 2), round(own, 2), round(uncovered, 2), per_partner,
                        secured=round(secured, 2), pending=round(pending, 2), released=round(released, 2))
