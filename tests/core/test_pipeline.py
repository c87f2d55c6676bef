"""Pipeline moves: journal, positions, undo, abandoned lane reason, calendar proposals."""

import datetime as dt

import pytest

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.project_rules import proposals_for
from partnerdesk.domain.projects import ProjectData, Stage
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import partners, pipeline, projects
from partnerdesk.store.models import Interaction, InteractionOrganisation, StageMove


@pytest.fixture
def board(store):
    p = projects.create_project(ProjectData("Atelier", end_date=dt.date(2026, 6, 24)))
    cards = [projects.add_partner(p.id, partners.create_organisation(OrganisationData(n)).id)
             for n in ("Mairie", "Collège", "Médiathèque")]
    return p, cards


def test_stage_order():
    assert Stage.IDENTIFIE.next() is Stage.PREMIER_CONTACT
    assert Stage.IDENTIFIE.previous() is None
    assert Stage.PARTENARIAT_ENTRETENU.next() is None
    assert Stage.ABANDONNE.next() is None and Stage.ABANDONNE not in Stage.pipeline()
    assert len(Stage.pipeline()) == 9


def test_move_is_journaled_and_undone(board):
    p, (a, b, c) = board
    result = pipeline.move_card(b.id, "premier_contact", on=dt.date(2026, 2, 3))
    assert projects.get_card(b.id).stage == "premier_contact"
    journal = Interaction.get_by_id(result.interaction_id)
    assert journal.project_id == p.id and journal.occurred_on == dt.date(2026, 2, 3)
    assert journal.summary == "Partnership stage: Identified → First contact"
    link = InteractionOrganisation.get(InteractionOrganisation.interaction == journal.id)
    assert link.organisation_id == b.organisation_id
    assert [x.position for x in projects.list_cards(p.id) if x.stage == "identifie"] == [0, 1]
    pipeline.undo_move(result)
    cards = [x for x in projects.list_cards(p.id)]
    assert [(x.organisation_name, x.stage, x.position) for x in cards] == [
        ("Mairie", "identifie", 0), ("Collège", "identifie", 1), ("Médiathèque", "identifie", 2)]
    assert Interaction.select().count() == 0 and StageMove.select().count() == 0


def test_reorder_within_a_column(board):
    p, (a, b, c) = board
    pipeline.move_card(c.id, "identifie", position=0)
    assert [x.organisation_name for x in projects.list_cards(p.id)] == ["Médiathèque", "Mairie", "Collège"]
    assert Interaction.select().count() == 0  # no stage change, nothing in the journal


def test_abandon_needs_a_reason(board):
    p, (a, b, c) = board
    with pytest.raises(ValidationError) as err:
        pipeline.move_card(a.id, "abandonne", reason="  ")
    assert "reason" in err.value.errors
    assert projects.get_card(a.id).stage == "identifie"
    r = pipeline.move_card(a.id, "abandonne", reason="Pas de budget")
    assert projects.get_card(a.id).closed_reason == "Pas de budget"
    assert "Pas de budget" in Interaction.get_by_id(r.interaction_id).summary
    pipeline.undo_move(r)
    assert projects.get_card(a.id).closed_reason == ""


def test_proposals_by_stage():
    today = dt.date(2026, 1, 5)
    assert [p.kind for p in proposals_for("rencontre_informelle", today)] == ["formal_meeting"]
    signed = proposals_for("convention_signee", today, dt.date(2026, 6, 24))
    assert [p.kind for p in signed] == ["setup_meeting", "bilan_meeting"]
    assert signed[1].due_on == dt.date(2026, 6, 17)  # fixed early, close to the end of the action
    assert proposals_for("convention_signee", today)[1].due_on == today + dt.timedelta(days=90)
    assert [p.kind for p in proposals_for("action_en_cours", today)] == ["sessions"]
    assert [p.kind for p in proposals_for("bilan", today)] == ["report", "send_realizations"]
    assert proposals_for("identifie", today) == [] and proposals_for("abandonne", today) == []
    assert all(p.due_on > today for s in Stage for p in proposals_for(s, today))


def test_accepted_proposals_become_milestones(board):
    p, (a, b, c) = board
    proposals = pipeline.proposals_for_card(a.id, "convention_signee", dt.date(2026, 1, 5))
    made = pipeline.accept_proposals(a.id, proposals)
    listed = projects.milestones_of(p.id)
    assert [m.id for m in listed] == [m.id for m in made]
    assert listed[1].due_on == dt.date(2026, 6, 17) and listed[0].title == "Set-up meeting — Mairie"
    assert all(m.project_partner_id == a.id for m in listed)


def test_leaving_the_abandoned_lane_clears_the_reason(board):
    p, (a, b, c) = board
    pipeline.move_card(a.id, "abandonne", reason="Pas de budget")
    back = pipeline.move_card(a.id, "identifie")
    assert projects.get_card(a.id).closed_reason == ""
    pipeline.undo_move(back)
    assert projects.get_card(a.id).closed_reason == "Pas de budget"
