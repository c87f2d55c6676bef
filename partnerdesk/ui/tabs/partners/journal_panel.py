"""Suivi: the journal of a card, newest first, with a quick entry line (kind, date,
summary, Ajouter: two clicks and a sentence). A summary typed there and not added is unsaved
typing of the card: the panel is an editor of ui/unsaved.py, settled with the card."""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.journal import InteractionData
from partnerdesk.domain.partners import InteractionKind
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import journal, partners
from partnerdesk.ui.dialogs.interaction import InteractionDialog, new_exchange
from partnerdesk.services.meetings.followup import meeting_of_interaction
from partnerdesk.ui.models.interactions import I_DATE, I_SUMMARY, InteractionTableModel
from partnerdesk.ui.models.roles import IdRole, SortRole
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.widgets.columns import widths_from_sample
from partnerdesk.ui.widgets.form import ERROR_STYLE, combo, line, literal, push_button


class JournalPanel(QWidget):
    logged = Signal()

    def __init__(self, ctx, kind: str, parent=None):
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        self.target_id: int | None = None
        self._own_name = ""  # the card's name, for the unsaved-changes question
        self._generation = 0  # of the journal reads: a late answer for another card is dropped
        self._shown_for: int | None = None  # the card whose journal the table shows
        self._date_width = 0

        self.kind_box = combo("interactionKind", InteractionKind.choices())
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("interactionDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        # The people who took part (several can be ticked); the organisation is always linked.
        self.with_box = QToolButton()
        self.with_box.setObjectName("interactionWith")
        self.with_box.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.with_menu = QMenu(self.with_box)
        self.with_box.setMenu(self.with_menu)
        self.summary = line("interactionSummary", _("What was said or decided, in a sentence"))
        self.summary.returnPressed.connect(self.add)
        self.add_button = push_button(_("Add"), "addInteractionButton", self.add)
        self.detailed_button = push_button(_("Several partners…"), "detailedInteractionButton", self.add_detailed,
                                           tooltip=_("A new exchange with several organisations and people, and a longer text"))
        self.error = QLabel()
        self.error.setObjectName("interactionError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        entry = QHBoxLayout()
        entry.addWidget(QLabel(_("New exchange:")))
        entry.addWidget(self.kind_box)
        entry.addWidget(self.date_edit)
        if kind == "organisation":
            entry.addWidget(self.with_box, 1)
        else:
            self.with_box.hide()
            entry.addStretch(1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.add_button)
        summary_row.addWidget(self.detailed_button)

        self.model = InteractionTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = widths_from_sample(QTableView())  # fitted to a sample of rows, not all
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("journalTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(I_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(I_SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.open_button = push_button(_("Open the exchange…"), "openInteractionButton", self.open_selected,
                                       tooltip=_("Read the whole text, change it, add organisations or people (Enter)"))
        self.delete_button = push_button(_("Delete the entry"), "deleteInteractionButton", self.delete_selected)
        self.empty = QLabel(_("No exchange recorded yet. Log the first one above."))
        self.empty.setObjectName("journalEmpty")

        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addLayout(summary_row)
        layout.addWidget(self.error)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        self.reset_entry()

    DEFAULT_KIND = InteractionKind.APPEL.value

    def reset_entry(self) -> None:
        """The new-exchange line back to today and the default kind, summary emptied: a call of
        today is never silently back-dated by the previous entry."""
        self.kind_box.setCurrentIndex(self.kind_box.findData(self.DEFAULT_KIND))
        self.date_edit.setDate(QDate(dt.date.today()))
        self.summary.clear()
        self._show_error("")

    def open_meeting(self, index) -> bool:
        """The journal entry of a meeting's attendance leads back to the meeting."""
        meeting_id = meeting_of_interaction(index.data(IdRole)) if index.isValid() else None
        if meeting_id is not None:
            self.ctx.signals.open_requested.emit("meeting", meeting_id)
        return meeting_id is not None

    def set_target(self, target_id: int | None, own_name: str | None = None, members=None) -> None:
        """Show the journal of this card. `own_name` (the card's name, left out of the "With"
        column) and, for an organisation, its current `members` (the "with" menu) are read
        here when not given; a card that reads its people itself passes them with
        `set_members` when they are there."""
        if target_id != self.target_id:
            self.reset_entry()
        self.target_id = target_id
        self.setEnabled(target_id is not None)
        if own_name is None and target_id is not None:
            own = (partners.get_organisation(target_id) if self.kind == "organisation"
                   else partners.get_person(target_id))
            own_name = (own.name if self.kind == "organisation" else own.full_name) if own else None
        self._own_name = own_name or ""
        self.model.hidden_names = {own_name} if own_name else set()
        if members is None and target_id is not None and self.kind == "organisation":
            members = partners.people_of(target_id, include_past=False)
        self.set_members(members or [])
        self.refresh()

    def set_members(self, members) -> None:
        """The organisation's people offered in the "with" menu (the current ones); those
        ticked stay ticked."""
        ticked = set(self.chosen_people())
        self.with_menu.clear()
        if self.target_id is not None and self.kind == "organisation":
            for member in members:
                if not member.is_current:
                    continue
                action = self.with_menu.addAction(literal(member.full_name))
                action.setCheckable(True)
                action.setData(member.person_id)
                action.setChecked(member.person_id in ticked)
                action.toggled.connect(self._update_with)
        self.with_box.setEnabled(bool(self.with_menu.actions()))
        self._update_with()

    def chosen_people(self) -> list[int]:
        return [a.data() for a in self.with_menu.actions() if a.isChecked()]

    def set_people(self, person_ids) -> None:
        for action in self.with_menu.actions():
            action.setChecked(action.data() in person_ids)
        self._update_with()

    def _update_with(self, *_args) -> None:
        names = [a.text() for a in self.with_menu.actions() if a.isChecked()]  # already "&&"-escaped
        self.with_box.setText(_("with {name}").format(name=", ".join(names)) if names
                              else _("the organisation only"))

    def refresh(self) -> None:
        """Read the journal of the card in the background (a partner's journal holds hundreds of
        exchanges); the rows of another card are cleared at once, those of this one stay until
        the new ones are there."""
        self._generation += 1
        generation, target = self._generation, self.target_id
        if target is None:
            self._shown_for = None
            self._show([])
            return
        if self._shown_for != target and self.model.rowCount():
            self._show([])
        fetch = journal.journal_of_organisation if self.kind == "organisation" else journal.journal_of_person
        self.ctx.tasks.run(lambda _handle: fetch(target),
                           lambda rows: self._loaded(generation, target, rows),
                           lambda _exc, _details: self._load_failed(generation))

    def _loaded(self, generation: int, target: int, rows) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return  # another card, or a newer read, since
        self._shown_for = target
        self._show(rows)

    def _load_failed(self, generation: int) -> None:
        if generation == self._generation and shiboken6.isValid(self):
            self._show_error(_("The journal could not be read."))

    def _show(self, rows) -> None:
        self.model.set_rows(rows)
        if not self._date_width:  # one date is as wide as another: measured once, not over every row
            sample = self.model.cell_text(InteractionData("appel", dt.date(2026, 12, 31), ""), I_DATE)
            self._date_width = self.table.fontMetrics().horizontalAdvance(sample) + 24
            self.table.horizontalHeader().resizeSection(I_DATE, max(self._date_width,
                                                                    self.table.horizontalHeader().sectionSizeHint(I_DATE)))
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.delete_button.setEnabled(bool(rows))
        self.open_button.setEnabled(bool(rows))

    def add(self) -> bool:
        """Log the typed exchange; False (and the reason under the line) when nothing was logged."""
        if self.target_id is None:
            return False
        if self.kind == "organisation":
            orgs = [self.target_id]
            people = self.chosen_people()
        else:
            people = [self.target_id]
            orgs = journal.current_organisations_of(self.target_id)
        summary = self.summary.text().strip()
        if not summary:
            self._show_error(_("Write a short summary of the exchange."))
            return False
        try:
            journal.log_interaction(self.kind_box.currentData(), self.date_edit.date().toPython(), summary,
                                    orgs, people)
        except ValidationError as exc:
            self._show_error(" ".join(_(m) for m in exc.errors.values()))
            return False
        self.revert()
        self.refresh()
        self.logged.emit()
        self.ctx.signals.data_changed.emit("interactions")
        return True

    # --- the typed exchange as unsaved typing of the card (ui/unsaved.py) --------------------

    def is_dirty(self) -> bool:
        return self.target_id is not None and bool(self.summary.text().strip())

    def display_name(self) -> str:
        return _("{name}: new exchange being typed").format(name=self._own_name)

    def save(self) -> bool:
        return self.add()

    def revert(self) -> None:
        self.reset_entry()
        self.set_people([])

    def open_selected(self) -> None:
        """The selected exchange in full, to read and edit."""
        index = self.table.currentIndex()
        if not index.isValid() or self.open_meeting(index):  # an entry made by a meeting opens the meeting
            return
        data = journal.get_interaction(self.proxy.data(index, IdRole))
        if data is not None:
            self._run(InteractionDialog(data, self))

    def add_detailed(self) -> None:
        """A new exchange in the dialog: several organisations and people, a long text."""
        if self.target_id is None:
            return
        if self.kind == "organisation":
            data = new_exchange([self.target_id], self.chosen_people(), self.kind_box.currentData())
        else:
            data = new_exchange(journal.current_organisations_of(self.target_id), [self.target_id],
                                self.kind_box.currentData())
        data.occurred_on = self.date_edit.date().toPython()
        data.summary = self.summary.text().strip()
        if self._run(InteractionDialog(data, self)):
            self.summary.clear()
            self.set_people([])

    def _run(self, dialog) -> bool:
        """Modal dialogs go through here (tests replace it to drive the dialog)."""
        self.last_dialog = dialog
        if not dialog.exec():
            return False
        self.refresh()
        self.logged.emit()
        self.ctx.signals.data_changed.emit("interactions")
        return True

    def delete_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        if not prompts.confirm(self, _("Delete the entry"), _("Delete this entry of the journal?"), _("Delete")):
            return
        journal.delete_interaction(self.proxy.data(index, IdRole))
        self.refresh()
        self.logged.emit()
        self.ctx.signals.data_changed.emit("interactions")

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
