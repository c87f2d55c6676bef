"""An exchange typed on the Suivi line and not yet logged is unsaved typing of the card: leaving
the organisation or person card (another row, closing the window) asks first; what the answer
does is checked in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import journal, partners
from partnerdesk.ui.tabs.partners.tab import PartnersTab


def _partners_tab(window) -> PartnersTab:
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.refresh()
    return tab


def _two_organisations(window):
    """The card of the CCAS open, its Suivi panel, and another organisation in the list."""
    ccas = partners.create_organisation(OrganisationData("CCAS de Vitré"))
    library = partners.create_organisation(OrganisationData("Médiathèque"))
    tab = _partners_tab(window)
    tab.open_item("organisation", ccas.id)
    return tab, tab.org_card.journal, ccas, library


def test_typed_summary_on_an_organisation_asks_before_another_row(window, answers, qtbot):
    tab, panel, ccas, library = _two_organisations(window)
    panel.summary.setText("Appel de Mme Durand : d'accord pour 6 séances en mars")
    assert not tab.org_card.is_dirty()  # the card's own fields are untouched
    tab.list.select("organisation", library.id, silent=False)  # the user clicks another row
    assert answers.asked == ["CCAS de Vitré: new exchange being typed"]
    assert tab.org_card.item_id == ccas.id and panel.summary.text().startswith("Appel de Mme Durand")
    answers.next = "save"
    tab.list.select("organisation", library.id, silent=False)
    [entry] = journal.journal_of_organisation(ccas.id)
    assert (entry.kind, entry.summary) == ("appel", "Appel de Mme Durand : d'accord pour 6 séances en mars")
    assert tab.org_card.item_id == library.id and panel.summary.text() == ""
    panel.summary.setText("Brouillon à jeter")
    answers.next = "discard"
    tab.list.select("organisation", ccas.id, silent=False)
    assert tab.org_card.item_id == ccas.id and panel.summary.text() == ""
    assert journal.journal_of_organisation(library.id) == []
    assert len(answers.asked) == 3


def test_logged_summary_leaves_nothing_to_ask(window, answers, qtbot):
    tab, panel, ccas, library = _two_organisations(window)
    panel.summary.setText("Rencontre avec le directeur")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    tab.list.select("organisation", library.id, silent=False)
    assert answers.asked == [] and tab.org_card.item_id == library.id
    assert [e.summary for e in journal.journal_of_organisation(ccas.id)] == ["Rencontre avec le directeur"]


def test_typed_summary_on_a_person_asks_before_the_window_closes(window, answers):
    helene = partners.create_person(PersonData("Martin", "Hélène"))
    tab = _partners_tab(window)
    tab.open_item("person", helene.id)
    panel = tab.person_card.journal
    panel.summary.setText("Mail de remerciement envoyé")
    assert not window.close()  # Annuler: the window stays
    assert answers.asked == ["Hélène Martin: new exchange being typed"]
    assert panel.summary.text() == "Mail de remerciement envoyé"
    answers.next = "save"
    assert window.settle_all()
    assert [e.summary for e in journal.journal_of_person(helene.id)] == ["Mail de remerciement envoyé"]
