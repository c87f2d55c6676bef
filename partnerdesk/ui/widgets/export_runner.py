"""Running a PDF export from any screen: ask where to save, build the PDF in the
background with a progress bar (and Cancel), then offer "Ouvrir" and
"Afficher dans le dossier".

    runner = ExportRunner(ctx, parent_widget)
    runner.export("bilan", project_id)                      # asks for the file name
    runner.export("dossier", project_id, partner_id=org_id)
    runner.export("partner", organisation_id)
    runner.export("attendance", session_id)
    runner.start("bilan", project_id, Path("out.pdf"))        # no question asked

The work itself is `services.documents.export`, run through `ctx.tasks`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import N_, _
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.tasks import Cancelled
from partnerdesk.ui.widgets.form import push_button

if TYPE_CHECKING:
    from partnerdesk.services.documents import Rendered

FOLDER_KEY = "exports/folder"
KIND_LABELS = {
    "dossier": N_("presentation dossier"),
    "bilan": N_("report"),
    "partner": N_("partner sheet"),
    "partner-internal": N_("internal partner sheet"),
    "attendance": N_("attendance sheet"),
    "minutes": N_("minutes"),
    "meeting_attendance": N_("attendance sheet"),
}


class ExportProgressDialog(QDialog):
    """Progress while the PDF is built; then where it is, with Open / Show in folder."""

    def __init__(self, kind: str, path: Path, opener: Callable[[QUrl], bool], parent=None):
        super().__init__(parent)
        self.setObjectName("exportProgressDialog")
        self.setWindowTitle(_("PDF export"))
        self.setMinimumWidth(460)
        self.path = path
        self.opener = opener
        self.handle = None
        self.message = QLabel(_("Creating the {document}…").format(document=_(KIND_LABELS[kind])))
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("exportNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #8a5a00;")
        self.notes.hide()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = push_button(_("Open"), "exportOpen", self.open_file)
        self.folder_button = push_button(_("Show in folder"), "exportShowFolder", self.show_folder)
        self.close_button = QPushButton(_("Close"))
        self.close_button.clicked.connect(self.accept)
        for button in (self.open_button, self.folder_button, self.close_button):
            button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.cancel_button, self.open_button, self.folder_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)

    def progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
        self.message.setText(_("Cancelling…"))
        self.cancel_button.setEnabled(False)

    def finished_ok(self, result: Rendered) -> None:
        self.path = result.path or self.path
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.message.setText(_("The PDF is ready: {path}").format(path=self.path))
        if result.notes:
            self.notes.setText("\n".join(result.notes))
            self.notes.show()
        self.cancel_button.hide()
        for button in (self.open_button, self.folder_button, self.close_button):
            button.show()
        self.open_button.setDefault(True)
        self.open_button.setFocus()
        self.adjustSize()

    def failed(self, message: str) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.message.setText(message)
        self.message.setStyleSheet("color: #b91c1c;")
        self.cancel_button.hide()
        self.close_button.show()
        self.adjustSize()

    def open_file(self) -> None:
        self.opener(QUrl.fromLocalFile(str(self.path)))

    def show_folder(self) -> None:
        self.opener(QUrl.fromLocalFile(str(Path(self.path).parent)))


class ExportRunner:
    """The one way screens export a PDF. `opener` opens URLs (the system viewer by default)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 opener: Callable[[QUrl], bool] | None = None):
        self.ctx = ctx
        self.parent = parent
        self.opener = opener or QDesktopServices.openUrl
        self.dialog: ExportProgressDialog | None = None

    def default_folder(self) -> str:
        saved = self.ctx.settings.value(FOLDER_KEY)
        if saved and Path(str(saved)).is_dir():
            return str(saved)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())

    def ask_path(self, kind: str, title: str) -> Path | None:
        from partnerdesk.services import documents  # the export stack loads with the first export

        suggested = str(Path(self.default_folder()) / documents.suggested_name(kind, title))
        path, _filter = QFileDialog.getSaveFileName(self.parent, _("Save the PDF"), suggested, _("PDF (*.pdf)"))
        if not path:
            return None
        path = Path(path)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def export(self, kind: str, target_id: int, partner_id: int | None = None, title: str = "") -> None:
        path = self.ask_path(kind, title)
        if path is not None:
            self.start(kind, target_id, path, partner_id)

    def start(self, kind: str, target_id: int, path: Path, partner_id: int | None = None) -> ExportProgressDialog:
        self.ctx.settings.setValue(FOLDER_KEY, str(Path(path).parent))
        dialog = ExportProgressDialog(kind, Path(path), self.opener, self.parent)
        self.dialog = dialog
        paths = self.ctx.paths
        dialog.show()

        def work(handle):
            from partnerdesk.services import documents  # the export stack loads in the worker, not the GUI

            return documents.export(kind, paths, target_id, path, partner_id=partner_id, report=handle.report)

        def done(result):
            dialog.finished_ok(result)
            self.ctx.signals.status_message.emit(_("PDF saved: {path}").format(path=result.path))

        def failed(exc, details):
            from partnerdesk.services import documents

            if isinstance(exc, Cancelled):
                dialog.failed(_("Export cancelled: no file was written."))
            elif isinstance(exc, documents.DocumentError):
                dialog.failed(str(exc))
            elif isinstance(exc, ValidationError):
                dialog.failed(" ".join(_(m) for m in exc.errors.values()))
            elif isinstance(exc, OSError):
                dialog.failed(_("The PDF could not be saved in this folder: {reason}").format(
                    reason=exc.strerror or exc))
            else:
                dialog.failed(_("The PDF could not be created."))
                show_error(self.parent, _("The PDF could not be created."), details).exec()

        handle = self.ctx.tasks.run(work, done, failed)
        dialog.handle = handle
        handle.progress.connect(dialog.progress)
        return dialog
