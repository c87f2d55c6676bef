"""The main window: composes one class per tab and wires cross-tab signals."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar, QTabWidget, QVBoxLayout, QWidget

from partnerdesk.i18n import _
from partnerdesk.services import data, demo
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.dataio_menu import DataioMenu
from partnerdesk.ui.dialogs.about import AboutDialog
from partnerdesk.ui.dialogs.backups import BackupsDialog
from partnerdesk.ui.dialogs.export_document import install_menu as install_export_menu
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.tabs.balance.view import install_menu as install_balance_menu
from partnerdesk.ui.tabs.base import Tab
from partnerdesk.ui.tabs.conventions.tab import ConventionsTab
from partnerdesk.ui.tabs.meetings.tab import MeetingsTab
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.tabs.projects.tab import ProjectsTab
from partnerdesk.ui.tabs.todo.tab import TodoTab
from partnerdesk.ui.tabs.trombinoscope.tab import TrombinoscopeTab
from partnerdesk.ui.widgets.notice_banner import NoticeArea
from partnerdesk.ui.undo_menu import UndoMenu
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
        self.resize(1200, 780)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        central = QWidget()
        self.review_banner = ReviewBanner(ctx, central)
        self.notices = NoticeArea(central)  # start-up notices: failed daily backup, read-only data
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notices)
        column.addWidget(self.review_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.tab_list: list[Tab] = []
        self._build_tabs()
        self._shown_tab = self.tabs.currentWidget()
        self.tabs.currentChanged.connect(self._tab_changed)
        self.ctx.undo.activate(getattr(self._shown_tab, "undo_stack", None))

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self._build_menus()

        ctx.signals.data_changed.connect(self._broadcast)
        ctx.signals.open_requested.connect(self.open_item)
        ctx.signals.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self._restore_geometry()
        self.statusBar().showMessage(_("Data folder: {path}").format(path=ctx.paths.root), 8000)

    # --- composition --------------------------------------------------------

    def _build_tabs(self) -> None:
        self.add_tab(PartnersTab(self.ctx, load_demo=self.load_demo))
        self.add_tab(ProjectsTab(self.ctx))
        self.add_tab(ConventionsTab(self.ctx))
        self.add_tab(TrombinoscopeTab(self.ctx))
        self.add_tab(MeetingsTab(self.ctx))
        self.insert_tab(0, TodoTab(self.ctx))  # "À faire" is the first tab, shown at start
        self.tabs.setCurrentIndex(0)

    def add_tab(self, tab: Tab) -> Tab:
        self.tab_list.append(tab)
        self.tabs.addTab(tab, tab.title())
        return tab

    def insert_tab(self, index: int, tab: Tab) -> Tab:
        self.tab_list.insert(index, tab)
        self.tabs.insertTab(index, tab, tab.title())
        return tab

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
        self.demo_action = self._action(self.file_menu, _("Load &demonstration data"), self.load_demo)
        install_export_menu(self)  # EPN identity and PDF exports, before Backups
        self.file_menu.addSeparator()
        self._action(self.file_menu, _("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        self.undo_menu = UndoMenu(self, self.edit_menu)
        self.edit_menu.addSeparator()
        self._action(self.edit_menu, _("&Find"), self._focus_search, QKeySequence.StandardKey.Find)

        for number, tab in enumerate(self.tab_list, start=1):
            action = self._action(self.view_menu, tab.title(), lambda checked=False, t=tab: self.show_tab(t))
            if number < 10:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))

        install_balance_menu(self)
        self._action(self.help_menu, _("&About PartnerDesk"), self.show_about)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- routing ------------------------------------------------------------

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
        self.tabs.setCurrentWidget(tab)

    def tab_of(self, cls) -> Tab | None:
        return next((t for t in self.tab_list if isinstance(t, cls)), None)

    def _new_item(self) -> None:
        if tab := self.current_tab():
            tab.new_item()

    def _focus_search(self) -> None:
        if tab := self.current_tab():
            tab.focus_search()

    def _broadcast(self, area: str) -> None:
        for tab in self.tab_list:
            tab.on_data_changed(area)

    def open_item(self, kind: str, item_id: int) -> None:
        if kind == "backups":  # "À faire": copy the backups outside the computer
            self.show_backups()
            return
        for tab in self.tab_list:
            if tab.open_item(kind, item_id):
                self.show_tab(tab)
                return

    # --- commands -----------------------------------------------------------

    def show_about(self) -> None:
        AboutDialog(self.ctx.paths, data.schema_version(), self).exec()

    def show_backups(self) -> None:
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

    def load_demo(self) -> None:
        if not data.is_empty():
            QMessageBox.information(
                self, _("Demonstration data"),
                _("Demonstration data can only be loaded into an empty data folder. "
                  "To try the app without touching your data, start it with --demo."))
            return
        self.demo_action.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.statusBar().showMessage(_("Loading demonstration data…"))

        def done(_result):
            self.progress.hide()
            self.demo_action.setEnabled(True)
            self.ctx.signals.data_changed.emit("*")
            self.statusBar().showMessage(_("Demonstration data loaded."), 8000)

        def failed(_exc, details):
            self.progress.hide()
            self.demo_action.setEnabled(True)
            show_error(self, _("The demonstration data could not be loaded."), details).exec()

        self.ctx.tasks.run(lambda handle: demo.fill("small", paths=self.ctx.paths), done, failed)

    # --- window state -------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.ctx.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(tab.can_leave() for tab in self.tab_list):
            event.ignore()
            return
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        self.ctx.tasks.wait(10000)
        event.accept()
