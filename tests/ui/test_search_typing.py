"""Typing in the real Partenaires search box, key by key (accents as key events carrying the
text: DESIGN pitfall 8), and checking the rows shown against the database at every key; the
open card, the selection and the unsaved-changes question through filtering and reloads."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.text import normalize
from partnerdesk.services import partners
from partnerdesk.store.models import Affiliation, Organisation, Person
from partnerdesk.ui.models.roles import IdRole
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab

TOKEN = re.compile(r"[^\W_]+")


class Answers:
    def __init__(self):
        self.asked: list[str] = []
        self.next = "cancel"

    def __call__(self, parent, name):
        self.asked.append(name)
        return self.next


@pytest.fixture
def answers(monkeypatch):
    answers = Answers()
    monkeypatch.setattr(prompts, "ask_unsaved", answers)
    return answers


@pytest.fixture
def tab(window, answers):
    from partnerdesk.services import demo

    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    demo.fill("small", paths=tab.ctx.paths)
    tab.refresh()
    return tab


def type_text(widget, text: str) -> None:
    """One key press and release per character, each carrying its text."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def backspace(widget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier))


def matches(prefix: str, *texts) -> bool:
    """The search's rule for one word, worked out here without the index: a word of the
    card's text starts with it, case, accents and ligatures ignored."""
    words = TOKEN.findall(normalize(" ".join(str(t or "") for t in texts).replace("œ", "oe").replace("Œ", "OE")))
    return any(word.startswith(prefix) for word in words)


def expected_ids(prefix: str) -> set[int]:
    prefix = normalize(prefix)
    ids = {o.id for o in Organisation.select().where(Organisation.deleted_at.is_null())
           if matches(prefix, o.name, o.city, o.postcode, o.email, o.website, o.notes)}
    people = {p.id for p in Person.select().where(Person.deleted_at.is_null())
              if matches(prefix, p.first_name, p.last_name, " ".join(p.emails or []), p.notes)}
    alive = {o.id for o in Organisation.select(Organisation.id).where(Organisation.deleted_at.is_null())}
    ids |= {a.organisation_id for a in Affiliation.select().where(Affiliation.end_date.is_null(),
                                                                   Affiliation.person.in_(people))
            if a.organisation_id in alive}
    return ids


def shown_ids(tab) -> list[int]:
    proxy = tab.list.org_proxy
    return [proxy.index(r, 0).data(IdRole) for r in range(proxy.rowCount())]


def shown_names(tab) -> list[str]:
    proxy = tab.list.org_proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def in_list_order(ids) -> list[str]:
    names = {o.id: o.name for o in Organisation.select().where(Organisation.id.in_(list(ids)))}
    return sorted((names[i] for i in ids), key=normalize)


@pytest.mark.parametrize("word", ["école", "Hél", "MÉDIAth", "Mais"])
def test_each_key_shows_the_cards_matching_in_the_database(tab, word):
    box = tab.list.search_box
    box.setFocus()
    total = Organisation.select().where(Organisation.deleted_at.is_null()).count()
    for n in range(1, len(word) + 1):
        type_text(box, word[n - 1])
        assert box.text() == word[:n]
        wanted = expected_ids(word[:n])
        assert set(shown_ids(tab)) == wanted, word[:n]
        assert shown_names(tab) == in_list_order(wanted)  # same order as the full list: by name
        assert tab.list.count_label.text().startswith(f"{len(wanted)} of {total} organisation")
    assert 0 < len(expected_ids(word)) < total
    for _ in word:
        backspace(box)
    assert box.text() == "" and len(shown_ids(tab)) == total


def test_the_open_card_and_selection_survive_filtering(tab, qtbot, answers):
    lst = tab.list
    names = shown_names(tab)
    school = next(i for i, name in zip(shown_ids(tab), names) if normalize(name).startswith("ecole"))
    tab.open_item("organisation", school)
    assert lst.current() == ("organisation", school)
    type_text(lst.search_box, "ecol")
    assert lst.current() == ("organisation", school)  # still shown, still current and selected
    assert [i.data(IdRole) for i in lst.org_table.selectionModel().selectedRows()] == [school]
    type_text(lst.search_box, "zzz")  # hides it: the card stays open, no other card opens
    assert lst.org_proxy.rowCount() == 0
    assert tab.current_card() is tab.org_card and tab.org_card.item_id == school
    assert answers.asked == []
    lst.search_box.clear()
    assert tab.org_card.item_id == school


def test_choosing_a_row_of_the_filtered_list_still_asks_about_unsaved_changes(tab, qtbot, answers):
    lst = tab.list
    first, second = shown_ids(tab)[:2]
    tab.open_item("organisation", first)
    tab.org_card.name.setText(tab.org_card.name.text() + " (modifié)")
    assert tab.org_card.is_dirty()
    type_text(lst.search_box, "e")
    row = lst.org_proxy.row_of(second)
    assert row >= 0
    lst.org_table.selectionModel().setCurrentIndex(
        lst.org_proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert len(answers.asked) == 1  # "cancel": the card stays, with what was typed
    assert tab.org_card.item_id == first and tab.org_card.name.text().endswith(" (modifié)")


def test_a_reload_keeps_the_filter_selection_and_scroll(tab, qtbot):
    lst = tab.list
    type_text(lst.search_box, "e")
    ids = shown_ids(tab)
    assert len(ids) > 3
    target = ids[3]
    tab.open_item("organisation", target)
    resets = []
    lst.org_proxy.modelAboutToBeReset.connect(lambda: resets.append(True))
    # Another area writes a new card and a new name: the list reloads in place.
    renamed = partners.get_organisation(ids[0])
    renamed.name = "Zèbre école"  # from the top of the list to the bottom
    partners.update_organisation(renamed)
    partners.create_organisation(OrganisationData(name="École toute neuve"))
    tab.refresh()
    assert resets == []
    assert set(shown_ids(tab)) == expected_ids("e")
    assert shown_names(tab) == in_list_order(expected_ids("e"))
    assert shown_ids(tab)[-1] == ids[0] and "École toute neuve" in shown_names(tab)
    assert lst.current() == ("organisation", target)
    assert [i.data(IdRole) for i in lst.org_table.selectionModel().selectedRows()] == [target]


def test_the_loaded_rows_are_kept_out_of_the_collector(window):
    """A full collection walking 10,000 rows froze the window ~50 ms while the next list loaded."""
    import gc

    gc.unfreeze()
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    partners.create_organisation(OrganisationData(name="Maison des associations"))
    tab.refresh()
    try:
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
