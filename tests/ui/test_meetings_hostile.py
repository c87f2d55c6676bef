"""Rencontres under a hurried hand: steps and buttons that reach the meeting being typed from another
side (redo of its deletion, « Nouveau comité » from a project). Real clicks and keys, the database checked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import meetings, projects
from tests.ui.test_meetings_unsaved import _click_meeting, _highlighted, _tab


def test_redo_of_the_deletion_is_refused_while_the_meeting_has_typing(window, answers, qtbot, monkeypatch):
    """Seen in the hostile pass: meeting A deleted, brought back by Ctrl+Z, typed in, then Ctrl+Shift+Z
    deleted it again under the typing, which could then never be saved (« This meeting no longer exists »)."""
    window.show()  # shortcuts act in a shown window
    qtbot.waitExposed(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    said: list[str] = []
    window.ctx.signals.status_message.connect(said.append)
    tab, a, b = _tab(window)
    _click_meeting(qtbot, tab, a.id)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert meetings.get_meeting(a.id) is None
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert meetings.get_meeting(a.id) is not None
    _click_meeting(qtbot, tab, a.id)
    tab.details.place.setText("Médiathèque")
    window.undo_menu.redo_action.trigger()  # Édition → Rétablir
    assert meetings.get_meeting(a.id) is not None, "deleted under the typing"
    assert said and "Comité A" in said[-1] and "not saved" in said[-1]
    assert tab.meeting.id == a.id and tab.details.place.text() == "Médiathèque" and _highlighted(tab) == [a.id]
    answers.next = "save"
    _click_meeting(qtbot, tab, b.id)
    assert meetings.get_meeting(a.id).place == "Médiathèque" and tab.meeting.id == b.id
    _click_meeting(qtbot, tab, a.id)  # nothing typed any more: the redo deletes it
    window.undo_menu.redo_action.trigger()  # Édition → Rétablir
    assert meetings.get_meeting(a.id) is None and tab.model.row_of(a.id) < 0


def test_a_300_character_title_leaves_the_pages_their_room_at_1366x768(window, answers, qtbot):
    """Seen in the hostile pass: a title of 300 characters (the most a meeting takes) wrote a heading of
    five lines, and the agenda, the minutes and the invitees had a few lines left."""
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    tab, a, _b = _tab(window)
    title = ("Comité de pilotage du programme d'inclusion numérique des seniors du quartier avec les "
             "partenaires associatifs ") * 3
    title = title[:300].strip()
    _click_meeting(qtbot, tab, a.id)
    tab.details.title.setText(title)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert meetings.get_meeting(a.id).title == title
    QApplication.processEvents()
    heading = tab.heading
    assert heading.height() <= 2 * heading.fontMetrics().lineSpacing() + 8, heading.height()
    assert heading.text().endswith("— 10/11/2026") or heading.text().endswith("— 10 Nov 2026")
    assert "…" in heading.text() and heading.toolTip().startswith(title)
    tab.details.title.setText("Comité A")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert "…" not in heading.text() and heading.text().startswith("Comité A — ")
