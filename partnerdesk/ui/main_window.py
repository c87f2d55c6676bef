"""The main window: composes one class per tab and wires cross-tab signals."""

from __future__ import annotations

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from partnerdesk.i18n import _
from partnerdesk.services import data
from partnerdesk.ui import relaunch, window_state
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.dataio_menu import DataioMenu
from partnerdesk.ui.export_menu import install_menu as install_export_menu
from partnerdesk.ui.first_paint import on_first_paint
from partnerdesk.ui.language_menu import LanguageMenu
from partnerdesk.ui.lazy_tabs import LazyTabs
from partnerdesk.ui.tabs.balance.menu import install_menu as install_balance_menu
from partnerdesk.ui.tabs.base import Tab
from partnerdesk.ui.widgets.notice_banner import NoticeArea
from partnerdesk.ui.undo_menu import UndoMenu
from partnerdesk.ui.welcome import WelcomePage
from partnerdesk.ui.widgets.demo_banner import DemoBanner
from partnerdesk.ui.widgets.review_banner import ReviewBanner


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        title = "PartnerDesk"
        if ctx.demo:
            title += " — " + _("demonstration data (not saved)")
        self.setWindowTitle(title)
        self.restart_requested = False
        self.launch = relaunch.start  # tests replace the process launcher

        self.tabs = QTabWidget()  # given the comfort metrics once painted (_comfort_main_tabs)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        on_first_paint(self, self._comfort_main_tabs, limit_ms=1000)
        empty = not ctx.demo and data.is_empty()  # a first run: the welcome page, nothing to count
        central = QWidget()
        # counted first (in a worker, while the tabs are built): the banner is in place at the first paint
        self.review_banner = ReviewBanner(ctx, central, count_now=not empty)
        self.lazy_tabs = LazyTabs(self.tabs, lambda cls, kwargs: cls(self.ctx, **kwargs), self)
        self._build_tabs(build_first=not empty)  # "À faire" first: its query runs once the window is painted
        self.notices = NoticeArea(central)  # start-up notices: failed daily backup, read-only data
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        self.demo_banner = DemoBanner() if ctx.demo else None
        if self.demo_banner is not None:
            column.addWidget(self.demo_banner)
        column.addWidget(self.notices)
        column.addWidget(self.review_banner)
        # the welcome page of an empty data folder (none otherwise: the tabs stay once data exists)
        self.welcome = self._build_welcome() if empty else None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tabs)
        if self.welcome is not None:
            self.pages.addWidget(self.welcome)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        if empty:
            self.pages.setCurrentWidget(self.welcome)  # "À faire" is built when the tabs are first shown
        self.pages.currentChanged.connect(self._page_changed)
        self._shown_tab = self.tabs.currentWidget()
        self.tabs.currentChanged.connect(self._tab_changed)
        self.ctx.undo.activate(getattr(self._shown_tab, "undo_stack", None))

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self._build_menus()

        ctx.signals.data_changed.connect(self._broadcast)
        ctx.signals.data_changed.connect(self._leave_welcome)
        ctx.signals.open_requested.connect(self.open_item)
        ctx.signals.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self._restore_geometry()
        self.statusBar().showMessage(_("Data folder: {path}").format(path=ctx.paths.root), 8000)

    # --- composition --------------------------------------------------------

    def _build_tabs(self, build_first: bool) -> None:
        """Register the tabs by package; each is imported and built on its first show (ui/lazy_tabs.py).
        `build_first`: "À faire", shown at start, is built at once (before the window is shown)."""
        self.register_tab("partnerdesk.ui.tabs.todo")
        self.tabs.setCurrentIndex(0)
        if build_first:
            self.lazy_tabs.build_current()
        self.register_tab("partnerdesk.ui.tabs.partners", try_demo=self.try_demo)
        self.register_tab("partnerdesk.ui.tabs.projects")
        self.register_tab("partnerdesk.ui.tabs.conventions")
        self.register_tab("partnerdesk.ui.tabs.trombinoscope")
        self.register_tab("partnerdesk.ui.tabs.meetings")

    def _comfort_main_tabs(self) -> None:
        """The main tabs get the comfort metrics (ui/style.py) once the window is painted, not
        before: "À faire", selected at every start, is the only main tab whose label begins with an
        accented capital, so the first paint looks the same; and the Python style (QStyle made in
        Python, each metric of the bar asked through Python) stays out of the first paint (#15)."""
        from partnerdesk.ui.style import comfort_tabs

        comfort_tabs(self.tabs)

    def register_tab(self, package: str, **kwargs) -> None:
        """Add the tab of `package` (its TITLE, OPENS, TAB), built on its first show or `tab(cls)`."""
        self.lazy_tabs.add(package, **kwargs)

    def add_tab(self, tab: Tab) -> Tab:
        return self.lazy_tabs.add_built(tab)

    def insert_tab(self, index: int, tab: Tab) -> Tab:
        return self.lazy_tabs.add_built(tab, index)

    @property
    def tab_list(self) -> list[Tab]:
        """The tabs built so far, in tab order (unbuilt tabs have nothing to refresh or save)."""
        return self.lazy_tabs.built()

    def tab(self, cls) -> Tab | None:
        """The tab of class `cls`, built now if it was not yet."""
        return self.lazy_tabs.tab(cls)

    def for_each_tab(self, fn) -> None:
        """Run `fn(tab)` on every tab built now and on each tab built later."""
        self.lazy_tabs.for_each(fn)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(_("&File"))
        self.edit_menu = bar.addMenu(_("&Edit"))
        self.view_menu = bar.addMenu(_("&View"))
        self.help_menu = bar.addMenu(_("&Help"))

        self.new_action = self._action(self.file_menu, _("&New"), self._new_item, QKeySequence.StandardKey.New)
        self.file_menu.addSeparator()
        self.dataio = DataioMenu(self)
        self.file_menu.addSeparator()
        self.backups_action = self._action(self.file_menu, _("&Backups…"), self.show_backups)
        self.demo_action = self._action(self.file_menu, _("Try with &sample data…"), self.try_demo)
        self.demo_action.setVisible(not self.ctx.demo)
        install_export_menu(self)  # EPN identity and PDF exports, before Backups
        self.file_menu.addSeparator()
        self._action(self.file_menu, _("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        self.undo_menu = UndoMenu(self, self.edit_menu)
        self.edit_menu.addSeparator()
        self._action(self.edit_menu, _("&Find"), self._focus_search, QKeySequence.StandardKey.Find)

        for number, spec in enumerate(self.lazy_tabs.specs(), start=1):
            action = self._action(self.view_menu, _(spec.title),
                                  lambda checked=False, s=spec: self.show_tab(self.lazy_tabs.build(s)))
            if number < 10:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))

        install_balance_menu(self)
        self.view_menu.addSeparator()
        self.language_menu = LanguageMenu(self)
        self._action(self.help_menu, _("&About PartnerDesk"), self.show_about)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- routing ------------------------------------------------------------

    def _page_changed(self, _index: int = 0) -> None:
        """Leaving the welcome page shows the tabs: the one on show is built then."""
        if self.pages.currentWidget() is self.tabs:
            self.lazy_tabs.build_current()
            self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, _index: int) -> None:
        """Leaving a tab settles its unsaved changes first (Cancel stays on it); the shown tab's
        undo stack becomes the active one."""
        shown = self.tabs.currentWidget()
        left = getattr(self, "_shown_tab", None)
        if left is not None and left is not shown and self.tabs.indexOf(left) >= 0 and hasattr(left, "can_leave"):
            if not left.can_leave():
                self.tabs.blockSignals(True)
                self.tabs.setCurrentWidget(left)
                self.tabs.blockSignals(False)
                return
        self._shown_tab = shown
        self.ctx.undo.activate(getattr(shown, "undo_stack", None))

    def settle_all(self) -> bool:
        """Ask about every unsaved change in every tab (before a restore, an import or its undo)."""
        return all(tab.can_leave() for tab in self.tab_list if hasattr(tab, "can_leave"))

    def current_tab(self) -> Tab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, Tab) else None

    def show_tab(self, tab: Tab) -> None:
        self.pages.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(tab)

    # --- welcome (empty data folder) ------------------------------------------

    def _build_welcome(self) -> WelcomePage:
        page = WelcomePage()
        page.identity_requested.connect(lambda: self.identity_action.trigger())
        page.import_requested.connect(lambda: self.dataio.import_action.trigger())
        page.partner_requested.connect(self._first_partner)
        page.demo_requested.connect(self.try_demo)
        page.skip_requested.connect(lambda: self.pages.setCurrentWidget(self.tabs))
        return page

    def _first_partner(self) -> None:
        from partnerdesk.ui.tabs.partners.tab import PartnersTab

        tab = self.tab(PartnersTab)
        self.show_tab(tab)
        tab.new_item()

    def _leave_welcome(self, _area: str) -> None:
        if self.pages.currentWidget() is self.welcome and not data.is_empty():  # never None: the tabs
            self.pages.setCurrentWidget(self.tabs)

    def try_demo(self) -> None:
        """A second PartnerDesk on a throw-away copy filled with sample data (as `--demo`); the
        real data folder never receives demonstration data from the window."""
        from partnerdesk import i18n

        if self.launch(["--demo", "--lang", i18n.language()]):
            self.statusBar().showMessage(_("Opening a window with sample data…"), 8000)
        else:
            QMessageBox.warning(self, _("Sample data"),
                                _("The window with sample data could not be opened."))

    def request_restart(self) -> None:
        """Close, then start again (a change of language); app.py relaunches after closing."""
        self.restart_requested = True
        if not self.close():
            self.restart_requested = False

    def tab_of(self, cls) -> Tab | None:
        return self.tab(cls)

    def _new_item(self) -> None:
        if tab := self.current_tab():
            tab.new_item()

    def _focus_search(self) -> None:
        if tab := self.current_tab():
            tab.focus_search()

    def _broadcast(self, area: str) -> None:
        self.lazy_tabs.notify(area)  # the tab on show now, the others when shown

    def open_item(self, kind: str, item_id: int) -> None:
        if kind == "backups":  # "À faire": copy the backups outside the computer
            self.show_backups()
            return
        for spec in self.lazy_tabs.specs():
            if spec.tab is None and spec.opens is not None and kind not in spec.opens:
                continue  # not built, and says it does not open this kind
            tab = self.lazy_tabs.build(spec)
            if tab.open_item(kind, item_id):
                self.show_tab(tab)
                return

    # --- commands -----------------------------------------------------------

    def show_about(self) -> None:
        from partnerdesk.ui.dialogs.about import AboutDialog

        AboutDialog(self.ctx.paths, data.schema_version(), self).exec()

    def show_backups(self) -> None:
        from partnerdesk.ui.dialogs.backups import BackupsDialog

        dialog = BackupsDialog(self.ctx.paths, self, tasks=self.ctx.tasks, before_restore=self.settle_all)
        dialog.restored.connect(self.after_data_swap)
        dialog.exec()

    def after_data_swap(self) -> None:
        """After a restore or an archive import: no undo may act on replaced data, and every
        view reloads (a card whose record is gone closes with a calm message)."""
        self.ctx.undo.clear_all()
        self.ctx.signals.data_changed.emit("*")
        self.statusBar().showMessage(_("Backup restored."), 8000)

    _after_restore = after_data_swap

    # --- window state -------------------------------------------------------

    def _restore_geometry(self) -> None:
        window_state.restore(self, self.ctx.settings.value("window/geometry"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(tab.can_leave() for tab in self.tab_list):
            event.ignore()
            return
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        self.ctx.tasks.shutdown(10000)  # work under way finishes; nothing starts after (the upkeep's turn)
        event.accept()
