"""Log staff time spent on a partner (optionally within one of its projects)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLineEdit

from partnerdesk.domain.balance import TimeEntry
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import balance, projects
from partnerdesk.ui.tabs.projects.fields import FieldError, date_edit, read_date, set_date
from partnerdesk.ui.unsaved import EditingDialog
from partnerdesk.ui.widgets.form import FieldErrors


class TimeEntryDialog(EditingDialog):
    def __init__(self, organisation_id: int, parent=None):
        super().__init__(parent)
        self.organisation_id = organisation_id
        self.entry: TimeEntry | None = None
        self.setObjectName("timeEntryDialog")
        self.setWindowTitle(_("Log staff time"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        self.errors = FieldErrors()
        self.worked_on = date_edit("timeDate")
        set_date(self.worked_on, dt.date.today())
        self.errors.row(form, _("Date"), "worked_on", self.worked_on)
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("timeHours")
        self.hours.setRange(0, 744)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(1)
        self.hours.setSuffix(" h")
        self.errors.row(form, _("Hours"), "hours", self.hours)
        self.who = QLineEdit()
        self.who.setObjectName("timeWho")
        self.who.setPlaceholderText(_("who spent the time"))
        self.errors.row(form, _("Who"), "who", self.who)
        self.description = QLineEdit()
        self.description.setObjectName("timeDescription")
        self.description.setMaxLength(500)
        self.description.setPlaceholderText(_("e.g. steering committee and minutes"))
        self.errors.row(form, _("What"), "description", self.description)
        self.project = QComboBox()
        self.project.setObjectName("timeProject")
        self.project.addItem(_("No project (the relationship itself)"), None)
        for p in projects.projects_of_organisation(organisation_id):
            self.project.addItem(p.project_title, p.project_id)
        self.errors.row(form, _("Project"), "organisation", self.project)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.tracker.watch(self.worked_on, self.hours, self.who, self.description, self.project)

    def save(self) -> bool:
        self.errors.clear()
        try:
            entry = TimeEntry(read_date(self.worked_on, "worked_on", required=True), self.hours.value(),
                              self.who.text(), self.description.text(), organisation_id=self.organisation_id,
                              project_id=self.project.currentData())
            self.entry = balance.log_time(entry)
        except FieldError as exc:
            self.errors.set(exc.field, str(exc))
            return False
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        self.accept()
        return True
