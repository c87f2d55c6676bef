"""Fichier → Exporter…: organisations or people (all, a tag, the filtered list)
to CSV / .ods / vCard, or the agenda to .ics."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from partnerdesk.i18n import _
from partnerdesk.services.exports import files, selection
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.tasks import Cancelled

ERROR_STYLE = "color: #b91c1c;"


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
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(_("What"), self.kind_combo)
        form.addRow(_("Which"), self.which_combo)
        form.addRow(_("Format"), self.format_combo)
        form.addRow(_("File"), row)
        self.message = QLabel()
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.stop_button = QPushButton(_("Stop"))
        self.stop_button.setObjectName("exportStop")
        self.stop_button.hide()
        self.stop_button.clicked.connect(lambda: self.handle.cancel() if self.handle is not None else None)
        self.handle = None
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
            if self.ids is not None and kind == self.ids_kind:
                self.which_combo.addItem(_("The current filtered list ({count})").format(count=len(self.ids)), "ids")
            for tag_id, name in selection.list_tags():
                self.which_combo.addItem(_("Tag: {name}").format(name=name), tag_id)
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
        folder = Path(current).parent if current else Path(self.ctx.settings.value("export/last_folder", "")
                                                           or Path.home())
        name = {"organisations": _("organisations"), "people": _("contacts"), "agenda": _("agenda")}[
            self.kind_combo.currentData()]
        self.path_edit.setText(str(folder / f"{name}.{fmt}"))

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Export"), self.path_edit.text())
        if name:
            self.path_edit.setText(name)

    def selection(self):
        which = self.which_combo.currentData()
        if which == "ids":
            return selection.Selection(ids=list(self.ids or []))
        if isinstance(which, int):
            return selection.Selection(tag_id=which)
        return None

    def export(self) -> None:
        import datetime as dt

        text = self.path_edit.text().strip()
        if not text:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(_("Choose where to write the file."))
            return
        target = Path(text).expanduser()
        if not target.parent.is_dir():
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(_("This folder does not exist: {path}").format(path=target.parent))
            return
        kind, fmt, which = self.kind_combo.currentData(), self.format_combo.currentData(), self.selection()
        since = dt.date.today() if self.which_combo.currentData() == "future" else None
        paths = self.ctx.paths
        self.export_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(_("Exporting…"))

        state = {"finished": False}
        self.progress.setRange(0, 0)
        self.progress.show()
        self.stop_button.show()

        def finish():
            state["finished"] = True
            self.handle = None
            self.export_button.setEnabled(True)
            self.progress.hide()
            self.stop_button.hide()

        def done(count):
            finish()
            self.message.setStyleSheet("")
            self.message.setText(_("{count} item(s) written to {path}").format(count=count, path=target))
            self.ctx.settings.setValue("export/last_folder", str(target.parent))
            self.ctx.signals.status_message.emit(_("Export written: {path}").format(path=target))

        def failed(exc, details):
            finish()
            if isinstance(exc, Cancelled):
                self.message.setStyleSheet("")
                self.message.setText(_("Export stopped: no file was written."))
            elif isinstance(exc, files.ExportError):
                self.message.setStyleSheet(ERROR_STYLE)
                self.message.setText(str(exc))
            else:
                show_error(self, _("The export failed."), details).exec()

        def progress(done_count, total):
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done_count)

        handle = self.ctx.tasks.run(lambda h: files.export(kind, fmt, target, paths, which, since, h.report),
                                    done, failed)
        if not state["finished"]:
            self.handle = handle
            handle.progress.connect(progress)
