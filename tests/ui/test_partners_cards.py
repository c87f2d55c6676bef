"""Partenaires through the real widgets: create, edit, validate, guard, journal, people."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from partnerdesk import i18n
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import journal, partners
from partnerdesk.store.models import Affiliation, Interaction, Organisation
from partnerdesk.ui.models.people import P_PHONES, PersonTableModel
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab


@pytest.fixture
def tab(window, monkeypatch):
    # pytest-qt closes the window before fixtures end: answer the unsaved-changes question
    # (tests that check the question replace this answer).
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: "discard")
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)  # on show, as the user works in it (hidden tabs catch up when shown)
    return tab


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_in(edit, text):
    """Accented text: set it and let textChanged fire (qtbot.keyClicks aborts on accents)."""
    edit.setText(text)
    edit.editingFinished.emit()


def test_create_organisation_from_the_empty_state(tab, qtbot):
    assert tab.stack.currentWidget() is tab.empty
    click(qtbot, tab.empty.findChild(object, "firstPartnerButton"))
    card = tab.org_card
    assert tab.cards.currentWidget() is card and card.item_id is None
    type_in(card.name, "Médiathèque « L’Envol » & Cie")
    card.kind_box.setCurrentIndex(card.kind_box.findData("service_municipal"))
    type_in(card.postcode, "35500")
    type_in(card.city, "Vitré")
    type_in(card.email, "envol@vitre.fr")
    card.publics["seniors"].setChecked(True)
    card.contributions["locaux"].setChecked(True)
    card.circuit.setPlainText("Cabinet du maire, puis arrêté municipal")
    card.cadence.setCurrentIndex(card.cadence.findData(90))
    assert card.modified.isVisibleTo(card)
    click(qtbot, card.save_button)
    row = Organisation.get()
    assert (row.name, row.kind, row.postcode, row.city, row.publics, row.contributions, row.contact_cadence_days) == (
        "Médiathèque « L’Envol » & Cie", "service_municipal", "35500", "Vitré", ["seniors"], ["locaux"], 90)
    assert card.item_id == row.id and not card.modified.isVisibleTo(card)
    assert tab.stack.currentWidget() is tab.splitter
    assert tab.list.org_proxy.rowCount() == 1 and tab.list.current() == ("organisation", row.id)


def test_bad_input_is_refused_next_to_the_field_in_french(tab, qtbot):
    i18n.set_language("fr")
    org = partners.create_organisation(OrganisationData(name="Mission locale", city="Vitré"))
    tab.refresh()
    tab.open_item("organisation", org.id)
    card = tab.org_card
    type_in(card.notes if False else card.city, "Vitré-sur-Vilaine")
    card.notes.setPlainText(("Très long texte " * 3000)[:20_000])
    type_in(card.email, "contact@@mission")
    type_in(card.postcode, "3550")
    type_in(card.phone, "12 34")
    type_in(card.website, "pas une adresse")
    click(qtbot, card.save_button)
    errors = card.errors
    assert "adresse e-mail" in errors.message("email")
    assert "5 chiffres" in errors.message("postcode")
    assert "numéro de téléphone" in errors.message("phone")
    assert "site web" in errors.message("website")
    # Nothing written, everything typed kept.
    assert partners.get_organisation(org.id).city == "Vitré"
    assert card.city.text() == "Vitré-sur-Vilaine" and card.email.text() == "contact@@mission"
    assert card.is_dirty()
    # A foreign address: the country makes the postcode acceptable.
    type_in(card.country, "Belgique")
    type_in(card.postcode, "1000")
    type_in(card.email, "contact@mission-locale.be")
    type_in(card.phone, "+32 2 123 45 67")
    type_in(card.website, "https://www.mission-locale.be/contact")
    type_in(card.name, "")
    click(qtbot, card.save_button)
    assert errors.message("name") == "Ce champ est obligatoire."
    assert errors.message("postcode") == ""
    type_in(card.name, "Mission locale de Bruxelles")
    click(qtbot, card.save_button)
    saved = partners.get_organisation(org.id)
    assert (saved.name, saved.postcode, saved.country, saved.city) == (
        "Mission locale de Bruxelles", "1000", "Belgique", "Vitré-sur-Vilaine")
    assert len(saved.notes) == 20_000
    # One character more is refused next to the field, in French, the typing kept.
    card.notes.setPlainText(saved.notes + "x")
    click(qtbot, card.save_button)
    assert errors.message("notes") == "Trop long : 20 000 caractères au plus."
    assert len(card.notes.toPlainText()) == 20_001 and len(partners.get_organisation(org.id).notes) == 20_000


def test_field_message_appears_when_leaving_the_field(tab, qtbot):
    tab.new_item()
    card = tab.org_card
    type_in(card.email, "pas-un-mail")
    assert "not valid" in card.errors.message("email")
    type_in(card.email, "ok@exemple.fr")
    assert card.errors.message("email") == ""


def test_unsaved_changes_guard(tab, qtbot, monkeypatch):
    a = partners.create_organisation(OrganisationData(name="Amicale laïque"))
    b = partners.create_organisation(OrganisationData(name="Bibliothèque"))
    tab.refresh()
    tab.open_item("organisation", a.id)
    card = tab.org_card
    type_in(card.name, "Amicale laïque de Vitré")
    assert card.modified.isVisibleTo(card) and card.cancel_button.isEnabled()

    answers = []
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: answers.pop(0))
    answers.append("cancel")
    tab.list.select("organisation", b.id, silent=False)
    assert card.item_id == a.id and card.name.text() == "Amicale laïque de Vitré"
    assert tab.list.current() == ("organisation", a.id)

    answers.append("save")
    tab.list.select("organisation", b.id, silent=False)
    assert partners.get_organisation(a.id).name == "Amicale laïque de Vitré"
    assert card.item_id == b.id

    type_in(card.name, "Bibliothèque municipale")
    answers.append("discard")
    assert tab.can_leave()
    assert partners.get_organisation(b.id).name == "Bibliothèque"
    # Annuler brings back the saved card.
    type_in(card.name, "Autre nom")
    click(qtbot, card.cancel_button)
    assert card.name.text() == "Bibliothèque" and not card.is_dirty()
    assert answers == []


def test_window_close_asks_about_unsaved_card(window, tab, monkeypatch):
    org = partners.create_organisation(OrganisationData(name="Centre social"))
    tab.refresh()
    tab.open_item("organisation", org.id)
    type_in(tab.org_card.name, "Centre social des Champs")
    asked = []
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: asked.append(name) or "cancel")
    assert window.close() is False
    assert asked == ["Centre social des Champs"]
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: "discard")
    assert window.close() is True


def test_journal_two_clicks_and_cadence(tab, qtbot):
    org = partners.create_organisation(OrganisationData(name="CCAS", contact_cadence_days=30))
    person = partners.create_person(PersonData("Guérin", "Noël"), organisation_id=org.id)
    other = partners.create_person(PersonData("Boyer", "Inès"), organisation_id=org.id)
    Organisation.update(created_at=dt.datetime(2024, 1, 1)).execute()
    tab.refresh()
    row = tab.list.org_model.row_at(0)
    assert row.cadence == "red"
    tab.open_item("organisation", org.id)
    panel = tab.org_card.journal
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("rencontre"))
    for action in panel.with_menu.actions():  # tick the two people in the "with" menu
        action.trigger()
    assert panel.with_box.text() == "with Inès Boyer, Noël Guérin"
    panel.summary.setText("Rencontre : atelier tablettes pour les aînés")
    click(qtbot, panel.add_button)
    [entry] = journal.journal_of_organisation(org.id)
    assert (entry.kind, entry.occurred_on, sorted(entry.person_ids)) == (
        "rencontre", dt.date.today(), sorted([person.id, other.id]))
    assert entry.organisation_ids == [org.id]
    assert panel.model.rowCount() == 1 and panel.summary.text() == ""
    assert tab.list.org_model.row_at(0).cadence == "ok"
    assert tab.list.org_model.row_at(0).last_contact == dt.date.today()
    # An empty summary is refused without writing.
    click(qtbot, panel.add_button)
    assert panel.error.isVisibleTo(panel) and Interaction.select().count() == 1


def test_person_card_opened_from_elsewhere(window, tab, qtbot, monkeypatch):
    org = partners.create_organisation(OrganisationData(name="Collège Jean-Moulin"))
    other = partners.create_organisation(OrganisationData(name="Lycée Chateaubriand"))
    person = partners.create_person(PersonData("Le Goff", "Anaïs", emails=["a.legoff@college.fr"]),
                                    organisation_id=org.id, role="CPE")
    tab.refresh()
    window.ctx.signals.open_requested.emit("person", person.id)
    card = tab.person_card
    assert tab.cards.currentWidget() is card and card.title.text() == "Anaïs Le Goff"
    assert card.back_button.text() == "← Collège Jean-Moulin"
    type_in(card.emails, "a.legoff@college.fr, pas-valide")
    assert "not valid" in card.errors.message("emails")  # as soon as the field is left
    type_in(card.phones, "06 12 34 56 78; +44 20 7946 0958")
    assert card.errors.message("phones") == ""
    click(qtbot, card.save_button)
    assert "not valid" in card.errors.message("emails")
    assert partners.get_person(person.id).phones == []
    type_in(card.emails, "a.legoff@college.fr, anais@gmail.com")
    card.relais.setChecked(True)
    click(qtbot, card.save_button)
    saved = partners.get_person(person.id)
    assert saved.emails == ["a.legoff@college.fr", "anais@gmail.com"] and saved.relais
    assert saved.phones == ["06 12 34 56 78", "+44 20 7946 0958"]

    # Change of job: the old affiliation is closed, not overwritten.
    from partnerdesk.ui.dialogs import affiliation

    def fake_exec(dialog):
        dialog.organisation.setCurrentIndex(dialog.organisation.findData(other.id))
        dialog.role.setText("Proviseure adjointe")
        return True

    monkeypatch.setattr(affiliation.AffiliationDialog, "exec", fake_exec)
    card.sections.setCurrentIndex(1)
    click(qtbot, card.findChild(object, "changeJobButton"))
    rows = list(Affiliation.select().where(Affiliation.person == person.id).order_by(Affiliation.id))
    assert [(r.organisation_id, r.role, r.end_date is None) for r in rows] == [
        (org.id, "CPE", False), (other.id, "Proviseure adjointe", True)]
    assert card.history_model.rowCount() == 2
    click(qtbot, card.back_button)
    assert tab.cards.currentWidget() is tab.org_card and tab.org_card.item_id == other.id


def test_new_contact_from_organisation_card(tab, qtbot):
    org = partners.create_organisation(OrganisationData(name="MJC"))
    tab.refresh()
    tab.open_item("organisation", org.id)
    tab.org_card.sections.setCurrentIndex(1)
    click(qtbot, tab.org_card.contacts.new_button)
    card = tab.person_card
    assert tab.cards.currentWidget() is card and card.role.isVisibleTo(card)
    type_in(card.first_name, "Zoé")
    type_in(card.last_name, "Fèvre")
    type_in(card.role, "Animatrice")
    click(qtbot, card.save_button)
    [member] = partners.people_of(org.id)
    assert (member.full_name, member.role) == ("Zoé Fèvre", "Animatrice")
    tab.open_item("organisation", org.id)
    assert tab.org_card.contacts.model.rowCount() == 1


def test_duplicate_warning_offers_the_existing_card(tab, qtbot, monkeypatch):
    existing = partners.create_organisation(OrganisationData(name="École Jules-Ferry"))
    tab.refresh()
    tab.new_item()
    card = tab.org_card
    type_in(card.name, "ECOLE jules-ferry")
    seen = []
    monkeypatch.setattr(prompts, "ask_duplicates", lambda parent, m: seen.append(m) or ("open", m[0]))
    click(qtbot, card.save_button)
    assert [m.id for m in seen[0]] == [existing.id]
    assert partners.count_organisations() == 1
    assert card.item_id == existing.id and card.name.text() == "École Jules-Ferry"
    tab.new_item()
    type_in(card.name, "Ecole Jules Ferry")
    monkeypatch.setattr(prompts, "ask_duplicates", lambda parent, m: ("cancel", None))
    click(qtbot, card.save_button)
    assert partners.count_organisations() == 1 and card.name.text() == "Ecole Jules Ferry"
    monkeypatch.setattr(prompts, "ask_duplicates", lambda parent, m: ("save", None))
    type_in(card.name, "École Jules-Ferry")
    click(qtbot, card.save_button)
    assert partners.count_organisations() == 2


def test_card_sections_can_be_extended(tab):
    from PySide6.QtWidgets import QLabel

    widget = tab.org_card.add_card_section("Projets", lambda card: QLabel("projets de la carte"))
    assert tab.org_card.sections.tabText(tab.org_card.sections.count() - 1) == "Projets"
    assert tab.org_card.sections.widget(tab.org_card.sections.count() - 1) is widget


def test_a_card_in_the_trash_says_so(window, tab):
    from partnerdesk.services import trash

    org = partners.create_organisation(OrganisationData(name="Ancienne association"))
    trash.delete("organisation", org.id)
    window.ctx.signals.open_requested.emit("organisation", org.id)
    assert "trash" in tab.org_card.subtitle.text()


def test_article_and_civility_are_proposed_previewed_and_saved(tab, qtbot):
    org = partners.create_organisation(OrganisationData(name="Amicale laïque de Bègles", kind="association"))
    tab.open_item("organisation", org.id)
    card = tab.org_card
    assert card.article.value() is None  # proposed from the name until chosen
    assert "de l’Amicale laïque de Bègles" in card.article.preview.text()
    card.article.set_value("la")
    type_in(card.name, "Halle des sports")
    assert "de la Halle des sports" in card.article.preview.text()
    click(qtbot, card.save_button)
    assert partners.get_organisation(org.id).article == "la"
    person = partners.create_person(PersonData(last_name="Martin", first_name="Claire"))
    tab.open_item("person", person.id)
    pcard = tab.person_card
    pcard.civility.setCurrentIndex(pcard.civility.findData("madame"))
    click(qtbot, pcard.save_button)
    assert partners.get_person(person.id).civility == "madame"


def test_imported_e164_phone_shows_in_french_form_and_saves_unchanged(window, tab, qtbot):
    org = partners.create_organisation(OrganisationData(name="Médiathèque"))
    person = partners.create_person(
        PersonData("Le Bihan", "Maël", phones=["+33612345678", "+4917623384942"],
                   labels={"+33612345678": {"kind": "mobile"}}), organisation_id=org.id, role="Animateur")
    tab.refresh()
    window.ctx.signals.open_requested.emit("person", person.id)
    card = tab.person_card
    assert card.phones.text() == "06 12 34 56 78 (mobile), +49 176 23384942"
    model = PersonTableModel()  # the people list
    model.set_rows(partners.list_people())
    assert model.index(0, P_PHONES).data() == "06 12 34 56 78, +49 176 23384942"
    type_in(card.phones, card.phones.text())  # leaving the field as shown: no message
    assert card.errors.message("phones") == ""
    card.relais.setChecked(True)  # another change, so that the card is saved
    click(qtbot, card.save_button)
    assert card.errors.message("phones") == ""
    saved = partners.get_person(person.id)
    assert saved.relais and saved.phones == ["+33612345678", "+4917623384942"]
    assert saved.labels == {"+33612345678": {"kind": "mobile"}}
    assert card.phones.text() == "06 12 34 56 78 (mobile), +49 176 23384942"
