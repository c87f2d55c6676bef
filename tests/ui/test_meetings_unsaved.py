"""Rencontres: typing in one meeting is never lost, and the list never gets stuck, whichever answer is
given to the unsaved-changes question, with the mouse or the keyboard. Real clicks, the database checked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from partnerdesk.domain.meetings import MeetingData
from partnerdesk.services import meetings
from partnerdesk.services.meetings import followup
from partnerdesk.ui.tabs.meetings.tab import MeetingsTab


def _tab(window):
    a = meetings.create_meeting(MeetingData("Comité A", dt.date(2026, 11, 10), kind="comite"))
    b = meetings.create_meeting(MeetingData("Comité B", dt.date(2026, 11, 17), kind="comite"))
    tab = window.tab_of(MeetingsTab)
    window.show_tab(tab)
    tab.refresh()
    return tab, a, b


def _click_meeting(qtbot, tab, meeting_id: int) -> None:
    rect = tab.view.visualRect(tab.model.index(tab.model.row_of(meeting_id), 0))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()  # a selection put back after the question lands on the next turn


def _highlighted(tab) -> list[int]:
    """The meetings highlighted in the list, and the list's current row must agree with them."""
    rows = [index.row() for index in tab.view.selectionModel().selectedRows()]
    current = tab.view.currentIndex()
    assert current.isValid() and [current.row()] == rows
    return [tab.model.row_at(row).meeting.id for row in rows]


def test_save_from_the_question_moves_on_and_every_row_stays_clickable(window, answers, qtbot):
    tab, a, b = _tab(window)
    _click_meeting(qtbot, tab, a.id)
    tab.details.place.setText("Médiathèque")
    answers.next = "save"
    _click_meeting(qtbot, tab, b.id)
    assert answers.asked == ["Comité A"] and meetings.get_meeting(a.id).place == "Médiathèque"
    assert tab.meeting.id == b.id and tab.details.title.text() == "Comité B" and _highlighted(tab) == [b.id]
    _click_meeting(qtbot, tab, a.id)  # the first row: it was stuck
    assert tab.meeting.id == a.id and tab.details.place.text() == "Médiathèque" and _highlighted(tab) == [a.id]
    _click_meeting(qtbot, tab, b.id)
    assert tab.meeting.id == b.id and _highlighted(tab) == [b.id] and len(answers.asked) == 1


def test_cancel_puts_the_highlight_back_with_the_typing(window, answers, qtbot):
    tab, a, b = _tab(window)
    _click_meeting(qtbot, tab, a.id)
    tab.details.place.setText("Médiathèque")
    answers.next = "cancel"
    _click_meeting(qtbot, tab, b.id)
    assert answers.asked == ["Comité A"]
    assert tab.meeting.id == a.id and tab.details.place.text() == "Médiathèque" and _highlighted(tab) == [a.id]
    assert meetings.get_meeting(a.id).place == ""
    answers.next = "discard"
    _click_meeting(qtbot, tab, b.id)
    assert tab.meeting.id == b.id and _highlighted(tab) == [b.id] and meetings.get_meeting(a.id).place == ""
    _click_meeting(qtbot, tab, a.id)
    assert tab.details.place.text() == "" and not tab.is_dirty() and _highlighted(tab) == [a.id]
    assert len(answers.asked) == 2


def test_a_decision_or_action_typed_and_not_added_is_asked_about(window, answers, qtbot):
    """Seen in the third pass: typed in « Décisions » or « Actions » of meeting A, not added, then meeting B
    clicked: the typing was emptied without a question."""
    tab, a, b = _tab(window)
    _click_meeting(qtbot, tab, a.id)
    tab.pages.setCurrentWidget(tab.minutes)
    m = tab.minutes
    m.decision_text.setText("Ouvrir le samedi matin")
    m.action_what.setText("Relancer la mairie")
    m.action_owner.setEditText("Claire de l'EPN")
    assert tab.is_dirty()
    _click_meeting(qtbot, tab, b.id)  # Annuler: A stays, with its typing
    assert answers.asked == ["Comité A"] and tab.meeting.id == a.id and _highlighted(tab) == [a.id]
    assert (m.decision_text.text(), m.action_what.text()) == ("Ouvrir le samedi matin", "Relancer la mairie")
    answers.next = "save"  # the action has no date: refused, with the message; nothing written, nothing lost
    _click_meeting(qtbot, tab, b.id)
    assert followup.decisions_of(a.id) == [] and followup.actions_of(a.id) == []  # not half of it either
    assert m.errors.text("due_on") and m.action_what.text() == "Relancer la mairie"
    assert m.decision_text.text() == "Ouvrir le samedi matin"
    assert tab.meeting.id == a.id and _highlighted(tab) == [a.id] and tab.pages.currentWidget() is m
    m.action_due.setText("15/12/2026")
    _click_meeting(qtbot, tab, b.id)
    [action] = followup.actions_of(a.id)
    assert (action.what, action.owner_epn, action.due_on) == ("Relancer la mairie", "Claire de l'EPN",
                                                              dt.date(2026, 12, 15))
    assert [d.text for d in followup.decisions_of(a.id)] == ["Ouvrir le samedi matin"]
    assert tab.meeting.id == b.id and _highlighted(tab) == [b.id] and not tab.is_dirty()
    assert (m.decision_text.text(), m.action_what.text(), m.action_owner.currentText(), m.action_due.text()) == (
        "", "", "", "")
    m.decision_text.setText("Décision jetée")
    answers.next = "discard"
    _click_meeting(qtbot, tab, a.id)
    assert followup.decisions_of(b.id) == [] and m.decision_text.text() == "" and tab.meeting.id == a.id
    assert len(answers.asked) == 4


def test_leaving_the_tab_with_a_typed_decision_asks(window, answers, qtbot):
    from partnerdesk.ui.tabs.projects.tab import ProjectsTab

    tab, a, _b = _tab(window)
    _click_meeting(qtbot, tab, a.id)
    tab.minutes.decision_text.setText("Ouvrir le samedi matin")
    window.show_tab(window.tab_of(ProjectsTab))
    assert answers.asked == ["Comité A"] and window.current_tab() is tab
    answers.next = "save"
    window.show_tab(window.tab_of(ProjectsTab))
    assert [d.text for d in followup.decisions_of(a.id)] == ["Ouvrir le samedi matin"]
    assert window.current_tab() is not tab


def test_the_keyboard_asks_the_same_and_ctrl_s_saves_everything_typed(window, answers, qtbot):
    window.show()  # shortcuts act in a shown window
    qtbot.waitExposed(window)
    tab, a, b = _tab(window)
    _click_meeting(qtbot, tab, a.id)
    tab.details.place.setText("Médiathèque")
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)  # Annuler
    QApplication.processEvents()
    assert answers.asked == ["Comité A"] and tab.meeting.id == a.id and _highlighted(tab) == [a.id]
    qtbot.keyClick(tab.view, Qt.Key.Key_Escape)  # nothing thrown away
    assert tab.details.place.text() == "Médiathèque" and tab.is_dirty()
    answers.next = "save"
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)
    QApplication.processEvents()
    assert meetings.get_meeting(a.id).place == "Médiathèque" and tab.meeting.id == b.id and _highlighted(tab) == [b.id]
    qtbot.keyClick(tab.view, Qt.Key.Key_Up)  # nothing typed: no question
    QApplication.processEvents()
    assert tab.meeting.id == a.id and _highlighted(tab) == [a.id] and len(answers.asked) == 2
    tab.minutes.decision_text.setText("Ouvrir le samedi matin")
    tab.details.theme.setText("Seniors")
    qtbot.keyClick(tab.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert meetings.get_meeting(a.id).theme == "Seniors"
    assert [d.text for d in followup.decisions_of(a.id)] == ["Ouvrir le samedi matin"] and not tab.is_dirty()
    assert _highlighted(tab) == [a.id]


def test_a_new_meeting_typed_then_a_row_clicked(window, answers, qtbot):
    tab, a, b = _tab(window)
    _click_meeting(qtbot, tab, a.id)
    qtbot.mouseClick(tab.findChild(type(tab.save_button), "newMeeting"), Qt.MouseButton.LeftButton)
    assert tab.view.selectionModel().selectedRows() == [] and not tab.view.currentIndex().isValid()
    tab.details.title.setText("Réunion des relais")
    _click_meeting(qtbot, tab, a.id)  # Annuler: the new meeting stays, no row highlighted
    assert answers.asked == ["New meeting"] and tab.details.title.text() == "Réunion des relais"
    assert tab.view.selectionModel().selectedRows() == [] and tab.meeting.id is None
    answers.next = "discard"
    _click_meeting(qtbot, tab, a.id)  # the row that was current before "New meeting" opens again
    assert tab.meeting.id == a.id and _highlighted(tab) == [a.id] and len(meetings.list_meetings()) == 2


def test_a_drag_to_another_meeting_after_annuler_leaves_the_highlight_on_the_typing(window, answers, qtbot):
    window.show()
    qtbot.waitExposed(window)
    tab, a, b = _tab(window)
    _click_meeting(qtbot, tab, a.id)
    tab.details.place.setText("Médiathèque")
    on_a, on_b = (tab.view.visualRect(tab.model.index(tab.model.row_of(m.id), 0)).center() for m in (a, b))
    qtbot.mousePress(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=on_a)
    qtbot.mouseMove(tab.view.viewport(), on_b)
    qtbot.mouseRelease(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=on_b)
    QApplication.processEvents()
    assert answers.asked == ["Comité A"] and tab.meeting.id == a.id and _highlighted(tab) == [a.id]
    assert tab.details.place.text() == "Médiathèque"


def _committee_click(window, project_id: int) -> None:
    """« Nouveau comité » of the project's card (the card not on screen: a click by the button itself)."""
    from partnerdesk.ui.tabs.projects.tab import ProjectsTab

    projects_tab = window.tab_of(ProjectsTab)
    projects_tab.show_project(project_id)
    projects_tab.card.committee_button.click()


def test_new_committee_answered_annuler_leaves_the_new_meeting_typed_as_it_is(window, answers, qtbot):
    """Seen: a new meeting typed, « Nouveau comité » of a project, Annuler: the typed meeting kept its
    title but became a committee of that project (its kind and project overwritten)."""
    from partnerdesk.domain.projects import ProjectData
    from partnerdesk.services import projects

    tab, _a, _b = _tab(window)
    project = projects.create_project(ProjectData("Programme inclusion numérique"))
    tab.refresh()
    qtbot.mouseClick(tab.findChild(type(tab.save_button), "newMeeting"), Qt.MouseButton.LeftButton)
    d = tab.details
    d.kind.setCurrentIndex(d.kind.findData("thematique"))
    d.title.setText("Seniors et numérique")
    d.date.setText("08/12/2026")
    assert d.project.currentData() is None and tab.is_dirty()
    _committee_click(window, project.id)  # Annuler
    assert answers.asked == ["New meeting"] and window.current_tab() is tab
    assert (d.kind.currentData(), d.project.currentData()) == ("thematique", None)
    assert (d.title.text(), d.date.text()) == ("Seniors et numérique", "08/12/2026")
    assert tab.meeting.id is None and tab.is_dirty() and len(meetings.list_meetings()) == 2
    answers.next = "discard"  # the committee is offered now, the typing thrown away as asked
    _committee_click(window, project.id)
    assert (d.kind.currentData(), d.project.currentData()) == ("comite", project.id)
    assert d.title.text() == "Steering committee — Programme inclusion numérique" and d.date.text() == ""
    assert len(meetings.list_meetings()) == 2 and len(answers.asked) == 2


def test_enregistrer_writes_the_meeting_its_decision_and_its_action_or_nothing(window, answers, qtbot):
    """Seen: « Enregistrer » with a decision typed and an action without a valid date added the decision
    and refused the action (half of the typing saved). Now every refusal is shown at once, of both pages,
    and nothing is written until all of it can be; the button and Ctrl+S take the same path."""
    window.show()  # shortcuts act in a shown window
    qtbot.waitExposed(window)
    tab, a, _b = _tab(window)
    _click_meeting(qtbot, tab, a.id)
    d, m = tab.details, tab.minutes
    d.place.setText("Médiathèque")
    d.start.setText("10:00")
    d.end.setText("09:00")  # before the start
    tab.pages.setCurrentWidget(m)
    m.decision_text.setText("Ouvrir le samedi matin")
    m.action_what.setText("Relancer la mairie")
    m.action_owner.setEditText("Claire de l'EPN")
    m.action_due.setText("31/02/2026")  # no such day

    def nothing_written():
        stored = meetings.get_meeting(a.id)
        assert (stored.place, stored.start_time, stored.end_time) == ("", "", "")
        assert followup.decisions_of(a.id) == [] and followup.actions_of(a.id) == []

    def typing_kept():
        assert (d.place.text(), d.start.text()) == ("Médiathèque", "10:00")
        assert (m.decision_text.text(), m.action_what.text(), m.action_owner.currentText()) == (
            "Ouvrir le samedi matin", "Relancer la mairie", "Claire de l'EPN")
        assert tab.is_dirty() and tab.meeting.id == a.id

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    nothing_written()
    typing_kept()
    assert tab.errors.text("end_time") == "The meeting ends before it starts."
    assert m.errors.text("due_on") == "Enter a date such as 22/11/2026." and m.action_due.text() == "31/02/2026"
    assert tab.pages.currentWidget() is d  # the meeting's own refusal first

    d.end.setText("12:00")  # the meeting right, the action not yet: Ctrl+S writes nothing either
    d.place.setFocus()
    qtbot.keyClick(d.place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    nothing_written()
    typing_kept()
    assert not tab.errors.text("end_time") and m.errors.text("due_on") and tab.pages.currentWidget() is m
    m.action_due.clear()  # no date at all: said as clearly
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    nothing_written()
    assert m.errors.text("due_on") == "Enter a date (dd/mm/yyyy)."

    m.action_due.setText("15/12/2026")
    m.action_what.setFocus()
    qtbot.keyClick(m.action_what, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = meetings.get_meeting(a.id)
    assert (stored.place, stored.start_time, stored.end_time) == ("Médiathèque", "10:00", "12:00")
    assert [x.text for x in followup.decisions_of(a.id)] == ["Ouvrir le samedi matin"]
    [action] = followup.actions_of(a.id)
    assert (action.what, action.owner_epn, action.due_on) == ("Relancer la mairie", "Claire de l'EPN",
                                                              dt.date(2026, 12, 15))
    assert not tab.is_dirty() and not m.errors.text("due_on") and m.decision_text.text() == ""
    assert answers.asked == []


def test_the_repetition_of_a_new_meeting_is_typing_too(window, answers, qtbot):
    tab, a, _b = _tab(window)
    qtbot.mouseClick(tab.findChild(type(tab.save_button), "newMeeting"), Qt.MouseButton.LeftButton)
    assert not tab.is_dirty()
    for typing in (lambda d: d.repeat.setChecked(True), lambda d: d.until.setText("30/06/2027"),
                   lambda d: d.skip.setText("14/07/2027"), lambda d: d.recurrence.set_rule("months", 2)):
        typing(tab.details)
        assert tab.is_dirty()
        answers.next = "cancel"
        _click_meeting(qtbot, tab, a.id)
        assert tab.meeting.id is None
        answers.next = "discard"
        qtbot.mouseClick(tab.findChild(type(tab.save_button), "newMeeting"), Qt.MouseButton.LeftButton)
        assert not tab.is_dirty() and not tab.details.repeat.isChecked() and tab.details.until.text() == ""
    assert answers.asked == ["New meeting"] * 8 and len(meetings.list_meetings()) == 2


def test_a_new_series_refused_says_every_wrong_field_at_once(window, answers, qtbot):
    tab, _a, _b = _tab(window)
    qtbot.mouseClick(tab.findChild(type(tab.save_button), "newMeeting"), Qt.MouseButton.LeftButton)
    d = tab.details
    d.start.setText("25:00")
    d.repeat.setChecked(True)
    d.until.setText("bientôt")
    d.skip.setText("un jour")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    for field in ("title", "held_on", "start_time", "last", "skip"):
        assert tab.errors.text(field), field
    assert len(meetings.list_meetings()) == 2 and tab.meeting.id is None and d.until.text() == "bientôt"
