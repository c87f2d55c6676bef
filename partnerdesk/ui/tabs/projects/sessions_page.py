"""Sessions ("séances") of a project: one or a series (every N weeks or months), attendance, totals per month.

The upper form shows the session selected (its date, times, place, facilitator, partner, planned
attendance), or what the next sessions will be when none is. What is typed there and not saved, and
attendance typed and not recorded, is unsaved typing: another session clicked or reached with the
arrow keys, leaving the card or the tab, asks first (`ui/widgets/guarded_list.py`); ticking "Tenue",
cancelling or the list read again keeps it on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.projects import SessionData
from partnerdesk.domain.recurrence import RecurrenceError
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _, format_date, format_percent, month_name, parse_date
from partnerdesk.services import projects, sentences, sessions
from partnerdesk.ui.models.projects import SessionTableModel
from partnerdesk.ui.tabs.projects import session_commands
from partnerdesk.ui.tabs.projects.fields import (
    Errors,
    FieldError,
    Gathered,
    date_edit,
    read_date,
    read_int,
    set_date,
    table,
)
from partnerdesk.ui.widgets.form import push_button
from partnerdesk.ui.widgets.guarded_list import GuardedList
from partnerdesk.ui.widgets.recurrence import RecurrenceChooser


class SessionsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.project_id: int | None = None
        self._shown: int | None = None  # the session the form and the attendance show
        self._filled: tuple = ()  # the form as last filled (typing is what differs from it)
        self._repeat_left: tuple = ()  # "Repeat until", "Skip these dates", the period, as the page left them
        self.errors = Errors()
        self.model = SessionTableModel(self)
        self.view = table(self.model, "sessionsTable")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several to delete
        self.guard = GuardedList(self.view, self, lambda: self._shown,
                                 lambda session_id: self._show_session(sessions.get_session(session_id)))
        self.totals = QLabel()
        self.totals.setObjectName("sessionTotals")
        self.totals.setWordWrap(True)
        self.empty = QLabel(_("No session yet for this project. Give the first date on the right, and a "
                              "“Repeat until” date for a series, then click “Create the sessions”."))
        self.empty.setObjectName("sessionsEmpty")
        self.empty.setWordWrap(True)
        self.empty.hide()

        left = QVBoxLayout()
        left.addWidget(self.empty)
        left.addWidget(self.view, 1)
        left.addWidget(self.totals)
        left.addWidget(self._build_attendance())
        form = QWidget()
        right = QVBoxLayout(form)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self._build_new())
        right.addStretch(1)
        # every refusal shown at once may need more height than 1366×768 leaves: the form scrolls
        # rather than squeezing its fields and cutting its messages
        self.form_area = QScrollArea()
        self.form_area.setObjectName("sessionFormArea")
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setWidget(form)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.form_area, 2)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._filled = self._form()
        self._repeat_left = self._repeat()

    def _build_new(self) -> QGroupBox:
        box = QGroupBox(_("New sessions"))
        self.first = date_edit("sessionFirst")
        self.last = date_edit("sessionLast")
        self.last.setToolTip(_("Leave empty for a single session"))
        self.start_time = QLineEdit("14:00")
        self.start_time.setObjectName("sessionStart")
        self.end_time = QLineEdit("16:00")
        self.end_time.setObjectName("sessionEnd")
        self.place = QLineEdit()
        self.place.setObjectName("sessionPlace")
        self.facilitator = QLineEdit()
        self.partner = QComboBox()
        self.planned = QLineEdit()
        self.planned.setObjectName("sessionPlanned")
        self.planned.setMaximumWidth(80)
        self.skip = QLineEdit()
        self.skip.setObjectName("sessionSkip")
        self.skip.setPlaceholderText(_("e.g. 18/02/2026, 25/02/2026"))
        create = push_button(_("Create the sessions"), "createSessions", self.create_sessions)
        form = QFormLayout(box)
        form.addRow(_("First date"), self.errors.field("held_on", self.first))
        self.recurrence = RecurrenceChooser("sessionRecurrence")
        form.addRow(_("Repeat until"), self.errors.field("last", self.last))
        form.addRow(_("Repeat"), self.recurrence)
        times = QHBoxLayout()  # the two times on one line, their messages below them
        dash = QLabel("–")
        dash.setMinimumHeight(self.start_time.sizeHint().height())  # level with the fields
        top = Qt.AlignmentFlag.AlignTop
        times.addWidget(self.errors.field("start_time", self.start_time), 0, top)
        times.addWidget(dash, 0, top)
        times.addWidget(self.errors.field("end_time", self.end_time), 0, top)
        form.addRow(_("Time"), times)
        form.addRow(_("Place"), self.place)
        form.addRow(_("Facilitator"), self.facilitator)
        form.addRow(_("Partner involved"), self.partner)
        form.addRow(_("Planned attendance"), self.errors.field("planned_attendance", self.planned))
        form.addRow(_("Skip these dates"), self.errors.field("skip", self.skip))
        self.update_button = QPushButton(_("Change the selected session"))
        self.update_button.setObjectName("updateSession")
        self.update_button.setToolTip(_("Date, time, place, facilitator, partner and planned attendance of the "
                                        "session selected in the list"))
        self.update_button.clicked.connect(self.update_selected)
        self.update_button.setEnabled(False)
        form.addRow(create)
        form.addRow(self.update_button)
        return box

    def _build_attendance(self) -> QGroupBox:
        self.attendance_box = QGroupBox(_("Attendance of the selected session"))
        self.actual = QLineEdit()
        self.actual.setObjectName("sessionActual")
        self.actual.setPlaceholderText(_("Present"))
        self.actual.setMaximumWidth(80)
        self.participants = QLineEdit()
        self.participants.setObjectName("sessionParticipants")
        self.participants.setPlaceholderText(_("Names of the participants, separated by commas (optional)"))
        self.held = QCheckBox(_("Held"))
        self.held.setObjectName("sessionHeld")
        self.held.setToolTip(_("Tick when the session took place even though its attendance was not entered: "
                               "only held sessions count in the figures and the report."))
        self.held.toggled.connect(self.mark_held)
        record = push_button(_("Record"), "recordAttendance", self.record_attendance)
        cancel = push_button(_("Cancelled / restored"), "toggleSessionCancelled", self.toggle_cancelled)
        remove = push_button(_("Delete"), "deleteSessions", lambda: self.delete_session(),
                             tooltip=_("Delete the selected sessions (Del); Ctrl+Z brings them back"))
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_session)
        column = QVBoxLayout(self.attendance_box)
        row = QHBoxLayout()  # the head count's message below it reads on two lines, not five
        row.addWidget(self.errors.field("actual_attendance", self.actual), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.participants, 1, Qt.AlignmentFlag.AlignTop)
        self.errors.labels["actual_attendance"].setMinimumWidth(200)
        column.addLayout(row)
        actions = QHBoxLayout()  # on a line of their own: the names keep their room
        actions.addWidget(self.held)
        actions.addStretch(1)
        for button in (record, cancel, remove):
            actions.addWidget(button)
        column.addLayout(actions)
        self.attendance_box.setEnabled(False)
        return self.attendance_box

    def set_project(self, project_id: int | None) -> None:
        changed = project_id != self.project_id
        self.project_id = project_id
        project = projects.get_project(project_id) if project_id else None
        if changed:
            self._show_session(None)
            self._forget_left_repetition()
        if project and changed:
            self.place.setText(project.place)
            self.facilitator.setText(project.in_charge)
            self._filled = self._form()
        self.refresh()

    def select(self, record_id: int) -> None:
        """Show that session, selected (after asking about typing on another one)."""
        row = self.model.row_of(record_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def refresh(self) -> None:
        if self.project_id is None:
            self.empty.hide()
            return
        self.model.set_rows(sessions.sessions_of(self.project_id))
        self.empty.setVisible(self.model.rowCount() == 0)
        partner = self.partner.currentData()
        self.partner.clear()
        self.partner.addItem("—", None)
        for card in projects.list_cards(self.project_id):
            self.partner.addItem(card.organisation_name, card.organisation_id)
        self.partner.setCurrentIndex(max(0, self.partner.findData(partner)))  # as chosen or typed
        shown = sessions.get_session(self._shown) if self._shown is not None else None
        if self._shown is not None and (shown is None or self.model.row_of(shown.id) < 0):
            self._show_session(None)  # deleted (here, by Ctrl+Z or elsewhere): nothing left to edit
        else:
            self._show_state(shown)
        self.guard.select_shown()
        self.totals.setText(self.totals_text())

    def totals_text(self) -> str:
        t = sessions.totals(self.project_id)
        text = sentences.session_totals(t)
        months = [_("{month} {year}: {sessions} / {participants} / {rate}").format(
            month=month_name(m.month), year=m.year, sessions=m.sessions, participants=m.participants,
            rate=format_percent(m.rate)).replace(" ", "\u00a0") for m in t.per_month]  # a month is never cut
        if months:  # the months side by side, not one a line: the list keeps its rows on a small screen
            text += "<br>" + _("Per month (sessions / participants / rate):") + " " + " · ".join(months)
        return text

    def _changed(self) -> None:
        """After a write: the list and totals read again, the session shown still selected, typing kept."""
        self.ctx.signals.data_changed.emit("projects")
        self.refresh()

    def _template(self, gathered: Gathered) -> SessionData:
        """The form's session; every refusal (date, times, head count...) kept in `gathered`, not only the first."""
        data = SessionData(self.project_id, gathered.read(read_date, self.first, "held_on", required=True),
                           self.start_time.text(), self.end_time.text(), self.place.text().strip(),
                           self.facilitator.text().strip(), self.partner.currentData(),
                           gathered.read(read_int, self.planned, "planned_attendance"))
        gathered.check(sessions.validate_session, data)  # times normalised ("14h" -> "14:00") when right
        return data

    def _series(self, gathered: Gathered) -> tuple:
        """(template, last date or None, skipped dates, dates) of the sessions the form would create;
        every refusal of the form and of the repetition kept in `gathered`."""
        template = self._template(gathered)
        last = gathered.read(read_date, self.last, "last")
        skipped = gathered.read(self._skipped) or []
        dates = []
        if template.held_on is not None:
            if last is None:
                dates = [template.held_on]
            elif "last" not in gathered.errors:
                dates = gathered.check(self._dates, template.held_on, last, skipped) or []
        return template, last, skipped, dates

    def _skipped(self):
        dates = []
        for part in self.skip.text().replace(";", ",").split(","):
            try:
                day = parse_date(part)
            except ValueError:
                raise FieldError("skip", _("Enter the dates to skip such as 18/02/2026, 25/02/2026.")) from None
            if day:
                dates.append(day)
        return dates

    def create_sessions(self) -> bool:
        """One session, or a weekly series; dates that already have a session are offered to skip;
        Ctrl+Z deletes what was created."""
        created = []

        def create():
            gathered = Gathered()
            template, last, skipped, dates = self._series(gathered)
            gathered.refuse()  # every refusal at once, nothing created
            taken = sessions.dates_taken(self.project_id, dates)
            if taken:
                answer = session_commands.ask_existing_dates(self, taken)
                if answer == "cancel":
                    return
                if answer == "skip":
                    if last is None or set(taken) >= set(dates):
                        self.ctx.signals.status_message.emit(_("No new session: every date already had one."))
                        return
                    skipped = skipped + taken
            if last is None:
                created.append(sessions.create_session(template))
            else:
                created.extend(sessions.create_recurring(template, template.held_on, last, skipped,
                                                         rule=self.recurrence.rule()))
        if not self.errors.run(create):
            return False
        if created:
            self.ctx.undo.push(self, session_commands.CreateSessionsCommand(
                self.ctx, created, self._project_title(), self))
            if self._shown is not None:  # the form was a template: it no longer stands for that session
                self._show_attendance(None)
                self._shown = None
            self._filled = self._form()  # ready for the next ones, not unsaved
            self._repeat_left = self._repeat()
            self._changed()
        return bool(created)

    def _dates(self, first, last, skipped) -> list:
        """The dates of the series chosen (every N weeks or months), or the error under "until"."""
        try:
            return self.recurrence.rule().dates(first, last, skip=skipped)
        except RecurrenceError as exc:
            raise ValidationError({"last": exc.message}) from exc

    def _show_session(self, session: SessionData | None) -> None:
        """Fill the form and the attendance with `session` (None: no session, the form kept)."""
        self._shown = session.id if session else None
        if session is not None:
            set_date(self.first, session.held_on)
            self._forget_left_repetition()
            self.start_time.setText(session.start_time)
            self.end_time.setText(session.end_time)
            self.place.setText(session.place)
            self.facilitator.setText(session.facilitator)
            self.partner.setCurrentIndex(max(0, self.partner.findData(session.organisation_id)))
            self.planned.setText("" if session.planned_attendance is None else str(session.planned_attendance))
        self._filled = self._form()
        self._show_attendance(session)
        self._show_state(session)

    def _show_state(self, session: SessionData | None) -> None:
        """What is not typing: held, cancelled, which buttons act."""
        self.attendance_box.setEnabled(session is not None)
        self.update_button.setEnabled(session is not None)
        self.held.blockSignals(True)
        self.held.setChecked(bool(session and session.is_held))
        self.held.setEnabled(bool(session and not session.cancelled))
        self.held.blockSignals(False)

    def _show_attendance(self, session: SessionData | None) -> None:
        self.actual.setText("" if session is None or session.actual_attendance is None
                            else str(session.actual_attendance))
        self.participants.setText(", ".join(session.participants) if session else "")

    def _selected(self) -> SessionData | None:
        """The session the form shows (the list's current row)."""
        return sessions.get_session(self._shown) if self._shown is not None else None

    def update_selected(self) -> bool:
        """Move or change one session (the date to report it, the place...)."""
        session = self._selected()
        if session is None:
            return False

        def update():
            gathered = Gathered()
            template = self._template(gathered)
            gathered.refuse()
            for name in ("held_on", "start_time", "end_time", "place", "facilitator", "organisation_id",
                         "planned_attendance"):
                setattr(session, name, getattr(template, name))
            sessions.update_session(session)
        if self.errors.run(update):
            self._changed()
            self._fill_form_again()
            return True
        return False

    def _fill_form_again(self) -> None:
        """The form of the session shown as stored ("14h" typed reads "14:00"), its attendance as typed."""
        typed = self.actual.text(), self.participants.text()
        self._show_session(sessions.get_session(self._shown))
        self.actual.setText(typed[0])
        self.participants.setText(typed[1])

    def record_attendance(self) -> bool:
        session = sessions.get_session(self._shown) if self._shown else None
        if session is None:
            return False

        def record():
            session.actual_attendance = read_int(self.actual, "actual_attendance")
            session.participants = [p.strip() for p in self.participants.text().split(",") if p.strip()]
            sessions.update_session(session)
        if self.errors.run(record):
            self._changed()
            return True
        return False

    def mark_held(self, held: bool) -> None:
        session = self._selected()
        if session is not None:
            sessions.set_held(session.id, held)
            self._changed()

    def toggle_cancelled(self) -> None:
        session = self._selected()
        if session is not None:
            session.cancelled = not session.cancelled
            sessions.update_session(session)
            self._changed()

    # --- unsaved changes (ui/unsaved.py): the form or the attendance typed and not saved ---------

    def _form(self) -> tuple:
        """The form's fields that showing a session fills."""
        return (self.first.text().strip(), self.start_time.text().strip(),
                self.end_time.text().strip(), self.place.text().strip(), self.facilitator.text().strip(),
                self.partner.currentData(), self.planned.text().strip())

    def form_typed(self) -> bool:
        return self._form() != self._filled

    def _repeat(self) -> tuple:
        """The repetition of the sessions to create: "Repeat until", "Skip these dates", the period."""
        return (self.last.text().strip(), self.skip.text().strip(), self.recurrence.every.value(),
                self.recurrence.unit.currentData())

    def repeat_typed(self) -> bool:
        """A series typed and not created: unsaved typing like the rest of the form."""
        return self._repeat() != self._repeat_left

    def _forget_left_repetition(self) -> None:
        """"Repeat until" and "Skip these dates" left by the last series created are not kept for a
        session or a project shown next (the period stays); typed and not used, they stay (asked about)."""
        if not self.repeat_typed():
            self.last.clear()
            self.skip.clear()
            self._repeat_left = self._repeat()

    def _put_repeat_back(self) -> None:
        last, skip, every, unit = self._repeat_left
        self.last.setText(last)
        self.skip.setText(skip)
        self.recurrence.set_rule(unit, every)

    def attendance_typed(self) -> bool:
        session = sessions.get_session(self._shown) if self._shown else None
        if session is None:
            return False
        typed = [p.strip() for p in self.participants.text().split(",") if p.strip()]
        actual = "" if session.actual_attendance is None else str(session.actual_attendance)
        return self.actual.text().strip() != actual or typed != session.participants

    def shown_id(self) -> int | None:
        """The session the form and the attendance show."""
        return self._shown

    def is_dirty(self) -> bool:
        return self.form_typed() or self.repeat_typed() or self.attendance_typed()

    def display_name(self) -> str:
        session = sessions.get_session(self._shown) if self._shown else None
        if session is None or self.repeat_typed():
            return _("New sessions")
        if self.form_typed():
            return _("Session of {date}").format(date=format_date(session.held_on))
        return _("Attendance of the session of {date}").format(date=format_date(session.held_on))

    def save(self) -> bool:
        """Enregistrer (or Ctrl+S): the sessions of the form created, or the session shown changed and
        its attendance recorded. A repetition typed ("Repeat until", skipped dates, period) creates the
        series as « Créer les séances » does, from the form (the attendance typed is recorded first).
        Everything is checked first: every refusal shown at once, nothing written."""
        series = self.repeat_typed() or (self._shown is None and self.form_typed())
        gathered = Gathered()
        if series:
            self._series(gathered)
        elif self.form_typed():
            self._template(gathered)
        if self.attendance_typed():
            gathered.read(read_int, self.actual, "actual_attendance")
        if not self.errors.run(gathered.refuse):
            return False
        if self._shown is None:
            return self.create_sessions() if series else True
        if series:
            if self.attendance_typed() and not self.record_attendance():
                return False
            return self.create_sessions()
        if self.form_typed() and not self.update_selected():
            return False
        return not self.attendance_typed() or self.record_attendance()

    def revert(self) -> None:
        """Ne pas enregistrer: the session as stored on screen again, or the form as it was; the
        repetition as the page left it."""
        self._put_repeat_back()
        session = sessions.get_session(self._shown) if self._shown else None
        if session is not None:
            self._show_session(session)
            return
        first, start, end, place, facilitator, partner, planned = self._filled
        for edit, text in ((self.first, first), (self.start_time, start), (self.end_time, end),
                           (self.place, place), (self.facilitator, facilitator), (self.planned, planned)):
            edit.setText(text)
        self.partner.setCurrentIndex(max(0, self.partner.findData(partner)))

    def selected_ids(self) -> list[int]:
        model = self.view.model()
        return [model.row_at(index.row()).id for index in self.view.selectionModel().selectedRows()]

    def delete_session(self) -> bool:
        """Delete the selected sessions (one or several) after one confirmation; Ctrl+Z brings them back."""
        ids = self.selected_ids()
        if not ids or not session_commands.confirm_delete(self, len(ids)):
            return False
        self.ctx.undo.push(self, session_commands.DeleteSessionsCommand(
            self.ctx, ids, self.project_id, self._project_title(), self))
        self.refresh()
        return True

    def _project_title(self) -> str:
        project = projects.get_project(self.project_id)
        return project.title if project else ""
