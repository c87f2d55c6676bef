"""Editing dialogs ask before Escape, Annuler or the close box throw typing away (ui/unsaved.py
`EditingDialog`): the exchange of the journal (new and existing, opened from a card's Suivi),
the affiliation, staff time, a meeting's team time, the reason of a refusal, a new convention.
Real keys and buttons; what each answer does is checked in the database."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from partnerdesk.domain.meetings import MeetingData
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import balance, journal, meetings, partners
from partnerdesk.ui.dialogs.interaction import InteractionDialog, new_exchange
from partnerdesk.ui.tabs.partners.tab import PartnersTab


def _partners_tab(window) -> PartnersTab:
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    tab.refresh()
    return tab


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _escape(qtbot, dialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def _exchange_dialog(window, qtbot, monkeypatch, typing, existing=False):
    """Open the exchange dialog from the card's Suivi, type `typing`, press Escape; the dialog
    is returned still open or closed, as the answer left it."""
    ccas = partners.create_organisation(OrganisationData("CCAS de Vitré"))
    if existing:
        journal.log_interaction("appel", dt.date(2026, 3, 2), "Appel court", [ccas.id], [])
    tab = _partners_tab(window)
    tab.open_item("organisation", ccas.id)
    panel = tab.org_card.journal
    seen = {}

    def run(dialog):  # instead of exec(): shown, typed in, Escape
        seen["dialog"] = _shown(qtbot, dialog)
        dialog.summary.setPlainText(typing)
        _escape(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(panel, "_run", run)
    if existing:
        panel.refresh()
        panel.table.setCurrentIndex(panel.proxy.index(0, 0))
        panel.open_selected()
    else:
        panel.add_detailed()
    return ccas, seen["dialog"]


def test_escape_in_a_new_exchange_asks_and_cancel_keeps_the_text(window, answers, qtbot, monkeypatch):
    text = "Compte rendu détaillé de la rencontre\n" * 20
    ccas, dialog = _exchange_dialog(window, qtbot, monkeypatch, text)
    assert answers.asked == ["New exchange"]
    assert dialog.isVisible() and dialog.summary.toPlainText() == text
    answers.next = "save"
    _escape(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    [entry] = journal.journal_of_organisation(ccas.id)
    assert entry.summary == text.strip() and entry.kind == "appel"


def test_annuler_in_an_existing_exchange_asks_and_discard_keeps_the_stored_text(window, answers, qtbot,
                                                                               monkeypatch):
    ccas, dialog = _exchange_dialog(window, qtbot, monkeypatch,
                                    "Appel court. Complément : la mairie prête la salle le mardi.", existing=True)
    assert answers.asked == ["Exchange"] and dialog.isVisible()
    answers.next = "discard"
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
    assert [e.summary for e in journal.journal_of_organisation(ccas.id)] == ["Appel court"]


def test_escape_without_typing_closes_at_once(ctx, answers, qtbot):
    ccas = partners.create_organisation(OrganisationData("CCAS de Vitré"))
    dialog = _shown(qtbot, InteractionDialog(new_exchange([ccas.id])))
    _escape(qtbot, dialog)
    assert answers.asked == [] and not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected


def test_affiliation_dialog_escape_asks_and_cancel_keeps_the_role(ctx, answers, qtbot):
    from partnerdesk.ui.dialogs.affiliation import AffiliationDialog

    org = partners.create_organisation(OrganisationData("Collège Jules Ferry"))
    dialog = _shown(qtbot, AffiliationDialog([org], "Change of job"))
    dialog.role.setText("Proviseure adjointe")
    _escape(qtbot, dialog)
    assert answers.asked == ["Change of job"] and dialog.isVisible()
    assert dialog.role.text() == "Proviseure adjointe"
    answers.next = "save"  # no organisation chosen: OK refuses, the dialog stays with its message
    _escape(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.text() == "Choose an organisation from the list."
    answers.next = "discard"
    _escape(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected


def test_staff_time_dialog_escape_asks_and_save_logs_the_time(ctx, answers, qtbot):
    from partnerdesk.ui.tabs.balance.time_dialog import TimeEntryDialog

    org = partners.create_organisation(OrganisationData("Centre social Les Tilleuls")).id
    dialog = _shown(qtbot, TimeEntryDialog(org))
    dialog.hours.setValue(2.5)
    dialog.description.setText("Comité de pilotage et compte rendu")
    _escape(qtbot, dialog)
    assert answers.asked == ["Log staff time"] and dialog.isVisible()
    assert balance.time_entries(organisation_id=org) == []
    answers.next = "save"
    _escape(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    [entry] = balance.time_entries(organisation_id=org)
    assert (entry.hours, entry.description) == (2.5, "Comité de pilotage et compte rendu")


def test_meeting_time_dialog_annuler_asks_and_discard_logs_nothing(ctx, answers, qtbot):
    from partnerdesk.ui.tabs.balance.meeting_time import MeetingTimeDialog

    meeting = meetings.create_meeting(MeetingData("Comité", dt.date(2026, 4, 2), start_time="10:00",
                                                  end_time="12:00")).id
    dialog = _shown(qtbot, MeetingTimeDialog(meeting, "Karim"))
    dialog.people.setValue(3)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    cancel.click()
    assert answers.asked == ["Team time spent in the meeting"] and dialog.isVisible()
    answers.next = "discard"
    cancel.click()
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
    assert balance.time_entries() == []


def test_refusal_reason_escape_asks_and_save_gives_the_reason(ctx, answers, qtbot):
    from partnerdesk.ui.tabs.projects.dialogs import ReasonDialog

    dialog = _shown(qtbot, ReasonDialog("Médiathèque"))
    given = []
    dialog.accepted.connect(lambda: given.append(dialog.reason()))
    dialog.text.setPlainText("Pas de budget cette année")
    _escape(qtbot, dialog)
    assert answers.asked == ["Abandoned / refused"] and dialog.isVisible() and given == []
    answers.next = "save"
    _escape(qtbot, dialog)
    assert given == ["Pas de budget cette année"] and not dialog.isVisible()


def test_new_convention_dialog_escape_asks_and_discard_closes_it(ctx, answers, qtbot):
    from partnerdesk.ui.tabs.conventions.dialogs import NewConventionDialog

    dialog = _shown(qtbot, NewConventionDialog())
    dialog.title.setText("Convention avec la médiathèque")
    _escape(qtbot, dialog)
    assert answers.asked == ["New convention"] and dialog.title.text() == "Convention avec la médiathèque"
    answers.next = "discard"
    _escape(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected


def test_an_organisation_typed_in_an_exchange_and_not_chosen_is_asked_about_and_kept(ctx, answers, qtbot):
    ccas = partners.create_organisation(OrganisationData("CCAS de Vitré"))
    dialog = _shown(qtbot, InteractionDialog(new_exchange([ccas.id])))
    dialog.summary.setPlainText("Rencontre avec le CCAS")
    dialog.tracker.set_clean()
    qtbot.keyClicks(dialog.picker, "Mairie de Vit")
    _escape(qtbot, dialog)
    assert answers.asked == ["New exchange"] and dialog.isVisible()
    answers.next = "save"  # never chosen from the list: said, the typing kept, nothing saved
    _escape(qtbot, dialog)
    assert dialog.isVisible() and dialog.picker.text() == "Mairie de Vit"
    assert dialog.error.isVisible() and dialog.error.text()
    assert journal.journal_of_organisation(ccas.id) == []
    answers.next = "discard"
    _escape(qtbot, dialog)
    assert not dialog.isVisible() and journal.journal_of_organisation(ccas.id) == []
