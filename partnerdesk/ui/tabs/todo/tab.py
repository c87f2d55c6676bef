"""À faire: what needs doing this week and next, from every registered source."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
)

from partnerdesk import i18n
from partnerdesk.domain.todo import TodoItem, TodoKind, window_end
from partnerdesk.i18n import _
from partnerdesk.ui.models.todo import TodoTableModel
from partnerdesk.ui.models.roles import ObjectRole
from partnerdesk.ui.models.rows import FilterOnlyProxy
from partnerdesk.ui.tabs.base import Tab
from partnerdesk.ui.tabs.todo import OPENS, TITLE
from partnerdesk.ui.widgets.columns import widths_from_sample
from partnerdesk.ui.widgets.empty_state import EmptyState
from partnerdesk.ui.widgets.form import push_button
from partnerdesk.ui.widgets.loading import LoadingPlaceholder

ALL, OVERDUE, THIS_WEEK, NEXT_WEEK = range(4)


def _gather(today: dt.date, model: TodoTableModel) -> tuple[list[TodoItem], object]:
    """The lines, read in a worker and put in the table's order there; the date formatting
    (Babel's in English, a tenth of a second on first use) is loaded there too, so that the
    first list painted at start does not wait for it; so are the sources and their models
    (none is loaded before the window's first paint)."""
    from partnerdesk.services import todo

    i18n.format_date(today)
    return model.arranged(todo.items(today))


class TodoTab(Tab):
    areas = ("projects", "organisations", "interactions", "people", "conventions", "review", "todo")
    object_name = "todoTab"
    opens = OPENS

    def __init__(self, ctx, parent=None, today: dt.date | None = None):
        super().__init__(ctx, parent)
        self.fixed_today = today
        self._generation = 0
        self.summary = QLabel()
        self.summary.setObjectName("todoSummary")
        self.summary.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.when = QComboBox()
        self.when.setObjectName("todoWhen")
        for text in (_("Everything"), _("Overdue"), _("This week"), _("Next week")):
            self.when.addItem(text)
        self.when.currentIndexChanged.connect(self.refresh)

        self.model = TodoTableModel(self)
        self.proxy = FilterOnlyProxy(self)  # the model sorts itself, in the worker at each refresh
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("todoTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = widths_from_sample(self.table).horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.open_button = push_button(_("Open"), "todoOpen", self.open_selected)
        self.done_button = push_button(_("Mark as done"), "todoDone", self.mark_done)
        self.postpone_button = QToolButton()
        self.postpone_button.setObjectName("todoPostpone")
        self.postpone_button.setText(_("Postpone"))
        self.postpone_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.postpone_button.setMenu(self._postpone_menu())
        self.postpone_date = QDateEdit()
        self.postpone_date.setCalendarPopup(True)
        self.postpone_date.setDisplayFormat("dd/MM/yyyy")
        postpone_to = QPushButton(_("Postpone to this date"))
        postpone_to.clicked.connect(lambda: self.postpone_selected(self._picked_date()))
        done = QAction(self)
        done.setShortcut(QKeySequence("Ctrl+D"))
        done.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        done.triggered.connect(self.mark_done)
        self.addAction(done)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.when)
        buttons = QHBoxLayout()
        for w in (self.open_button, self.done_button, self.postpone_button, self.postpone_date, postpone_to):
            buttons.addWidget(w)
        buttons.addStretch(1)

        self.empty = EmptyState(_("Nothing to do this week or next"),
                                _("Contacts to renew, milestones, next steps, sessions and, in January, the "
                                  "greetings to send appear here as their dates come near."))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.stack.setCurrentWidget(self.table)  # until the first lines arrive
        self.placeholder = LoadingPlaceholder(self.table)
        self.summary.setText(_("Gathering what needs doing…"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.refresh()

    @classmethod
    def title(cls) -> str:
        return _(TITLE)

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def refresh(self) -> None:
        """Gather the lines in the background (the sources read the whole journal), then show them."""
        self._generation += 1
        generation, today = self._generation, self.today()
        self.placeholder.show_while(not self.model.rowCount())
        self.ctx.tasks.run(lambda handle: _gather(today, self.model),
                           lambda found: self._show(generation, today, *found),
                           lambda _exc, _details: self.summary.setText(_("The to-do list could not be gathered.")))

    def _show(self, generation: int, today: dt.date, items: list[TodoItem], order=None) -> None:
        if generation != self._generation:
            return  # a newer refresh is under way
        self.placeholder.show_while(False)
        key = self.selected_item().key if self.selected_item() else None
        row = self.table.currentIndex().row()
        monday_next = today + dt.timedelta(days=7 - today.weekday())
        overdue = [i for i in items if i.due_on < today]
        this_week = [i for i in items if today <= i.due_on < monday_next]
        next_week = [i for i in items if monday_next <= i.due_on <= window_end(today)]
        shown = {ALL: items, OVERDUE: overdue, THIS_WEEK: this_week, NEXT_WEEK: next_week}[self.when.currentIndex()]
        self.model.today = today
        self.model.set_rows(shown, order)  # in order already (sorted again if the user re-sorted meanwhile)
        self.summary.setText(_("{overdue} overdue · {this_week} this week · {next_week} next week").format(
            overdue=len(overdue), this_week=len(this_week), next_week=len(next_week)))
        self.stack.setCurrentWidget(self.table if shown else self.empty)
        self.postpone_date.setDate(_qdate(today + dt.timedelta(days=7)))
        if not (key and self.select_key(key)) and row >= 0 and self.proxy.rowCount():
            self.table.selectRow(min(row, self.proxy.rowCount() - 1))  # the line after the one done

    def selected_item(self) -> TodoItem | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ObjectRole) if indexes else None

    def select_key(self, key: str) -> bool:
        row = next((n for n, item in enumerate(self.model.rows()) if item.key == key), -1)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.setCurrentIndex(index)
            return True
        return False

    def open_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.ctx.signals.open_requested.emit(item.open_kind, item.open_id)

    def mark_done(self) -> None:
        """Done (Ctrl+Z undoes it); a next step is closed on its card and the next one asked for."""
        from partnerdesk.services import todo, todo_undo
        from partnerdesk.ui.tabs.todo import commands  # its dialogs load with their first use (#15)

        item = self.selected_item()
        if item is None:
            return
        before = todo_undo.snapshot(item)
        todo.mark_done(item)
        if item.kind == TodoKind.NEXT_STEP:
            partner = item.title.rsplit(" — ", 1)[-1]
            following = commands.ask_next_step(self, partner, self.today() + dt.timedelta(days=7))
            if following is not None:
                from partnerdesk.services import projects  # the project area loads with its first use

                projects.set_next_step(item.open_id, *following)
        self.ctx.undo_for(self).push(commands.TodoCommand(
            self.ctx, before, todo_undo.snapshot(item), _("Mark “{title}” as done").format(title=item.title)))
        self._after_change(_("“{title}” marked as done.").format(title=item.title))

    def postpone_selected(self, until: dt.date) -> None:
        from partnerdesk.services import todo, todo_undo
        from partnerdesk.ui.tabs.todo import commands

        item = self.selected_item()
        if item is not None and until > self.today():
            before = todo_undo.snapshot(item)
            todo.postpone(item, until)
            self.ctx.undo_for(self).push(commands.TodoCommand(
                self.ctx, before, todo_undo.snapshot(item), _("Postpone “{title}”").format(title=item.title)))
            self._after_change(_("“{title}” postponed.").format(title=item.title))

    def _after_change(self, message: str) -> None:
        self.ctx.signals.data_changed.emit("todo")
        self.ctx.signals.status_message.emit(message)

    def _picked_date(self) -> dt.date:
        d = self.postpone_date.date()
        return dt.date(d.year(), d.month(), d.day())

    def _postpone_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(_("Tomorrow"), lambda: self.postpone_selected(self.today() + dt.timedelta(days=1)))
        menu.addAction(_("In a week"), lambda: self.postpone_selected(self.today() + dt.timedelta(days=7)))
        menu.addAction(_("In a month"), lambda: self.postpone_selected(self.today() + dt.timedelta(days=30)))
        return menu

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(_("Open"), self.open_selected)
        menu.addAction(_("Mark as done"), self.mark_done)
        menu.addMenu(self._postpone_menu()).setText(_("Postpone"))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def focus_search(self) -> None:
        self.table.setFocus()


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)
