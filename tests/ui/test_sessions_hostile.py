"""Séances under a hurried hand: « Enregistrer » with part of the typing wrong writes nothing of it.
Real clicks, the database checked."""

from __future__ import annotations

from partnerdesk.services import sessions
from tests.ui.test_sessions_form import _click_session, _highlighted, _page


def test_enregistrer_with_a_bad_head_count_writes_nothing_of_the_form(window, answers, qtbot):
    """Seen in the hostile pass: a place typed and « abc » as the head count, then another session and
    « Enregistrer »: the place was written, the head count refused; « Ne pas enregistrer » afterwards
    left the place changed in the database though the user had taken the typing back."""
    page, first, second = _page(window, qtbot)
    page.place.setText("Médiathèque")
    page.actual.setText("abc")
    answers.next = "save"
    _click_session(qtbot, page, second.id)
    assert page.errors.text("actual_attendance") and _highlighted(page) == [first.id]
    assert (page.place.text(), page.actual.text()) == ("Médiathèque", "abc")
    stored = sessions.get_session(first.id)
    assert (stored.place, stored.actual_attendance) == ("EPN", None), "half-written"
    answers.next = "discard"
    _click_session(qtbot, page, second.id)
    stored = sessions.get_session(first.id)
    assert (stored.place, stored.actual_attendance) == ("EPN", None) and _highlighted(page) == [second.id]
    _click_session(qtbot, page, first.id)
    page.place.setText("Médiathèque")
    page.actual.setText("9")
    answers.next = "save"
    _click_session(qtbot, page, second.id)
    stored = sessions.get_session(first.id)
    assert (stored.place, stored.actual_attendance) == ("Médiathèque", 9) and _highlighted(page) == [second.id]
    assert len(answers.asked) == 3
