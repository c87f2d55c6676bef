"""Each record a card shows has its own undo steps: a change made on card B since does not block
Ctrl+Z on card A (it undoes A's last change, not B's), and B's step waits for B. The Edit menu
names the step Ctrl+Z would undo or redo on the card on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand

from partnerdesk.domain.partners import PersonData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import partners, photos, projects, sessions
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.tabs.projects.tab import ProjectsTab
from tests.core.images import jpeg_bytes


@pytest.fixture
def shown_window(window, qtbot, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: "discard")
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def said(ctx):
    messages: list[str] = []
    ctx.signals.status_message.connect(messages.append)
    return messages


def _ctrl(qtbot, window, key):
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def _redo(qtbot, window):
    """The redo key of the platform (the Edit menu's shortcut)."""
    qtbot.keySequence(window, window.undo_menu.redo_action.shortcut())


def _create_three(tab, project_id, first="05/01/2026", last="19/01/2026"):
    tab.open_item("project", project_id)
    page = tab.card.sessions
    tab.card.pages.setCurrentWidget(page)
    page.first.setText(first)
    page.last.setText(last)
    assert page.create_sessions()


def _menu(window) -> tuple[str, str]:
    return window.undo_menu.undo_action.text(), window.undo_menu.redo_action.text()


def test_ctrl_z_on_a_project_undoes_its_own_change_not_the_newer_one_of_another(shown_window, qtbot, said):
    window = shown_window
    a = projects.create_project(ProjectData("Ateliers tablette"))
    b = projects.create_project(ProjectData("Fête de l'internet"))
    tab = window.tab_of(ProjectsTab)
    window.show_tab(tab)
    tab.refresh()
    _create_three(tab, a.id)
    _create_three(tab, b.id, "02/03/2026", "16/03/2026")
    assert _menu(window)[0] == "&Undo: Create 3 sessions (Fête de l'internet)"

    tab.open_item("project", a.id)
    assert _menu(window)[0] == "&Undo: Create 3 sessions (Ateliers tablette)"
    _ctrl(qtbot, window, Qt.Key.Key_Z)
    assert sessions.sessions_of(a.id) == [] and len(sessions.sessions_of(b.id)) == 3
    # nothing left on A: B's step is named, and Ctrl+Z says to open B instead of undoing it
    assert _menu(window) == ("&Undo: Create 3 sessions (Fête de l'internet)",
                             "&Redo: Create 3 sessions (Ateliers tablette)")
    _ctrl(qtbot, window, Qt.Key.Key_Z)
    assert len(sessions.sessions_of(b.id)) == 3 and "this card is not on screen" in said[-1]
    _redo(qtbot, window)
    assert len(sessions.sessions_of(a.id)) == 3

    tab.open_item("project", b.id)  # B's step waited for B
    assert _menu(window)[0] == "&Undo: Create 3 sessions (Fête de l'internet)"
    _ctrl(qtbot, window, Qt.Key.Key_Z)
    assert sessions.sessions_of(b.id) == [] and len(sessions.sessions_of(a.id)) == 3
    assert _menu(window)[1] == "&Redo: Create 3 sessions (Fête de l'internet)"

    tab.open_item("project", a.id)  # A's redone step is its newest again; B's undone one is named for redo
    assert _menu(window) == ("&Undo: Create 3 sessions (Ateliers tablette)",
                             "&Redo: Create 3 sessions (Fête de l'internet)")
    _ctrl(qtbot, window, Qt.Key.Key_Z)
    assert sessions.sessions_of(a.id) == [] and sessions.sessions_of(b.id) == []


def test_a_person_s_photo_undone_on_her_card_after_another_person_s_change(shown_window, qtbot):
    window = shown_window
    a = partners.create_person(PersonData("Le Goff", "Anaïs"))
    b = partners.create_person(PersonData("Roux", "Léa"))
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("person", a.id)
    tab.person_card.photo.import_bytes(jpeg_bytes())
    tab.open_item("person", b.id)
    tab.person_card.photo.import_bytes(jpeg_bytes())
    assert photos.photo_of(a.id) is not None and photos.photo_of(b.id) is not None

    tab.open_item("person", a.id)
    assert _menu(window)[0] == "&Undo: Change the photo (Anaïs Le Goff)"
    _ctrl(qtbot, window, Qt.Key.Key_Z)
    assert photos.photo_of(a.id) is None and photos.photo_of(b.id) is not None

    tab.open_item("person", b.id)
    assert _menu(window)[0] == "&Undo: Change the photo (Léa Roux)"
    _ctrl(qtbot, window, Qt.Key.Key_Z)
    assert photos.photo_of(b.id) is None


def test_a_step_of_the_tab_itself_and_of_a_card_are_undone_newest_first(shown_window, qtbot):
    """The tab's own steps and those of the card on screen are one history, newest first."""
    window = shown_window
    a = partners.create_person(PersonData("Le Goff", "Anaïs"))
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("person", a.id)
    tab.person_card.photo.import_bytes(jpeg_bytes())
    tab.undo_stack.push(QUndoCommand("A step of the tab"))
    tab.person_card.photo.import_bytes(jpeg_bytes())
    assert _menu(window)[0] == "&Undo: Change the photo (Anaïs Le Goff)"
    _ctrl(qtbot, window, Qt.Key.Key_Z)
    assert _menu(window) == ("&Undo: A step of the tab", "&Redo: Change the photo (Anaïs Le Goff)")
    _ctrl(qtbot, window, Qt.Key.Key_Z)
    assert _menu(window) == ("&Undo: Change the photo (Anaïs Le Goff)", "&Redo: A step of the tab")
    assert photos.photo_of(a.id) is not None


@pytest.mark.parametrize("keys", ["Ctrl+Shift+Z", "Ctrl+Y"])
def test_redo_answers_both_usual_keys(shown_window, qtbot, keys):
    """Ctrl+Shift+Z (said in the Nouveautés) and Ctrl+Y both redo, whatever the platform lists first."""
    from PySide6.QtGui import QKeySequence

    redone = []
    shown_window.undo_menu.redo_action.triggered.connect(lambda: redone.append(keys))
    shown_window.undo_menu.redo_action.setEnabled(True)
    qtbot.keySequence(shown_window, QKeySequence(keys))
    assert redone == [keys]
