"""Contacts: the people of an organisation, current first, then the history (greyed)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import partners
from partnerdesk.ui.models.people import M_NAME, MemberTableModel
from partnerdesk.ui.models.roles import ObjectRole, SortRole
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.widgets.columns import widths_from_sample
from partnerdesk.ui.widgets.form import push_button


class ContactsPanel(QWidget):
    open_person = Signal(int)
    new_person = Signal(int)  # organisation id
    changed = Signal()
    loaded = Signal(list)  # the members shown (current first), once read

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.organisation_id: int | None = None
        self._generation = 0  # of the reads: a late answer for another organisation is dropped
        self._shown_for: int | None = None
        self.model = MemberTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = widths_from_sample(QTableView())  # fitted to a sample of rows, not all
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("contactsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(M_NAME, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._open())

        self.show_past = QCheckBox(_("Show former contacts"))
        self.show_past.setObjectName("showPastContacts")
        self.show_past.setChecked(True)
        self.show_past.toggled.connect(self.refresh)
        self.new_button = push_button(_("New contact…"), "newContactButton",
                                      lambda: self.new_person.emit(self.organisation_id))
        self.open_button = push_button(_("Open the card"), "openContactButton", self._open)
        self.left_button = push_button(_("Has left the organisation…"), "closeAffiliationButton",
                                       self._close_affiliation)
        self.EMPTY = _("No contact yet in this organisation. Add the first one.")
        self.empty = QLabel(self.EMPTY)
        self.empty.setObjectName("contactsEmpty")

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.left_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.show_past)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def set_organisation(self, organisation_id: int | None) -> None:
        self.organisation_id = organisation_id
        self.setEnabled(organisation_id is not None)
        self.refresh()

    def refresh(self) -> None:
        """Read the people in the background; another organisation's rows leave at once."""
        self._generation += 1
        generation, organisation_id = self._generation, self.organisation_id
        if organisation_id is None:
            self._shown_for = None
            self._show([])
            self.loaded.emit([])
            return
        if self._shown_for != organisation_id and self.model.rowCount():
            self._show([])
        past = self.show_past.isChecked()
        self.ctx.tasks.run(lambda _handle: partners.people_of(organisation_id, include_past=past),
                           lambda rows: self._loaded(generation, organisation_id, rows),
                           lambda _exc, _details: self._load_failed(generation))

    def _loaded(self, generation: int, organisation_id: int, rows) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return
        self._shown_for = organisation_id
        self._show(rows)
        self.loaded.emit(list(rows))

    def _load_failed(self, generation: int) -> None:
        if generation == self._generation and shiboken6.isValid(self):
            self._show([])
            self.empty.setText(_("The contacts could not be read."))

    def _show(self, rows) -> None:
        self.empty.setText(self.EMPTY)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def current_member(self):
        index = self.table.currentIndex()
        return self.proxy.data(index, ObjectRole) if index.isValid() else None

    def _open(self) -> None:
        member = self.current_member()
        if member is not None:
            self.open_person.emit(member.person_id)

    def _close_affiliation(self) -> None:
        member = self.current_member()
        if member is None or not member.is_current:
            return
        end = prompts.ask_date(self, _("Has left the organisation"),
                               _("When did {name} leave? The affiliation is kept in the history.").format(
                                   name=member.full_name))
        if end is None:
            return
        try:
            partners.close_affiliation(member.affiliation.id, end)
        except ValidationError as exc:
            prompts.inform(self, _("Has left the organisation"), " ".join(_(m) for m in exc.errors.values()))
            return
        self.refresh()
        self.changed.emit()
        self.ctx.signals.data_changed.emit("people")
