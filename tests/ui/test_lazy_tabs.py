"""Tabs built on first show, reached through `window.tab(cls)`, refreshed when shown."""

from __future__ import annotations

import pytest

from partnerdesk.services import conventions as conventions_service
from partnerdesk.ui.tabs.conventions.tab import ConventionsTab
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.tabs.projects.tab import ProjectsTab
from partnerdesk.ui.tabs.todo.tab import TodoTab
from partnerdesk.ui.tabs.trombinoscope.tab import TrombinoscopeTab


def _built(window):
    return [type(t) for t in window.tab_list]


@pytest.fixture
def window(ctx, qtbot):
    """A data folder in use: the window starts on its tabs (an empty one on the welcome page)."""
    from partnerdesk.domain.partners import OrganisationData
    from partnerdesk.services import partners
    from partnerdesk.ui.main_window import MainWindow

    partners.create_organisation(OrganisationData(name="Mairie"))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def empty_window(ctx, qtbot):
    from partnerdesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def test_only_the_first_tab_is_built_at_start(window):
    assert window.pages.currentWidget() is window.tabs
    assert _built(window) == [TodoTab]
    assert window.tabs.count() == 6
    assert window.tabs.currentWidget() is window.tab_list[0]
    titles = [window.tabs.tabText(i) for i in range(6)]
    assert titles == ["To do", "Partners", "Projects", "Conventions", "Trombinoscope", "Meetings"]
    # The View menu lists every tab, built or not.
    assert [a.text() for a in window.view_menu.actions()][:6] == titles


def test_the_welcome_page_builds_no_tab_until_the_tabs_are_shown(empty_window, qtbot):
    """An empty data folder starts on the welcome page: "À faire" waits until it is left."""
    window = empty_window
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    assert window.pages.currentWidget() is window.welcome
    assert _built(window) == []
    qtbot.mouseClick(window.welcome.findChild(QPushButton, "welcome_skip"), Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.tabs
    assert _built(window) == [TodoTab]
    assert window.current_tab() is window.tab_list[0]
    assert window.ctx.undo.group.activeStack() is window.tab_list[0].undo_stack


def test_first_show_builds_the_tab_in_place(window, qtbot):
    window.tabs.setCurrentIndex(2)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, ProjectsTab)
    assert window.tabs.indexOf(tab) == 2 and window.tabs.tabText(2) == "Projects"
    assert _built(window) == [TodoTab, ProjectsTab]
    assert window.current_tab() is tab
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(2)
    assert window.tabs.currentWidget() is tab  # built once


def test_accessor_builds_without_switching(window):
    tab = window.tab(TrombinoscopeTab)
    assert isinstance(tab, TrombinoscopeTab)
    assert window.tabs.currentIndex() == 0
    assert window.tab(TrombinoscopeTab) is tab
    assert window.tabs.widget(4) is tab


def test_hidden_tab_catches_up_when_shown(window, monkeypatch):
    partners = window.tab(PartnersTab)
    calls = []
    monkeypatch.setattr(partners, "refresh", lambda: calls.append("refresh"))
    window.ctx.signals.data_changed.emit("organisations")
    window.ctx.signals.data_changed.emit("people")
    assert calls == []  # hidden: nothing to redraw yet
    window.show_tab(partners)
    assert calls == ["refresh", "refresh"]
    window.ctx.signals.data_changed.emit("organisations")
    assert calls == ["refresh"] * 3  # on show: at once


def test_accessor_catches_up_too(window, monkeypatch):
    partners = window.tab(PartnersTab)
    calls = []
    monkeypatch.setattr(partners, "refresh", lambda: calls.append("refresh"))
    window.ctx.signals.data_changed.emit("*")
    window.ctx.signals.data_changed.emit("organisations")
    assert window.tab(PartnersTab) is partners and calls == ["refresh"]  # "*" covers the rest


def test_open_item_builds_only_the_tab_that_opens_the_kind(window, monkeypatch):
    opened = []
    monkeypatch.setattr(ConventionsTab, "open_item", lambda self, kind, item_id: opened.append((kind, item_id))
                        or kind == "convention")
    window.open_item("convention", 7)
    assert opened == [("convention", 7)]
    assert _built(window) == [TodoTab, ConventionsTab]
    assert isinstance(window.current_tab(), ConventionsTab)
    assert conventions_service  # the real service stays untouched


def test_hooks_reach_tabs_built_later(window):
    seen = []
    window.for_each_tab(lambda tab: seen.append(type(tab)))
    assert seen == [TodoTab]
    window.tab(PartnersTab)
    assert seen == [TodoTab, PartnersTab]
    # The RGPD actions of the data menu were added to the person card built just now.
    names = [a.objectName() for a in window.tab(PartnersTab).person_card.more_menu.actions()]
    assert "personRgpdExport" in names and "personRgpdErase" in names


def test_a_first_run_counts_no_card_until_the_data_changes(empty_window, qtbot):
    from partnerdesk.domain.partners import PersonData
    from partnerdesk.services import partners

    counted = []
    banner = empty_window.review_banner
    banner._counted = lambda count: counted.append(count)  # the welcome page asked nothing
    assert counted == []
    partners.create_person(PersonData("Faure", "Zoé"))
    empty_window.ctx.signals.data_changed.emit("people")
    assert len(counted) == 1  # counted now (a card just made counts as checked: 0 due)
