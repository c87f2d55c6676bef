"""Fusionner…: two organisations or two people side by side; choose the value to keep for
each differing field; every contact, journal entry, tag and link moves to the kept card."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.partners import Contribution, OrgKind, OrgStatus, Public
from partnerdesk.ui.tabs.partners.cadence import cadence_label
from partnerdesk.ui.widgets.organisation_picker import attach_to_combo
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import merge, partners
from partnerdesk.ui.widgets.form import ERROR_STYLE

LABELS = {
    "name": N_("Name"), "kind": N_("Kind"), "status": N_("Status"), "address": N_("Address"),
    "postcode": N_("Postcode"), "city": N_("City"), "country": N_("Country"), "phone": N_("Phone"),
    "email": N_("Email"), "website": N_("Website"), "publics": N_("Publics reached"),
    "contributions": N_("What they can bring"), "decision_circuit": N_("Decision circuit"), "notes": N_("Notes"),
    "contact_cadence_days": N_("Contact cadence"), "verified_on": N_("Checked on"),
    "first_name": N_("First name"), "last_name": N_("Last name"), "emails": N_("Emails"), "phones": N_("Phones"),
    "relais": N_("Relay"), "title": N_("Occupation"), "websites": N_("Websites"), "addresses": N_("Addresses"),
}
_ENUMS = {"kind": OrgKind, "status": OrgStatus}
_LIST_ENUMS = {"publics": Public, "contributions": Contribution}
_AUTOMATIC = {"publics", "contributions", "emails", "phones", "notes", "decision_circuit", "relais", "verified_on",
              "websites", "addresses"}


def shown(field: str, value) -> str:
    if value in (None, "", []):
        return "—"
    if field in _ENUMS:
        member = _ENUMS[field].parse(value)
        return _(member.label) if member else str(value)
    if field in _LIST_ENUMS:
        return ", ".join(_(m.label) if (m := _LIST_ENUMS[field].parse(v)) else v for v in value)
    if field == "addresses":
        return "; ".join(a.one_line() for a in value)
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field == "verified_on":
        return format_date(value)
    if field == "contact_cadence_days":
        return cadence_label(value)
    text = str(value)
    return text if len(text) <= 160 else text[:160] + "…"


class MergeDialog(QDialog):
    """Merge another card into `keep_id` (the card the user is on)."""

    def __init__(self, kind: str, keep_id: int, parent=None):
        super().__init__(parent)
        self.kind, self.keep_id = kind, keep_id
        self.drop_id: int | None = None
        self.choices: dict[str, QButtonGroup] = {}
        self.setObjectName("mergeDialog")
        self.setWindowTitle(_("Merge…"))
        self.resize(820, 560)
        self.other = QComboBox()
        self.other.setObjectName("mergeOther")
        self.other.setEditable(True)
        self.other.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.other.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        if kind == "organisation":
            cards = [(o.id, o.name + (f" ({o.city})" if o.city else "")) for o in partners.list_organisations()]
        else:
            cards = [(p.id, p.full_name + (f" ({', '.join(p.organisations)})" if p.organisations else ""))
                     for p in partners.list_people()]
        for card_id, label in cards:
            if card_id != keep_id:
                self.other.addItem(label, card_id)
        self.other.setCurrentIndex(-1)
        self.other.activated.connect(lambda index: self.set_other(self.other.itemData(index)))
        if kind == "organisation":
            completer = attach_to_combo(self.other, allow_create=False)  # accents ignored
            completer.picked.connect(lambda org_id: org_id != keep_id and self.set_other(org_id))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.grid_holder = QWidget()
        self.grid = QGridLayout(self.grid_holder)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_holder)
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(_("Merge for good"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setToolTip(_("A merge cannot be undone."))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setEnabled(False)
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Card to merge into this one:")))
        layout.addWidget(self.other)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

    def set_other(self, drop_id: int) -> None:
        self.drop_id = drop_id
        index = self.other.findData(drop_id)
        if index >= 0 and self.other.currentIndex() != index:
            self.other.setCurrentIndex(index)
        self.keep, self.drop, self.proposal = merge.preview(self.kind, self.keep_id, drop_id)
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.choices.clear()
        for col, text in enumerate([_("Field"), _("This card"), _("The other card"), _("After the merge")]):
            head = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(head, 0, col)
        fields = merge.ORGANISATION_FIELDS if self.kind == "organisation" else merge.PERSON_FIELDS
        row = 1
        for field in fields:
            a, b = getattr(self.keep, field), getattr(self.drop, field)
            if a in (None, "", []) and b in (None, "", []):
                continue
            self.grid.addWidget(QLabel(_(LABELS[field])), row, 0)
            if a == b or field in _AUTOMATIC or b in (None, "", []) or a in (None, "", []):
                self.grid.addWidget(self._value(shown(field, a)), row, 1)
                self.grid.addWidget(self._value(shown(field, b)), row, 2)
            else:
                group = QButtonGroup(self)
                for col, (side, value) in enumerate((("keep", a), ("drop", b)), start=1):
                    radio = QRadioButton(shown(field, value))
                    radio.setObjectName(f"merge_{field}_{side}")
                    radio.setChecked(side == "keep")
                    group.addButton(radio, col)
                    self.grid.addWidget(radio, row, col)
                self.choices[field] = group
            self.grid.addWidget(self._value(shown(field, getattr(self.proposal, field))), row, 3)
            row += 1
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnStretch(3, 1)
        self.summary.setText(_("Everything of the other card (contacts, journal, tags, projects and other links) "
                               "moves to this card; the other card then disappears. Choose the values to keep "
                               "where they differ; lists and notes are combined.") + "<br><b>"
                             + _("A merge cannot be undone: Ctrl+Z will not bring the other card back.") + "</b>")
        self.merge_button.setEnabled(True)

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def choose(self, field: str, side: str) -> None:
        self.choices[field].button(1 if side == "keep" else 2).setChecked(True)

    def merged_data(self):
        values = {}
        for field, group in self.choices.items():
            source = self.keep if group.checkedId() == 1 else self.drop
            values[field] = getattr(source, field)
        return dataclasses.replace(self.proposal, **values)

    def accept(self) -> None:
        if self.drop_id is None:
            return
        data = self.merged_data()
        try:
            if self.kind == "organisation":
                merge.merge_organisations(self.keep_id, self.drop_id, data)
            else:
                merge.merge_people(self.keep_id, self.drop_id, data)
        except ValidationError as exc:
            # e.g. a French postcode kept with a foreign country: nothing was merged.
            self.summary.setText(_("These choices do not make a valid card: {errors}").format(
                errors=" ".join(_(m) for m in exc.errors.values())))
            self.summary.setStyleSheet(ERROR_STYLE)
            return
        super().accept()
