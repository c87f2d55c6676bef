"""The projects of one organisation and its stage in each, for the organisation card.

    widget = OrganisationProjects(ctx)
    widget.set_organisation(org_id)     # when the card shows another organisation

Double-click (or Enter) opens the project. It refreshes itself when projects change (when next
shown, if its window is on screen but the card is not).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from partnerdesk.domain.projects import ProjectStatus, Stage
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.services import projects
from partnerdesk.ui.models.projects import label
from partnerdesk.ui.models.records import Column, RecordTableModel
from partnerdesk.ui.tabs.projects.fields import table


class OrganisationProjectTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Project"), lambda p: p.project_title),
        Column(N_("Stage"), lambda p: label(Stage, p.stage), lambda p: list(Stage).index(Stage(p.stage))),
        Column(N_("Project status"), lambda p: label(ProjectStatus, p.project_status)),
        Column(N_("Next step"), lambda p: " · ".join(x for x in (format_date(p.next_step_on), p.next_step) if x)),
    ]


class OrganisationProjects(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.organisation_id: int | None = None
        self._stale = False
        self.setObjectName("organisationProjects")
        self.model = OrganisationProjectTableModel(self)
        self.view = table(self.model, "organisationProjectsTable")
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        self.empty = QLabel(_("This organisation is in no project yet. Add it from a project's "
                              "“Partners and pipeline” page."))
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        ctx.signals.data_changed.connect(self._on_data_changed)

    def set_organisation(self, organisation_id: int | None) -> None:
        self.organisation_id = organisation_id
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        rows = projects.projects_of_organisation(self.organisation_id) if self.organisation_id else []
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.view if rows else self.empty)

    def _on_data_changed(self, area: str) -> None:
        if area in ("projects", "*"):
            if self.window().isVisible() and not self.isVisible():
                self._stale = True  # the card is not on show (a board move, say): read when it is
                return
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _open(self, index) -> None:
        record = self.model.row_at(index.row())
        self.ctx.signals.open_requested.emit("project", record.project_id)
