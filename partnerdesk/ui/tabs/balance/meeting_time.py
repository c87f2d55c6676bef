"""Log the EPN team's time spent in a meeting: duration × people, shared between the partners present."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
)

from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _, format_money, format_number, ngettext
from partnerdesk.services import balance, balance_meetings, partners
from partnerdesk.ui.unsaved import EditingDialog
from partnerdesk.ui.widgets.form import FieldErrors


class MeetingTimeDialog(EditingDialog):
    def __init__(self, meeting_id: int, in_charge: str = "", parent=None):
        super().__init__(parent)
        self.meeting_id = meeting_id
        self.plan = balance_meetings.plan(meeting_id)
        self.setObjectName("meetingTimeDialog")
        self.setWindowTitle(_("Team time spent in the meeting"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.errors = FieldErrors()
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("meetingHours")
        self.hours.setRange(0, 24)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.25)
        self.hours.setSuffix(" h")
        self.hours.setValue(self.plan.hours_each or 0)
        self.errors.row(form, _("Duration"), "hours", self.hours)
        self.people = QSpinBox()
        self.people.setObjectName("meetingEpnPeople")
        self.people.setRange(0, 50)
        self.people.setValue(1)
        self.errors.row(form, _("EPN people present"), "people", self.people)
        self.who = QLineEdit(in_charge)
        self.who.setObjectName("meetingWho")
        form.addRow(_("Who"), self.who)
        names = [o.name for o in (partners.get_organisation(i) for i in self.plan.organisation_ids) if o]
        if names:
            shared = ngettext("Shared with the partner present: {names}.",
                              "Shared between the {count} partners present: {names}.", len(names)).format(
                count=len(names), names=", ".join(names))
        else:
            shared = _("No partner marked present: the time goes to the meeting's project.")
        self.shared = QLabel(shared)
        self.shared.setObjectName("meetingShared")
        self.shared.setWordWrap(True)
        self.errors.row(form, "", "organisation", self.shared, frame=False)
        self.total = QLabel()
        self.total.setObjectName("meetingTotal")
        form.addRow(self.total)
        if self.plan.already:
            note = QLabel(_("{hours} h were already logged from this meeting: they will be replaced.").format(
                hours=format_number(self.plan.already, 2)))
            note.setWordWrap(True)
            form.addRow(note)
        self.hours.valueChanged.connect(self._update_total)
        self.people.valueChanged.connect(self._update_total)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Log the time"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._update_total()
        self.tracker.watch(self.hours, self.people, self.who)

    def _update_total(self) -> None:
        total = self.hours.value() * self.people.value()
        self.total.setText(_("{hours} h of staff time, worth {amount}.").format(
            hours=format_number(total, 2), amount=format_money(total * balance.hourly_cost())))

    def save(self) -> bool:
        self.errors.clear()
        try:
            balance_meetings.log_meeting_time(self.meeting_id, self.people.value(), self.hours.value() or None,
                                              self.who.text().strip())
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        self.accept()
        return True
