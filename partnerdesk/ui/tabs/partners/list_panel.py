"""The left side of Partenaires: search (Ctrl+F), filters, the organisations or people
list, and the actions on the filtered list or the selection."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.partners import Contribution, OrgKind, OrgStatus, Public
from partnerdesk.i18n import _, ngettext
from partnerdesk.services import partners, search, tags
from partnerdesk.ui.collector import keep_out_of_the_collector
from partnerdesk.ui.models.organisations import (
    COL_CITY,
    COL_KIND,
    COL_LAST_CONTACT,
    COL_NAME,
    COL_NEXT_ACTION,
    COL_STATUS,
    COL_TAGS,
    OrganisationFilterProxy,
    OrganisationTableModel,
)
from partnerdesk.ui.models.people import P_NAME, PersonFilterProxy, PersonTableModel
from partnerdesk.ui.models.roles import IdRole
from partnerdesk.ui.tabs.partners import mailing
from partnerdesk.ui.widgets.form import combo, push_button
from partnerdesk.ui.widgets.list_cells import ListCellDelegate
from partnerdesk.ui.widgets.loading import LoadingPlaceholder
from partnerdesk.ui.widgets.organisation_picker import OrganisationPicker

ORGANISATIONS, PEOPLE = 0, 1


def _table(name: str, model) -> QTableView:
    table = QTableView()
    table.setTabKeyNavigation(False)  # Tab leaves the table
    table.setObjectName(name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    table.setItemDelegate(ListCellDelegate(table))  # a third of the paint time at every keystroke
    return table


class ListPanel(QWidget):
    current_changed = Signal(str, int)  # kind, id
    new_requested = Signal()
    delete_requested = Signal(str, list)
    merge_requested = Signal(str, int, int)
    tags_requested = Signal()
    trash_requested = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.search_box = QLineEdit()
        self.search_box.setObjectName("partnersSearch")
        self.search_box.setPlaceholderText(_("Search names, people, emails, cities, notes… (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.apply_search)
        self.view_box = QComboBox()
        self.view_box.setObjectName("partnersView")
        self.view_box.addItem(_("Organisations"))
        self.view_box.addItem(_("People"))
        self.view_box.currentIndexChanged.connect(self._switch_view)

        self.kind_filter = combo("filterKind", OrgKind.choices(), _("All kinds"))
        self.status_filter = combo("filterStatus", OrgStatus.choices(), _("All statuses"))
        self.public_filter = combo("filterPublic", Public.choices(), _("All publics"))
        self.contribution_filter = combo("filterContribution", Contribution.choices(), _("All contributions"))
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("filterTag")
        self.cadence_filter = QComboBox()
        self.cadence_filter.setObjectName("filterCadence")
        self.cadence_filter.addItem(_("Any follow-up"), None)
        self.cadence_filter.addItem(_("Contact overdue"), ("amber", "red"))
        self.cadence_filter.addItem(_("Contact long overdue"), ("red",))
        for name, box in (("kind", self.kind_filter), ("status", self.status_filter),
                          ("public", self.public_filter), ("contribution", self.contribution_filter),
                          ("tag", self.tag_filter), ("cadence", self.cadence_filter)):
            box.currentIndexChanged.connect(lambda _i, n=name, b=box: self._filter(n, b.currentData()))

        self._build_people_filters()

        self.org_model = OrganisationTableModel(self)
        self.org_proxy = OrganisationFilterProxy(self)
        self.org_proxy.setSourceModel(self.org_model)
        self.org_table = _table("organisationsTable", self.org_proxy)
        self.org_table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        header = self.org_table.horizontalHeader()
        for col, width in ((COL_NAME, 220), (COL_KIND, 110), (COL_CITY, 110), (COL_STATUS, 65),
                           (COL_TAGS, 110), (COL_LAST_CONTACT, 105), (COL_NEXT_ACTION, 150)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.people_model = PersonTableModel(self)
        self.people_proxy = PersonFilterProxy(self)
        self.people_proxy.setSourceModel(self.people_model)
        self.people_table = _table("peopleTable", self.people_proxy)
        self.people_table.sortByColumn(P_NAME, Qt.SortOrder.AscendingOrder)
        self.people_table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((190, 220, 230, 120)):
            self.people_table.horizontalHeader().resizeSection(col, width)
        for table in (self.org_table, self.people_table):
            table.selectionModel().currentRowChanged.connect(self._current_changed)
            table.customContextMenuRequested.connect(lambda pos, t=table: self._context_menu(t, pos))
            table.installEventFilter(self)
        self.placeholders = {ORGANISATIONS: LoadingPlaceholder(self.org_table),
                             PEOPLE: LoadingPlaceholder(self.people_table)}
        self.stack = QStackedWidget()
        self.stack.addWidget(self.org_table)
        self.stack.addWidget(self.people_table)

        self.count_label = QLabel()
        self.count_label.setObjectName("partnersCount")
        self.new_button = push_button(_("New"), "newPartnerButton", self.new_requested,
                                      tooltip=_("New organisation (Ctrl+N)"))
        self.tags_button = push_button(_("Manage tags…"), "tagsButton", self.tags_requested)
        self.mail_button = QToolButton()
        self.mail_button.setObjectName("listEmailsButton")
        self.mail_button.setText(_("Emails of the list"))
        self.mail_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        mail_menu = QMenu(self.mail_button)
        self.copy_action = mail_menu.addAction(_("Copy the emails (for Bcc)"), self.copy_list_emails)
        self.copy_action.setObjectName("copyListEmails")
        self.write_action = mail_menu.addAction(_("Write to all (Bcc)…"), self.write_list)
        mail_menu.addSeparator()
        self.copy_relais_action = mail_menu.addAction(_("Copy the relays' emails (for Bcc)"), self.copy_relais_emails)
        self.copy_relais_action.setObjectName("copyRelaisEmails")
        self.write_relais_action = mail_menu.addAction(_("Write to the relays (Bcc)…"), self.write_relais)
        self.mail_button.setMenu(mail_menu)
        self.trash_button = push_button(_("Trash…"), "trashButton", self.trash_requested)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)  # up here: the buttons below need the width on 1366 px
        top.addWidget(self.view_box)
        self.filters = QWidget()
        filters = QGridLayout(self.filters)  # two rows of three: every label stays readable
        filters.setContentsMargins(0, 0, 0, 0)
        for n, box in enumerate((self.kind_filter, self.status_filter, self.tag_filter, self.public_filter,
                                 self.contribution_filter, self.cadence_filter)):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
            filters.addWidget(box, n // 3, n % 3)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.tags_button)
        actions.addWidget(self.mail_button)
        actions.addWidget(self.trash_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.people_filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)
        self._silent = False
        self._in_selection = False
        self._stale: set[int] = set()
        self._generation = 0
        self.loading = False  # a background query of the list is under way
        self._wanted: tuple[str, int] | None = None  # asked to select while loading

    # --- data -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list on show in the background (the other one when the user switches to it)."""
        self._load(self.view_box.currentIndex())

    def _load(self, which: int) -> None:
        self._generation += 1
        generation = self._generation
        self.loading = True
        model = self.org_model if which == ORGANISATIONS else self.people_model
        if not model.rowCount():
            self.count_label.setText(_("Loading…"))
            self.placeholders[which].show_while(True)
        fetch = partners.list_organisations if which == ORGANISATIONS else partners.list_people
        # Read and sorted in the worker: the GUI thread only swaps the rows in.
        self.ctx.tasks.run(lambda _handle: (*model.arranged(fetch()), tags.list_tags()),
                           lambda result: self._loaded(generation, which, *result),
                           lambda _exc, _details: self._load_failed(generation))

    def _load_failed(self, generation: int) -> None:
        if generation == self._generation:
            self.loading = False
            for placeholder in self.placeholders.values():
                placeholder.show_while(False)
            self.count_label.setText(_("The list could not be read."))

    def _loaded(self, generation: int, which: int, rows: list, order, tag_list: list) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return  # a newer load is under way, or the panel is gone
        if self._in_selection:
            # A card saved while the selection changes: resetting the models inside the
            # selection model's signal would pull the rows from under Qt. Apply just after.
            QTimer.singleShot(0, lambda: self._loaded(generation, which, rows, order, tag_list))
            return
        kind, current = self._wanted or self.current()
        self._wanted = None
        self._silent = True
        try:
            # In place (no reset): the selection and the scroll position stay.
            (self.org_model if which == ORGANISATIONS else self.people_model).update_rows(rows, order)
            self._stale = {PEOPLE if which == ORGANISATIONS else ORGANISATIONS}
            self.loading = False
            self.placeholders[which].show_while(False)
            self._refresh_tag_filter(tag_list)
            self.apply_search(self.search_box.text())
            if current is not None:
                self.select(kind, current)
        finally:
            self._silent = False
        keep_out_of_the_collector()  # thousands of rows: full collections would walk them all

    def _refresh_tag_filter(self, tag_list) -> None:
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(_("All tags"), None)
        for tag in tag_list:
            self.tag_filter.addItem(tag.name, tag.id)
        index = self.tag_filter.findData(chosen)
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)
        self.org_proxy.set_filter("tag", self.tag_filter.currentData())
        chosen = self.person_tag_filter.currentData()
        self.person_tag_filter.blockSignals(True)
        self.person_tag_filter.clear()
        for index in range(self.tag_filter.count()):
            self.person_tag_filter.addItem(self.tag_filter.itemText(index), self.tag_filter.itemData(index))
        self.person_tag_filter.setCurrentIndex(max(self.person_tag_filter.findData(chosen), 0))
        self.person_tag_filter.blockSignals(False)
        self.people_proxy.set_filter("tag", self.person_tag_filter.currentData())

    def apply_search(self, text: str) -> None:
        """Runs at every keystroke: the index answers in a few milliseconds."""
        if self.view_box.currentIndex() == ORGANISATIONS:
            self.org_proxy.set_ids(search.organisation_ids(text))
        else:
            self.people_proxy.set_ids(search.person_ids(text))
        self._update_count()

    def _filter(self, name: str, value) -> None:
        self.org_proxy.set_filter(name, value)
        self._update_count()

    def _build_people_filters(self) -> None:
        """People: by tag, relais, kind of organisation and organisation."""
        self.person_tag_filter = QComboBox()
        self.person_tag_filter.setObjectName("filterPersonTag")
        self.relais_filter = QComboBox()
        self.relais_filter.setObjectName("filterRelais")
        self.relais_filter.addItem(_("Relays or not"), None)
        self.relais_filter.addItem(_("Relays only"), True)
        self.relais_filter.addItem(_("Not relays"), False)
        self.person_kind_filter = combo("filterPersonKind", OrgKind.choices(), _("All kinds"))
        self.person_org_filter = OrganisationPicker(allow_create=False)
        self.person_org_filter.setObjectName("filterPersonOrganisation")
        self.person_org_filter.setPlaceholderText(_("Any organisation (type its name)"))
        self.person_org_filter.chosen.connect(lambda org_id: self._people_filter("organisation", org_id or None))
        self.person_org_filter.textChanged.connect(self._organisation_text_changed)
        for name, box in (("tag", self.person_tag_filter), ("relais", self.relais_filter),
                          ("kind", self.person_kind_filter)):
            box.currentIndexChanged.connect(lambda _i, n=name, b=box: self._people_filter(n, b.currentData()))
        self.people_filters = QWidget()
        grid = QGridLayout(self.people_filters)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, widget in enumerate((self.person_tag_filter, self.relais_filter, self.person_kind_filter,
                                    self.person_org_filter)):
            grid.addWidget(widget, n // 2, n % 2)
        self.people_filters.hide()

    def _organisation_text_changed(self, text: str) -> None:
        if not text.strip():
            self._people_filter("organisation", None)

    def _people_filter(self, name: str, value) -> None:
        self.people_proxy.set_filter(name, value)
        self._update_count()

    def _switch_view(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            self._load(index)
        self.stack.setCurrentIndex(index)
        self.filters.setVisible(index == ORGANISATIONS)
        self.people_filters.setVisible(index == PEOPLE)
        self.new_button.setToolTip(_("New organisation (Ctrl+N)") if index == ORGANISATIONS
                                   else _("New person (Ctrl+N)"))
        self.apply_search(self.search_box.text())

    def _update_count(self) -> None:
        if self.loading:
            return  # "Loading…" stays until the rows are there
        if self.view_box.currentIndex() == ORGANISATIONS:
            forms, shown, total = (("{shown} of {total} organisation", "{shown} of {total} organisations"),
                                   self.org_proxy.rowCount(), self.org_model.rowCount())
        else:
            forms, shown, total = (("{shown} of {total} person", "{shown} of {total} people"),
                                   self.people_proxy.rowCount(), self.people_model.rowCount())
        text = ngettext(*forms, total)
        # As wide as the widest count ("2000 of 2000"): the search box keeps its width while
        # the user types (and the panel is not laid out again at every keystroke).
        widest = self.count_label.fontMetrics().horizontalAdvance(text.format(shown=total, total=total))
        if widest != self.count_label.minimumWidth():
            self.count_label.setMinimumWidth(widest)
        self.count_label.setText(text.format(shown=shown, total=total))

    # --- selection --------------------------------------------------------------------

    def view_kind(self) -> str:
        return "organisation" if self.view_box.currentIndex() == ORGANISATIONS else "person"

    def table(self) -> QTableView:
        return self.org_table if self.view_box.currentIndex() == ORGANISATIONS else self.people_table

    def current(self) -> tuple[str, int | None]:
        index = self.table().currentIndex()
        return self.view_kind(), (index.data(IdRole) if index.isValid() else None)

    def selected_ids(self) -> list[int]:
        table = self.table()
        return [i.data(IdRole) for i in table.selectionModel().selectedRows()]

    def select(self, kind: str, item_id: int, silent: bool = True, switch: bool = False) -> bool:
        """Make `kind`/`item_id` the current row (without asking to open it when silent).
        A card of the other kind than the list shows only clears the selection, unless `switch`."""
        if kind != self.view_kind():
            if not switch:
                item_id = -1
            else:
                self.view_box.setCurrentIndex(ORGANISATIONS if kind == "organisation" else PEOPLE)
        if self.loading and item_id != -1:
            self._wanted = (self.view_kind(), item_id)  # selected once the rows are there
        table = self.table()
        proxy = table.model()
        index = proxy.index(proxy.row_of(item_id), 0)
        if index.isValid():
            previous, self._silent = self._silent, silent
            try:
                table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                table.scrollTo(index)
            finally:
                self._silent = previous
            return True
        if silent:
            table.selectionModel().blockSignals(True)
            table.clearSelection()
            table.setCurrentIndex(proxy.index(-1, -1))
            table.selectionModel().blockSignals(False)
        return False

    def eventFilter(self, watched, event) -> bool:
        """Delete (the key) moves the selected cards to the trash."""
        if (watched in (self.org_table, self.people_table) and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Delete and self.selected_ids()):
            self.delete_requested.emit(self.view_kind(), self.selected_ids())
            return True
        return super().eventFilter(watched, event)

    def _current_changed(self, current, _previous) -> None:
        if self._silent or not current.isValid():
            return
        self._in_selection = True
        try:
            self.current_changed.emit(self.view_kind(), current.data(IdRole))
        finally:
            self._in_selection = False

    def _context_menu(self, table: QTableView, pos) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        kind = self.view_kind()
        menu = QMenu(self)
        tag_menu = menu.addMenu(_("Add the tag"))
        for tag in tags.list_tags():
            action = QAction(tag.name, tag_menu)
            action.triggered.connect(lambda _c=False, tid=tag.id: self.tag_selection(tid))
            tag_menu.addAction(action)
        tag_menu.setEnabled(not tag_menu.isEmpty())
        if len(ids) == 2:
            menu.addAction(_("Merge these two…"), lambda: self.merge_requested.emit(kind, ids[0], ids[1]))
        menu.addAction(_("Move to the trash"), lambda: self.delete_requested.emit(kind, ids))
        menu.exec(table.viewport().mapToGlobal(pos))

    def tag_selection(self, tag_id: int) -> None:
        ids = self.selected_ids()
        if self.view_kind() == "organisation":
            tags.tag_organisations(tag_id, ids)
        else:
            tags.tag_people(tag_id, ids)
        self.ctx.signals.status_message.emit(ngettext("Tag added to {count} card.", "Tag added to {count} cards.", len(ids)).format(count=len(ids)))
        self.ctx.signals.data_changed.emit("tags")

    # --- emails of the filtered list ----------------------------------------------------

    def list_emails(self) -> list[str]:
        if self.view_kind() == "organisation":
            return partners.emails_of(organisation_ids=self.org_proxy.visible_ids())
        return partners.emails_of(person_ids=self.people_proxy.visible_ids())

    def relais_emails(self) -> list[str]:
        """The relays of the filtered list: those shown (people) or those of the
        organisations shown."""
        if self.view_kind() == "organisation":
            return partners.relais_emails(organisation_ids=self.org_proxy.visible_ids())
        return partners.relais_emails(person_ids=self.people_proxy.visible_ids())

    def copy_relais_emails(self) -> None:
        mailing.copy_emails(self, self.ctx, self.relais_emails())

    def write_relais(self) -> None:
        mailing.write_bcc(self, self.ctx, self.relais_emails())

    def copy_list_emails(self) -> None:
        mailing.copy_emails(self, self.ctx, self.list_emails())

    def write_list(self) -> None:
        mailing.write_bcc(self, self.ctx, self.list_emails())
