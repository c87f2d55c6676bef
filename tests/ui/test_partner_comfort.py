"""Partner cards: Fonction and Depuis edited in place, journal entries opened, edited and
shared by several organisations, the shared organisation picker."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import journal, partners
from partnerdesk.store.models import Affiliation, Interaction, Organisation
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.widgets.organisation_picker import OrganisationPicker


@pytest.fixture
def tab(window, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: "discard")
    return window.tab_of(PartnersTab)


def type_in(edit, text):
    edit.setText(text)
    edit.editingFinished.emit()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_role_and_start_date_edited_on_the_card(tab, qtbot):
    org = partners.create_organisation(OrganisationData(name="Collège Jean-Moulin"))
    person = partners.create_person(PersonData("Le Goff", "Anaïs"), organisation_id=org.id, role="CPE")
    tab.refresh()
    tab.open_item("person", person.id)
    card = tab.person_card
    assert card.role.isVisibleTo(card) and card.since.isVisibleTo(card)
    assert card.role.text() == "CPE" and card.since.text() == ""
    type_in(card.role, "Conseillère principale d'éducation")
    type_in(card.since, "01/09/2024")
    click(qtbot, card.save_button)
    [aff] = Affiliation.select().where(Affiliation.person == person.id)
    assert (aff.role, aff.start_date) == ("Conseillère principale d'éducation", dt.date(2024, 9, 1))
    # after the save the fields are still there, for the next typo
    assert card.role.isVisibleTo(card) and card.role.text() == "Conseillère principale d'éducation"
    assert card.since.text() == "01/09/2024"
    # a bad date is refused next to the field; the typing stays, nothing is written
    type_in(card.role, "CPE")
    type_in(card.since, "31/02/2024")
    click(qtbot, card.save_button)
    assert card.errors.message("start_date")
    assert card.since.text() == "31/02/2024" and card.role.text() == "CPE"
    assert Affiliation.get_by_id(aff.id).role == "Conseillère principale d'éducation"


def test_new_member_gets_its_start_date(tab, qtbot):
    org = partners.create_organisation(OrganisationData(name="MJC"))
    tab.refresh()
    tab.open_item("organisation", org.id)
    tab.org_card.sections.setCurrentIndex(1)
    click(qtbot, tab.org_card.contacts.new_button)
    card = tab.person_card
    type_in(card.last_name, "Fèvre")
    type_in(card.role, "Animatrice")
    type_in(card.since, "15/03/2025")
    click(qtbot, card.save_button)
    [member] = partners.people_of(org.id)
    assert (member.role, member.affiliation.start_date) == ("Animatrice", dt.date(2025, 3, 15))


def test_person_without_affiliation_has_no_role_field(tab):
    person = partners.create_person(PersonData("Martin", "Léa"))
    tab.refresh()
    tab.open_item("person", person.id)
    assert not tab.person_card.role.isVisibleTo(tab.person_card)


def _org_with_entry(text="Rencontre thématique sur l'inclusion numérique. " * 6):
    mairie = partners.create_organisation(OrganisationData(name="Mairie de Saint-Aubin"))
    ccas = partners.create_organisation(OrganisationData(name="CCAS de Saint-Aubin"))
    elu = partners.create_person(PersonData("Durand", "Paul"), organisation_id=mairie.id)
    agent = partners.create_person(PersonData("Nguyen", "Linh"), organisation_id=ccas.id)
    entry = journal.log_interaction("appel", dt.date(2026, 10, 5), text, [mairie.id], [elu.id])
    return mairie, ccas, elu, agent, entry


def test_double_click_opens_the_entry_to_read_and_edit(tab, qtbot):
    mairie, ccas, elu, agent, entry = _org_with_entry()
    tab.refresh()
    tab.open_item("organisation", mairie.id)
    panel = tab.org_card.journal
    shown = []

    def drive(dialog):
        shown.append(dialog.summary.toPlainText())
        dialog.summary.setPlainText("Comité de pilotage avec la mairie et le CCAS.")
        dialog.kind.setCurrentIndex(dialog.kind.findData("comite") if dialog.kind.findData("comite") >= 0
                                    else dialog.kind.findData("rencontre"))
        dialog.add_organisation(ccas.id)
        dialog.set_person_checked(agent.id)
        dialog.save()
        return dialog.result()

    panel._run_dialog = drive
    panel._run = lambda dialog: (drive(dialog) and (panel.refresh() or True))
    index = panel.proxy.index(0, 0)
    panel.table.setCurrentIndex(index)
    panel.table.doubleClicked.emit(index)
    assert shown and shown[0] == entry.summary  # the whole text, not two lines
    saved = journal.get_interaction(entry.id)
    assert saved.summary == "Comité de pilotage avec la mairie et le CCAS."
    assert sorted(saved.organisation_ids) == sorted([mairie.id, ccas.id])
    assert sorted(saved.person_ids) == sorted([elu.id, agent.id])
    assert Interaction.select().count() == 1
    # the exchange shows in the CCAS's journal too
    assert [i.id for i in journal.journal_of_organisation(ccas.id)] == [entry.id]


def test_entry_dialog_refuses_an_empty_text_and_keeps_the_rest(ctx, qtbot):
    from partnerdesk.ui.dialogs.interaction import InteractionDialog

    mairie, ccas, elu, agent, entry = _org_with_entry("Premier appel")
    dialog = InteractionDialog(journal.get_interaction(entry.id))
    qtbot.addWidget(dialog)
    dialog.summary.setPlainText("   ")
    dialog.add_organisation(ccas.id)
    dialog.save()
    assert dialog.error.text() and dialog.result() == 0
    assert dialog.organisation_ids() == [mairie.id, ccas.id]
    assert journal.get_interaction(entry.id).summary == "Premier appel"
    # removing every organisation and person is refused by the service, said in the dialog
    dialog.summary.setPlainText("Texte")
    dialog.organisations.clear()
    for i in range(dialog.people.count()):
        dialog.people.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.save()
    assert "at least one" in dialog.error.text()


def test_new_exchange_with_several_organisations(tab, qtbot):
    mairie, ccas, elu, agent, entry = _org_with_entry("Premier appel")
    tab.refresh()
    tab.open_item("organisation", mairie.id)
    panel = tab.org_card.journal
    panel.summary.setText("Comité de suivi")

    def drive(dialog):
        assert dialog.organisation_ids() == [mairie.id] and dialog.summary.toPlainText() == "Comité de suivi"
        dialog.add_organisation(ccas.id)
        dialog.save()
        return dialog.result()

    panel._run = lambda dialog: bool(drive(dialog)) and (panel.refresh() or True)
    click(qtbot, panel.detailed_button)
    [new] = [i for i in journal.journal_of_organisation(ccas.id) if i.id != entry.id]
    assert new.summary == "Comité de suivi" and sorted(new.organisation_ids) == sorted([mairie.id, ccas.id])
    assert panel.summary.text() == ""


def test_picker_ignores_accents_and_creates(ctx, qtbot):
    partners.create_organisation(OrganisationData(name="École élémentaire Louise-Michel", city="Acigné"))
    partners.create_organisation(OrganisationData(name="Club vidéo des Tilleuls"))
    picker = OrganisationPicker()
    qtbot.addWidget(picker)
    picker.setText("ecole")
    picker.update_suggestions()
    labels = picker.suggestion_labels()
    assert labels[0] == "École élémentaire Louise-Michel — Acigné"
    picker.setText("video")
    picker.update_suggestions()
    assert picker.suggestion_labels()[0] == "Club vidéo des Tilleuls"
    chosen = []
    picker.chosen.connect(chosen.append)
    picker.choose("Club vidéo des Tilleuls")
    assert chosen and picker.organisation_id() == chosen[-1]
    picker.setText("Ludothèque & Cie")
    picker.update_suggestions()
    create = picker.suggestion_labels()[-1]
    assert create.startswith("Create this organisation")
    picker.choose(create)
    created = Organisation.get(Organisation.name == "Ludothèque & Cie")
    assert picker.organisation_id() == created.id and chosen[-1] == created.id


def test_people_filters_and_relais_emails(tab, qtbot, monkeypatch):
    from partnerdesk.services import tags as tag_service

    mairie = partners.create_organisation(OrganisationData(name="Mairie", kind="service_municipal"))
    asso = partners.create_organisation(OrganisationData(name="Amicale laïque", kind="association"))
    relais = partners.create_person(PersonData("Roux", "Inès", emails=["ines@asso.fr"], relais=True),
                                    organisation_id=asso.id)
    partners.create_person(PersonData("Petit", "Marc", emails=["marc@mairie.fr"]), organisation_id=mairie.id)
    other = partners.create_person(PersonData("Blanc", "Yves", emails=["yves@mairie.fr"], relais=True),
                                   organisation_id=mairie.id)
    tag = tag_service.create_tag("seniors")
    tag_service.set_person_tags(relais.id, [tag.id])
    panel = tab.list
    tab.refresh()
    panel.view_box.setCurrentIndex(1)
    assert panel.people_filters.isVisibleTo(panel) and not panel.filters.isVisibleTo(panel)
    assert panel.people_proxy.rowCount() == 3

    panel.relais_filter.setCurrentIndex(panel.relais_filter.findData(True))
    assert sorted(panel.people_proxy.visible_ids()) == sorted([relais.id, other.id])
    panel.person_kind_filter.setCurrentIndex(panel.person_kind_filter.findData("association"))
    assert panel.people_proxy.visible_ids() == [relais.id]
    panel.person_kind_filter.setCurrentIndex(0)
    panel.relais_filter.setCurrentIndex(0)
    panel.person_tag_filter.setCurrentIndex(panel.person_tag_filter.findData(tag.id))
    assert panel.people_proxy.visible_ids() == [relais.id]
    panel.person_tag_filter.setCurrentIndex(0)
    panel.person_org_filter.setText("mairie")
    panel.person_org_filter.update_suggestions()
    panel.person_org_filter.choose(panel.person_org_filter.suggestion_labels()[0])
    assert len(panel.people_proxy.visible_ids()) == 2
    panel.person_org_filter.clear()
    assert panel.people_proxy.rowCount() == 3

    copied = []
    monkeypatch.setattr("partnerdesk.ui.tabs.partners.mailing.copy_emails",
                        lambda parent, ctx, emails: copied.append(emails))
    panel.copy_relais_action.trigger()
    assert sorted(copied[-1]) == ["ines@asso.fr", "yves@mairie.fr"]
    panel.view_box.setCurrentIndex(0)
    panel.search_box.setText("Amicale")
    panel.copy_relais_action.trigger()
    assert copied[-1] == ["ines@asso.fr"]


def test_tab_leaves_the_tables(tab, qtbot):
    from PySide6.QtWidgets import QTableView

    window = tab.window()
    tables = window.findChildren(QTableView)
    assert tables and all(not t.tabKeyNavigation() for t in tables)


def test_ampersand_in_names_stays_on_buttons_and_menus(tab, qtbot):
    org = partners.create_organisation(OrganisationData(name="Lire & Écrire"))
    person = partners.create_person(PersonData("Durand & Fils", "Léo"), organisation_id=org.id)
    tab.refresh()
    tab.open_item("person", person.id)
    button = tab.person_card.back_button
    assert button.text() == "← Lire && Écrire"  # shown as "← Lire & Écrire", no underlined É
    tab.open_item("organisation", org.id)
    panel = tab.org_card.journal
    [action] = panel.with_menu.actions()
    action.trigger()
    assert action.text() == "Léo Durand && Fils" and panel.with_box.text() == "with Léo Durand && Fils"
    assert panel.chosen_people() == [person.id]
