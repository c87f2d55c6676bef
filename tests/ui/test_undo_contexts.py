"""Undo you can predict: one stack per context, the Edit menu names the active one's next step,
Ctrl+Z acts only on what is on screen; sessions, "Marquer comme fait" and "Reporter" are undoable;
an import that can no longer be undone is not offered."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ProjectData, SessionData, Stage
from partnerdesk.services import imports, partners, projects, sessions, todo
from partnerdesk.store.models import Person
from partnerdesk.ui.dialogs import import_wizard as iw
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.tabs.projects import session_commands
from partnerdesk.ui.tabs.projects.tab import ProjectsTab
from partnerdesk.ui.tabs.todo import commands as todo_commands
from partnerdesk.ui.tabs.todo.tab import TodoTab
from tests.core.test_imports import DATA

MONDAY = dt.date(2026, 1, 5)


@pytest.fixture
def quiet(monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: "discard")
    monkeypatch.setattr(session_commands, "confirm_delete", lambda parent, count: True)


def _sessions_page(window, project_id):
    tab = window.tab_of(ProjectsTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("project", project_id)
    return tab, tab.card.sessions


def _create_series(page, first="05/01/2026", last="16/03/2026"):
    page.first.setText(first)
    page.last.setText(last)
    return page.create_sessions()


def test_ctrl_z_in_projets_undoes_the_sessions_not_the_other_tabs(window, quiet, monkeypatch):
    org = partners.create_organisation(OrganisationData("Mission locale"))
    other = partners.create_organisation(OrganisationData("Secours populaire"))
    project = projects.create_project(ProjectData("Ateliers emploi"))
    card = projects.add_partner(project.id, org.id)
    partners_tab = window.tab_of(PartnersTab)
    partners_tab.refresh()
    partners_tab.delete_cards("organisation", [other.id])  # a step in Partenaires
    tab, page = _sessions_page(window, project.id)
    board = tab.card.partners.board
    board._push_move(projects.get_card(card.id), Stage.ABANDONNE.value, None, "Pas de budget")  # the refusal
    assert projects.get_card(card.id).stage == "abandonne"
    assert _create_series(page)
    assert len(sessions.sessions_of(project.id)) == 11
    assert window.undo_menu.undo_action.text() == "&Undo: Create 11 sessions (Ateliers emploi)"
    assert window.undo_menu.undo()  # Ctrl+Z in Projets
    assert sessions.sessions_of(project.id) == []
    assert projects.get_card(card.id).stage == "abandonne"  # the earlier refusal stays
    assert partners.is_deleted("organisation", other.id)  # Partenaires' step untouched
    window.show_tab(partners_tab)
    assert "trash" in window.undo_menu.undo_action.text()
    window.undo_menu.redo()  # nothing to redo in Partenaires: the sessions stay undone
    assert sessions.sessions_of(project.id) == []
    window.show_tab(window.tab_of(ProjectsTab))
    assert window.undo_menu.redo()
    assert len(sessions.sessions_of(project.id)) == 11


def test_create_twice_offers_to_skip_existing_dates(window, quiet, monkeypatch):
    project = projects.create_project(ProjectData("Café numérique"))
    _tab, page = _sessions_page(window, project.id)
    assert _create_series(page)
    sessions.update_session(dataclass_with(sessions.sessions_of(project.id)[0], actual_attendance=7))
    asked = []
    monkeypatch.setattr(session_commands, "ask_existing_dates", lambda parent, dates: asked.append(dates) or "skip")
    assert not _create_series(page)  # every date taken: nothing created
    assert len(asked[0]) == 11 and len(sessions.sessions_of(project.id)) == 11
    assert _create_series(page, last="30/03/2026")  # two more weeks: only the new dates
    assert len(sessions.sessions_of(project.id)) == 13
    monkeypatch.setattr(session_commands, "ask_existing_dates", lambda parent, dates: "cancel")
    assert not _create_series(page, last="06/04/2026")
    assert len(sessions.sessions_of(project.id)) == 13


def dataclass_with(data, **values):
    for k, v in values.items():
        setattr(data, k, v)
    return data


def test_several_sessions_deleted_with_one_confirmation_and_undone(window, monkeypatch):
    project = projects.create_project(ProjectData("Initiation"))
    _tab, page = _sessions_page(window, project.id)
    _create_series(page)
    first = sessions.sessions_of(project.id)[0]
    first.actual_attendance, first.participants = 6, ["Agnès Martin"]
    sessions.update_session(first)
    page.refresh()
    asked = []
    monkeypatch.setattr(session_commands, "confirm_delete", lambda parent, count: asked.append(count) or True)
    page.view.selectRow(0)
    page.view.selectAll()
    qtbot_click(page.findChild(object, "deleteSessions"))
    assert asked == [11] and sessions.sessions_of(project.id) == []
    assert window.undo_menu.undo_action.text() == "&Undo: Delete 11 sessions (Initiation)"
    window.undo_menu.undo()
    back = sessions.sessions_of(project.id)
    assert len(back) == 11 and back[0].actual_attendance == 6 and back[0].participants == ["Agnès Martin"]


def qtbot_click(button):
    button.click()


def test_mark_done_closes_the_next_step_on_the_card_asks_the_next_and_undoes(window, monkeypatch):
    today = dt.date.today()
    org = partners.create_organisation(OrganisationData("Collège Jean-Moulin"))
    project = projects.create_project(ProjectData("Cyber-harcèlement"))
    card = projects.add_partner(project.id, org.id, next_step="Relancer la principale",
                                next_step_on=today - dt.timedelta(days=3))
    tab = window.tab_of(TodoTab)
    window.show_tab(tab)
    tab.refresh()
    assert tab.select_key(f"next_step:{card.id}:{today - dt.timedelta(days=3)}")
    monkeypatch.setattr(todo_commands, "ask_next_step",
                        lambda parent, partner, on: ("Envoyer la convention", today + dt.timedelta(days=10)))
    tab.mark_done()
    after = projects.get_card(card.id)
    assert (after.next_step, after.next_step_on) == ("Envoyer la convention", today + dt.timedelta(days=10))
    assert window.undo_menu.undo_action.text().startswith("&Undo: Mark “Relancer la principale")
    window.undo_menu.undo()
    back = projects.get_card(card.id)
    assert (back.next_step, back.next_step_on) == ("Relancer la principale", today - dt.timedelta(days=3))
    assert any(i.open_id == card.id for i in todo.items(today))


def test_postpone_moves_the_card_date(window):
    today = dt.date.today()
    org = partners.create_organisation(OrganisationData("Médiathèque"))
    project = projects.create_project(ProjectData("Fête de l'internet"))
    card = projects.add_partner(project.id, org.id, next_step="Appeler", next_step_on=today)
    tab = window.tab_of(TodoTab)
    window.show_tab(tab)
    tab.refresh()
    assert tab.select_key(f"next_step:{card.id}:{today}")
    tab.postpone_selected(today + dt.timedelta(days=7))
    assert projects.get_card(card.id).next_step_on == today + dt.timedelta(days=7)
    window.undo_menu.undo()
    assert projects.get_card(card.id).next_step_on == today


def test_review_window_has_its_own_undo(ctx, qtbot):
    from partnerdesk.ui.dialogs.review import ReviewDialog

    person = partners.create_person(PersonData("Petit", "Paul"))
    Person.update(verified_on=dt.date(2020, 1, 1)).execute()
    dialog = ReviewDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.findChild(object, "reviewUnchangedButton"), Qt.MouseButton.LeftButton)
    assert Person.get_by_id(person.id).verified_on == dt.date.today()
    dialog.undo_scope.undo()  # Ctrl+Z inside the review window
    assert Person.get_by_id(person.id).verified_on == dt.date(2020, 1, 1)
    stack = dialog.undo_stack
    dialog.reject()  # closed: the main window's context is active again
    assert ctx.undo_stack is not stack


def _import(window, qtbot, path):
    dialog = iw.ImportWizard(window.ctx, None, window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(path))
    dialog.path_edit.textEdited.emit(str(path))
    for _step in range(2):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    return dialog


def test_an_import_that_can_no_longer_be_undone_is_not_offered(window, qtbot, quiet):
    partners_tab = window.tab_of(PartnersTab)
    window.show_tab(partners_tab)
    _import(window, qtbot, DATA / "vcard30.vcf")
    assert "vcard30.vcf" in window.undo_menu.undo_action.text()
    window.show_tab(window.tab_of(ProjectsTab))
    _import(window, qtbot, DATA / "google.csv")  # a newer import, from Projets
    window.show_tab(partners_tab)
    window.undo_menu.update()
    assert not window.undo_menu.undo_action.isEnabled()  # the older import: not offered
    assert not window.undo_menu.undo()
    window.show_tab(window.tab_of(ProjectsTab))
    assert window.undo_menu.undo_action.isEnabled() and window.undo_menu.undo()
    names = {p.full_name for p in partners.list_people()}
    assert "Gwenaëlle Le Bihan" in names and imports.last_batch() is None


def test_undo_of_an_import_settles_unsaved_changes_first(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: asked.append(name) or "cancel")
    partners_tab = window.tab_of(PartnersTab)
    window.show_tab(partners_tab)
    _import(window, qtbot, DATA / "vcard30.vcf")
    gwen = next(p for p in partners.list_people() if p.full_name == "Gwenaëlle Le Bihan")
    partners_tab.open_item("person", gwen.id)
    partners_tab.person_card.notes.setPlainText("À rappeler")
    assert not window.undo_menu.undo()  # asked, Annuler: the import stays
    assert asked == ["Gwenaëlle Le Bihan"] and partners.get_person(gwen.id) is not None
