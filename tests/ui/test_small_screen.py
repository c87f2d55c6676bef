"""Layouts for a 1366×768 laptop: the list takes the width while no card is open, the
follow-up colour next to the name, splitters that never collapse, a board that grows and
scrolls to the selected card, unclipped accented tab labels."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QProxyStyle, QSplitter, QStyle, QTabBar, QTabWidget

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData, Stage
from partnerdesk.services import partners, projects
from partnerdesk.ui.models.organisations import COL_NAME, OrganisationTableModel
from partnerdesk.ui.style import ComfortStyle, comfort_tabs
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.tabs.projects.tab import ProjectsTab


def test_partner_list_takes_the_width_until_a_card_opens(ctx, qtbot):
    org = partners.create_organisation(OrganisationData(name="Mairie"))
    tab = PartnersTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.list.isVisible())
    assert not tab.cards.isVisible()
    assert tab.list.width() > 1300
    tab.open_item("organisation", org.id)
    qtbot.waitUntil(lambda: tab.cards.isVisible())
    assert tab.list.width() >= 360 and tab.cards.width() >= 420
    tab.delete_cards("organisation", [org.id])  # the card closes: the list gets the width back
    assert not tab.cards.isVisible()


def test_splitters_never_collapse(ctx, qtbot):
    tab = PartnersTab(ctx)
    qtbot.addWidget(tab)
    projects_tab = ProjectsTab(ctx)
    qtbot.addWidget(projects_tab)
    qtbot.waitUntil(projects_tab.fully_built)  # the card's pages follow the list (issue #20)
    splitters = tab.findChildren(QSplitter) + projects_tab.findChildren(QSplitter)
    assert len(splitters) >= 3
    for splitter in splitters:
        assert not splitter.childrenCollapsible()
    tab.splitter.setSizes([3, 2000])
    assert tab.list.minimumWidth() >= 360


def test_follow_up_colour_next_to_the_name(store, qapp):
    old = dt.date.today() - dt.timedelta(days=400)
    org = partners.create_organisation(OrganisationData(name="CCAS", contact_cadence_days=30))
    from partnerdesk.services import journal

    journal.log_interaction("appel", old, "Premier appel", [org.id], [])
    partners.create_organisation(OrganisationData(name="Mairie"))
    model = OrganisationTableModel()
    model.set_rows(partners.list_organisations())
    icons = {model.index(r, COL_NAME).data(): model.index(r, COL_NAME).data(Qt.ItemDataRole.DecorationRole)
             for r in range(model.rowCount())}
    assert isinstance(icons["CCAS"], QIcon) and icons["Mairie"] is None
    row = [model.index(r, COL_NAME).data() for r in range(model.rowCount())].index("CCAS")
    assert "overdue" in model.index(row, COL_NAME).data(Qt.ItemDataRole.ToolTipRole)


def _projects_tab(ctx, qtbot, partners_count=0):
    project = projects.create_project(ProjectData("Atelier tablettes"))
    stages = list(Stage)
    for n in range(partners_count):
        org = partners.create_organisation(OrganisationData(name=f"Structure {n}"))
        projects.add_partner(project.id, org.id, stage=stages[n % len(stages)].value)
    tab = ProjectsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1366, 640)
    tab.show()
    return tab, project


def test_new_project_then_click_the_project_shows_it(ctx, qtbot):
    tab, project = _projects_tab(ctx, qtbot)
    index = tab.proxy.index(0, 0)
    tab.table.setCurrentIndex(index)
    assert tab.card.project_id == project.id
    tab.new_item()
    assert tab.card.project_id is None
    rect = tab.table.visualRect(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.card.project_id == project.id
    assert tab.card.form.title.text() == "Atelier tablettes"


def test_board_full_height_and_scroll_to_the_selected_card(ctx, qtbot):
    tab, project = _projects_tab(ctx, qtbot, partners_count=len(Stage))
    tab.show_project(project.id)
    page = tab.card.partners
    tab.card.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.board.isVisible())
    assert page.board.height() >= 200  # the splitter keeps the board readable
    before = page.board.height()
    qtbot.mouseClick(page.full_height, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.list_pane.isVisible())
    assert not page.details.isVisible()
    qtbot.waitUntil(lambda: page.board.height() > before + 150)
    tab.card.pages.setCurrentWidget(tab.card.form)  # leaving the page gives the list back
    assert not page.full_height.isChecked() and tab.list_pane.isVisible()

    tab.card.pages.setCurrentWidget(page)
    last = [c for c in projects.list_cards(project.id) if c.stage == list(Stage)[-1].value][0]
    bar = page.board.scroll.horizontalScrollBar()
    bar.setValue(0)
    assert page.board.select_card(last.id)
    assert bar.value() > 0
    column = page.board.columns[last.stage]
    viewport = page.board.scroll.viewport()
    left = column.mapTo(viewport, column.rect().topLeft()).x()
    assert 0 <= left and left + column.width() <= viewport.width()


def test_accented_tab_labels_are_not_shifted(qapp, qtbot):
    style = ComfortStyle()
    assert style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabShiftVertical) == 0
    tabs = comfort_tabs(QTabWidget())
    qtbot.addWidget(tabs)
    tabs.addTab(QTabWidget(), "Partenaires")
    tabs.addTab(QTabWidget(), "À faire")
    assert tabs.tabBar().style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabShiftVertical) == 0


def test_the_comfort_style_is_on_tabs_only(window, qtbot):
    """Every tab bar of the window has it; the application keeps the platform's style in C++ (a
    Python style answers every widget's metrics and drawing through Python: slower lists).
    The main tabs get it once the window is painted, with "À faire" (the one accented label)
    selected until then."""
    from partnerdesk.app import make_application

    assert make_application() is QApplication.instance()
    assert not isinstance(QApplication.instance().style(), QProxyStyle)
    assert not isinstance(window.tabs.tabBar().style(), ComfortStyle)
    assert window.tabs.currentIndex() == 0 and window.tabs.tabText(0).startswith("To do")
    from partnerdesk import i18n
    from partnerdesk.ui.tabs import conventions, meetings, partners, projects, trombinoscope

    french = i18n.load_catalog("fr")
    others = [french.get(m.TITLE, m.TITLE) for m in (partners, projects, conventions, trombinoscope, meetings)]
    assert len(others) == window.tabs.count() - 1
    assert not [title for title in others if title[0] in "ÀÂÉÈÊÎÔÛÇ"]
    window.show()
    qtbot.waitUntil(lambda: isinstance(window.tabs.tabBar().style(), ComfortStyle))
    bars = window.findChildren(QTabBar)
    assert bars and all(isinstance(bar.style(), ComfortStyle) for bar in bars)
    assert not isinstance(window.style(), ComfortStyle)

def test_every_tab_widget_of_the_app_has_the_comfort_tabs():
    """Dialogs too (the import wizard's "À créer"): every `QTabWidget(` made in the code is
    wrapped in `comfort_tabs`, since the application's own style does not carry the metric.
    The main window's tabs get it once painted (`MainWindow._comfort_main_tabs`, tested above)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "partnerdesk"
    bare = [f"{path.relative_to(root)}:{n}" for path in root.rglob("*.py") if path.name != "style.py"
            for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if re.search(r"\bQTab(Widget|Bar)\(", text) and "comfort_tabs(" not in text
            and "_comfort_main_tabs" not in text]
    assert bare == []
