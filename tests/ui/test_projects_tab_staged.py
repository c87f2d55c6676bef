"""The Projets tab shows its list first and builds the project card, its pages and the
all-projects board on the next event-loop turns (issue #20: the first switch to Projets blocked
the window 67–92 ms on the large demo). Whatever asks for a part earlier gets it built at once;
once built, the tab is the same as when it was built in one go."""

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QSplitter

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import partners, projects
from partnerdesk.ui.tabs.projects.board import PipelineBoard
from partnerdesk.ui.tabs.projects.card import PAGES, ProjectCard
from partnerdesk.ui.tabs.projects.partners_page import PartnersPage
from partnerdesk.ui.tabs.projects.tab import ProjectsTab


def _tab(ctx, qtbot) -> ProjectsTab:
    tab = ProjectsTab(ctx)
    ctx.signals.data_changed.connect(tab.on_data_changed)
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    return tab


def _project_with_partner():
    project = projects.create_project(ProjectData("Atelier tablettes"))
    projects.add_partner(project.id, partners.create_organisation(OrganisationData("Mairie")).id)
    return project


def test_the_list_comes_first_then_the_card_pages_and_the_board(ctx, qtbot):
    _project_with_partner()
    tab = _tab(ctx, qtbot)
    assert not tab.fully_built()  # nothing but the list was built on the first show
    assert not tab.findChildren(PipelineBoard) and not tab.findChildren(PartnersPage)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtbot.waitUntil(tab.fully_built)
    eager = ProjectCard(ctx)  # built in one go, as before
    qtbot.addWidget(eager)
    card = tab.card
    assert [card.pages.tabText(i) for i in range(card.pages.count())] == \
        [eager.pages.tabText(i) for i in range(eager.pages.count())]
    assert [type(card.pages.widget(i)) for i in range(card.pages.count())] == \
        [type(eager.pages.widget(i)) for i in range(eager.pages.count())]
    assert [card.pages.widget(i + 1) for i in range(len(PAGES))] == list(card._dependent_pages())
    assert card.isHidden() and tab.splitter.widget(1) is card  # hidden until a project is chosen
    assert tab.views.currentIndex() == 0 and tab.views.widget(1) is tab.board
    assert tab.board.objectName() == "allProjectsBoard" and tab.views.tabText(1) == "All projects"
    assert all(not s.childrenCollapsible() for s in tab.findChildren(QSplitter))
    assert tab.card.minimumHeight() >= 260


def test_a_project_clicked_before_the_card_is_built(ctx, qtbot):
    project = _project_with_partner()
    tab = _tab(ctx, qtbot)
    assert tab.can_leave()  # no card yet: nothing typed
    tab.show_project(project.id)  # the card and every page at once, with the project
    assert tab.card.isVisible() and tab.card.all_pages_built()
    assert "Atelier tablettes" in tab.card.heading.text()
    page = tab.card.partners
    tab.card.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: [c.organisation_name for c in page.board.columns["identifie"].model.cards()]
                    == ["Mairie"])
    qtbot.waitUntil(tab.fully_built)  # the event loop's turns then only add the board
    assert tab.card.project_id == project.id and tab.card.partners is page
    # the partners page built on demand still hides the list for its full-height board
    qtbot.mouseClick(page.full_height, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.list_pane.isVisible())
    tab.card.pages.setCurrentWidget(tab.card.form)
    assert tab.list_pane.isVisible()


def test_the_board_page_shown_before_it_is_built(ctx, qtbot):
    _project_with_partner()
    tab = _tab(ctx, qtbot)
    tab.views.setCurrentIndex(1)  # "All projects" before the event loop built the board
    board = tab.board
    assert tab.views.currentWidget() is board and board.isVisible()
    qtbot.waitUntil(lambda: [c.organisation_name for c in board.columns["identifie"].model.cards()] == ["Mairie"])
    qtbot.waitUntil(tab.fully_built)
    assert tab.board is board and tab.views.count() == 2


def test_a_page_tab_clicked_while_still_blank_is_built(ctx, qtbot):
    card = ProjectCard(ctx, later=True)
    qtbot.addWidget(card)
    assert not card.all_pages_built()
    built = []
    card.page_built.connect(lambda name, page: built.append(name))
    card.pages.setCurrentIndex(3)  # still a blank page
    assert card.pages.currentWidget() is card.sessions and built == ["sessions"]
    while card.build_next_page():
        pass
    assert built == ["sessions", "partners", "budget", "milestones", "photos", "balance"]
    assert card.pages.currentWidget() is card.sessions  # building the others kept it current


def test_the_list_sorts_itself_as_the_proxy_did(ctx, qtbot):
    """The rows are put in order in the worker that reads them (no proxy sort on the GUI
    thread): newest start first, a click on a header sorts by it, a refresh keeps the order."""
    for title, start in (("Bravo", dt.date(2026, 3, 1)), ("alpha", dt.date(2026, 9, 1)), ("Charlie", None),
                         ("Delta", dt.date(2025, 1, 1))):
        projects.create_project(ProjectData(title, start_date=start))
    tab = _tab(ctx, qtbot)
    qtbot.waitUntil(lambda: tab.proxy.rowCount() == 4)

    def titles():
        return [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]

    assert titles() == ["alpha", "Bravo", "Delta", "Charlie"]  # start date, newest first; none last
    header = tab.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2))  # "Project"
    assert header.sortIndicatorSection() == 0
    order = header.sortIndicatorOrder()
    expected = ["alpha", "Bravo", "Charlie", "Delta"]
    assert titles() == (expected if order == Qt.SortOrder.AscendingOrder else expected[::-1])
    projects.create_project(ProjectData("Echo"))
    ctx.signals.data_changed.emit("projects")
    qtbot.waitUntil(lambda: tab.proxy.rowCount() == 5)
    expected.append("Echo")
    assert titles() == (expected if order == Qt.SortOrder.AscendingOrder else expected[::-1])


def test_the_card_built_later_takes_its_share_of_the_height(ctx, qtbot):
    """The list and the card share the height 180:600 when a project is chosen, as when the
    card was built with the list (replacing the blank pane must not shrink the list to its minimum)."""
    project = _project_with_partner()
    tab = _tab(ctx, qtbot)
    qtbot.waitUntil(tab.fully_built)
    tab.show_project(project.id)
    qtbot.waitUntil(lambda: tab.card.isVisible() and tab.card.height() > 0)
    qtbot.wait(10)
    sizes = tab.splitter.sizes()
    assert abs(sizes[0] - sum(sizes) * 180 / 780) <= 2, sizes
