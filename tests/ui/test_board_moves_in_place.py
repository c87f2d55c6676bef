"""A move on the all-projects board updates the cards of one project in place (issue #20).

No column is reset and no card of another project is read again; the projects list hidden
behind the board is read once it is shown again; undo, the filters and a failed write
behave as before.
"""

import sqlite3

import pytest
from PySide6.QtCore import Qt

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import health, partners, pipeline, projects
from partnerdesk.store.models import Interaction
from partnerdesk.ui.models.roles import IdRole
from partnerdesk.ui.tabs.projects.board import PipelineBoard
from partnerdesk.ui.tabs.projects.tab import ProjectsTab


@pytest.fixture
def two_projects(ctx):
    made = []
    for title, charge, names in (("Atelier tablettes", "Hélène", ("Mairie", "Collège Jean-Moulin", "Médiathèque")),
                                 ("Fête de l'internet", "Karim", ("MJC", "Amap du Pré"))):
        project = projects.create_project(ProjectData(title, in_charge=charge))
        for name in names:
            projects.add_partner(project.id, partners.create_organisation(OrganisationData(name)).id)
        made.append(project)
    return made


@pytest.fixture
def tab(window, qtbot, two_projects):
    window.resize(1366, 768)
    window.show()
    tab = window.tab(ProjectsTab)
    window.show_tab(tab)
    tab.views.setCurrentIndex(1)  # "Tous les projets"
    tab.board.offer_proposals = False
    return tab


def _names(board, stage):
    return [c.organisation_name for c in board.columns[stage].model.cards()]


def _columns(board):
    return {stage: [(c.id, c.position, c.stage, c.closed_reason) for c in column.model.cards()]
            for stage, column in board.columns.items()}


def _fresh_columns(ctx, qtbot, **filters):
    board = PipelineBoard(ctx, cross_project=True)
    qtbot.addWidget(board)
    for name, value in filters.items():
        combo = getattr(board, name)
        combo.setCurrentIndex(combo.findData(value))
    board.reload()
    return _columns(board)


def _watch(monkeypatch, board):
    """Count the column resets and the full reads of the board."""
    seen = {"resets": 0, "reads": 0}
    for column in board.columns.values():
        column.model.modelReset.connect(lambda: seen.__setitem__("resets", seen["resets"] + 1))
    reload = board.reload
    monkeypatch.setattr(board, "reload", lambda: (seen.__setitem__("reads", seen["reads"] + 1), reload()))
    return seen


def test_ctrl_right_moves_the_card_in_place_and_ctrl_z_puts_it_back(ctx, qtbot, monkeypatch, tab, two_projects):
    board = tab.board
    seen = _watch(monkeypatch, board)
    list_reads = []
    monkeypatch.setattr(tab, "refresh", lambda area="*": list_reads.append(area))
    college = next(c for c in projects.list_cards(two_projects[0].id) if c.organisation_name == "Collège Jean-Moulin")
    assert board.select_card(college.id)
    qtbot.keyClick(board.columns["identifie"].view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)

    assert projects.get_card(college.id).stage == "premier_contact"
    assert Interaction.select().count() == 1
    assert _names(board, "premier_contact") == ["Collège Jean-Moulin"]
    assert _names(board, "identifie") == ["Mairie", "Médiathèque", "MJC", "Amap du Pré"]
    assert board.selected_card().id == college.id  # the selection follows the card
    assert board.columns["premier_contact"].header.text().endswith("(1)")
    assert board.columns["identifie"].header.text().endswith("(4)")
    assert _columns(board) == _fresh_columns(ctx, qtbot)  # what a full read would show
    assert seen == {"resets": 0, "reads": 0}
    assert list_reads == []  # the projects list hidden behind the board is not read after a move

    qtbot.keyClick(board.columns["premier_contact"].view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert projects.get_card(college.id).stage == "identifie"
    assert Interaction.select().count() == 0
    assert _columns(board) == _fresh_columns(ctx, qtbot)
    assert seen == {"resets": 0, "reads": 0}

    tab.views.setCurrentIndex(0)  # back to the list: read once, now
    assert list_reads == ["projects"]


def test_the_order_of_the_columns_is_that_of_a_full_read(ctx, qtbot, monkeypatch, tab, two_projects):
    board = tab.board
    seen = _watch(monkeypatch, board)
    cards = projects.list_cards()
    for card in cards:  # every card forward, then the first two back
        board.select_card(card.id)
        board.move_selected(1)
    for card in cards[:2]:
        board.select_card(card.id)
        board.move_selected(-1)
    assert _columns(board) == _fresh_columns(ctx, qtbot)
    back = [c.project_title for c in board.columns["identifie"].model.cards()]
    assert back == ["Atelier tablettes", "Fête de l'internet"]
    assert seen == {"resets": 0, "reads": 0}


def test_a_move_outside_the_filter_leaves_the_filtered_board_alone(ctx, qtbot, monkeypatch, tab, two_projects):
    board = tab.board
    board.charge_filter.setCurrentIndex(board.charge_filter.findData("Karim"))
    assert sorted(_names(board, "identifie")) == ["Amap du Pré", "MJC"]
    seen = _watch(monkeypatch, board)
    mairie = projects.list_cards(two_projects[0].id)[0]
    command_board = PipelineBoard(ctx, two_projects[0].id)  # the project's own board moves Hélène's card
    qtbot.addWidget(command_board)
    command_board.reload()
    command_board.offer_proposals = False
    command_board.request_move(mairie.id, "premier_contact")
    assert projects.get_card(mairie.id).stage == "premier_contact"
    assert _names(command_board, "premier_contact") == [mairie.organisation_name]
    assert _names(board, "premier_contact") == []
    mjc = next(c for c in projects.list_cards(two_projects[1].id) if c.organisation_name == "MJC")
    board.select_card(mjc.id)
    board.move_selected(1)
    assert _names(board, "premier_contact") == ["MJC"]
    assert _columns(board) == _fresh_columns(ctx, qtbot, charge_filter="Karim")
    assert seen == {"resets": 0, "reads": 0}


def test_a_failed_write_leaves_board_and_database_as_they_were(ctx, qtbot, monkeypatch, tab, two_projects):
    board = tab.board
    before = _columns(board)
    card = projects.list_cards(two_projects[1].id)[0]

    def full_disk(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(pipeline, "move_card", full_disk)
    board.select_card(card.id)
    with qtbot.capture_exceptions() as raised:
        board.move_selected(1)
    assert [type(e[1]) for e in raised] == [sqlite3.OperationalError]
    # what the application's error hook (ui/errors.py) then tells the user, in French in the app
    assert health.describe_failure(raised[0][1]).startswith("The disk is full: nothing was changed.")
    assert projects.get_card(card.id).stage == "identifie"
    assert Interaction.select().count() == 0
    assert _columns(board) == before


def test_a_change_that_leaves_the_projects_list_as_it_was_keeps_it(ctx, qtbot, tab, two_projects):
    tab.views.setCurrentIndex(0)
    tab.show_project(two_projects[1].id)
    tab._select_row(two_projects[1].id)
    resets = []
    tab.model.modelReset.connect(lambda: resets.append(1))
    ctx.signals.data_changed.emit("organisations")  # nothing in the list changed
    assert resets == []
    assert tab.table.currentIndex().data(IdRole) == two_projects[1].id
    project = projects.get_project(two_projects[0].id)
    project.title = "Atelier tablettes et smartphones"
    projects.update_project(project)
    ctx.signals.data_changed.emit("projects")
    assert resets == [1]
    titles = {tab.model.row_at(r).title for r in range(tab.model.rowCount())}
    assert "Atelier tablettes et smartphones" in titles
