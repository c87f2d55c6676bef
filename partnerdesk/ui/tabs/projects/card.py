"""A project card: its pages (the project, partners, needs & budget, sessions, milestones).

Built with `later=True`, the card has its heading and its first page (the project's form)
at once and a blank tab for each other page; `build_next_page()` builds them one at a
time (the Projets tab does it on the next event-loop turns, issue #20), and any use of a
page (`card.partners`, `show_project`…) builds what it needs first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from partnerdesk.domain.projects import ProjectStatus
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.services import projects
from partnerdesk.ui.style import comfort_tabs
from partnerdesk.ui.tabs.balance.project_page import ProjectBalancePage
from partnerdesk.ui.tabs.projects.budget_page import BudgetPage
from partnerdesk.ui.tabs.projects.form import ProjectForm
from partnerdesk.ui.tabs.projects.milestones_page import MilestonesPage
from partnerdesk.ui.tabs.projects.partners_page import PartnersPage
from partnerdesk.ui.tabs.projects.photos_page import PhotosPage
from partnerdesk.ui.tabs.projects.sessions_page import SessionsPage
from partnerdesk.ui.unsaved import settle_all
from partnerdesk.ui.widgets.export_buttons import ProjectExportButton
from partnerdesk.ui.widgets.heading import Heading


# The pages after the form: attribute, class, tab title (in tab order).
PAGES = (
    ("partners", PartnersPage, N_("Partners and pipeline")),
    ("budget", BudgetPage, N_("Needs and budget")),
    ("sessions", SessionsPage, N_("Sessions")),
    ("milestones", MilestonesPage, N_("Milestones and realizations")),
    ("photos", PhotosPage, N_("Photos")),
    ("balance", ProjectBalancePage, N_("Balance")),
)


def _page(name: str) -> property:
    return property(lambda card: card.page(name), doc=f"The {name} page, built if it is not yet.")


class ProjectCard(QWidget):
    partners = _page("partners")
    budget = _page("budget")
    sessions = _page("sessions")
    milestones = _page("milestones")
    photos = _page("photos")
    balance = _page("balance")
    page_built = Signal(str, QWidget)  # the page's attribute name, the page (built later, see the module)

    def __init__(self, ctx, parent=None, later: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.project_id: int | None = None
        self.heading = Heading(lines=1)  # a long title cut with « … »: the buttons beside it stay whole
        self.heading.setObjectName("projectHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.form = ProjectForm(ctx)
        self.form.saved.connect(self._saved)
        self.pages = comfort_tabs(QTabWidget())
        self.pages.setObjectName("projectPages")
        self.pages.addTab(self.form, _("Project"))
        self._built: dict[str, QWidget] = {}
        self._places: dict[str, QWidget] = {}  # blank tabs holding the place of pages not built yet
        for name, _cls, title in PAGES:
            self._places[name] = QWidget()
            self.pages.addTab(self._places[name], _(title))
        if not later:
            while self.build_next_page():
                pass
        self._stale: set = set()
        self.pages.currentChanged.connect(self._page_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.export_button = ProjectExportButton(ctx)  # dossier, bilan, attendance sheet (exports area)
        self.committee_button = QPushButton(_("New committee"))  # opens the Rencontres tab (meetings area)
        self.committee_button.setObjectName("projectNewCommittee")
        self.committee_button.clicked.connect(
            lambda: self.ctx.signals.open_requested.emit("new_committee", self.project_id))
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.committee_button)
        heading_row.addWidget(self.export_button)
        layout.addLayout(heading_row)
        layout.addWidget(self.pages, 1)

    # --- pages built one at a time ------------------------------------------------------

    def build_next_page(self) -> bool:
        """Build the first page not built yet; False when every page is built."""
        name = next((name for name, _cls, _title in PAGES if name not in self._built), None)
        if name is None:
            return False
        self.page(name)
        return True

    def all_pages_built(self) -> bool:
        return not self._places

    def page(self, name: str) -> QWidget:
        if name not in self._built:
            cls, title = next((cls, title) for n, cls, title in PAGES if n == name)
            page = cls(self.ctx)
            place = self._places.pop(name)
            index = self.pages.indexOf(place)
            current, enabled = self.pages.currentIndex() == index, self.pages.isTabEnabled(index)
            blocked = self.pages.blockSignals(True)  # the same tab stays current: nothing to announce
            try:
                self.pages.insertTab(index, page, _(title))
                self.pages.removeTab(index + 1)
                self.pages.setTabEnabled(index, enabled)
                if current:
                    self.pages.setCurrentIndex(index)
            finally:
                self.pages.blockSignals(blocked)
            place.deleteLater()
            self._built[name] = page
            self.page_built.emit(name, page)
        return self._built[name]

    # --- unsaved changes (ui/unsaved.py) ---------------------------------------------------

    def editors(self) -> list:
        """The project's own form, then every page with something typed and not added yet."""
        built = (self._built[name] for name, _cls, _title in PAGES if name in self._built)  # nothing typed in the others
        pages = [p for p in built if hasattr(p, "is_dirty")]
        return [self.form] + pages if self.project_id is not None or self.form.is_dirty() else pages

    def can_leave(self) -> bool:
        return settle_all(self.editors(), self)

    def _dependent_pages(self):
        return tuple(self.page(name) for name, _cls, _title in PAGES)

    def show_project(self, project_id: int | None) -> None:
        self.project_id = project_id
        self.ctx.undo.changed.emit()  # another record on screen: the Edit menu names its steps
        data = projects.get_project(project_id) if project_id else None
        self.form.load(data)
        self.export_button.set_project(project_id if data else None)
        self.committee_button.setEnabled(data is not None)
        for index in range(1, self.pages.count()):
            self.pages.setTabEnabled(index, data is not None)
        if data is None:
            self.heading.set_heading(_("New project"))
            self.pages.setCurrentWidget(self.form)
            self.form.title.setFocus()
            return
        self._set_heading(data)
        self._stale = set()
        for page in self._dependent_pages():
            page.set_project(project_id)

    def shows(self, project_id: int) -> bool:
        """This card shows that project (its pages' undo steps are undone only then, `ui/undo.py`)."""
        return project_id is not None and project_id == self.project_id

    def _set_heading(self, data) -> None:
        status = ProjectStatus.parse(data.status)
        dates = " – ".join(format_date(d) for d in (data.start_date, data.end_date) if d)
        rest = [_(status.label) if status else "", dates]
        self.heading.set_heading(data.title, "".join(" · " + p for p in rest if p))

    def _saved(self, project_id: int) -> None:
        if project_id != self.project_id:
            self.show_project(project_id)
        else:
            self._set_heading(projects.get_project(project_id))

    def refresh(self, area: str = "*") -> None:
        """Reload the page on show now; the others when they are next shown."""
        if self.project_id is None:
            return
        data = projects.get_project(self.project_id)
        if data is None:  # deleted elsewhere, or a restore replaced the data
            self.form.tracker.set_clean()
            self.show_project(None)
            self.hide()
            self.ctx.signals.status_message.emit(_("The project shown no longer exists: its card was closed."))
            return
        self._set_heading(data)
        if area in ("organisations", "*"):
            self.partners.organisations_changed()
        current = self.pages.currentWidget()
        self._stale = {p for p in self._dependent_pages() if p is not current}
        if current in self._dependent_pages():
            current.refresh()

    def _page_shown(self, index: int) -> None:
        page = self.pages.widget(index)
        name = next((name for name, place in self._places.items() if place is page), None)
        if name is not None:
            page = self.page(name)
        if page in self._stale:
            self._stale.discard(page)
            page.refresh()

    def show_item(self, kind: str, item_id: int) -> None:
        """Bring forward the page of a card, a session or a milestone, with it selected."""
        if kind == "project_partner":
            self.pages.setCurrentWidget(self.partners)
            self.partners.board.select_card(item_id)
        elif kind == "session":
            self.pages.setCurrentWidget(self.sessions)
            self.sessions.select(item_id)
        elif kind == "milestone":
            self.pages.setCurrentWidget(self.milestones)
            self.milestones.select(item_id)
