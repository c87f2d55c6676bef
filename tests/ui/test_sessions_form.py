"""Séances: the upper form (date, times, place, facilitator, partner, planned attendance) of the session
selected is unsaved typing like its attendance: another session clicked or reached with the arrow keys
asks (Annuler stays with the highlight back, Enregistrer changes the session, Ne pas enregistrer puts
it back); ticking "Tenue" keeps it; leaving the card asks. Real clicks, the database checked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from partnerdesk.domain.projects import ProjectData, SessionData
from partnerdesk.domain.recurrence import Recurrence
from partnerdesk.i18n import format_date
from partnerdesk.services import projects, sessions
from partnerdesk.ui.tabs.projects.tab import ProjectsTab


def _page(window, qtbot, click_first=True):
    project = projects.create_project(ProjectData("Ateliers tablette", place="EPN", in_charge="Hélène"))
    first = sessions.create_session(SessionData(project.id, dt.date(2026, 3, 3), "14:00", "16:00", "EPN"))
    second = sessions.create_session(SessionData(project.id, dt.date(2026, 3, 10), "10:00", "12:00", "Mairie"))
    tab = window.tab_of(ProjectsTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("project", project.id)
    page = tab.card.sessions
    tab.card.pages.setCurrentWidget(page)
    if click_first:
        _click_session(qtbot, page, first.id)
    return page, first, second


def _click_session(qtbot, page, session_id: int) -> None:
    rect = page.view.visualRect(page.model.index(page.model.row_of(session_id), 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()  # a selection put back after the question lands on the next turn


def _highlighted(page) -> list[int]:
    current = page.view.currentIndex()
    assert current.isValid() and page.model.row_at(current.row()).id in page.selected_ids()
    return page.selected_ids()


def _name(day) -> str:
    return f"Session of {format_date(day)}"


def test_the_form_of_the_selected_session_is_asked_about(window, answers, qtbot):
    page, first, second = _page(window, qtbot)
    assert (page.place.text(), page.start_time.text()) == ("EPN", "14:00") and not page.is_dirty()
    page.place.setText("Médiathèque")
    page.start_time.setText("14:30")
    page.planned.setText("12")
    _click_session(qtbot, page, second.id)  # Annuler
    assert answers.asked == [_name(first.held_on)]
    assert _highlighted(page) == [first.id] and page.place.text() == "Médiathèque" and page.planned.text() == "12"
    assert sessions.get_session(first.id).place == "EPN"
    answers.next = "save"
    _click_session(qtbot, page, second.id)
    stored = sessions.get_session(first.id)
    assert (stored.place, stored.start_time, stored.planned_attendance) == ("Médiathèque", "14:30", 12)
    assert _highlighted(page) == [second.id] and (page.place.text(), page.start_time.text()) == ("Mairie", "10:00")
    assert not page.is_dirty()
    page.facilitator.setText("Karim")
    answers.next = "discard"
    _click_session(qtbot, page, first.id)
    assert sessions.get_session(second.id).facilitator == "" and _highlighted(page) == [first.id]
    assert page.place.text() == "Médiathèque" and page.facilitator.text() == ""
    _click_session(qtbot, page, second.id)  # nothing typed: no question
    assert len(answers.asked) == 3 and page.facilitator.text() == "" and _highlighted(page) == [second.id]


def test_a_bad_value_saved_from_the_question_stays_on_the_session(window, answers, qtbot):
    page, first, second = _page(window, qtbot)
    page.end_time.setText("12:00")  # before the start
    answers.next = "save"
    _click_session(qtbot, page, second.id)
    assert page.errors.text("end_time") and page.end_time.text() == "12:00"
    assert _highlighted(page) == [first.id] and sessions.get_session(first.id).end_time == "16:00"


def test_ticking_held_keeps_the_typed_place(window, answers, qtbot):
    page, first, _second = _page(window, qtbot)
    page.place.setText("Médiathèque")
    page.held.click()
    assert sessions.get_session(first.id).marked_held and page.place.text() == "Médiathèque"
    assert page.is_dirty() and _highlighted(page) == [first.id] and answers.asked == []


def test_typing_in_the_form_for_new_sessions_is_asked_about_too(window, answers, qtbot):
    page, first, _second = _page(window, qtbot, click_first=False)
    page.first.setText("17/03/2026")
    _click_session(qtbot, page, first.id)
    assert answers.asked == ["New sessions"] and page.first.text() == "17/03/2026"
    assert page.selected_ids() == [] and len(sessions.sessions_of(first.project_id)) == 2
    answers.next = "save"  # Enregistrer creates it
    _click_session(qtbot, page, first.id)
    assert [s.held_on for s in sessions.sessions_of(first.project_id)][-1] == dt.date(2026, 3, 17)
    assert _highlighted(page) == [first.id] and page.first.text() == "03/03/2026"


def test_arrow_keys_and_leaving_the_card_ask_too(window, answers, qtbot):
    page, first, second = _page(window, qtbot)
    page.place.setText("Médiathèque")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    QApplication.processEvents()
    assert answers.asked == [_name(first.held_on)] and _highlighted(page) == [first.id]
    assert page.place.text() == "Médiathèque"
    from partnerdesk.ui.tabs.meetings.tab import MeetingsTab

    tab = window.tab_of(ProjectsTab)
    window.show_tab(window.tab_of(MeetingsTab))  # Annuler
    assert window.current_tab() is tab and page.place.text() == "Médiathèque" and len(answers.asked) == 2
    answers.next = "save"
    window.show_tab(window.tab_of(MeetingsTab))
    assert sessions.get_session(first.id).place == "Médiathèque" and window.current_tab() is not tab


def test_ctrl_s_saves_the_session_and_its_attendance(window, answers, qtbot):
    window.show()  # shortcuts act in a shown window
    qtbot.waitExposed(window)
    page, first, _second = _page(window, qtbot)
    page.place.setText("Médiathèque")
    page.actual.setText("9")
    qtbot.keyClick(page.place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = sessions.get_session(first.id)
    assert (stored.place, stored.actual_attendance) == ("Médiathèque", 9)
    assert not page.is_dirty() and _highlighted(page) == [first.id] and page.actual.text() == "9"
    assert window.tab_of(ProjectsTab).card.form.project_id == first.project_id and answers.asked == []


def test_the_months_figures_leave_the_list_its_rows(ctx, qtbot):
    """Seen at 1366×768: seven months of figures, one a line, left four sessions on screen."""
    from partnerdesk.ui.tabs.projects.sessions_page import SessionsPage

    project = projects.create_project(ProjectData("Démarches en ligne"))
    for n in range(31):
        session = sessions.create_session(SessionData(project.id, dt.date(2026, 5, 20) + dt.timedelta(weeks=n),
                                                      "14:00", "16:00"))
        session.actual_attendance = 5
        sessions.update_session(session)
    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1344, 390)  # the page's room in the Projets tab at 1366×768
    page.set_project(project.id)
    page.show()
    qtbot.waitExposed(page)
    assert "Per month" in page.totals.text() and " · November\u00a02026:\u00a04\u00a0/\u00a020" in page.totals.text()
    assert page.view.viewport().height() >= 6 * page.view.rowHeight(0)


def test_a_repetition_typed_is_asked_about_and_each_answer_does_what_it_says(window, answers, qtbot, monkeypatch):
    """Seen: « Répéter jusqu'au », « Sauf ces dates » and the period were not unsaved typing: another session
    shown or another tab left them unused without a question (the date was once even emptied). Now they are
    asked about like the rest of the form: Annuler keeps them, Enregistrer creates the series as « Créer les
    séances » does, Ne pas enregistrer puts them back as the page left them."""
    from partnerdesk.ui.tabs.projects import session_commands

    asked_dates = []
    monkeypatch.setattr(session_commands, "ask_existing_dates", lambda parent, dates: asked_dates.append(dates) or "skip")
    page, first, second = _page(window, qtbot)
    assert not page.is_dirty()
    page.last.setText("30/06/2026")  # a series to come, from the session shown
    page.skip.setText("31/03/2026")
    page.recurrence.set_rule("weeks", 2)
    assert page.is_dirty()
    _click_session(qtbot, page, second.id)  # Annuler
    assert answers.asked == ["New sessions"] and _highlighted(page) == [first.id]
    assert (page.last.text(), page.skip.text(), page.recurrence.rule()) == (
        "30/06/2026", "31/03/2026", Recurrence("weeks", 2))
    assert len(sessions.sessions_of(first.project_id)) == 2
    answers.next = "save"
    _click_session(qtbot, page, second.id)
    days = [s.held_on for s in sessions.sessions_of(first.project_id)]
    assert days == [dt.date(2026, 3, 3), dt.date(2026, 3, 10)] + [  # every two weeks from 03/03, 31/03 skipped
        dt.date(2026, 3, 17), dt.date(2026, 4, 14), dt.date(2026, 4, 28), dt.date(2026, 5, 12),
        dt.date(2026, 5, 26), dt.date(2026, 6, 9), dt.date(2026, 6, 23)]
    assert asked_dates == [[dt.date(2026, 3, 3)]]  # the date of the session shown already had one
    assert _highlighted(page) == [second.id] and page.first.text() == "10/03/2026"
    assert (page.last.text(), page.skip.text()) == ("", "") and not page.is_dirty()  # used: the next session
    assert page.recurrence.rule() == Recurrence("weeks", 2)                         # shown clears them
    page.last.setText("30/09/2026")
    page.skip.setText("14/07/2026")
    page.recurrence.set_rule("months", 1)
    answers.next = "discard"
    _click_session(qtbot, page, first.id)
    assert _highlighted(page) == [first.id] and len(sessions.sessions_of(first.project_id)) == 9
    assert (page.last.text(), page.skip.text(), page.recurrence.rule()) == ("", "", Recurrence("weeks", 2))
    assert not page.is_dirty() and len(answers.asked) == 3


def test_a_repetition_typed_is_asked_about_when_leaving_the_tab(window, answers, qtbot):
    from partnerdesk.ui.tabs.meetings.tab import MeetingsTab

    page, first, _second = _page(window, qtbot, click_first=False)
    tab = window.tab_of(ProjectsTab)
    page.last.setText("28/04/2026")  # only the repetition typed
    window.show_tab(window.tab_of(MeetingsTab))  # Annuler
    assert answers.asked == ["New sessions"] and window.current_tab() is tab and page.last.text() == "28/04/2026"
    answers.next = "save"  # no first date: refused with its message, nothing created, nothing lost
    window.show_tab(window.tab_of(MeetingsTab))
    assert window.current_tab() is tab and page.errors.text("held_on") and page.last.text() == "28/04/2026"
    assert len(sessions.sessions_of(first.project_id)) == 2
    page.first.setText("07/04/2026")
    window.show_tab(window.tab_of(MeetingsTab))
    assert [s.held_on for s in sessions.sessions_of(first.project_id)][2:] == [
        dt.date(2026, 4, 7), dt.date(2026, 4, 14), dt.date(2026, 4, 21), dt.date(2026, 4, 28)]
    assert window.current_tab() is not tab and not page.is_dirty()
    window.show_tab(tab)
    page.skip.setText("21/04/2026")
    answers.next = "discard"
    window.show_tab(window.tab_of(MeetingsTab))
    assert window.current_tab() is not tab and page.skip.text() == "" and not page.is_dirty()
    assert len(sessions.sessions_of(first.project_id)) == 6 and len(answers.asked) == 4


def test_every_refusal_of_the_form_is_shown_at_once(window, answers, qtbot):
    """Seen: only the first wrong field got its message (a wrong head count hid a wrong time); now all of
    them, and nothing is written."""
    page, first, _second = _page(window, qtbot)
    page.planned.setText("douze")
    page.end_time.setText("12:00")  # before the start
    qtbot.mouseClick(page.update_button, Qt.MouseButton.LeftButton)
    assert page.errors.text("planned_attendance") == "Enter a number of people (0 or more)."
    assert page.errors.text("end_time") == "The session ends before it starts."
    stored = sessions.get_session(first.id)
    assert (stored.end_time, stored.planned_attendance) == ("16:00", None)
    assert (page.planned.text(), page.end_time.text()) == ("douze", "12:00")
    page.actual.setText("beaucoup")  # the attendance wrong too, saved from the question: all three said
    answers.next = "save"
    _click_session(qtbot, page, _second.id)
    assert page.errors.text("planned_attendance") and page.errors.text("end_time")
    assert page.errors.text("actual_attendance") and _highlighted(page) == [first.id]
    assert sessions.get_session(first.id).actual_attendance is None
    page.first.setText("31/02/2026")  # « Créer les séances » from it: every refusal of the series too
    page.start_time.setText("25:00")
    page.last.setText("bientôt")
    page.skip.setText("un jour")
    qtbot.mouseClick(page.findChild(QPushButton, "createSessions"), Qt.MouseButton.LeftButton)
    for field in ("held_on", "start_time", "planned_attendance", "last", "skip"):
        assert page.errors.text(field), field
    assert len(sessions.sessions_of(first.project_id)) == 2


def test_a_project_without_sessions_says_how_to_create_the_first(window, answers, qtbot):
    project = projects.create_project(ProjectData("Café numérique"))
    tab = window.tab_of(ProjectsTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("project", project.id)
    page = tab.card.sessions
    tab.card.pages.setCurrentWidget(page)
    assert not page.empty.isHidden() and "Create the sessions" in page.empty.text()
    page.first.setText("02/06/2026")
    qtbot.mouseClick(page.findChild(QPushButton, "createSessions"), Qt.MouseButton.LeftButton)
    assert len(sessions.sessions_of(project.id)) == 1 and page.empty.isHidden()
    window.ctx.undo.undo_target().undo()  # Ctrl+Z: none again, and the text with it
    assert sessions.sessions_of(project.id) == [] and not page.empty.isHidden()
