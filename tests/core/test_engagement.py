"""One rule for engagement: stages, obtained contributions, refused partners and the budget."""

import pytest

from partnerdesk.domain.engagement import (
    Coverage,
    Engagement,
    budget_totals,
    engagement,
    line_coverage,
    partner_figures,
    standing_of,
)
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import BudgetLineData, ContributionData, PartnerCard, ProjectData, Stage
from partnerdesk.services import partners, pipeline, project_budget, projects


@pytest.mark.parametrize("stage,obtained,level", [
    (Stage.IDENTIFIE, False, Engagement.IDENTIFIE),
    (Stage.PREMIER_CONTACT, False, Engagement.EN_DISCUSSION),
    (Stage.RENCONTRE_INFORMELLE, False, Engagement.EN_DISCUSSION),
    (Stage.CO_CONSTRUCTION, False, Engagement.EN_DISCUSSION),
    (Stage.CONVENTION_REDACTION, False, Engagement.EN_DISCUSSION),
    (Stage.CONVENTION_SIGNEE, False, Engagement.ENGAGE),
    (Stage.ACTION_EN_COURS, False, Engagement.ENGAGE),
    (Stage.BILAN, False, Engagement.ENGAGE),
    (Stage.PARTENARIAT_ENTRETENU, False, Engagement.ENGAGE),
    (Stage.IDENTIFIE, True, Engagement.ENGAGE),
    (Stage.CO_CONSTRUCTION, True, Engagement.ENGAGE),
    (Stage.ABANDONNE, False, Engagement.ECARTE),
    (Stage.ABANDONNE, True, Engagement.ECARTE),
    ("not-a-stage", False, Engagement.IDENTIFIE),
])
def test_engagement_levels(stage, obtained, level):
    assert engagement(stage, obtained) is level
    assert engagement(getattr(stage, "value", stage), obtained) is level
    assert level.is_partner == (level is Engagement.ENGAGE)


def _card(pp_id, stage, name="X"):
    return PartnerCard(pp_id, 1, "P", pp_id * 10, name, stage)


def test_partner_figures_count_each_partner_once_and_leave_refused_out():
    standings = [
        standing_of(_card(1, "convention_signee", "Mairie"), [ContributionData(1, "financement", value=1000)]),
        standing_of(_card(2, "co_construction", "CAF"),
                    [ContributionData(2, "financement", value=500, status="obtenu"),
                     ContributionData(2, "materiel", value=200)]),
        standing_of(_card(3, "premier_contact", "Orange"), [ContributionData(3, "financement", value=300)]),
        standing_of(_card(4, "abandonne", "Boulanger"), [ContributionData(4, "financement", value=9999,
                                                                          status="obtenu")]),
        standing_of(_card(5, "identifie", "EDF")),
    ]
    f = partner_figures(standings)
    assert f.partners == 2
    assert [s.name for s in f.engaged] == ["Mairie", "CAF"]
    assert [s.name for s in f.discussed] == ["Orange"]
    assert (f.count(Engagement.ECARTE), f.count(Engagement.IDENTIFIE)) == (1, 1)
    assert (f.expected, f.obtained) == (2000.0, 500.0)
    assert sum(f.counts.values()) == len(standings)


def test_budget_lines_follow_the_partner_engagement():
    levels = {1: Engagement.ENGAGE, 2: Engagement.EN_DISCUSSION, 3: Engagement.ECARTE, 4: Engagement.IDENTIFIE}
    lines = [BudgetLineData(1, "Animation", 1200, 1, partner_name="Mairie"),
             BudgetLineData(1, "Tablettes", 2500, 2, partner_name="CAF"),
             BudgetLineData(1, "Goûters", 100, 3, partner_name="Boulanger"),
             BudgetLineData(1, "Affiches", 50, 4, partner_name="EDF"),
             BudgetLineData(1, "Salle", 300, own_funds=True),
             BudgetLineData(1, "Transport", 75)]
    covers = [line_coverage(line, levels) for line in lines]
    assert [c.coverage for c in covers] == [Coverage.SECURED, Coverage.PENDING, Coverage.UNCOVERED,
                                             Coverage.PENDING, Coverage.OWN_FUNDS, Coverage.UNCOVERED]
    assert covers[2].released == "Boulanger" and covers[2].partner == ""
    t = budget_totals(lines, levels)
    assert (t.total, t.secured, t.pending, t.own_funds, t.uncovered, t.released) == (4225, 1200, 2550, 300, 175, 100)
    assert t.by_partners == t.secured + t.pending
    assert t.total == t.by_partners + t.own_funds + t.uncovered
    assert "Boulanger" not in t.per_partner


def test_a_refused_partner_uncovers_its_budget_lines_on_screen_too(store):
    p = projects.create_project(ProjectData("Atelier"))
    org = partners.create_organisation(OrganisationData("Boulanger", kind="entreprise")).id
    card = projects.add_partner(p.id, org, stage=Stage.CONVENTION_SIGNEE.value)
    project_budget.add_budget_line(BudgetLineData(p.id, "Tablettes", 2500, project_partner_id=card.id))
    assert project_budget.budget_totals_of(p.id).secured == 2500
    pipeline.move_card(card.id, Stage.ABANDONNE.value, reason="Budget gelé")
    t = project_budget.budget_totals_of(p.id)
    assert (t.secured, t.by_partners, t.uncovered, t.released) == (0, 0, 2500, 2500)
    assert projects.engagements_of(p.id) == {card.id: Engagement.ECARTE}
