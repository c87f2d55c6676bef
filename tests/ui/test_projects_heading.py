"""The project card's heading at 1366×768: a long title is cut with « … », and the buttons beside it
stay whole."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import projects
from partnerdesk.ui.tabs.projects.tab import ProjectsTab


def test_a_200_character_title_is_cut_with_an_ellipsis_and_the_buttons_stay_whole(window, qtbot):
    """Seen in the hostile pass: a title of 200 characters (the most a project takes) ran under the
    « Nouveau comité » and « Exporter en PDF » buttons, cut mid-word, and pushed the export button past
    the window's edge."""
    title = ("Ateliers numériques intergénérationnels pour les seniors et les familles du quartier nord " * 3)
    title = title[:200].strip()
    project = projects.create_project(ProjectData(title, status="en_cours"))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    tab = window.tab_of(ProjectsTab)
    window.show_tab(tab)
    tab.open_item("project", project.id)
    QApplication.processEvents()
    card = tab.card
    heading = card.heading
    assert "…" in heading.text() and heading.toolTip().startswith(title)
    qtbot.waitUntil(lambda: heading.height() <= heading.fontMetrics().lineSpacing() + 8)  # once laid out again
    assert heading.text().endswith("… · Under way")
    for button in (card.committee_button, card.export_button):
        right = button.mapTo(window, QPoint(button.width(), 0)).x()
        assert right <= window.width(), (button.objectName(), right)
        assert button.width() >= button.sizeHint().width(), button.objectName()
    left = heading.mapTo(window, QPoint(heading.width(), 0)).x()
    assert left <= card.committee_button.mapTo(window, QPoint(0, 0)).x()
