"""The parties of a convention: the EPN and the partner organisations, each with its
signatory and its commitments."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.conventions import Party
from partnerdesk.i18n import _
from partnerdesk.services import conventions, partners
from partnerdesk.ui.tabs.conventions.rich_text import RichTextField
from partnerdesk.ui.widgets.form import push_button


class PartiesPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.parties: list[Party] = []
        self.project_id: int | None = None
        self.language = "fr"  # the convention's language and the template it was made from: a partner
        self.template_id: int | None = None  # added takes that template's engagements (`conventions.template_of`)
        self.current = -1
        self.read_only = False
        self._orgs_stale = True  # the pick list of organisations, filled when the page is shown

        self.list = QListWidget()
        self.list.setObjectName("partiesList")
        self.list.currentRowChanged.connect(self._show)
        self.org_combo = QComboBox()
        self.org_combo.setObjectName("addPartyCombo")
        self.add_button = push_button(_("Add this partner"), "addPartyButton", self.add_selected)
        self.remove_button = QPushButton(_("Remove the partner"))
        self.remove_button.clicked.connect(self.remove_current)
        left = QVBoxLayout()
        left.addWidget(QLabel("<b>" + _("Parties") + "</b>"))
        left.addWidget(self.list, 1)
        left.addWidget(self.org_combo)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)

        self.name = QLineEdit()
        self.name.setObjectName("partyName")
        self.address = QLineEdit()
        self.signatory = QLineEdit()
        self.signatory.setObjectName("partySignatory")
        self.signatory_title = QLineEdit()
        self.signatory_title.setObjectName("partySignatoryTitle")
        self.signatory_title.setPlaceholderText(_("e.g. Mayor, President, Manager"))
        self.contacts = QComboBox()
        self.contacts.setObjectName("signatoryChoices")
        self.contacts.activated.connect(self._contact_chosen)
        self.name_error = QLabel()
        self.name_error.setStyleSheet("color: #c53030;")
        self.engagements = RichTextField()
        self.engagements.editor.setObjectName("partyEngagements")
        for edit in (self.name, self.address, self.signatory, self.signatory_title):
            edit.textEdited.connect(self._edited)
        self.engagements.editor.changed.connect(self.changed)
        form = self.form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(_("Address"), self.address)
        form.addRow(_("Signatory"), self.signatory)
        form.addRow(_("From the contacts"), self.contacts)
        form.addRow(_("Signatory's title"), self.signatory_title)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(QLabel("<b>" + _("Commitments") + "</b>"))
        right.addWidget(self.engagements, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)

    def load(self, parties: list[Party], read_only: bool) -> None:
        self.parties = [Party(**p.__dict__) for p in parties]
        self.read_only = read_only
        self.current = -1
        self._orgs_stale = True
        if self.isVisible():
            self._fill_organisations()
        self._refresh_list()
        for w in (self.name, self.address, self.signatory, self.signatory_title):
            w.setReadOnly(read_only)
        self.engagements.setReadOnly(read_only)
        for w in (self.org_combo, self.add_button, self.remove_button):
            w.setEnabled(not read_only)
        if self.parties:
            self.list.setCurrentRow(0)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._fill_organisations()

    def _fill_organisations(self) -> None:
        """The organisations one can add (2,000 on a large base): read when the page is seen, not
        each time a convention opens on another page."""
        if not self._orgs_stale:
            return
        self._orgs_stale = False
        self.org_combo.clear()
        for org_id, name in partners.organisation_names():
            self.org_combo.addItem(name, org_id)

    def _refresh_list(self) -> None:
        row = self.current
        self.list.blockSignals(True)
        self.list.clear()
        for p in self.parties:
            who = f" — {p.signatory}" if p.signatory else ""
            self.list.addItem((p.name or _("(no name)")) + who)
        self.list.blockSignals(False)
        if 0 <= row < len(self.parties):
            self.list.setCurrentRow(row)

    def commit(self) -> list[Party]:
        if 0 <= self.current < len(self.parties) and not self.read_only:
            self.parties[self.current].engagements = self.engagements.editor.html()
        return self.parties

    def _show(self, row: int) -> None:
        self.commit()
        self.current = row
        party = self.parties[row] if 0 <= row < len(self.parties) else Party("")
        self.name.setText(party.name)
        self.address.setText(party.address)
        self.signatory.setText(party.signatory)
        self.signatory_title.setText(party.signatory_title)
        self.engagements.editor.set_html(party.engagements)
        self.set_name_error("")
        self._show_contacts(party)
        self.remove_button.setEnabled(not self.read_only and not party.is_epn and row >= 0)

    def organisations_changed(self) -> None:
        """Organisations or their people changed elsewhere: the pick lists follow (the parties,
        copied into the convention, stay as they are)."""
        self._orgs_stale = True
        if self.isVisible():
            self._fill_organisations()
        if 0 <= self.current < len(self.parties):
            self._show_contacts(self.parties[self.current])

    def _show_contacts(self, party: Party) -> None:
        """The people of the party's organisation, to choose the signatory from."""
        self.form.setRowVisible(self.contacts, bool(party.organisation_id))
        self.contacts.clear()
        choices = conventions.signatory_choices(party.organisation_id) if party.organisation_id else []
        self.contacts.addItem(_("(choose a person)") if choices else _("(no contact on the card)"), None)
        for name, role in choices:
            self.contacts.addItem(f"{name} — {role}" if role else name, (name, role))
        self.contacts.setEnabled(bool(choices) and not self.read_only)

    def _edited(self) -> None:
        if not (0 <= self.current < len(self.parties)):
            return
        party = self.parties[self.current]
        party.name = self.name.text()
        party.address = self.address.text()
        party.signatory = self.signatory.text()
        party.signatory_title = self.signatory_title.text()
        self.set_name_error("" if party.name.strip() else _("This field is required."))
        item = self.list.item(self.current)
        item.setText((party.name or _("(no name)")) + (f" — {party.signatory}" if party.signatory else ""))
        self.changed.emit()

    def set_name_error(self, message: str) -> None:
        self.name_error.setText(message)
        self.form.setRowVisible(self.name_error, bool(message))

    def _contact_chosen(self, index: int) -> None:
        choice = self.contacts.itemData(index)
        if choice is None or self.read_only:
            return
        name, role = choice
        self.signatory.setText(name)
        if role:
            self.signatory_title.setText(role)
        self._edited()

    def add_selected(self) -> None:
        self._fill_organisations()
        org_id = self.org_combo.currentData()
        if org_id is None or any(p.organisation_id == org_id for p in self.parties):
            return
        self.commit()
        template = conventions.template_of(self.template_id, self.language)
        self.parties.append(conventions.organisation_party(org_id, template, self.project_id))
        self.current = -1  # committed above: the editors, still showing that party, must not fill the new one
        self._refresh_list()
        self.list.setCurrentRow(len(self.parties) - 1)
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.current
        if 0 <= row < len(self.parties) and not self.parties[row].is_epn:
            del self.parties[row]
            self.current = -1
            self._refresh_list()
            self.list.setCurrentRow(max(0, row - 1))
            self.changed.emit()

    def kinds(self) -> list[str]:
        return [p.kind for p in self.parties if not p.is_epn and p.kind]
