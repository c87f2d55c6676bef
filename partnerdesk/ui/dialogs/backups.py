"""Fichier → Sauvegardes…: list the backups, make one, restore one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from partnerdesk.i18n import N_, _, format_datetime, format_number
from partnerdesk.paths import DataPaths
from partnerdesk.services import backups, outside_copy
from partnerdesk.ui.models.records import Column, RecordTableModel
from partnerdesk.ui.models.roles import ObjectRole

KIND_LABELS = {
    "daily": N_("Daily (at start-up)"),
    "manual": N_("Manual"),
    "pre-migration": N_("Before an update"),
    "pre-restore": N_("Before a restore"),
    "pre-import-all": N_("Before an archive import"),
}


def _path(b: backups.BackupFile) -> str:
    return str(b.path)


class BackupTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Date"), lambda b: format_datetime(b.taken_at, seconds=True), tooltip=_path),
        Column(N_("Kind"), lambda b: _(KIND_LABELS.get(b.kind, b.kind)), tooltip=_path),
        Column(N_("Size"), lambda b: _("{size} KB").format(size=format_number(max(1, b.size // 1024))), tooltip=_path),
    ]


class _NoHandle:
    def report(self, done: int, total: int) -> None:
        pass


class BackupsDialog(QDialog):
    restored = Signal()

    def __init__(self, paths: DataPaths, parent=None, confirm=None, tasks=None, choose_folder=None,
                 before_restore=None):
        """`before_restore()` returns False to stop a restore (unsaved changes kept)."""
        super().__init__(parent)
        self.paths = paths
        self.tasks = tasks
        self._confirm = confirm or self._ask
        self._choose_folder = choose_folder or self._ask_folder
        self._before_restore = before_restore or (lambda: True)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(_("Backups"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(_("PartnerDesk backs up your data, photos and consent proofs every day at start-up, and "
                         "before every update, restore or archive import. It keeps the last 7 days, one backup per "
                         "month for 12 months, and the copies made before something for 30 days."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("backupsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.outside_label = QLabel()
        self.outside_label.setObjectName("outsideCopyLabel")
        self.outside_label.setWordWrap(True)
        layout.addWidget(self.outside_label)
        self.restore_notice = QLabel()  # what a restore kept of the present: the RGPD register
        self.restore_notice.setObjectName("restoreNotice")
        self.restore_notice.setWordWrap(True)
        self.restore_notice.hide()
        layout.addWidget(self.restore_notice)
        buttons = QDialogButtonBox()
        self.outside_button = QPushButton(_("Copy to a USB key or another folder…"))
        self.outside_button.setObjectName("outsideCopyButton")
        buttons.addButton(self.outside_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.outside_button.clicked.connect(self.copy_outside)
        self.backup_button = QPushButton(_("Back up now"))
        self.backup_button.setObjectName("backupNowButton")
        self.restore_button = QPushButton(_("Restore this backup…"))
        self.restore_button.setObjectName("restoreButton")
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(backups.list_all(self.paths))
        if self.model.rowCount():
            self.table.selectRow(0)
        self.restore_button.setEnabled(self.model.rowCount() > 0)
        self.outside_button.setEnabled(self.model.rowCount() > 0)
        found = outside_copy.state(self.paths)
        if found.copied_at is None:
            self.outside_label.setText(_("No copy outside this computer yet. A copy on a USB key or a network "
                                         "folder protects the data if this computer fails or is stolen."))
        else:
            self.outside_label.setText(_("Last copy outside this computer: {date}, in {folder}.").format(
                date=format_datetime(found.copied_at), folder=found.folder))

    def _ask_folder(self) -> str:
        start = str(outside_copy.state(self.paths).folder or "")
        return QFileDialog.getExistingDirectory(self, _("Where to copy the backups"), start)

    def copy_outside(self) -> None:
        folder = self._choose_folder()
        if not folder:
            return
        self.outside_button.setEnabled(False)
        self.outside_label.setText(_("Copying…"))

        def work(handle):
            return outside_copy.copy_to(self.paths, folder, handle.report)

        def done(result) -> None:
            self.reload()
            QMessageBox.information(self, _("Backups"), _("The backups were copied to {path}.").format(
                path=result.target))

        def failed(exc, _details) -> None:
            self.reload()
            text = str(exc) if isinstance(exc, outside_copy.OutsideCopyError) else _(
                "The copy failed: {reason}").format(reason=exc)
            QMessageBox.warning(self, _("Backups"), text)

        if self.tasks is None:
            try:
                done(work(_NoHandle()))
            except Exception as exc:  # noqa: BLE001 - shown in the dialog
                failed(exc, "")
        else:
            self.tasks.run(work, done, failed)

    def backup_now(self) -> None:
        try:
            backups.backup_now(self.paths)
        except (backups.BackupError, OSError) as exc:
            QMessageBox.warning(self, _("Backups"), backups.failure_text(exc, _("The backup failed: {reason}")))
        self.reload()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], ObjectRole) if rows else None

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, _("Restore a backup"), text)
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        text = _("Replace the current data with the backup of {date}?\n"
                 "The current data is backed up first, so this can be undone.").format(
            date=format_datetime(chosen.taken_at))
        if not self._confirm(text) or not self._before_restore():
            return
        try:
            restored = backups.restore(self.paths, chosen.path)
        except (backups.BackupError, OSError) as exc:
            QMessageBox.warning(self, _("Restore a backup"),
                                backups.failure_text(exc, _("This backup cannot be restored: {reason}")))
            return
        self.restore_notice.setText(restored.notice() or "")
        self.restore_notice.setVisible(bool(restored.notice()))
        self.reload()
        self.restored.emit()
