"""Nothing silently lost: every editor asks Enregistrer / Ne pas enregistrer / Annuler before it is
left (row, "Nouveau", tab, restore, import, undo of an import), through the real main window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from partnerdesk.domain.consent import Consent
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import backups, consent, partners, project_budget, projects
from partnerdesk.ui.errors import show_error  # noqa: F401 - patched below
from partnerdesk.ui.tabs.conventions.tab import ConventionsTab
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.tabs.projects.tab import ProjectsTab


@pytest.fixture
def no_error_dialog(monkeypatch):
    shown = []
    monkeypatch.setattr("partnerdesk.ui.errors.show_error", lambda *a, **k: shown.append(a) or pytest.fail(str(a)))
    return shown


def _project_tab(window) -> ProjectsTab:
    tab = window.tab_of(ProjectsTab)
    window.show_tab(tab)
    return tab


def test_project_text_asks_before_new_project_and_another_row(window, answers, qtbot):
    first = projects.create_project(ProjectData("Ateliers tablette"))
    second = projects.create_project(ProjectData("Fête de l'internet"))
    tab = _project_tab(window)
    tab.refresh()
    tab.open_item("project", first.id)
    form = tab.card.form
    form.context.setPlainText("Une idée née au forum des associations")
    assert form.is_dirty() and not form.modified.isHidden()
    # "Nouveau projet" → Annuler: nothing lost, still on the project
    qtbot.mouseClick(tab.findChild(object, "newProjectButton"), Qt.MouseButton.LeftButton)
    assert answers.asked == ["Ateliers tablette"]
    assert tab.card.project_id == first.id and form.context.toPlainText().startswith("Une idée")
    # another row → Enregistrer: written, then the other project opens
    answers.next = "save"
    tab.open_item("project", second.id)
    assert projects.get_project(first.id).context == "Une idée née au forum des associations"
    assert tab.card.project_id == second.id and not form.is_dirty()
    # typed again, "Ne pas enregistrer": dropped, as asked
    form.objectives.setPlainText("Brouillon à jeter")
    answers.next = "discard"
    qtbot.mouseClick(tab.findChild(object, "newProjectButton"), Qt.MouseButton.LeftButton)
    assert projects.get_project(second.id).objectives == "" and tab.card.project_id is None


def test_project_row_click_asks_and_cancel_keeps_the_row(window, answers, qtbot):
    a = projects.create_project(ProjectData("A"))
    projects.create_project(ProjectData("B"))
    tab = _project_tab(window)
    tab.refresh()
    tab.open_item("project", a.id)
    tab.card.form.description.setPlainText("Rêver l'action")
    other_row = next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, 0).data() == "B")
    tab.table.setCurrentIndex(tab.proxy.index(other_row, 0))
    assert answers.asked == ["A"] and tab.card.project_id == a.id
    assert tab.card.form.description.toPlainText() == "Rêver l'action"


def test_switching_tab_asks_and_cancel_stays(window, answers):
    org = partners.create_organisation(OrganisationData("Mairie"))
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("organisation", org.id)
    tab.org_card.city.setText("Vitré")
    window.show_tab(window.tab_of(ProjectsTab))
    assert answers.asked == ["Mairie"] and window.current_tab() is tab
    answers.next = "save"
    window.show_tab(window.tab_of(ConventionsTab))
    assert window.current_tab() is window.tab_of(ConventionsTab)
    assert partners.get_organisation(org.id).city == "Vitré"


def test_consent_boxes_mark_the_person_card_and_are_saved_with_it(window, answers, qtbot):
    person = partners.create_person(PersonData("Le Goff", "Anaïs"))
    other = partners.create_person(PersonData("Roux", "Léa"))
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("person", person.id)
    card = tab.person_card
    widget = card.photo
    assert not widget.save_consent_button.isVisibleTo(card)  # one "Save" for the whole card
    widget.given.setChecked(True)
    widget.scopes["interne"].setChecked(True)
    assert card.is_dirty() and not card.modified.isHidden()
    tab.open_item("person", other.id)  # leaving: asked, Annuler
    assert answers.asked == ["Anaïs Le Goff"] and card.item_id == person.id
    answers.next = "save"
    tab.open_item("person", other.id)
    stored = consent.get_consent(person.id)
    assert stored.given and stored.scopes == ["interne"]
    # a consent without any use is refused next to the section, nothing written
    tab.open_item("person", person.id)
    widget.scopes["interne"].setChecked(False)
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert widget.consent_error.text() and card.is_dirty()
    assert consent.get_consent(person.id).scopes == ["interne"]


def test_restore_under_an_open_card(window, answers, monkeypatch, no_error_dialog):
    paths = window.ctx.paths
    backup = backups.backup_now(paths)  # an empty folder
    org = partners.create_organisation(OrganisationData("Centre social"))
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("organisation", org.id)
    tab.org_card.notes.setPlainText("Notes en cours")
    from partnerdesk.ui.dialogs.backups import BackupsDialog

    def run(dialog_self):
        dialog_self.table.selectRow(next(r for r in range(dialog_self.model.rowCount())
                                         if dialog_self.model.row_at(r).path == backup.path))
        dialog_self.restore_selected()
        return 0

    monkeypatch.setattr(BackupsDialog, "exec", run)
    monkeypatch.setattr(BackupsDialog, "_ask", lambda self, text: True)
    window.show_backups()  # asked first: Annuler keeps the typing and the data
    assert answers.asked == ["Centre social"] and partners.get_organisation(org.id) is not None
    answers.next = "discard"
    window.show_backups()
    assert partners.get_organisation(org.id) is None  # the backup had no card
    assert tab.cards.currentWidget() is tab.no_card  # the card closed, calmly
    assert window.tab_of(PartnersTab).undo_stack.count() == 0


def test_saving_a_card_whose_record_vanished_keeps_the_typing(window, answers, qtbot, no_error_dialog):
    org = partners.create_organisation(OrganisationData("Maison des jeunes"))
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("organisation", org.id)
    tab.org_card.city.setText("Fougères")
    from partnerdesk.store import database

    database.execute_sql("DELETE FROM organisation WHERE id = ?", (org.id,))  # as a restore would
    qtbot.mouseClick(tab.org_card.save_button, Qt.MouseButton.LeftButton)
    assert answers.informed and "no longer exists" in answers.informed[0]
    assert tab.org_card.city.text() == "Fougères" and tab.org_card.is_dirty()
    qtbot.mouseClick(tab.org_card.save_button, Qt.MouseButton.LeftButton)  # saved anew
    assert [o.city for o in partners.list_organisations()] == ["Fougères"]


def test_identity_dialog_asks_before_closing(ctx, qtbot, answers):
    from partnerdesk.services import settings
    from partnerdesk.ui.dialogs.identity import IdentityDialog

    dialog = IdentityDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("EPN de Vitré")
    dialog.reject()
    assert answers.asked == ["EPN identity"] and settings.identity().name == ""
    answers.next = "save"
    dialog.reject()
    assert settings.identity().name == "EPN de Vitré"


def test_review_window_asks_before_skipping_typed_values(ctx, qtbot, answers):
    from partnerdesk.store.models import Person
    from partnerdesk.ui.dialogs.review import ReviewDialog

    person = partners.create_person(PersonData("Petit", "Paul"))
    Person.update(verified_on=dt.date(2020, 1, 1)).execute()
    dialog = ReviewDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.edits["first_name"].setText("Paulo")
    dialog.skip()
    assert answers.asked == ["Paul Petit"] and dialog.card is not None
    answers.next = "save"
    dialog.skip()
    assert partners.get_person(person.id).first_name == "Paulo"
    assert dialog.session.finished


def test_each_project_page_with_typing_asks_too(window, answers):
    org = partners.create_organisation(OrganisationData("Médiathèque"))
    first = projects.create_project(ProjectData("Ateliers tablette"))
    second = projects.create_project(ProjectData("Fête de l'internet"))
    projects.add_partner(first.id, org.id)
    tab = _project_tab(window)
    tab.refresh()
    tab.open_item("project", first.id)
    card = tab.card
    card.budget.line_label.setText("Location de tablettes")
    card.budget.line_amount.setText("450")
    card.milestones.title.setText("Réunion de bilan")
    tab.open_item("project", second.id)  # Annuler at the first question
    assert answers.asked == ["Needs and budget"] and card.project_id == first.id
    answers.next = "save"
    tab.open_item("project", second.id)
    assert answers.asked == ["Needs and budget", "Needs and budget", "Milestones and realizations"]
    assert [line.label for line in project_budget.budget_of(first.id)] == ["Location de tablettes"]
    assert card.project_id == first.id  # the milestone has no date: not added, the project stays open
    assert card.milestones.errors.text("due_on")
    answers.next = "discard"
    tab.open_item("project", second.id)
    assert card.project_id == second.id and card.milestones.title.text() == ""
