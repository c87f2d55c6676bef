"""During and after: the agenda and the minutes (the conventions' rich text), the decisions,
the actions (who, what, by when), and the compte rendu PDF."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.meetings import ActionData
from partnerdesk.i18n import N_, _
from partnerdesk.services import projects
from partnerdesk.services.meetings import followup, invitations
from partnerdesk.ui.models.meetings import ActionTableModel
from partnerdesk.ui.models.records import Column, RecordTableModel
from partnerdesk.ui.tabs.conventions.rich_text import RichTextField
from partnerdesk.ui.tabs.projects.fields import Errors, Gathered, date_edit, read_date, selected_record, table
from partnerdesk.ui.widgets.form import push_button


class DecisionTableModel(RecordTableModel):
    COLUMNS = [Column(N_("Decision"), lambda r: r.text)]


class MinutesPage(QWidget):
    changed = Signal()  # decisions or actions changed
    edited = Signal()  # the agenda or the minutes were typed in

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.errors = Errors()
        self.agenda = RichTextField()
        self.agenda.setObjectName("meetingAgenda")
        self.minutes = RichTextField()
        self.minutes.setObjectName("meetingMinutes")
        for field in (self.agenda, self.minutes):
            field.editor.changed.connect(self.edited)
        texts = QSplitter()
        for title, field in ((_("Agenda"), self.agenda), (_("Minutes"), self.minutes)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(field)
            texts.addWidget(box)
        texts.setSizes([300, 500])
        lower = QHBoxLayout()
        lower.addWidget(self._build_decisions(), 1)
        lower.addWidget(self._build_actions(), 2)
        layout = QVBoxLayout(self)
        layout.addWidget(texts, 1)
        layout.addLayout(lower, 1)

    def _build_decisions(self) -> QGroupBox:
        box = QGroupBox(_("Decisions"))
        self.decisions = DecisionTableModel(self)
        self.decision_view = table(self.decisions, "decisionsTable")
        self.decision_text = QLineEdit()
        self.decision_text.setObjectName("decisionText")
        self.decision_text.setPlaceholderText(_("e.g. Open a second session on Saturday mornings"))
        self.decision_text.returnPressed.connect(self.add_decision)
        add = push_button(_("Add"), "addDecision", self.add_decision)
        remove = push_button(_("Delete"), "deleteDecision", self.delete_decision)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(box)
        layout.addWidget(self.decision_view)
        layout.addWidget(self.errors.field("decision", self.decision_text))
        layout.addLayout(row)
        return box

    def _build_actions(self) -> QGroupBox:
        box = QGroupBox(_("Actions"))
        self.actions = ActionTableModel(self)
        self.action_view = table(self.actions, "actionsTable")
        self.action_view.setWordWrap(True)
        header = self.action_view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (ActionTableModel.WHAT, ActionTableModel.WHO):
            header.setSectionResizeMode(column, header.ResizeMode.Stretch)
        self.action_what = QLineEdit()
        self.action_what.setObjectName("actionWhat")
        self.action_what.setPlaceholderText(_("What"))
        self.action_owner = QComboBox()
        self.action_owner.setObjectName("actionOwner")
        self.action_owner.setEditable(True)
        self.action_owner.setToolTip(_("An invitee, or the name of someone of the EPN"))
        self.action_owner.lineEdit().setPlaceholderText(_("Who"))
        self.action_due = date_edit("actionDue")
        add = push_button(_("Add"), "addAction", self.add_action)
        done = push_button(_("Done / not done"), "actionDone", self.toggle_done)
        remove = push_button(_("Delete"), "deleteAction", self.delete_action)
        row = QHBoxLayout()  # the fields on one line at the top, their messages below them
        top = Qt.AlignmentFlag.AlignTop
        row.addWidget(self.errors.field("what", self.action_what), 2, top)
        row.addWidget(self.errors.field("owner", self.action_owner), 2, top)
        row.addWidget(self.errors.field("due_on", self.action_due), 0, top)
        row.addWidget(add, 0, top)
        buttons = QHBoxLayout()
        hint = QLabel(_("Open actions appear in “To do” and on the partner's card until done."))
        hint.setWordWrap(True)
        buttons.addWidget(hint, 1)
        buttons.addWidget(done)
        buttons.addWidget(remove)
        layout = QVBoxLayout(box)
        layout.addWidget(self.action_view)
        layout.addLayout(row)
        layout.addLayout(buttons)
        return box

    # --- loading ----------------------------------------------------------------------

    def set_meeting(self, meeting) -> None:
        if (meeting.id if meeting else None) != self.meeting_id:  # a decision or action typed for the
            self.clear_typed()                                     # last meeting is never added to this one
        self.meeting_id = meeting.id if meeting else None
        self.setEnabled(self.meeting_id is not None)
        self.errors.clear()
        self.agenda.editor.set_html(meeting.agenda if meeting else "")
        self.minutes.editor.set_html(meeting.minutes if meeting else "")
        self.refresh()

    def refresh(self) -> None:
        self.decisions.set_rows(followup.decisions_of(self.meeting_id) if self.meeting_id else [])
        self.actions.set_rows(followup.actions_of(self.meeting_id) if self.meeting_id else [])
        self.reload_owners()

    def reload_owners(self) -> None:
        """The invitees (people, then organisations), then the EPN's people in charge."""
        text = self.action_owner.currentText()
        self.action_owner.clear()
        for invitee in invitations.invitees_of(self.meeting_id) if self.meeting_id else []:
            self.action_owner.addItem(invitee.label, ("person", invitee.person_id, invitee.organisation_id)
                                      if invitee.person_id else ("organisation", None, invitee.organisation_id))
        for name in projects.people_in_charge():
            self.action_owner.addItem(name, ("epn", name, None))
        self.action_owner.setEditText(text)

    def texts(self) -> tuple[str, str]:
        return self.agenda.editor.html(), self.minutes.editor.html()

    # --- a decision or an action typed and not added: unsaved typing of the meeting ------------

    def typed(self) -> bool:
        return any(text.strip() for text in (self.decision_text.text(), self.action_what.text(),
                                              self.action_owner.currentText(), self.action_due.text()))

    def clear_typed(self) -> None:
        self.decision_text.clear()
        self.action_what.clear()
        self.action_owner.setEditText("")
        self.action_due.clear()

    def typed_entries(self, gathered: Gathered) -> tuple[str | None, ActionData | None]:
        """The decision and the action typed and not added (None: nothing typed there), for the tab's
        Enregistrer, which writes them with the meeting or nothing at all; a date typed wrong is kept in
        `gathered`."""
        decision = self.decision_text.text() if self.decision_text.text().strip() else None
        action = None
        if any(text.strip() for text in (self.action_what.text(), self.action_owner.currentText(),
                                         self.action_due.text())):
            action = ActionData(self.meeting_id, self.action_what.text(),
                                gathered.read(read_date, self.action_due, "due_on"), **self._owner())
        return decision, action

    # --- decisions and actions ---------------------------------------------------------

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()
        self.ctx.signals.data_changed.emit("todo")

    def add_decision(self) -> bool:
        def add():
            followup.add_decision(self.meeting_id, self.decision_text.text())
            self.decision_text.clear()
        if self.errors.run(add):
            self._changed()
            return True
        return False

    def delete_decision(self) -> None:
        record = selected_record(self.decision_view)
        if record is not None:
            followup.delete_decision(record.id)
            self._changed()

    def _owner(self) -> dict:
        text = self.action_owner.currentText().strip()
        index = self.action_owner.findText(text)
        data = self.action_owner.itemData(index) if index >= 0 else None
        if data is None:
            return {"owner_epn": text}
        kind, value, org = data
        if kind == "person":
            return {"owner_person_id": value}
        if kind == "organisation":
            return {"owner_organisation_id": org}
        return {"owner_epn": value}

    def add_action(self) -> bool:
        def add():
            followup.add_action(ActionData(self.meeting_id, self.action_what.text(),
                                           read_date(self.action_due, "due_on", required=True), **self._owner()))
            self.action_what.clear()
            self.action_due.clear()
            self.action_owner.setEditText("")
        if self.errors.run(add):
            self._changed()
            return True
        return False

    def toggle_done(self) -> None:
        record = selected_record(self.action_view)
        if record is not None:
            followup.set_action_done(record.id, None if record.done else dt.date.today())
            self._changed()

    def delete_action(self) -> None:
        record = selected_record(self.action_view)
        if record is not None:
            followup.delete_action(record.id)
            self._changed()
