"""Fichier → Exporter un PDF: choose what to print, then the export runner does the rest.

The menu itself is `ui/export_menu.py` (this module and its services load on first use).
Cards that know their project or organisation call `ExportRunner` directly instead.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from partnerdesk.domain.projects import Stage
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.services import partners, projects, sessions
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.widgets.form import ERROR_STYLE

TITLES = {
    "dossier": N_("Presentation dossier"),
    "bilan": N_("Project report"),
    "partner": N_("Partner sheet"),
    "attendance": N_("Attendance sheet"),
}
class ExportDocumentDialog(QDialog):
    def __init__(self, ctx: AppContext, kind: str, parent=None, runner=None,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        self.today = today or dt.date.today()
        if runner is None:
            from partnerdesk.ui.widgets.export_runner import ExportRunner  # the export services load here

            runner = ExportRunner(ctx, parent)
        self.runner = runner
        self.setObjectName("exportDocumentDialog")
        self.setWindowTitle(_(TITLES[kind]))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.project = QComboBox()
        self.project.setObjectName("exportProject")
        self.partner = QComboBox()
        self.partner.setObjectName("exportPartner")
        self.session = QComboBox()
        self.session.setObjectName("exportSession")
        self.organisation = QComboBox()
        self.organisation.setObjectName("exportOrganisation")
        self.bilan_text = QPlainTextEdit()
        self.bilan_text.setObjectName("exportBilanText")
        self.bilan_text.setPlaceholderText(_("What the action achieved, in your words (and your partners'): "
                                             "this text opens the report."))
        self.error = QLabel()
        self.error.setObjectName("exportError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        if kind == "partner":
            for org_id, name in partners.organisation_names():
                self.organisation.addItem(name, org_id)
            form.addRow(_("Organisation"), self.organisation)
            self.internal = QCheckBox(_("Internal version (status, tags, projects refused, last exchanges)"))
            self.internal.setObjectName("exportInternal")
            form.addRow("", self.internal)
        else:
            for project in projects.list_projects():
                self.project.addItem(project.title, project.id)
            form.addRow(_("Project"), self.project)
            self.project.currentIndexChanged.connect(self._project_changed)
            if kind == "dossier":
                form.addRow(_("For the attention of"), self.partner)
            elif kind == "attendance":
                form.addRow(_("Session"), self.session)
            elif kind == "bilan":
                form.addRow(_("Text of the report"), self.bilan_text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export the PDF…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._project_changed()

    def _project_changed(self) -> None:
        project_id = self.project.currentData()
        self.partner.clear()
        self.session.clear()
        if project_id is None:
            empty = self.kind != "partner" and self.organisation.count() == 0
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not empty)
            return
        if self.kind == "dossier":
            self.partner.addItem(_("Nobody in particular"), None)
            for card in projects.list_cards(project_id):
                if card.stage != Stage.ABANDONNE:
                    self.partner.addItem(card.organisation_name, card.organisation_id)
        elif self.kind == "attendance":
            upcoming = 0
            for s in sessions.sessions_of(project_id):
                if s.cancelled:
                    continue
                text = format_date(s.held_on) + (f" — {s.start_time}" if s.start_time else "")
                if s.place:
                    text += f" — {s.place}"
                self.session.addItem(text, s.id)
                if s.held_on < self.today:
                    upcoming = self.session.count()
            self.session.setCurrentIndex(min(upcoming, self.session.count() - 1))
        elif self.kind == "bilan":
            project = projects.get_project(project_id)
            self.bilan_text.setPlainText(project.bilan_text if project else "")

    def target(self) -> tuple[int | None, int | None, str]:
        """(target id, partner id, title for the file name)."""
        if self.kind == "partner":
            return self.organisation.currentData(), None, self.organisation.currentText()
        if self.kind == "attendance":
            return self.session.currentData(), None, f"{self.project.currentText()} {self.session.currentText()[:10]}"
        partner = self.partner.currentData() if self.kind == "dossier" else None
        return self.project.currentData(), partner, self.project.currentText()

    def save_bilan_text(self) -> bool:
        project = projects.get_project(self.project.currentData())
        text = self.bilan_text.toPlainText().strip()
        if project is None or project.bilan_text == text:
            return True
        project.bilan_text = text
        try:
            projects.update_project(project)
        except ValidationError as exc:
            self.error.setText(" ".join(_(m) for m in exc.errors.values()))
            self.error.show()
            return False
        self.ctx.signals.data_changed.emit("projects")
        return True

    def export(self) -> None:
        self.error.hide()
        target, partner, title = self.target()
        if target is None:
            self.error.setText(_("There is nothing to choose yet: this project has no session.")
                               if self.kind == "attendance" else _("Choose what to export first."))
            self.error.show()
            return
        if self.kind == "bilan" and not self.save_bilan_text():
            return
        kind = "partner-internal" if self.kind == "partner" and self.internal.isChecked() else self.kind
        path = self.runner.ask_path(kind, title)
        if path is None:
            return
        self.accept()
        self.runner.start(kind, target, path, partner)
