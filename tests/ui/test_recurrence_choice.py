"""The recurrence choice on the Séances and Jalons pages: every N weeks or months, month ends kept,
a milestone series changed from one milestone on."""

import datetime as dt

from PySide6.QtCore import Qt

from partnerdesk import i18n
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import projects, sessions
from partnerdesk.ui.tabs.projects.milestones_page import MilestonesPage
from partnerdesk.ui.tabs.projects.sessions_page import SessionsPage

D = dt.date


def test_sessions_every_month_keep_the_month_end(ctx, qtbot):
    project = projects.create_project(ProjectData("Café numérique"))
    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    page.set_project(project.id)
    page.first.setText("31/01/2026")
    page.last.setText("30/06/2026")
    page.recurrence.set_rule("months", 1)
    page.skip.setText("31/03/2026")
    qtbot.mouseClick(page.findChild(object, "createSessions"), Qt.MouseButton.LeftButton)
    assert [s.held_on for s in sessions.sessions_of(project.id)] == [
        D(2026, 1, 31), D(2026, 2, 28), D(2026, 4, 30), D(2026, 5, 31), D(2026, 6, 30)]
    # every three weeks
    page.first.setText("07/09/2026")
    page.last.setText("19/10/2026")
    page.skip.setText("")
    page.recurrence.set_rule("weeks", 3)
    assert page.create_sessions()
    assert [s.held_on for s in sessions.sessions_of(project.id)][5:] == [D(2026, 9, 7), D(2026, 9, 28),
                                                                         D(2026, 10, 19)]


def test_unit_names_follow_the_count_in_french(ctx, qtbot):
    i18n.set_language("fr")
    from partnerdesk.ui.widgets.recurrence import RecurrenceChooser

    chooser = RecurrenceChooser()
    qtbot.addWidget(chooser)
    assert [chooser.unit.itemText(i) for i in range(2)] == ["semaine", "mois"]
    chooser.every.setValue(2)
    assert [chooser.unit.itemText(i) for i in range(2)] == ["semaines", "mois"]


def test_repeated_milestones_and_the_following_ones(ctx, qtbot):
    project = projects.create_project(ProjectData("Programme"))
    page = MilestonesPage(ctx)
    qtbot.addWidget(page)
    page.set_project(project.id)
    page.title.setText("Point d'étape")
    page.due.setText("31/01/2026")
    page.repeat.setChecked(True)
    page.recurrence.set_rule("months", 2)
    page.until.setText("")
    assert not page.add_milestone() and page.errors.text("last")  # the end is required
    assert page.title.text() == "Point d'étape" and projects.milestones_of(project.id) == []
    page.until.setText("31/12/2026")
    assert page.add_milestone()
    made = projects.milestones_of(project.id)
    assert [m.due_on for m in made] == [D(2026, 1, 31), D(2026, 3, 31), D(2026, 5, 31), D(2026, 7, 31),
                                        D(2026, 9, 30), D(2026, 11, 30)]
    page.milestone_view.selectRow(3)
    page.title.setText("Comité")
    page.due.setText("15/07/2026")
    qtbot.mouseClick(page.findChild(object, "milestoneFollowing"), Qt.MouseButton.LeftButton)
    after = projects.milestones_of(project.id)
    assert [(m.title, m.due_on) for m in after][2:] == [("Point d'étape", D(2026, 5, 31)),
                                                        ("Comité", D(2026, 7, 15)), ("Comité", D(2026, 9, 15)),
                                                        ("Comité", D(2026, 11, 15))]
