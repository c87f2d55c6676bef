"""« Exporter en PDF » buttons for the cards: one for a project, one for an organisation.

    button = ProjectExportButton(ctx)      # in the project card's heading row
    button.set_project(project_id)         # when the card shows a project (None: disabled)

    button = OrganisationExportButton(ctx)  # in the organisation card
    button.set_organisation(org_id)

The menu is built when it opens, from the services (partners of the project, its
sessions), and every entry goes through ExportRunner (file name asked, work in
the background, "Ouvrir" / "Afficher dans le dossier" at the end).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMenu, QToolButton

from partnerdesk.domain.projects import Stage
from partnerdesk.i18n import _, format_date
from partnerdesk.services import partners, projects, sessions
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.widgets.export_runner import ExportRunner
from partnerdesk.ui.widgets.form import literal


class _ExportButton(QToolButton):
    def __init__(self, ctx: AppContext, parent=None, runner: ExportRunner | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner or ExportRunner(ctx, self)
        self.setText(_("Export as PDF"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.menu_.aboutToShow.connect(self.fill_menu)
        self.setMenu(self.menu_)
        self.setEnabled(False)

    def fill_menu(self) -> None:
        raise NotImplementedError


class ProjectExportButton(_ExportButton):
    def __init__(self, ctx: AppContext, parent=None, runner: ExportRunner | None = None):
        super().__init__(ctx, parent, runner)
        self.setObjectName("projectExportButton")
        self.project_id: int | None = None

    def set_project(self, project_id: int | None) -> None:
        self.project_id = project_id
        self.setEnabled(project_id is not None)

    def fill_menu(self) -> None:
        menu = self.menu_
        menu.clear()
        if self.project_id is None:
            return
        project = projects.get_project(self.project_id)
        title = project.title if project else ""
        pid = self.project_id
        menu.addAction(_("Presentation dossier…"), lambda: self.runner.export("dossier", pid, None, title))
        addressed = menu.addMenu(_("Dossier for the attention of"))
        for card in projects.list_cards(pid):
            if card.stage != Stage.ABANDONNE:
                addressed.addAction(literal(card.organisation_name), lambda o=card.organisation_id, n=card.organisation_name:
                                    self.runner.export("dossier", pid, o, f"{title} - {n}"))
        addressed.setEnabled(not addressed.isEmpty())
        menu.addAction(_("Report…"), lambda: self.runner.export("bilan", pid, None, title))
        from partnerdesk.services import documents  # the export stack loads when the menu opens

        try:
            session_id = documents.session_of_project(pid, today=dt.date.today())
        except documents.DocumentError:
            action = menu.addAction(_("Attendance sheet (no session yet)"))
            action.setEnabled(False)
            return
        held_on = sessions.get_session(session_id).held_on
        menu.addAction(_("Attendance sheet of {date}…").format(date=format_date(held_on)),
                       lambda: self.runner.export("attendance", session_id, None, f"{title} {held_on.isoformat()}"))


class OrganisationExportButton(_ExportButton):
    def __init__(self, ctx: AppContext, parent=None, runner: ExportRunner | None = None):
        super().__init__(ctx, parent, runner)
        self.setObjectName("organisationExportButton")
        self.organisation_id: int | None = None

    def set_organisation(self, organisation_id: int | None) -> None:
        self.organisation_id = organisation_id
        self.setEnabled(organisation_id is not None)

    def fill_menu(self) -> None:
        self.menu_.clear()
        if self.organisation_id is None:
            return
        org = partners.get_organisation(self.organisation_id)
        oid = self.organisation_id
        self.menu_.addAction(_("Partner sheet…"),
                             lambda: self.runner.export("partner", oid, None, org.name if org else ""))
        self.menu_.addAction(_("Internal partner sheet (status, tags, exchanges)…"),
                             lambda: self.runner.export("partner-internal", oid, None, org.name if org else ""))
