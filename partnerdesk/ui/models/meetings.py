"""Qt models of the Rencontres: the list of meetings, the invitees, the actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from partnerdesk.domain.meetings import Answer, MeetingKind
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.services.meetings import answers_summary
from partnerdesk.ui.models.records import Column, RecordTableModel


def _label(enum, value: str) -> str:
    member = enum.parse(value)
    return _(member.label) if member else value


class MeetingTableModel(RecordTableModel):
    """Rows: MeetingSummary (its `id` is the meeting's)."""

    DATE, TITLE, ANSWERS, KIND, PROJECT = range(5)
    COLUMNS = [
        Column(N_("Date"), lambda r: format_date(r.meeting.held_on), lambda r: (r.meeting.held_on.isoformat(),
                                                                                 r.meeting.start_time)),
        Column(N_("Title"), lambda r: r.meeting.title + (" — " + _("cancelled") if r.meeting.cancelled else ""),
               tooltip=lambda r: "\n".join(x for x in (r.meeting.title, _label(MeetingKind, r.meeting.kind),
                                                       r.project_title, r.meeting.theme) if x)),
        Column(N_("Answers"), lambda r: answers_summary(r.answers), tooltip=lambda r: answers_summary(r.answers)),
        Column(N_("Kind"), lambda r: _label(MeetingKind, r.meeting.kind)),
        Column(N_("Project"), lambda r: r.project_title),
    ]

    def set_rows(self, rows) -> None:
        for r in rows:
            r.id = r.meeting.id
        super().set_rows(rows)

    def extra_data(self, record, column, role):
        if role == Qt.ItemDataRole.ForegroundRole and record.meeting.cancelled:
            return QColor("#8a8f98")
        return None


ANSWER_COLOURS = {"present": "#15803d", "confirme": "#1d4ed8", "excuse": "#8a5a00", "absent": "#b91c1c"}


class InviteeTableModel(RecordTableModel):
    NAME, ROLE, ANSWER, EMAIL = range(4)
    COLUMNS = [
        Column(N_("Invitee"), lambda r: r.label),
        Column(N_("Job title"), lambda r: r.role),
        Column(N_("Answer"), lambda r: _label(Answer, r.answer)),
        Column(N_("Email"), lambda r: ", ".join(r.emails[:1])),
    ]

    def extra_data(self, record, column, role):
        if role == Qt.ItemDataRole.ForegroundRole and column == self.ANSWER and record.answer in ANSWER_COLOURS:
            return QColor(ANSWER_COLOURS[record.answer])
        return None


class ActionTableModel(RecordTableModel):
    WHAT, WHO, DUE, DONE = range(4)
    COLUMNS = [
        Column(N_("What"), lambda r: r.what),
        Column(N_("Who"), lambda r: r.owner_label),
        Column(N_("By"), lambda r: format_date(r.due_on), lambda r: r.due_on.isoformat() if r.due_on else ""),
        Column(N_("Done"), lambda r: format_date(r.done_on) if r.done_on else ""),
    ]


class CardActionTableModel(RecordTableModel):
    """The open actions on a partner's card, with the meeting they come from."""

    COLUMNS = [
        Column(N_("By"), lambda r: format_date(r.due_on), lambda r: r.due_on.isoformat() if r.due_on else ""),
        Column(N_("What"), lambda r: r.what),
        Column(N_("Who"), lambda r: r.owner_label),
        Column(N_("Meeting"), lambda r: f"{r.meeting_title} ({format_date(r.meeting_on)})"),
    ]
