"""Conventions consistent: the list and the editor always show the same convention (even after
"Enregistrer" on a switch), the signing date is locked once signed, an amendment is a draft of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerdesk.domain.conventions import CircuitStep
from partnerdesk.services import conventions
from partnerdesk.ui.models.roles import IdRole
from partnerdesk.ui.tabs.conventions.tab import ConventionsTab
from partnerdesk.ui.tabs.partners import prompts
from tests.conventions_helpers import make_convention


@pytest.fixture
def tab(ctx, qtbot):
    widget = ConventionsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    return widget


def _row_of(tab, convention_id):
    for row in range(tab.proxy.rowCount()):
        if tab.proxy.index(row, 0).data(IdRole) == convention_id:
            return tab.proxy.index(row, 0)
    raise AssertionError(convention_id)


def test_save_on_a_switch_keeps_list_and_editor_on_the_same_convention(tab, monkeypatch):
    first = make_convention()
    second = conventions.create_convention("Autre convention", [])
    tab.refresh()
    tab.select(first.id)
    tab.editor.title.setText("Z — renamed, sorts last now")
    tab.editor.title.textEdited.emit(tab.editor.title.text())  # typed by the user
    assert tab.editor.is_dirty()
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: "save")
    tab.table.setCurrentIndex(_row_of(tab, second.id))  # the user clicks the other convention
    assert conventions.get_convention(first.id).title == "Z — renamed, sorts last now"
    assert tab.editor.conv.id == second.id
    assert tab.table.currentIndex().data(IdRole) == second.id
    assert [i.data(IdRole) for i in tab.table.selectionModel().selectedRows()] == [second.id]


def test_signing_date_locked_once_signed_and_amendment_is_its_own_draft(tab):
    conv = make_convention()
    conventions.set_steps(conv.id, [CircuitStep("Direction", status="valide")])
    conventions.set_status(conv.id, "en_validation")
    conventions.set_status(conv.id, "signee")
    tab.refresh()
    tab.select(conv.id)
    editor = tab.editor
    assert not editor.signed.isEnabled() and "amendment" in editor.signed.toolTip()
    editor.signed.setText("01/01/2027")
    assert editor._save_if_needed()  # what runs before a status change: the date is not touched
    stored = conventions.get_convention(conv.id)
    assert stored.signed_on == dt.date(2025, 12, 15) and stored.status == "signee"
    editor.amend("deux séances de plus")
    draft = editor.conv
    assert draft.amends_id == conv.id and draft.status == "brouillon" and draft.signed_on is None
    assert editor.signed.isEnabled() and "stays in force" in editor.status.text()
    kept = conventions.get_convention(conv.id)
    assert (kept.status, kept.signed_on) == ("signee", dt.date(2025, 12, 15))
    statuses = {r.id: r.status for r in conventions.list_conventions()}
    assert statuses == {conv.id: "signee", draft.id: "brouillon"}
    assert tab.table.currentIndex().data(IdRole) == draft.id
