"""The meeting itself: kind, title and theme, date and times, place, person in charge,
project, tags; and, for a new meeting, its repetition (every N weeks / months until a date,
minus skipped dates)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.meetings import MeetingData, MeetingKind
from partnerdesk.domain.recurrence import parse_dates
from partnerdesk.i18n import _, parse_date
from partnerdesk.services import projects, tags
from partnerdesk.ui.tabs.projects.fields import (
    Errors,
    FieldError,
    Gathered,
    date_edit,
    enum_combo,
    read_date,
    select_data,
    set_date,
)
from partnerdesk.ui.widgets.recurrence import RecurrenceChooser
from partnerdesk.ui.widgets.tag_picker import TagPicker


class DetailsPage(QWidget):
    changed = Signal()

    def __init__(self, ctx, errors: Errors, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.errors = errors
        self.kind = enum_combo(MeetingKind, object_name="meetingKind")
        self.title = QLineEdit()
        self.title.setObjectName("meetingTitle")
        self.title.setPlaceholderText(_("e.g. Programming committee"))
        self.theme = QLineEdit()
        self.theme.setObjectName("meetingTheme")
        self.theme.setPlaceholderText(_("e.g. Seniors and digital tools"))
        self.date = date_edit("meetingDate")
        self.start = QLineEdit()
        self.start.setObjectName("meetingStart")
        self.start.setPlaceholderText("14:00")
        self.start.setMaximumWidth(80)
        self.end = QLineEdit()
        self.end.setObjectName("meetingEnd")
        self.end.setPlaceholderText("16:00")
        self.end.setMaximumWidth(80)
        self.place = QLineEdit()
        self.place.setObjectName("meetingPlace")
        self.in_charge = QComboBox()
        self.in_charge.setObjectName("meetingInCharge")
        self.in_charge.setEditable(True)
        self.project = QComboBox()
        self.project.setObjectName("meetingProject")
        self.project.currentIndexChanged.connect(self._project_chosen)
        self.tag_picker = TagPicker()
        self.cancelled = QCheckBox(_("Cancelled"))
        self.cancelled.setObjectName("meetingCancelled")
        self.cancelled.setToolTip(_("A cancelled meeting stays in the list, leaves the agenda export and gives "
                                    "no journal entry"))

        self.repeat = QCheckBox(_("Repeat this meeting"))
        self.repeat.setObjectName("meetingRepeat")
        self.recurrence = RecurrenceChooser("meetingRecurrence")
        self.until = date_edit("meetingUntil")
        self.skip = QLineEdit()
        self.skip.setObjectName("meetingSkip")
        self.skip.setPlaceholderText(_("e.g. 18/02/2026, 25/02/2026"))
        self.repeat_box = QWidget()
        repeat_form = QFormLayout(self.repeat_box)
        repeat_form.setContentsMargins(0, 0, 0, 0)
        repeat_form.addRow(_("Repeat"), self.recurrence)
        repeat_form.addRow(_("Repeat until"), errors.field("last", self.until))
        repeat_form.addRow(_("Skip these dates"), errors.field("skip", self.skip))
        self.repeat_box.setEnabled(False)
        self.repeat.toggled.connect(self.repeat_box.setEnabled)
        self.series_note = QLabel()
        self.series_note.setObjectName("meetingSeriesNote")
        self.series_note.setWordWrap(True)
        self.series_note.setStyleSheet("color: #4b5563;")

        times = QHBoxLayout()  # the two times on one line, their messages below them
        dash = QLabel("–")
        dash.setMinimumHeight(self.start.sizeHint().height())  # level with the fields
        top = Qt.AlignmentFlag.AlignTop
        times.addWidget(errors.field("start_time", self.start), 0, top)
        times.addWidget(dash, 0, top)
        times.addWidget(errors.field("end_time", self.end), 0, top)
        times.addStretch(1)
        for name in ("start_time", "end_time"):  # a message shown under a short field reads on two lines, not five
            errors.labels[name].setMinimumWidth(220)
        form = QFormLayout()
        form.addRow(_("Kind"), errors.field("kind", self.kind))
        form.addRow(_("Title"), errors.field("title", self.title))
        form.addRow(_("Theme"), self.theme)
        form.addRow(_("Date"), errors.field("held_on", self.date))
        form.addRow(_("Time"), times)
        form.addRow(_("Place"), self.place)
        form.addRow(_("In charge"), self.in_charge)
        form.addRow(_("Project"), errors.field("project_id", self.project))
        form.addRow(_("Tags"), self.tag_picker)
        form.addRow("", self.cancelled)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.series_note)
        layout.addWidget(self.repeat)
        layout.addWidget(self.repeat_box)
        layout.addStretch(1)
        for edit in (self.title, self.theme, self.date, self.start, self.end, self.place):
            edit.textChanged.connect(self.changed)
        for combo in (self.kind, self.project):
            combo.currentIndexChanged.connect(self.changed)
        self.in_charge.editTextChanged.connect(self.changed)
        self.tag_picker.changed.connect(self.changed)
        self.cancelled.toggled.connect(self.changed)
        # the repetition of a new meeting is typing too (asked about before it is left)
        self.repeat.toggled.connect(self.changed)
        for edit in (self.until, self.skip):
            edit.textChanged.connect(self.changed)
        self.recurrence.every.valueChanged.connect(self.changed)
        self.recurrence.unit.currentIndexChanged.connect(self.changed)

    def reload_choices(self) -> None:
        """Projects and people in charge, kept on the current choice."""
        current = self.project.currentData()
        self.project.blockSignals(True)
        self.project.clear()
        self.project.addItem(_("— no project —"), None)
        for project_id, title in projects.project_titles():
            self.project.addItem(title, project_id)
        select_data(self.project, current)
        self.project.blockSignals(False)
        text = self.in_charge.currentText()
        self.in_charge.blockSignals(True)
        self.in_charge.clear()
        self.in_charge.addItems(projects.people_in_charge())
        self.in_charge.setEditText(text)
        self.in_charge.blockSignals(False)

    def _project_chosen(self) -> None:
        """A committee of a project: its title proposed while the title is still empty."""
        project_id = self.project.currentData()
        if project_id and not self.title.text().strip() and self.kind.currentData() == MeetingKind.COMITE.value:
            project = projects.get_project(project_id)
            if project:
                self.title.setText(_("Steering committee — {project}").format(project=project.title))

    def show_meeting(self, meeting: MeetingData | None, series_size: int = 0) -> None:
        meeting = meeting or MeetingData("", None)
        select_data(self.kind, meeting.kind)
        self.title.setText(meeting.title)
        self.theme.setText(meeting.theme)
        set_date(self.date, meeting.held_on)
        self.start.setText(meeting.start_time)
        self.end.setText(meeting.end_time)
        self.place.setText(meeting.place)
        self.in_charge.setEditText(meeting.in_charge)
        select_data(self.project, meeting.project_id)
        self.tag_picker.set_tags(tags.list_tags(), meeting.tag_ids)
        self.cancelled.setChecked(meeting.cancelled)
        is_new = meeting.id is None
        self.repeat.setVisible(is_new)
        self.repeat_box.setVisible(is_new)
        self.repeat.setChecked(False)
        self.until.clear()
        self.skip.clear()
        self.series_note.setVisible(series_size > 1)
        self.series_note.setText(_("This meeting belongs to a series. “Save” changes it alone; “Save this one and "
                                   "the following” changes the later ones too (their dates follow the new date)."))

    def read(self, meeting: MeetingData, gathered: Gathered | None = None) -> MeetingData:
        """The form's values into `meeting` (raises FieldError on a date typed wrong; with `gathered`,
        the refusal is kept there and the date left None)."""
        meeting.kind = self.kind.currentData()
        meeting.title = self.title.text()
        meeting.theme = self.theme.text()
        if gathered is not None:
            meeting.held_on = gathered.read(read_date, self.date, "held_on", required=True)
        else:
            meeting.held_on = read_date(self.date, "held_on", required=True)
        meeting.start_time = self.start.text()
        meeting.end_time = self.end.text()
        meeting.place = self.place.text()
        meeting.in_charge = self.in_charge.currentText()
        meeting.project_id = self.project.currentData()
        meeting.tag_ids = self.tag_picker.chosen_ids()
        meeting.cancelled = self.cancelled.isChecked()
        return meeting

    def repetition(self, gathered: Gathered):
        """(rule, until, skipped dates) when "repeat" is ticked, else None; the refusals of both dates
        kept in `gathered`."""
        if not self.repeat.isChecked():
            return None
        until = gathered.read(read_date, self.until, "last", required=True)
        skipped = gathered.read(self._skipped)
        return self.recurrence.rule(), until, skipped or []

    def _skipped(self) -> list:
        try:
            return parse_dates(self.skip.text(), parse_date)
        except ValueError:
            raise FieldError("skip", _("Enter the dates to skip such as 18/02/2026, 25/02/2026.")) from None
