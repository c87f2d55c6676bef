"""The new-exchange line resets to today and the default kind after each entry and on another card."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import journal, partners
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab


@pytest.fixture
def tab(window, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: "discard")
    return window.tab_of(PartnersTab)


def test_entry_resets_after_logging_and_on_another_card(tab, qtbot):
    first = partners.create_organisation(OrganisationData(name="CCAS"))
    second = partners.create_organisation(OrganisationData(name="Médiathèque"))
    tab.refresh()
    tab.open_item("organisation", first.id)
    panel = tab.org_card.journal
    last_week = dt.date.today() - dt.timedelta(days=7)
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("rencontre"))
    panel.date_edit.setDate(QDate(last_week))
    panel.summary.setText("Réunion de la semaine dernière")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    [entry] = journal.journal_of_organisation(first.id)
    assert (entry.kind, entry.occurred_on) == ("rencontre", last_week)
    assert panel.date_edit.date().toPython() == dt.date.today()
    assert panel.kind_box.currentData() == "appel" and panel.summary.text() == ""

    # Half-set on one card, then another card: back to today and a call.
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("mail"))
    panel.date_edit.setDate(QDate(last_week))
    tab.open_item("organisation", second.id)
    assert tab.org_card.journal is panel
    assert panel.date_edit.date().toPython() == dt.date.today() and panel.kind_box.currentData() == "appel"
    panel.summary.setText("Appel du jour")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    [entry] = journal.journal_of_organisation(second.id)
    assert (entry.kind, entry.occurred_on) == ("appel", dt.date.today())
