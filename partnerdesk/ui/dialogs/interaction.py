"""One exchange of the journal, to read in full and edit: kind, date, the organisations
and people it involved (several of each: a thematic meeting with the mairie and the
CCAS), and the whole text. Escape or Annuler asks before throwing a change away."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from partnerdesk.domain.journal import InteractionData
from partnerdesk.domain.partners import InteractionKind
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import journal, partners
from partnerdesk.ui.unsaved import EditingDialog
from partnerdesk.ui.widgets.form import ERROR_STYLE, combo, push_button, set_combo
from partnerdesk.ui.widgets.organisation_picker import OrganisationPicker

IdRole = Qt.ItemDataRole.UserRole


class InteractionDialog(EditingDialog):
    """`data.id` None: a new exchange (pre-filled with the card's organisation or person)."""

    def __init__(self, data: InteractionData, parent=None):
        super().__init__(parent)
        self.setObjectName("interactionDialog")
        self.data = data
        self.setWindowTitle(_("Exchange") if data.id else _("New exchange"))
        self.setMinimumWidth(560)
        self.kind = combo("dialogInteractionKind", InteractionKind.choices())
        set_combo(self.kind, data.kind)
        self.date = QDateEdit()
        self.date.setObjectName("dialogInteractionDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setDate(QDate(data.occurred_on))

        self.organisations = QListWidget()
        self.organisations.setObjectName("interactionOrganisations")
        self.organisations.setMaximumHeight(96)
        self.organisations.setTabKeyNavigation(False)
        self.picker = OrganisationPicker(allow_create=False)
        self.picker.setObjectName("interactionAddOrganisation")
        self.picker.setPlaceholderText(_("Add an organisation: type a few letters of its name"))
        self.picker.chosen.connect(self._organisation_chosen)
        remove = push_button(_("Remove the selected organisation"), "removeInteractionOrganisation",
                             self._remove_organisation)
        org_row = QHBoxLayout()
        org_row.addWidget(self.picker, 1)
        org_row.addWidget(remove)

        self.people = QListWidget()
        self.people.setObjectName("interactionPeople")
        self.people.setMaximumHeight(120)
        self.people.setTabKeyNavigation(False)
        self.summary = QPlainTextEdit(data.summary)
        self.summary.setObjectName("dialogInteractionSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(140)
        self.error = QLabel()
        self.error.setObjectName("interactionDialogError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Date"), self.date)
        form.addRow(_("Organisations"), self.organisations)
        form.addRow("", org_row)
        form.addRow(_("People"), self.people)
        form.addRow(_("Summary"), self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        names = dict(zip(data.organisation_ids, data.organisation_names))
        for org_id in data.organisation_ids:
            self._add_organisation(org_id, names.get(org_id))
        self._fill_people(set(data.person_ids), dict(zip(data.person_ids, data.person_names)))
        self.summary.setFocus()
        self.tracker.watch(self.kind, self.date, self.summary, self.picker)
        for signal in (self.organisations.model().rowsInserted, self.organisations.model().rowsRemoved,
                       self.people.itemChanged):
            signal.connect(self.tracker.mark)

    # --- organisations and people ---------------------------------------------------------

    def organisation_ids(self) -> list[int]:
        return [self.organisations.item(i).data(IdRole) for i in range(self.organisations.count())]

    def person_ids(self) -> list[int]:
        return [self.people.item(i).data(IdRole) for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.CheckState.Checked]

    def _add_organisation(self, org_id: int, name: str | None = None) -> None:
        if org_id in self.organisation_ids():
            return
        if name is None:
            org = partners.get_organisation(org_id)
            name = org.name if org else "?"
        item = QListWidgetItem(name)
        item.setData(IdRole, org_id)
        self.organisations.addItem(item)

    def _organisation_chosen(self, org_id: int) -> None:
        if not org_id:
            return
        self._add_organisation(org_id)
        self.picker.clear()
        self._fill_people(set(self.person_ids()))

    def add_organisation(self, org_id: int) -> None:
        self._organisation_chosen(org_id)

    def _remove_organisation(self) -> None:
        row = self.organisations.currentRow()
        if row >= 0:
            self.organisations.takeItem(row)
            self._fill_people(set(self.person_ids()))

    def _fill_people(self, checked: set[int], names: dict[int, str] | None = None) -> None:
        """The current people of the chosen organisations, plus anyone already ticked."""
        names = dict(names or {})
        for i in range(self.people.count()):
            item = self.people.item(i)
            names.setdefault(item.data(IdRole), item.text())
        shown = {pid: name for pid, name in names.items() if pid in checked}
        for org_id in self.organisation_ids():
            for member in partners.people_of(org_id, include_past=False):
                shown.setdefault(member.person_id, member.full_name)
        self.people.clear()
        for pid, name in sorted(shown.items(), key=lambda pair: pair[1].casefold()):
            item = QListWidgetItem(name)
            item.setData(IdRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if pid in checked else Qt.CheckState.Unchecked)
            self.people.addItem(item)

    def set_person_checked(self, person_id: int, checked: bool = True) -> None:
        for i in range(self.people.count()):
            item = self.people.item(i)
            if item.data(IdRole) == person_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # --- saving ---------------------------------------------------------------------------

    def collected(self) -> InteractionData:
        return InteractionData(
            kind=self.kind.currentData(), occurred_on=self.date.date().toPython(),
            summary=self.summary.toPlainText().strip(), organisation_ids=self.organisation_ids(),
            person_ids=self.person_ids(), project_id=self.data.project_id, id=self.data.id)

    def save(self) -> bool:
        data = self.collected()
        if self.picker.text().strip():  # typed, never chosen: not thrown away on saving
            self._show_error(_("Choose the organisation you typed from the list under its field, or clear "
                               "that field."))
            self.picker.setFocus()
            return False
        if not data.summary:
            self._show_error(_("Write a short summary of the exchange."))
            return False
        try:
            if data.id is None:
                saved = journal.log_interaction(data.kind, data.occurred_on, data.summary, data.organisation_ids,
                                                data.person_ids, data.project_id)
            else:
                saved = journal.update_interaction(data)
        except ValidationError as exc:
            self._show_error(" ".join(_(m) for m in exc.errors.values()))
            return False
        self.data = saved
        self.accept()
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


def new_exchange(organisation_ids=(), person_ids=(), kind: str = InteractionKind.RENCONTRE.value) -> InteractionData:
    return InteractionData(kind=kind, occurred_on=dt.date.today(), organisation_ids=list(organisation_ids),
                           person_ids=list(person_ids))
