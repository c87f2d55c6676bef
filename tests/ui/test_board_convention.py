"""Reaching "Convention signée" on the board: a warning when the convention is not signed, with an
offer to open it, or to create it when there is none; nothing when it is signed."""

from __future__ import annotations

import pytest

from partnerdesk.domain.conventions import CircuitStep
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import conventions, partners, projects
from partnerdesk.ui.tabs.projects.board import PipelineBoard


@pytest.fixture
def setup(ctx, qtbot):
    project = projects.create_project(ProjectData("Atelier tablettes"))
    org = partners.create_organisation(OrganisationData("Médiathèque"))
    card = projects.add_partner(project.id, org.id)
    board = PipelineBoard(ctx, project.id)
    board.offer_proposals = False
    qtbot.addWidget(board)
    board.reload()
    opened = []
    ctx.signals.open_requested.connect(lambda kind, item: opened.append((kind, item)))
    return board, project, org, card, opened


def test_no_convention_offers_to_create_it(setup):
    board, project, org, card, opened = setup
    board.request_move(card.id, "convention_signee")
    box = board.convention_box
    assert box is not None and "no convention" in box.text()
    box.action_button.click()
    [made] = conventions.with_partner(project.id, org.id)
    assert made.status == "brouillon" and opened == [("convention", made.id)]


def test_a_draft_convention_is_warned_about_and_opened(setup):
    board, project, org, card, opened = setup
    draft = conventions.create_convention("Convention médiathèque", [org.id], project_id=project.id)
    board.request_move(card.id, "convention_signee")
    box = board.convention_box
    assert "not signed yet" in box.text() and "Draft" in box.text()
    box.action_button.click()
    assert opened == [("convention", draft.id)]


def test_a_signed_convention_needs_no_question(setup):
    board, project, org, card, opened = setup
    conv = conventions.create_convention("Convention médiathèque", [org.id], project_id=project.id)
    conventions.set_steps(conv.id, [CircuitStep("Direction", status="valide")])
    conventions.set_dates(conv.id, signed_on=__import__("datetime").date(2026, 1, 5))
    conventions.set_status(conv.id, "en_validation")
    conventions.set_status(conv.id, "signee")
    board.request_move(card.id, "convention_signee")
    assert board.convention_box is None and projects.get_card(card.id).stage == "convention_signee"
