"""Projets: the projects list with filters and a project card, and the "Tous les projets" board.

The first show of the tab builds the list only; the project card (hidden until a project is
chosen) and the all-projects board (behind its own page) are built on the next event-loop
turns, each its own short block (issue #20), or at once when somebody asks for `card` or
`board` before.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.partners import Public
from partnerdesk.domain.projects import ProjectStatus
from partnerdesk.i18n import _
from partnerdesk.services import projects
from partnerdesk.ui.models.projects import ProjectTableModel
from partnerdesk.ui.models.roles import IdRole
from partnerdesk.ui.models.rows import FilterOnlyProxy
from partnerdesk.ui.style import comfort_tabs
from partnerdesk.ui.tabs.base import Tab
from partnerdesk.ui.tabs.projects import OPENS, TITLE
from partnerdesk.ui.tabs.projects.board import PipelineBoard
from partnerdesk.ui.tabs.projects.card import ProjectCard
from partnerdesk.ui.tabs.projects.fields import enum_combo
from partnerdesk.ui.widgets.columns import widths_from_sample
from partnerdesk.ui.widgets.empty_state import EmptyState
from partnerdesk.ui.widgets.form import push_button
from partnerdesk.ui.widgets.splitters import keep_minimum_sizes

SPLITTER_SIZES = [180, 600]  # the list, the card (hidden until a project is chosen)


class ProjectsTab(Tab):
    areas = ("projects", "organisations", "todo")
    object_name = "projectsTab"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self._generation = 0  # of the latest background read of the list
        self._list_pending: set[str] = set()  # areas changed while the board page hid the list
        self.views = comfort_tabs(QTabWidget())
        self.views.setObjectName("projectsViews")
        self._card: ProjectCard | None = None
        self._board: PipelineBoard | None = None
        self.views.addTab(self._build_list(), _("Projects"))
        self._board_page = QWidget()  # holds the page until the board is built
        self.views.addTab(self._board_page, _("All projects"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.views)
        self.refresh()
        self.views.currentChanged.connect(self._view_changed)
        # The list shows first; the card, its pages, then the board follow, one a turn (issue #20):
        # a timer, not singleShot(0) (a posted event: a chain of them runs back to back).
        QTimer.singleShot(1, self, self._build_next)

    @classmethod
    def title(cls) -> str:
        return _(TITLE)

    def _build_list(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("projectSearch")
        self.search.setPlaceholderText(_("Search a project"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = enum_combo(ProjectStatus, with_empty=_("All statuses"), object_name="projectStatusFilter")
        self.year_filter = QComboBox()
        self.year_filter.setObjectName("projectYearFilter")
        self.public_filter = enum_combo(Public, with_empty=_("All publics"), object_name="projectPublicFilter")
        new = push_button(_("New project"), "newProjectButton", self.new_item)
        self.search.textChanged.connect(self.refresh)
        for combo in (self.status_filter, self.year_filter, self.public_filter):
            combo.currentIndexChanged.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.year_filter)
        bar.addWidget(self.public_filter)
        bar.addWidget(new)

        self.model = ProjectTableModel(self)
        self.proxy = FilterOnlyProxy(self)  # the model sorts itself, in the worker at each refresh
        self.proxy.setSourceModel(self.model)
        self.table = widths_from_sample(QTableView())
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("projectsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sized once: cheap with 300 projects
        header.setStretchLastSection(True)
        self._sized = False
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.empty = EmptyState(_("Create your first project"),
                                _("Start by dreaming the action: what, for whom, why. Then look for partners, "
                                  "follow them stage by stage and plan the sessions."))
        self.empty.add_button(_("New project"), self.new_item, "emptyNewProject")
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.empty)
        self.list_stack.addWidget(self.table)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.list_stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(left)
        card_place = QWidget()  # holds the card's pane until the card is built
        card_place.hide()  # as the card: hidden until a project is shown
        self.splitter.addWidget(card_place)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes(SPLITTER_SIZES)
        keep_minimum_sizes(self.splitter, (110, 260))
        self.list_pane = left
        self.table.clicked.connect(self._row_clicked)
        return self.splitter

    def _build_next(self) -> None:
        """Build one more piece of what the first show left out, then come back on the next turn."""
        if self._card is None:
            self._make_card()
        elif self._card.build_next_page():
            pass
        elif self._board is None:
            self.board  # noqa: B018 - built by the property
            return
        else:
            return
        QTimer.singleShot(1, self, self._build_next)

    def fully_built(self) -> bool:
        """The card, every page of it and the board are built (the event loop finishes them after the first show)."""
        return self._card is not None and self._card.all_pages_built() and self._board is not None

    @property
    def card(self) -> ProjectCard:
        """The project card, built now if the event loop has not yet (its pages are built on first use)."""
        if self._card is None:
            self._make_card()
        return self._card

    def _make_card(self) -> None:
        """The card with its heading and form; its other pages are built one at a time, or on first use."""
        card = ProjectCard(self.ctx, later=True)
        card.hide()
        card.setMinimumHeight(max(card.minimumHeight(), 260))
        total = sum(self.splitter.sizes()) - self.splitter.handleWidth()  # once the card's handle shows
        self.splitter.replaceWidget(1, card).deleteLater()
        # replaceWidget forgets the hidden pane's size: the first proportions again, over the
        # height the splitter has now (nobody could drag the handle, the card being hidden).
        self.splitter.setSizes([round(total * size / sum(SPLITTER_SIZES)) for size in SPLITTER_SIZES]
                               if total > 0 else SPLITTER_SIZES)
        self.splitter.setCollapsible(1, False)
        self._card = card
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(card.form.delete)
        card.form.saved.connect(self._saved)
        card.pages.currentChanged.connect(self._card_page_changed)
        card.page_built.connect(self._page_built)

    @property
    def board(self) -> PipelineBoard:
        """The all-projects board, built now if the next event-loop turn has not built it yet."""
        if self._board is None:
            board = PipelineBoard(self.ctx, cross_project=True)
            board.setObjectName("allProjectsBoard")
            # It holds every card: read when its page is first shown.
            board.reload_later()
            current = self.views.currentIndex()
            blocked = self.views.blockSignals(True)  # the same page stays current: nothing to announce
            try:
                self.views.insertTab(1, board, _("All projects"))
                self.views.removeTab(2)
                self.views.setCurrentIndex(current)
            finally:
                self.views.blockSignals(blocked)
            self._board_page.deleteLater()
            self._board_page = None
            self._board = board
        return self._board

    def _board_full_height(self, on: bool) -> None:
        """The pipeline board over the whole height: the list and the card details hide."""
        self.list_pane.setVisible(not on)

    def _card_page_changed(self, _index: int) -> None:
        if self.card.pages.currentWidget() is not self.card.partners:
            self.card.partners.full_height.setChecked(False)

    def _page_built(self, name: str, page) -> None:
        if name == "partners":
            page.full_height.toggled.connect(self._board_full_height)

    def _row_clicked(self, index) -> None:
        """A click on the row already current (after "New project") still shows it."""
        if index.isValid() and index.data(IdRole) != self.card.project_id:
            self.show_project(index.data(IdRole))

    # --- loading ------------------------------------------------------------

    def _view_changed(self, index: int) -> None:
        if index == 1:
            self.board.catch_up()
        elif self._list_pending:
            pending, self._list_pending = self._list_pending, set()
            self.refresh(pending.pop() if len(pending) == 1 else "*")

    def on_data_changed(self, area: str) -> None:
        if area == "*" or area in self.areas:
            if self.views.currentIndex() == 1:
                # The list and the card are hidden behind the board (which follows the change
                # itself): read them when their page is shown again, not after every move.
                self._list_pending.add(area)
                return
            self.refresh(area)

    def refresh(self, area: str = "*") -> None:
        """Read the projects in the background (a keystroke in the search box, a save), then show them."""
        self._generation += 1
        generation = self._generation
        filters = (self.search.text(), self.status_filter.currentData() or None, self.year_filter.currentData(),
                   self.public_filter.currentData() or None)
        model = self.model
        self.ctx.tasks.run(lambda _handle: (projects.project_years(), *model.arranged(projects.list_projects(*filters))),
                           lambda result: self._show(generation, area, *result))

    def _show(self, generation: int, area: str, years: list[int], rows, ordered_by=None) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return  # a newer read is under way, or the tab is gone
        current = self.year_filter.currentData()
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(_("All years"), None)
        for year in years:
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(current)))
        self.year_filter.blockSignals(False)
        if self.year_filter.currentData() != current:
            self.refresh(area)  # the chosen year has no project any more: read them all
            return
        if rows != self.model.rows():  # a change elsewhere that left the list as it was: no reset
            self.model.set_rows(rows, ordered_by)
        if rows and not self._sized:
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(0, min(self.table.columnWidth(0), 320))
            self._sized = True
        filtering = bool(self.search.text() or self.status_filter.currentIndex() or self.year_filter.currentIndex()
                         or self.public_filter.currentIndex())
        self.list_stack.setCurrentWidget(self.table if rows or filtering else self.empty)
        if self._card is not None and self._card.project_id is not None:
            self._select_row(self._card.project_id)
            self._card.refresh(area)

    def _select_row(self, project_id: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(project_id), 0))
        if index.isValid():
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(index)
            self.table.selectionModel().blockSignals(False)

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid() or (current.data(IdRole) == self.card.project_id and not self.card.isHidden()):
            return
        if not self.can_leave():  # Cancel: stay on the project being edited
            if self.card.project_id is not None:
                self._select_row(self.card.project_id)
            else:
                self.table.selectionModel().blockSignals(True)
                self.table.clearSelection()
                self.table.setCurrentIndex(self.proxy.index(-1, -1))
                self.table.selectionModel().blockSignals(False)
            return
        self.show_project(current.data(IdRole))

    def show_project(self, project_id: int | None) -> None:
        self.card.show()
        self.card.show_project(project_id)

    def _saved(self, project_id: int) -> None:
        self._select_row(project_id)

    # --- Tab ----------------------------------------------------------------

    def can_leave(self) -> bool:
        return self._card is None or self._card.isHidden() or self._card.can_leave()

    def new_item(self) -> bool:
        if not self.can_leave():
            return False
        self.views.setCurrentIndex(0)
        self.table.selectionModel().clearCurrentIndex()
        self.table.clearSelection()
        self.show_project(None)
        return True

    def focus_search(self) -> None:
        self.views.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    opens = OPENS

    def open_item(self, kind: str, item_id: int) -> bool:
        """Show a project; for a card, a session or a milestone, on the right page, selected."""
        if kind not in self.opens:
            return False
        project_id = projects.project_of(kind, item_id)
        if project_id is None or projects.get_project(project_id) is None:
            return False
        if project_id != self.card.project_id and not self.can_leave():
            return True
        self.views.setCurrentIndex(0)
        if self.search.text() or self.status_filter.currentIndex() or self.year_filter.currentIndex() \
                or self.public_filter.currentIndex():
            self.search.clear()
            for combo in (self.status_filter, self.year_filter, self.public_filter):
                combo.setCurrentIndex(0)
        self._select_row(project_id)
        self.show_project(project_id)
        self.card.show_item(kind, item_id)
        return True
