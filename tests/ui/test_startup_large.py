"""On a large data folder the window appears first, then its lists fill (issue #15).

Only what the lists need is generated (the partners step of the demo at 2,000
organisations), and the real background task runner is used. The list queries are held
at a gate until the test has seen the window painted with its "Loading…" placeholders;
a query run on the GUI thread would hold the window back and fail the test.
"""

from __future__ import annotations

import datetime as dt
import random
import threading

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from partnerdesk.services import data, partners, todo
from partnerdesk.services.demo import DemoContext, DemoSize
from partnerdesk.services.demo import partners as partners_step
from partnerdesk.store import database
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.tasks import TaskRunner

ORGANISATIONS = 2000


@pytest.fixture
def large_store(store):
    size = DemoSize("lists", organisations=ORGANISATIONS, people=300, interactions=300, projects=0,
                    project_partners=0)
    with database.atomic():
        partners_step.generate(DemoContext(size, random.Random(15), dt.date(2026, 11, 30), store))
    return store


@pytest.fixture
def gate(monkeypatch):
    """The list queries wait here (at most 20 s) until the test opens the gate."""
    opened = threading.Event()

    def held(fn):
        def wrapper(*args, **kwargs):
            opened.wait(20)
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(partners, "list_organisations", held(partners.list_organisations))
    monkeypatch.setattr(todo, "items", held(todo.items))
    yield opened
    opened.set()


def test_window_appears_before_the_lists_fill_and_they_fill(large_store, gate, qtbot, tmp_path):
    from partnerdesk.ui.main_window import MainWindow

    ctx = AppContext(paths=large_store, tasks=TaskRunner(data.connection_context),
                     settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                     undo_stack=QUndoStack())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    todo_tab = window.current_tab()
    assert todo_tab.placeholder.isVisible() and todo_tab.model.rowCount() == 0
    # "Loading…" sits over the rows, under the headers (a child of the view, not of its viewport)
    qtbot.waitUntil(lambda: todo_tab.placeholder.geometry() == todo_tab.table.viewport().geometry())

    window.show_tab(window.tab(PartnersTab))
    panel = window.tab(PartnersTab).list
    qtbot.wait(50)
    assert window.current_tab() is window.tab(PartnersTab)
    assert panel.placeholders[0].isVisible()
    qtbot.waitUntil(lambda: panel.placeholders[0].geometry() == panel.org_table.viewport().geometry())
    assert panel.org_model.rowCount() == 0 and panel.count_label.text() == "Loading…"

    gate.set()
    qtbot.waitUntil(lambda: panel.org_model.rowCount() == ORGANISATIONS, timeout=30000)
    assert not panel.placeholders[0].isVisible()
    assert panel.count_label.text() == f"{ORGANISATIONS} of {ORGANISATIONS} organisations"
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=30000)
    assert not todo_tab.placeholder.isVisible()
    # The search box filters the loaded rows.
    panel.search_box.setText(panel.org_model.row_at(0).name)
    assert 1 <= panel.org_proxy.rowCount() < ORGANISATIONS
    window.close()
    ctx.tasks.wait(10000)
