"""A card's journal, contacts and follow-up line are read in the background: the card opens
at once, they follow. Driven with a task runner that holds the tasks until the test lets
them finish."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import journal, partners
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from tests.ui.held_tasks import HeldTasks


@pytest.fixture
def cards(window, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: "discard")
    a = partners.create_organisation(OrganisationData(name="Centre social Agora"))
    b = partners.create_organisation(OrganisationData(name="Bibliothèque Bellevue"))
    for n in range(3):
        journal.log_interaction("appel", dt.date(2026, 3, 1 + n), f"Appel {n}", [a.id], [])
    journal.log_interaction("rencontre", dt.date(2026, 4, 2), "Rencontre", [b.id], [])
    partners.create_person(PersonData("Martin", "Claire"), organisation_id=a.id)
    partners.create_person(PersonData("Durand", "Paul"), organisation_id=a.id)
    left = partners.create_person(PersonData("Petit", "Léa"), organisation_id=a.id)
    partners.close_affiliation(partners.affiliations_of(left.id)[0].id, dt.date(2026, 1, 31))
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.refresh()
    return tab, a, b


def summaries(panel):
    model = panel.model
    return [model.row_at(r).summary for r in range(model.rowCount())]


def test_the_journal_follows_the_card(cards):
    tab, a, b = cards
    held = HeldTasks()
    tab.ctx.tasks = held
    tab.org_card.journal.ctx.tasks = held
    tab.open_item("organisation", a.id)
    assert tab.org_card.item_id == a.id  # the card is there before its journal
    panel = tab.org_card.journal
    held.finish()
    assert sorted(summaries(panel)) == ["Appel 0", "Appel 1", "Appel 2"]

    # Another card: the previous journal leaves at once, the new one follows.
    tab.open_item("organisation", b.id)
    assert summaries(panel) == []
    held.finish()
    assert summaries(panel) == ["Rencontre"]


def test_a_late_journal_of_another_card_is_dropped(cards):
    tab, a, b = cards
    held = HeldTasks()
    tab.ctx.tasks = held
    tab.org_card.journal.ctx.tasks = held
    panel = tab.org_card.journal
    tab.open_item("organisation", a.id)
    tab.open_item("organisation", b.id)
    journal_reads = len(held.held)
    held.finish()  # the first card's answer arrives after the second card was opened
    assert journal_reads >= 2
    assert summaries(panel) == ["Rencontre"] and tab.org_card.item_id == b.id


def test_an_entry_added_shows_without_emptying_the_journal_first(cards, qtbot):
    tab, a, _b = cards
    tab.open_item("organisation", a.id)  # synchronous runner: filled at once
    panel = tab.org_card.journal
    held = HeldTasks()
    panel.ctx.tasks = held
    panel.summary.setText("Mail de relance")
    panel.add()
    assert len(summaries(panel)) == 3  # the rows stay while the journal is read again
    held.finish()
    assert "Mail de relance" in summaries(panel) and len(summaries(panel)) == 4


def test_a_journal_that_cannot_be_read_says_so(cards, monkeypatch):
    tab, a, _b = cards

    def broken(_org_id, limit=None):
        raise OSError("disk gone")

    monkeypatch.setattr(journal, "journal_of_organisation", broken)
    tab.open_item("organisation", a.id)
    panel = tab.org_card.journal
    assert not panel.error.isHidden() and panel.error.text() == "The journal could not be read."
    assert tab.org_card.item_id == a.id


def names_in(table_model):
    return [table_model.index(r, 0).data() for r in range(table_model.rowCount())]


def test_contacts_and_the_with_menu_follow_the_card(cards):
    tab, a, b = cards
    held = HeldTasks()
    tab.ctx.tasks = held
    card = tab.org_card
    tab.open_item("organisation", a.id)
    assert card.contacts.model.rowCount() == 0 and card.journal.with_menu.actions() == []
    assert card.subtitle.text() == ""  # not another card's
    held.finish()
    assert names_in(card.contacts.model) == ["Paul Durand", "Claire Martin", "Léa Petit"]
    assert [x.text() for x in card.journal.with_menu.actions()] == ["Paul Durand", "Claire Martin"]  # current ones
    assert card.subtitle.text().startswith("Last contact: ")

    card.journal.with_menu.actions()[1].setChecked(True)  # ticked, then the contacts are read again
    card.contacts.refresh()
    held.finish()
    assert card.journal.chosen_people() == [card.journal.with_menu.actions()[1].data()]

    tab.open_item("organisation", b.id)  # another card: its people only, once read
    assert card.contacts.model.rowCount() == 0
    held.finish()
    assert card.contacts.model.rowCount() == 0 and not card.contacts.empty.isHidden()
    assert card.journal.with_menu.actions() == [] and not card.journal.with_box.isEnabled()


def test_a_late_contacts_answer_for_another_card_is_dropped(cards):
    tab, a, b = cards
    held = HeldTasks()
    tab.ctx.tasks = held
    tab.open_item("organisation", a.id)
    tab.open_item("organisation", b.id)
    held.finish()
    assert tab.org_card.contacts.model.rowCount() == 0 and tab.org_card.journal.with_menu.actions() == []


def test_contacts_that_cannot_be_read_say_so(cards, monkeypatch):
    tab, a, _b = cards

    def broken(_org_id, include_past=True):
        raise OSError("disk gone")

    monkeypatch.setattr(partners, "people_of", broken)
    tab.open_item("organisation", a.id)
    contacts = tab.org_card.contacts
    assert not contacts.empty.isHidden() and contacts.empty.text() == "The contacts could not be read."


def test_sections_are_built_when_first_shown_with_the_open_card(cards):
    from partnerdesk.ui.tabs.balance.panel import PartnerBalancePanel
    from partnerdesk.ui.tabs.projects.org_projects import OrganisationProjects

    tab, a, b = cards
    card = tab.org_card
    titles = [card.sections.tabText(i) for i in range(card.sections.count())]
    tab.open_item("organisation", a.id)
    assert card._projects.built is None and card._balance.built is None  # nothing read for them yet
    index = titles.index("Projects")
    card.sections.setCurrentIndex(index)  # as a click on the tab
    built = card.sections.currentWidget()
    assert isinstance(built, OrganisationProjects) and card.projects is built
    assert card.sections.currentIndex() == index and card.sections.tabText(index) == "Projects"
    assert [card.sections.tabText(i) for i in range(card.sections.count())] == titles
    assert built.organisation_id == a.id  # the call made while it was not built, replayed
    tab.open_item("organisation", b.id)
    assert built.organisation_id == b.id  # built: called at once
    assert isinstance(card.balance, PartnerBalancePanel)  # asked for: built, in its place
    assert card.sections.widget(titles.index("Balance")) is card.balance
    assert card._meetings.built is None


def test_a_new_card_keeps_its_sections_disabled(cards):
    tab, _a, _b = cards
    tab.new_item()
    card = tab.org_card
    index = next(i for i in range(card.sections.count()) if card.sections.tabText(i) == "Meetings")
    assert not card.sections.isTabEnabled(index)
    card.meetings  # built while disabled: stays disabled
    assert card.sections.widget(index) is card.meetings and not card.sections.isTabEnabled(index)


def test_the_organisation_card_is_built_after_the_tab(ctx, qtbot):
    from partnerdesk.ui.tabs.partners.org_card import OrganisationCard

    org = partners.create_organisation(OrganisationData(name="Espace jeunes"))
    tab = PartnersTab(ctx)
    qtbot.addWidget(tab)
    assert tab._org_card is None  # the tab is there without its largest form
    assert tab.current_card() is None and tab.can_leave() and tab._org_card is None
    qtbot.waitUntil(lambda: tab._org_card is not None)  # built in its own turn of the event loop
    assert isinstance(tab.org_card, OrganisationCard) and tab.cards.indexOf(tab.org_card) >= 0

    other = PartnersTab(ctx)  # asked for before that turn: built at once, wired as usual
    qtbot.addWidget(other)
    assert other.open_item("organisation", org.id)
    assert other.current_card() is other.org_card and other.org_card.item_id == org.id
    assert [a.text() for a in other.org_card.more_menu.actions() if a.text()][:1] == ["Merge with another organisation…"]


def test_the_person_card_is_built_after_the_tab_with_what_other_areas_add(ctx, qtbot):
    from partnerdesk.ui.tabs.partners.person_card import PersonCard

    person = partners.create_person(PersonData(first_name="Hélène", last_name="Lefèvre"))
    tab = PartnersTab(ctx)
    qtbot.addWidget(tab)
    added = []
    tab.when_person_card(lambda card: added.append(card))  # another area's menu actions
    assert tab._person_card is None and tab.current_card() is None and not added
    tab.new_item()  # Ctrl+N on the organisations list: their card, not the people's
    assert tab.current_card() is tab.org_card and tab._person_card is None
    qtbot.waitUntil(lambda: tab._person_card is not None)  # built in its own turn of the event loop
    assert added == [tab.person_card] and isinstance(tab.person_card, PersonCard)
    tab.when_person_card(lambda card: added.append(card))  # the card exists: at once
    assert added == [tab.person_card] * 2

    other = PartnersTab(ctx)  # asked for before that turn: built at once, wired as usual
    qtbot.addWidget(other)
    assert other.open_item("person", person.id)
    assert other.current_card() is other.person_card and other.person_card.item_id == person.id
    assert [a.text() for a in other.person_card.more_menu.actions() if a.text()][:1] == ["Merge with another person…"]
