"""The "Meetings" section of an organisation's card: the actions it (or one of its people)
carries that are not done yet, and the meetings it was invited to."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from partnerdesk.i18n import _
from partnerdesk.services import meetings
from partnerdesk.services.meetings import followup
from partnerdesk.ui.models.meetings import CardActionTableModel, MeetingTableModel
from partnerdesk.ui.tabs.projects.fields import table


class OrganisationMeetings(QWidget):
    """On an organisation's card; `PersonMeetings` is the same on a person's."""

    def open_actions(self, item_id: int):
        return followup.open_actions_of_organisation(item_id)

    def meetings_of(self, item_id: int):
        return meetings.meetings_of_organisation(item_id)

    def __init__(self, ctx, card, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.card = card
        self.setObjectName("organisationMeetings")
        self.actions = CardActionTableModel(self)
        self.action_view = table(self.actions, "organisationActionsTable")
        self.action_view.doubleClicked.connect(lambda i: self._open(self.actions.row_at(i.row()).meeting_id))
        self.meetings = MeetingTableModel(self)
        self.meeting_view = table(self.meetings, "organisationMeetingsTable")
        self.meeting_view.doubleClicked.connect(lambda i: self._open(self.meetings.row_at(i.row()).meeting.id))
        self.no_action = QLabel(_("No open action."))
        actions_box = QGroupBox(_("Actions to do"))
        box_layout = QVBoxLayout(actions_box)
        box_layout.addWidget(self.no_action)
        box_layout.addWidget(self.action_view)
        meetings_box = QGroupBox(_("Meetings invited to"))
        QVBoxLayout(meetings_box).addWidget(self.meeting_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(actions_box, 1)
        layout.addWidget(meetings_box, 2)
        ctx.signals.data_changed.connect(self._on_data_changed)
        card.sections.currentChanged.connect(lambda _index: self._refresh_if_current())

    def set_organisation(self, _organisation_id: int | None) -> None:
        """The card shows another organisation: re-read now if on screen, else when shown."""
        self._shown_for = -1
        self._refresh_if_current()

    def _refresh_if_current(self) -> None:
        if self.card.sections.currentWidget() is self and self._shown_for != self.card.item_id:
            self.refresh()

    def _on_data_changed(self, area: str) -> None:
        if area in ("meetings", "todo", "*") and self.card.sections.currentWidget() is self:
            self.refresh()

    _shown_for: int | None = -1

    def refresh(self) -> None:
        org_id = self.card.item_id
        self._shown_for = org_id
        actions = self.open_actions(org_id) if org_id else []
        self.actions.set_rows(actions)
        self.no_action.setVisible(not actions)
        self.action_view.setVisible(bool(actions))
        self.meetings.set_rows(self.meetings_of(org_id) if org_id else [])

    def _open(self, meeting_id: int) -> None:
        self.ctx.signals.open_requested.emit("meeting", meeting_id)


class PersonMeetings(OrganisationMeetings):
    def open_actions(self, item_id: int):
        return followup.open_actions_of_person(item_id)

    def meetings_of(self, item_id: int):
        return meetings.meetings_of_person(item_id)
