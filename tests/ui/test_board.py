"""The pipeline board: drag and drop, keyboard moves, undo, abandon reason, proposals."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import partners, projects
from partnerdesk.store.models import Interaction, Milestone
from partnerdesk.ui.tabs.projects.board import PipelineBoard


@pytest.fixture
def project(ctx):
    p = projects.create_project(ProjectData("Atelier tablettes", in_charge="Hélène",
                                            end_date=dt.date.today() + dt.timedelta(days=120)))
    for name in ("Mairie", "Collège Jean-Moulin", "Médiathèque"):
        projects.add_partner(p.id, partners.create_organisation(OrganisationData(name)).id)
    return p


@pytest.fixture
def board(ctx, qtbot, project):
    widget = PipelineBoard(ctx, project.id)
    qtbot.addWidget(widget)
    widget.resize(1800, 600)
    widget.show()
    widget.reload()
    return widget


def _names(board, stage):
    return [c.organisation_name for c in board.columns[stage].model.cards()]


def _stages(project_id):
    return {c.organisation_name: c.stage for c in projects.list_cards(project_id)}


def drag_and_drop(qtbot, board, name, from_stage, to_stage, at_row=None):
    """Drop through the real views: the source model's mime data, dropped on the target viewport."""
    source = board.columns[from_stage]
    row = _names(board, from_stage).index(name)
    mime = source.model.mimeData([source.model.index(row)])
    target = board.columns[to_stage].view
    if at_row is None:
        pos = QPoint(target.viewport().width() // 2, target.viewport().height() - 5)
    else:
        rect = target.visualRect(target.model().index(at_row))
        pos = QPoint(rect.center().x(), rect.top() + 2)
    viewport = target.viewport()
    actions, buttons, mods = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(pos, actions, mime, buttons, mods))
    QApplication.sendEvent(viewport, QDragMoveEvent(pos, actions, mime, buttons, mods))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(pos), actions, mime, buttons, mods))
    qtbot.wait(20)


def test_drag_and_drop_moves_a_card_and_journals_it(ctx, qtbot, board, project):
    board.offer_proposals = False
    drag_and_drop(qtbot, board, "Collège Jean-Moulin", "identifie", "premier_contact")
    assert _stages(project.id)["Collège Jean-Moulin"] == "premier_contact"
    assert _names(board, "premier_contact") == ["Collège Jean-Moulin"]
    assert _names(board, "identifie") == ["Mairie", "Médiathèque"]
    journal = Interaction.get(Interaction.project_id == project.id)
    assert "First contact" in journal.summary
    ctx.undo_stack.undo()
    assert _stages(project.id)["Collège Jean-Moulin"] == "identifie"
    assert _names(board, "identifie") == ["Mairie", "Collège Jean-Moulin", "Médiathèque"]
    assert Interaction.select().count() == 0


def test_drag_to_reorder_inside_a_column(qtbot, board, project):
    drag_and_drop(qtbot, board, "Médiathèque", "identifie", "identifie", at_row=0)
    assert _names(board, "identifie") == ["Médiathèque", "Mairie", "Collège Jean-Moulin"]
    assert [c.organisation_name for c in projects.list_cards(project.id)] == _names(board, "identifie")


def test_keyboard_moves_and_ctrl_z(ctx, qtbot, board, project):
    board.offer_proposals = False
    board.select_card(projects.list_cards(project.id)[0].id)
    view = board.columns["identifie"].view
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(board.columns["premier_contact"].view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _stages(project.id)["Mairie"] == "rencontre_informelle"
    assert _names(board, "rencontre_informelle") == ["Mairie"]
    assert board.selected_card().organisation_name == "Mairie"  # the selection follows the card
    qtbot.keyClick(board.columns["rencontre_informelle"].view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert _stages(project.id)["Mairie"] == "premier_contact"
    assert Interaction.select().count() == 3
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert _stages(project.id)["Mairie"] == "premier_contact"
    assert Interaction.select().count() == 1
    ctx.undo_stack.redo()
    assert _stages(project.id)["Mairie"] == "rencontre_informelle"


def test_abandon_asks_a_reason_and_keeps_the_typing(ctx, qtbot, board, project):
    card = projects.list_cards(project.id)[1]
    board.select_card(card.id)
    board.abandon_action.trigger()
    dialog = board.reason_dialog
    assert dialog.isVisible()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert _stages(project.id)["Collège Jean-Moulin"] == "identifie"
    dialog.text.setPlainText("Pas de budget & pas de salle")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    got = projects.get_card(card.id)
    assert (got.stage, got.closed_reason) == ("abandonne", "Pas de budget & pas de salle")
    assert _names(board, "abandonne") == ["Collège Jean-Moulin"]
    ctx.undo_stack.undo()
    assert projects.get_card(card.id).stage == "identifie"


def test_reaching_convention_signee_proposes_milestones(ctx, qtbot, board, project):
    card = projects.list_cards(project.id)[0]
    board.request_move(card.id, "convention_signee")
    dialog = board.proposals_dialog
    assert dialog.isVisible() and len(dialog.checks) == 2
    dialog.checks[0].setChecked(False)
    dialog.accept_button.click()
    milestones = list(Milestone.select())
    assert [m.kind for m in milestones] == ["bilan_meeting"]
    assert milestones[0].due_on == project.end_date - dt.timedelta(days=7)
    assert milestones[0].title == "Assessment meeting (fix the date early) — Mairie"


def test_cross_project_board_filters(ctx, qtbot, project):
    other = projects.create_project(ProjectData("Fête de l'internet", in_charge="Karim"))
    projects.add_partner(other.id, partners.create_organisation(OrganisationData("MJC")).id)
    board = PipelineBoard(ctx, cross_project=True)
    qtbot.addWidget(board)
    board.reload()
    assert len(board.columns["identifie"].model.cards()) == 4
    board.charge_filter.setCurrentIndex(board.charge_filter.findData("Karim"))
    assert _names(board, "identifie") == ["MJC"]
    board.charge_filter.setCurrentIndex(0)
    board.project_filter.setCurrentIndex(board.project_filter.findData(project.id))
    assert _names(board, "identifie") == ["Mairie", "Collège Jean-Moulin", "Médiathèque"]


def test_card_model(qtmodeltester, board):
    qtmodeltester.check(board.columns["identifie"].model)


def test_arrows_walk_the_columns_and_enter_opens_the_organisation(ctx, qtbot, board, project):
    board.offer_proposals = False
    cards = projects.list_cards(project.id)
    board.request_move(cards[2].id, "premier_contact")
    board.select_card(cards[0].id)
    qtbot.keyClick(board.columns["identifie"].view, Qt.Key.Key_Right)
    assert board.columns["premier_contact"].view.hasFocus()
    assert board.selected_card().organisation_name == "Médiathèque"
    with qtbot.waitSignal(ctx.signals.open_requested) as opened:
        qtbot.keyClick(board.columns["premier_contact"].view, Qt.Key.Key_Return)
    assert opened.args == ["organisation", cards[2].organisation_id]
