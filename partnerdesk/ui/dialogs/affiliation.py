"""Adding an affiliation, or a change of job (the old affiliation is closed, not overwritten)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from partnerdesk.i18n import _
from partnerdesk.ui.unsaved import EditingDialog
from partnerdesk.ui.widgets.form import ERROR_STYLE, line
from partnerdesk.ui.widgets.organisation_picker import attach_to_combo


class AffiliationDialog(EditingDialog):
    """Choose an organisation, a role and a start date."""

    def __init__(self, organisations, title: str, text: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("affiliationDialog")
        self.organisation = QComboBox()
        self.organisation.setObjectName("affiliationOrganisation")
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for org in organisations:
            self.organisation.addItem(org.name, org.id)
        self.organisation.setCurrentIndex(-1)
        attach_to_combo(self.organisation)  # accents ignored, "Create this organisation…"
        self.role = line("affiliationRole", _("e.g. Director, youth worker, volunteer"))
        self.start = QDateEdit()
        self.start.setObjectName("affiliationStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("dd/MM/yyyy")
        self.start.setDate(QDate(dt.date.today()))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        form.addRow(_("Organisation"), self.organisation)
        form.addRow(_("Role"), self.role)
        form.addRow(_("Since"), self.start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if text:
            note = QLabel(text)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.tracker.watch(self.organisation, self.role, self.start)

    def organisation_id(self) -> int | None:
        index = self.organisation.findText(self.organisation.currentText(), Qt.MatchFlag.MatchExactly)
        return self.organisation.itemData(index) if index >= 0 else None

    def accept(self) -> None:
        if self.organisation_id() is None:
            self.error.setText(_("Choose an organisation from the list."))
            self.error.show()
            return
        super().accept()

    def values(self) -> tuple[int, str, dt.date]:
        return self.organisation_id(), self.role.text().strip(), self.start.date().toPython()
