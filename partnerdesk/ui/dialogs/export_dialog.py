"""Fichier → Exporter…: organisations or people (all, a tag, the filtered list)
to CSV / .ods / vCard, or the agenda to .ics."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from partnerdesk.i18n import _, ngettext
from partnerdesk.services.exports import files
from partnerdesk.ui.dialogs import file_output
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.tasks import Cancelled
from partnerdesk.ui.widgets.stoppable import StoppableTask


class ExportDialog(QDialog):
    """`ids`: the cards of the current filtered list (with `ids_kind`), offered as a choice."""

    def __init__(self, ctx, parent=None, ids: list[int] | None = None, ids_kind: str = "organisations"):
        super().__init__(parent)
        self.ctx = ctx
        self.ids, self.ids_kind = ids, ids_kind
        self.setObjectName("exportDialog")
        self.setWindowTitle(_("Export"))
        self.resize(560, 260)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("exportKind")
        for key, label in files.KINDS.items():
            self.kind_combo.addItem(_(label), key)
        self.which_combo = QComboBox()
        self.which_combo.setObjectName("exportWhich")
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("exportPath")
        form.addRow(_("What"), self.kind_combo)
        form.addRow(_("Which"), self.which_combo)
        form.addRow(_("Format"), self.format_combo)
        form.addRow(_("File"), file_output.save_path_row(self, self.path_edit, _("Export")))
        self.message = file_output.MessageLine("exportMessage")
        self.progress = QProgressBar()
        self.progress.hide()
        self.stop_button = QPushButton(_("Stop"))
        self.stop_button.setObjectName("exportStop")
        self.stop_button.hide()
        self.task = StoppableTask(self.progress, self.stop_button, lambda busy: self.export_button.setEnabled(not busy))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.stop_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(_("Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(progress_row)
        layout.addStretch()
        layout.addWidget(buttons)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.format_combo.currentIndexChanged.connect(self._suggest_name)
        if ids is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(ids_kind))
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.which_combo.clear()
        if kind == "agenda":
            self.which_combo.addItem(_("From today on"), "future")
            self.which_combo.addItem(_("Everything"), "all")
        else:
            self.which_combo.addItem(_("All"), None)
            file_output.add_selection_choices(self.which_combo, self.ids, self.ids_kind, kind)
            self.which_combo.setCurrentIndex(max(0, self.which_combo.findData("ids")))
        self.format_combo.clear()
        for fmt in files.FORMATS_OF[kind]:
            self.format_combo.addItem(_(files.FORMATS[fmt]), fmt)
        self._suggest_name()

    def _suggest_name(self) -> None:
        fmt = self.format_combo.currentData()
        if not fmt:
            return
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else file_output.export_folder(self.ctx.settings)
        name = {"organisations": _("organisations"), "people": _("contacts"), "agenda": _("agenda")}[
            self.kind_combo.currentData()]
        self.path_edit.setText(str(folder / f"{name}.{fmt}"))

    def selection(self):
        return file_output.chosen_selection(self.which_combo.currentData(), self.ids)

    def export(self) -> None:
        import datetime as dt

        target, problem = file_output.target_path(self.path_edit.text())
        if target is None:
            self.message.error(problem)
            return
        kind, fmt, which = self.kind_combo.currentData(), self.format_combo.currentData(), self.selection()
        since = dt.date.today() if self.which_combo.currentData() == "future" else None
        paths = self.ctx.paths
        self.message.info(_("Exporting…"))

        def done(count):
            self.message.info(ngettext("{count} item written to {path}", "{count} items written to {path}", count).format(
                count=count, path=target))
            file_output.remember_export_folder(self.ctx.settings, target)
            self.ctx.signals.status_message.emit(_("Export written: {path}").format(path=target))

        def failed(exc, details):
            if isinstance(exc, Cancelled):
                self.message.info(_("Export stopped: no file was written."))
            elif isinstance(exc, files.ExportError):
                self.message.error(str(exc))
            else:
                show_error(self, _("The export failed."), details).exec()

        self.task.start(self.ctx.tasks, lambda h: files.export(kind, fmt, target, paths, which, since, h.report),
                        done, failed)

    @property
    def handle(self):
        """The running export, None when idle."""
        return self.task.handle
