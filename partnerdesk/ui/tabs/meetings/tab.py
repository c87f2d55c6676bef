"""Rencontres: thematic meetings and committees, their invitees and answers, agenda and minutes,
decisions and actions. The list on the left, the meeting on the right in three pages."""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.meetings import MeetingData
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _, format_date, ngettext
from partnerdesk.services import meetings
from partnerdesk.services.meetings import followup
from partnerdesk.ui.models.meetings import MeetingTableModel
from partnerdesk.ui.style import comfort_tabs
from partnerdesk.ui.tabs.base import Tab
from partnerdesk.ui.tabs.meetings import TITLE
from partnerdesk.ui.tabs.meetings.details_page import DetailsPage
from partnerdesk.ui.tabs.meetings.invitees_page import InviteesPage
from partnerdesk.ui.tabs.meetings.list_columns import LIST_SHARE, MeetingColumns
from partnerdesk.ui.tabs.meetings.minutes_page import MinutesPage
from partnerdesk.ui.tabs.projects.fields import Errors, Gathered, Refusals, table
from partnerdesk.ui.unsaved import DirtyTracker, settle
from partnerdesk.ui.widgets.empty_state import EmptyState
from partnerdesk.ui.widgets.export_runner import ExportRunner
from partnerdesk.ui.widgets.form import push_button
from partnerdesk.ui.widgets.guarded_list import GuardedList
from partnerdesk.ui.widgets.heading import Heading
from partnerdesk.ui.widgets.splitters import keep_shares

UPCOMING, ALL, PAST = range(3)


class DeleteMeetingCommand(QUndoCommand):
    """Undone, the meeting comes back; redone while `tab` shows it with typing not saved, refused,
    saying so: the typing is never left on a meeting that no longer exists."""

    def __init__(self, ctx, meeting_id: int, title: str, tab=None):
        super().__init__(_("Delete the meeting “{title}”").format(title=title))
        self.ctx, self.meeting_id, self.tab = ctx, meeting_id, tab

    def redo_refusal(self) -> str | None:
        tab = self.tab
        if tab is None or not shiboken6.isValid(tab) or not tab.meeting or tab.meeting.id != self.meeting_id \
                or not tab.is_dirty():
            return None
        return _("“{step}” is not redone: what is typed for this meeting is not saved. "
                 "Save it (Ctrl+S) or take it back first.").format(step=self.text())

    def redo(self) -> None:
        meetings.delete_meeting(self.meeting_id)
        self.ctx.signals.data_changed.emit("meetings")

    def undo(self) -> None:
        meetings.restore_meeting(self.meeting_id)
        self.ctx.signals.data_changed.emit("meetings")


class MeetingsTab(Tab):
    areas = ("meetings", "projects", "organisations", "people", "tags")
    object_name = "meetingsTab"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.meeting: MeetingData | None = None
        self.tracker = DirtyTracker(self)
        self.errors = Errors()

        self.when = QComboBox()
        self.when.setObjectName("meetingsWhen")
        for text in (_("Coming"), _("All"), _("Past")):
            self.when.addItem(text)
        self.when.setCurrentIndex(ALL)
        self.when.currentIndexChanged.connect(self.refresh)
        new = push_button(_("New meeting"), "newMeeting", self.new_item)
        self.model = MeetingTableModel(self)
        self.view = table(self.model, "meetingsTable")
        self.guard = GuardedList(self.view, self, lambda: self.meeting.id if self.meeting else None,
                                 lambda meeting_id: self._show(meetings.get_meeting(meeting_id)))
        self.columns = MeetingColumns(self.view)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.when, 1)
        top.addWidget(new)
        left_layout.addLayout(top)
        left_layout.addWidget(self.view, 1)

        self.heading = Heading(lines=2)  # a title of 300 characters leaves the pages their room
        self.heading.setObjectName("meetingHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.details = DetailsPage(ctx, self.errors)
        self.invitees = InviteesPage(ctx)
        self.minutes = MinutesPage(ctx)
        self.pages = comfort_tabs(QTabWidget())
        self.pages.setObjectName("meetingPages")
        self.pages.addTab(self.details, _("Meeting"))
        self.pages.addTab(self.invitees, _("Invitees and attendance"))
        self.pages.addTab(self.minutes, _("Agenda, minutes and actions"))
        self.save_button = push_button(_("Save"), "saveMeeting", self.save)
        self.following_button = push_button(_("Save this one and the following"), "saveFollowing",
                                            lambda: self.save(following=True))
        self.delete_button = push_button(_("Delete"), "deleteMeeting", self.delete)
        self.export_button = push_button(_("Minutes (PDF)…"), "exportMinutes", self.export_minutes)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.following_button, self.delete_button):
            buttons.addWidget(button)
        self.time_button = push_button(_("Team time…"), "meetingTime", self.log_time,
                                       tooltip=_("Log the EPN team's time spent in this meeting (partnership balance)"))
        buttons.addStretch(1)
        buttons.addWidget(self.time_button)
        buttons.addWidget(self.export_button)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.heading)
        editor_layout.addWidget(self.pages, 1)
        editor_layout.addLayout(buttons)
        self.empty = EmptyState(_("No meeting yet"), _(
            "Bring partners together: a thematic meeting around one subject, or a programme's committee every two "
            "months. Click “New meeting”, invite from a tag or from a project's partners, then write the minutes "
            "and the actions."))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(editor)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        keep_shares(splitter, (LIST_SHARE, 1 - LIST_SHARE))  # the list wide enough for its date, title, answers
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)
        self.tracker.watch(self.details)
        self.minutes.edited.connect(self.tracker.mark)
        self.invitees.changed.connect(self._list_changed)
        self.minutes.changed.connect(self._list_changed)
        self.refresh()

    @classmethod
    def title(cls) -> str:
        return _(TITLE)

    # --- list -------------------------------------------------------------------------

    def _rows(self) -> list:
        """The meetings the "when" filter keeps."""
        when = self.when.currentIndex()
        rows = meetings.list_meetings(upcoming=when == UPCOMING)
        if when == PAST:
            rows = [r for r in rows if r.meeting.held_on < dt.date.today()]
        return rows

    def refresh(self) -> None:
        current = self.meeting.id if self.meeting else None
        self.model.set_rows(self._rows())
        self.columns.fit()
        if current is not None and not self.is_dirty() and meetings.get_meeting(current) is None:
            self._show(None)  # deleted elsewhere
        elif self.meeting is None:
            self._show_empty()
        self.guard.select_shown()

    def _list_changed(self) -> None:
        """Answers or actions changed: the list's counts follow, the form is left as typed."""
        self.model.set_rows(self._rows())
        self.columns.fit()
        self.guard.select_shown()

    def _show_empty(self) -> None:
        """No meeting open: say how to begin, or, when the list has meetings, to pick one."""
        if self.model.rowCount():
            self.empty.title.setText(_("Choose a meeting"))
            self.empty.text.setText(_("Pick a meeting in the list to see its invitees, minutes and actions, "
                                      "or click “New meeting”."))
        else:
            self.empty.title.setText(_("No meeting yet"))
            self.empty.text.setText(_(
                "Bring partners together: a thematic meeting around one subject, or a programme's committee every "
                "two months. Click “New meeting”, invite from a tag or from a project's partners, then write the "
                "minutes and the actions."))
        self.stack.setCurrentWidget(self.empty)

    # --- editor -----------------------------------------------------------------------

    def _show(self, meeting: MeetingData | None, *, new: bool = False) -> None:
        with self.tracker.loading():
            self._fill(meeting, new)

    def _fill(self, meeting: MeetingData | None, new: bool) -> None:
        self.errors.clear()
        self.details.reload_choices()
        self.meeting = meeting
        series = len(meetings.following_in_series(meeting)) if meeting and meeting.id and meeting.series_id else 0
        self.details.show_meeting(meeting, series)
        self.invitees.set_meeting(meeting.id if meeting else None, meeting.project_id if meeting else None)
        self.minutes.set_meeting(meeting)
        self.following_button.setVisible(series > 1)
        self.delete_button.setEnabled(bool(meeting and meeting.id))
        self.export_button.setEnabled(bool(meeting and meeting.id))
        self.time_button.setEnabled(bool(meeting and meeting.id))
        for index in (1, 2):
            self.pages.setTabEnabled(index, bool(meeting and meeting.id))
        if meeting and meeting.id:
            self.heading.set_heading(meeting.title, f" — {format_date(meeting.held_on)}")
        else:
            self.heading.set_heading(_("New meeting"))
        if meeting is not None or new:
            self.stack.setCurrentIndex(1)
        else:
            self._show_empty()

    def new_item(self) -> bool:
        if not self.maybe_save():
            return False
        self._show(MeetingData("", None), new=True)
        self.guard.select_shown()  # no row current: clicking the last one opens it again
        self.pages.setCurrentIndex(0)
        self.details.title.setFocus()
        return True

    def maybe_save(self) -> bool:
        """Before leaving a meeting with changes: save, discard or stay (ui/unsaved.py)."""
        return settle(self)

    # --- unsaved changes (ui/unsaved.py) ---------------------------------------------------

    def is_dirty(self) -> bool:
        """The form changed, or a decision or an action typed and not added."""
        return self.meeting is not None and (self.tracker.is_dirty() or self.minutes.typed())

    def display_name(self) -> str:
        return self.meeting.title if self.meeting and self.meeting.id else _("New meeting")

    def revert(self) -> None:
        """Ne pas enregistrer: the meeting as saved on screen again (a new one emptied)."""
        self.minutes.clear_typed()
        if self.meeting is not None and self.meeting.id:
            self._show(meetings.get_meeting(self.meeting.id))
        else:
            self._show(MeetingData("", None), new=True)

    def can_leave(self) -> bool:
        return self.maybe_save()

    def save(self, following: bool = False) -> bool:
        """Enregistrer (Ctrl+S, or from the unsaved-changes question): the meeting, and the decision and
        the action typed in its minutes and not added, all or nothing. Every refusal is shown at once, next
        to its field on its page, and nothing is written; the typing stays as it is."""
        if self.meeting is None:
            return False
        self.errors.clear()
        self.minutes.errors.clear()
        gathered = Gathered()
        data = self.details.read(MeetingData(**{**self.meeting.__dict__}), gathered)
        data.agenda, data.minutes = self.minutes.texts()
        repeat = self.details.repetition(gathered) if data.id is None else None
        decision, action = self.minutes.typed_entries(gathered) if data.id is not None else (None, None)
        try:
            if gathered.errors:  # what the services would refuse too, said at the same time
                gathered.add(followup.refusals(data, decision, action))
                gathered.refuse()
            if data.id is None and repeat is not None:
                rule, until, skipped = repeat
                saved = meetings.create_series(data, rule, last=until, skip=skipped)
            elif data.id is None:
                saved = [meetings.create_meeting(data)]
            else:
                saved = followup.save_with_typed(data, decision, action, following=following)
        except meetings.MeetingError as exc:
            QMessageBox.warning(self, _("Meetings"), str(exc))
            return False
        except (ValidationError, Refusals) as exc:
            self._show_refusals(exc)
            return False
        count = len(saved)
        self.tracker.set_clean()
        if decision is not None or action is not None:
            self.minutes.clear_typed()
            self.ctx.signals.data_changed.emit("todo")
        self.ctx.signals.status_message.emit(ngettext("Meeting saved.", "{count} meetings saved.",
                                                      count).format(count=count))
        self.meeting = saved[0]
        self.ctx.signals.data_changed.emit("meetings")
        self.ctx.signals.data_changed.emit("interactions")
        self._show(meetings.get_meeting(saved[0].id))
        self.guard.select_shown()
        return True

    def _show_refusals(self, exc: Exception) -> None:
        """Each message next to its field, on the meeting's page or the minutes' one; the first page
        holding a refusal shown."""
        errors = exc.errors if isinstance(exc, Refusals) else {k: _(m) for k, m in exc.errors.items()}
        minutes = {k: m for k, m in errors.items() if k in self.minutes.errors.labels}
        details = {k: m for k, m in errors.items() if k not in minutes}
        if minutes:
            self.minutes.errors.show(Refusals(minutes))
        if details:
            self.errors.show(Refusals(details))
        self.pages.setCurrentWidget(self.details if details else self.minutes)

    def delete(self) -> None:
        if not (self.meeting and self.meeting.id):
            return
        answer = QMessageBox.question(self, _("Delete the meeting"), _(
            "Delete “{title}”? Its invitees, minutes and actions go with it (Ctrl+Z brings it back).").format(
            title=self.meeting.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        meeting_id, title = self.meeting.id, self.meeting.title
        self.tracker.set_clean()
        self.meeting = None
        self.ctx.undo_for(self).push(DeleteMeetingCommand(self.ctx, meeting_id, title, self))
        self._show(None)

    def log_time(self) -> None:
        if self.meeting and self.meeting.id and self.maybe_save():
            from partnerdesk.ui.tabs.balance.meeting_time import MeetingTimeDialog

            if MeetingTimeDialog(self.meeting.id, self.meeting.in_charge, self).exec():
                self.ctx.signals.data_changed.emit("balance")
                self.ctx.signals.status_message.emit(_("Team time logged."))

    def export_minutes(self) -> None:
        if self.meeting and self.meeting.id and self.maybe_save():
            ExportRunner(self.ctx, self).export("minutes", self.meeting.id, title=self.meeting.title)

    def new_committee(self, project_id: int) -> None:
        """A new committee of the project: kind, project and title filled, ready to date and repeat."""
        if not self.new_item():
            return  # « Annuler »: the meeting typed stays as it is, kind and project included
        d = self.details
        d.kind.setCurrentIndex(d.kind.findData("comite"))
        d.project.setCurrentIndex(d.project.findData(project_id))
        d.date.setFocus()

    def open_item(self, kind: str, item_id: int) -> bool:
        if kind == "new_committee":
            self.new_committee(item_id)
            return True
        if kind != "meeting":
            return False
        meeting = meetings.get_meeting(item_id)
        if meeting is None:
            return False
        if not self.maybe_save():
            return True
        if self.model.row_of(item_id) < 0:
            self.when.setCurrentIndex(ALL)
        self._show(meeting)
        self.guard.select_shown()
        return True
