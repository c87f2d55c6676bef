"""Séances: attendance typed for a session and not recorded is never replaced silently. Another
session clicked asks (Annuler stays, Enregistrer records it, Ne pas enregistrer drops it);
ticking "Tenue" or "Annulée / rétablie" keeps it on screen. Real clicks, the database checked."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from partnerdesk.domain.projects import ProjectData, SessionData
from partnerdesk.i18n import format_date
from partnerdesk.services import projects, sessions
from partnerdesk.ui.tabs.projects.tab import ProjectsTab


def _page(window, qtbot):
    project = projects.create_project(ProjectData("Ateliers tablette"))
    first = sessions.create_session(SessionData(project.id, dt.date(2026, 3, 3), "14:00", "16:00"))
    second = sessions.create_session(SessionData(project.id, dt.date(2026, 3, 10), "14:00", "16:00"))
    tab = window.tab_of(ProjectsTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("project", project.id)
    page = tab.card.sessions
    tab.card.pages.setCurrentWidget(page)
    _click_session(qtbot, page, first.id)
    return page, first, second


def _click_session(qtbot, page, session_id: int) -> None:
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == session_id)
    rect = page.view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()  # a selection put back after Annuler lands on the next turn


def _click(qtbot, page, name: str) -> None:
    qtbot.mouseClick(page.findChild(object, name), Qt.MouseButton.LeftButton)


def test_another_session_asks_about_typed_attendance(window, answers, qtbot):
    page, first, second = _page(window, qtbot)
    page.actual.setText("12")
    page.participants.setText("Mme Durand, M. Leroy, Mme Benali")
    _click_session(qtbot, page, second.id)
    assert answers.asked == [f"Attendance of the session of {format_date(dt.date(2026, 3, 3))}"]
    assert page.selected_ids() == [first.id] and page.actual.text() == "12"  # Annuler: nothing moved
    assert sessions.get_session(first.id).actual_attendance is None
    answers.next = "save"
    _click_session(qtbot, page, second.id)
    stored = sessions.get_session(first.id)
    assert (stored.actual_attendance, stored.participants) == (12, ["Mme Durand", "M. Leroy", "Mme Benali"])
    assert page.selected_ids() == [second.id] and (page.actual.text(), page.participants.text()) == ("", "")
    page.actual.setText("7")
    answers.next = "discard"
    _click_session(qtbot, page, first.id)
    assert sessions.get_session(second.id).actual_attendance is None
    assert page.selected_ids() == [first.id] and page.actual.text() == "12"
    assert len(answers.asked) == 3


def test_bad_attendance_saved_from_the_question_stays_on_the_session(window, answers, qtbot):
    page, first, second = _page(window, qtbot)
    page.actual.setText("douze")
    answers.next = "save"
    _click_session(qtbot, page, second.id)
    assert page.errors.text("actual_attendance") and page.actual.text() == "douze"
    assert page.selected_ids() == [first.id] and sessions.get_session(first.id).actual_attendance is None


def test_ticking_held_or_cancelled_keeps_typed_attendance(window, answers, qtbot):
    page, first, _second = _page(window, qtbot)
    page.actual.setText("12")
    page.participants.setText("Mme Durand, M. Leroy")
    page.held.click()  # the box, as clicked (its middle may be past the label)
    assert sessions.get_session(first.id).marked_held and page.selected_ids() == [first.id]
    assert (page.actual.text(), page.participants.text()) == ("12", "Mme Durand, M. Leroy")
    _click(qtbot, page, "toggleSessionCancelled")
    assert sessions.get_session(first.id).cancelled and page.actual.text() == "12"
    _click(qtbot, page, "toggleSessionCancelled")
    assert page.is_dirty() and answers.asked == []
    _click(qtbot, page, "recordAttendance")
    stored = sessions.get_session(first.id)
    assert (stored.actual_attendance, stored.participants, stored.marked_held) == (12, ["Mme Durand", "M. Leroy"], True)
    assert not page.is_dirty() and page.actual.text() == "12"


@pytest.mark.parametrize("typed, message", [("²", "Enter a number of people (0 or more)."),
                                            ("99999999999999999999999", "Too large: 100,000 people at most.")])
def test_a_strange_head_count_is_a_message_not_a_crash(qtbot, typed, message):
    """Seen in the second pass: « ² » raised ValueError, a 23-digit number OverflowError."""
    from PySide6.QtWidgets import QLineEdit

    from partnerdesk.ui.tabs.projects.fields import FieldError, read_int

    edit = QLineEdit(typed)
    qtbot.addWidget(edit)
    with pytest.raises(FieldError) as refused:
        read_int(edit, "actual_attendance")
    assert (refused.value.field, str(refused.value)) == ("actual_attendance", message)
