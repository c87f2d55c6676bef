"""À faire: first tab, lines from every source, open, done, postpone."""

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import MilestoneData, ProjectData, SessionData
from partnerdesk.services import partners, projects, sessions, todo
from partnerdesk.store.models import Interaction, InteractionOrganisation, Milestone
from partnerdesk.ui.tabs.projects.tab import ProjectsTab
from partnerdesk.ui.tabs.todo.tab import TodoTab


def _data(today):
    org = partners.create_organisation(OrganisationData("Club des aînés", status="actif", contact_cadence_days=30))
    p = projects.create_project(ProjectData("Café numérique"))
    m = projects.add_milestone(MilestoneData(p.id, "Réunion de bilan", today))
    s = sessions.create_session(SessionData(p.id, _next_week(today), "14:00", "16:00"))
    contact = Interaction.create(kind="appel", occurred_on=today - dt.timedelta(days=60), created_at=dt.datetime.now())
    InteractionOrganisation.create(interaction=contact, organisation=org.id)
    return org, p, m, s


def _next_week(today):
    return today + dt.timedelta(days=7 - today.weekday() + 1)  # Tuesday of next week


def test_todo_is_the_first_tab_and_opens_what_it_is_about(ctx, window, qtbot):
    today = dt.date.today()
    org, p, m, s = _data(today)
    window.ctx.signals.data_changed.emit("*")
    assert window.tabs.widget(0) is window.tab_of(TodoTab) and window.tabs.currentIndex() == 0
    tab = window.tab_of(TodoTab)
    keys = [i.key for i in tab.model.rows()]
    assert f"milestone:{m.id}" in keys and f"session:{s.id}" in keys and keys[0].startswith("cadence:")
    assert tab.select_key(f"milestone:{m.id}")
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    projects_tab = window.tab_of(ProjectsTab)
    assert window.tabs.currentWidget() is projects_tab
    assert projects_tab.card.project_id == p.id
    card = projects_tab.card
    assert card.pages.currentWidget() is card.milestones
    assert card.milestones.milestone_view.selectionModel().selectedRows()[0].row() == 0
    window.show_tab(tab)
    assert tab.select_key(f"session:{s.id}")
    tab.open_selected()
    assert card.pages.currentWidget() is card.sessions
    selected = card.sessions.view.selectionModel().selectedRows()
    assert card.sessions.model.row_at(selected[0].row()).id == s.id


def test_done_and_postpone_from_the_tab(ctx, qtbot):
    today = dt.date(2026, 11, 18)
    org, p, m, s = _data(today)
    tab = TodoTab(ctx, today=today)
    ctx.signals.data_changed.connect(tab.on_data_changed)
    qtbot.addWidget(tab)
    assert tab.summary.text() == "1 overdue · 1 this week · 1 next week"
    tab.when.setCurrentIndex(3)  # next week only
    assert [i.key for i in tab.model.rows()] == [f"session:{s.id}"]
    tab.when.setCurrentIndex(0)
    tab.select_key(f"milestone:{m.id}")
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert Milestone.get_by_id(m.id).status == "fait"
    assert f"milestone:{m.id}" not in [i.key for i in tab.model.rows()]
    tab.select_key(f"session:{s.id}")
    tab.postpone_selected(today + dt.timedelta(days=30))
    assert f"session:{s.id}" not in [i.key for i in tab.model.rows()]
    assert tab.summary.text() == "1 overdue · 0 this week · 0 next week"


def test_empty_state(ctx, qtbot):
    tab = TodoTab(ctx)
    qtbot.addWidget(tab)
    assert tab.stack.currentWidget() is tab.empty


def test_todo_model(qtmodeltester, ctx):
    from partnerdesk.ui.models.projects import TodoTableModel

    _data(dt.date.today())
    model = TodoTableModel()
    model.set_rows(todo.items())
    qtmodeltester.check(model)


def test_lines_come_in_date_order_and_a_header_click_sorts_them(ctx, qtbot):
    """The model sorts itself (in the worker at each refresh): the same order the proxy gave."""
    today = dt.date(2026, 11, 18)
    _data(today)
    tab = TodoTab(ctx, today=today)
    qtbot.addWidget(tab)
    tab.resize(1000, 500)
    tab.show()
    dates = [item.due_on for item in tab.model.rows()]
    assert dates == sorted(dates) and len(dates) == 3
    header = tab.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,  # the user clicks "Date": newest first
                     pos=QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2))
    dates = [tab.model.row_at(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).due_on
             for r in range(tab.proxy.rowCount())]
    assert dates == sorted(dates, reverse=True)
    tab.refresh()  # a refresh keeps the user's order
    assert [item.due_on for item in tab.model.rows()] == sorted(dates, reverse=True)
    tab.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by "What", the text folded
    whats = [item.title.casefold() for item in tab.model.rows()]
    assert whats == sorted(whats)
