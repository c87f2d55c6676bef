"""Ctrl+Z acts only on the card on screen and names it: sessions of a project, a person's photo.
Undoing created sessions never deletes attendance entered on them since."""

from __future__ import annotations

import pytest

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import partners, photos, projects, sessions
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.tabs.projects.tab import ProjectsTab
from tests.core.images import jpeg_bytes


@pytest.fixture
def said(ctx, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: "discard")
    messages: list[str] = []
    ctx.signals.status_message.connect(messages.append)
    return messages


def _shown(window, cls):
    tab = window.tab_of(cls)
    window.show_tab(tab)
    tab.refresh()
    return tab


def _create_three(tab, project_id):
    tab.open_item("project", project_id)
    page = tab.card.sessions
    page.first.setText("05/01/2026")
    page.last.setText("19/01/2026")
    assert page.create_sessions()
    return page


def test_sessions_of_another_project_are_not_undone_from_its_card(window, said):
    a = projects.create_project(ProjectData("Ateliers tablette"))
    b = projects.create_project(ProjectData("Fête de l'internet"))
    tab = _shown(window, ProjectsTab)
    _create_three(tab, a.id)
    assert window.undo_menu.undo_action.text() == "&Undo: Create 3 sessions (Ateliers tablette)"
    tab.open_item("project", b.id)
    window.undo_menu.update()
    assert window.undo_menu.undo_action.text() == "&Undo: Create 3 sessions (Ateliers tablette)"
    assert not window.undo_menu.undo()
    assert len(sessions.sessions_of(a.id)) == 3
    assert said[-1] == "“Create 3 sessions (Ateliers tablette)”: this card is not on screen. Open it to undo this step."
    tab.open_item("project", a.id)  # back on its card: undone
    assert window.undo_menu.undo()
    assert sessions.sessions_of(a.id) == []
    assert window.undo_menu.redo()
    assert len(sessions.sessions_of(a.id)) == 3


def test_the_all_projects_board_is_not_the_card(window, said):
    a = projects.create_project(ProjectData("Ateliers tablette"))
    tab = _shown(window, ProjectsTab)
    _create_three(tab, a.id)
    tab.views.setCurrentIndex(1)  # "All projects": the card is not on screen
    assert not window.undo_menu.undo()
    assert len(sessions.sessions_of(a.id)) == 3
    tab.views.setCurrentIndex(0)
    assert window.undo_menu.undo()
    assert sessions.sessions_of(a.id) == []


def test_attendance_entered_since_is_never_deleted_by_undo(window, said):
    a = projects.create_project(ProjectData("Ateliers tablette"))
    tab = _shown(window, ProjectsTab)
    page = _create_three(tab, a.id)
    page.select(sessions.sessions_of(a.id)[0].id)
    page.actual.setText("9")
    page.participants.setText("Mme Durand, M. Leroy")
    assert page.record_attendance()
    assert window.undo_menu.undo_action.isEnabled()  # named, and Ctrl+Z says why it does nothing
    assert not window.undo_menu.undo()
    left = sessions.sessions_of(a.id)
    assert len(left) == 3 and left[0].actual_attendance == 9 and left[0].participants == ["Mme Durand", "M. Leroy"]
    assert said[-1] == ("“Create 3 sessions (Ateliers tablette)” is not undone: 1 of these sessions has "
                        "attendance or changes entered since. Delete it yourself if it is no longer wanted.")


def test_deleted_sessions_come_back_only_on_their_project(window, said, monkeypatch):
    from partnerdesk.ui.tabs.projects import session_commands

    monkeypatch.setattr(session_commands, "confirm_delete", lambda parent, count: True)
    a = projects.create_project(ProjectData("Ateliers tablette"))
    b = projects.create_project(ProjectData("Fête de l'internet"))
    tab = _shown(window, ProjectsTab)
    page = _create_three(tab, a.id)
    page.view.selectAll()
    assert page.delete_session()
    tab.open_item("project", b.id)
    assert not window.undo_menu.undo()
    assert sessions.sessions_of(a.id) == [] and "Delete 3 sessions (Ateliers tablette)" in said[-1]
    tab.open_item("project", a.id)
    assert window.undo_menu.undo()
    assert len(sessions.sessions_of(a.id)) == 3


def test_photo_of_a_person_not_on_screen_is_not_undone(window, said):
    a = partners.create_person(PersonData("Le Goff", "Anaïs"))
    b = partners.create_person(PersonData("Roux", "Léa"))
    org = partners.create_organisation(OrganisationData("Mission locale"))
    tab = _shown(window, PartnersTab)
    tab.open_item("person", a.id)
    tab.person_card.photo.import_bytes(jpeg_bytes())
    photo = photos.photo_of(a.id)
    assert photo is not None
    assert window.undo_menu.undo_action.text() == "&Undo: Change the photo (Anaïs Le Goff)"
    for kind, other in (("person", b.id), ("organisation", org.id)):
        tab.open_item(kind, other)
        assert not window.undo_menu.undo()
        assert photos.photo_of(a.id) == photo
        assert said[-1] == "“Change the photo (Anaïs Le Goff)”: this card is not on screen. Open it to undo this step."
    tab.open_item("person", a.id)
    tab.person_card.sections.setCurrentIndex(0)  # the Details section of the same card: still hers
    assert window.undo_menu.undo()
    assert photos.photo_of(a.id) is None


def test_a_board_move_of_another_project_is_not_undone_from_its_card(window, said):
    """Seen: Ctrl+Z on project B's card put back a card moved on project A's board."""
    a = projects.create_project(ProjectData("Ateliers tablette"))
    b = projects.create_project(ProjectData("Fête de l'internet"))
    mairie = projects.add_partner(a.id, partners.create_organisation(OrganisationData("Mairie")).id)
    tab = _shown(window, ProjectsTab)
    tab.open_item("project", a.id)
    page = tab.card.page("partners")
    tab.card.pages.setCurrentWidget(page)
    page.board.offer_proposals = False
    assert page.board.select_card(mairie.id)
    page.board.move_selected(1)
    assert projects.get_card(mairie.id).stage == "premier_contact"
    assert window.undo_menu.undo_action.text().endswith("(Ateliers tablette)")
    tab.open_item("project", b.id)
    assert not window.undo_menu.undo()
    assert projects.get_card(mairie.id).stage == "premier_contact"
    assert "this card is not on screen" in said[-1]
    tab.open_item("project", a.id)  # back on its card: undone
    assert window.undo_menu.undo()
    assert projects.get_card(mairie.id).stage == "identifie"


def test_redo_too_acts_only_on_the_card_on_screen(window, said):
    """Seen in the second pass: undone on A, then Ctrl+Shift+Z on project B deleted A's séances again."""
    a = projects.create_project(ProjectData("Ateliers tablette"))
    b = projects.create_project(ProjectData("Fête de l'internet"))
    tab = _shown(window, ProjectsTab)
    _create_three(tab, a.id)
    assert window.undo_menu.undo()
    assert sessions.sessions_of(a.id) == []
    tab.open_item("project", b.id)
    assert not window.undo_menu.redo()
    assert sessions.sessions_of(a.id) == []
    assert said[-1] == "“Create 3 sessions (Ateliers tablette)”: this card is not on screen. Open it to redo this step."
    tab.open_item("project", a.id)
    assert window.undo_menu.redo()
    assert len(sessions.sessions_of(a.id)) == 3


@pytest.mark.parametrize("typed", ["attendance", "form"])
def test_undo_never_drops_what_is_typed_for_a_created_session(window, said, typed):
    """Seen in the fourth pass: attendance typed on a created session, not recorded, then Ctrl+Z: the
    session was deleted with the typing. Refused, saying why; once recorded, the usual refusal."""
    a = projects.create_project(ProjectData("Ateliers tablette"))
    tab = _shown(window, ProjectsTab)
    page = _create_three(tab, a.id)
    tab.card.pages.setCurrentWidget(page)
    first = sessions.sessions_of(a.id)[0]
    page.select(first.id)
    if typed == "attendance":
        page.actual.setText("9")
    else:
        page.place.setText("Médiathèque")
    assert not window.undo_menu.undo()
    assert len(sessions.sessions_of(a.id)) == 3 and page.is_dirty()
    assert (page.actual.text() if typed == "attendance" else page.place.text()) in ("9", "Médiathèque")
    assert said[-1] == ("“Create 3 sessions (Ateliers tablette)” is not undone: what is typed for the session of "
                        "5 Jan 2026 is not saved. Save it (Ctrl+S) or take it back first.")
    page.revert()  # typing cleared: undone
    assert window.undo_menu.undo()
    assert sessions.sessions_of(a.id) == [] and page.shown_id() is None and not page.is_dirty()


def test_redoing_a_deletion_never_drops_what_is_typed(window, said, monkeypatch):
    from partnerdesk.ui.tabs.projects import session_commands

    monkeypatch.setattr(session_commands, "confirm_delete", lambda parent, count: True)
    a = projects.create_project(ProjectData("Ateliers tablette"))
    tab = _shown(window, ProjectsTab)
    page = _create_three(tab, a.id)
    tab.card.pages.setCurrentWidget(page)
    first = sessions.sessions_of(a.id)[0]
    page.select(first.id)
    assert page.delete_session()
    assert window.undo_menu.undo()
    page.select(first.id)
    page.actual.setText("9")
    assert not window.undo_menu.redo()
    assert len(sessions.sessions_of(a.id)) == 3 and page.actual.text() == "9"
    assert said[-1] == ("“Delete 1 session (Ateliers tablette)” is not redone: what is typed for the session of "
                        "5 Jan 2026 is not saved. Save it (Ctrl+S) or take it back first.")
