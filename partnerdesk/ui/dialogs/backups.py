"""Fichier → Sauvegardes…: list the backups, make one, restore one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from partnerdesk.i18n import N_, _, format_datetime, format_number
from partnerdesk.paths import DataPaths
from partnerdesk.services import backups
from partnerdesk.ui.models.records import Column, RecordTableModel
from partnerdesk.ui.models.roles import ObjectRole

KIND_LABELS = {
    "daily": N_("Daily (at start-up)"),
    "manual": N_("Manual"),
    "pre-migration": N_("Before an update"),
    "pre-restore": N_("Before a restore"),
}


def _path(b: backups.BackupFile) -> str:
    return str(b.path)


class BackupTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Date"), lambda b: format_datetime(b.taken_at), tooltip=_path),
        Column(N_("Kind"), lambda b: _(KIND_LABELS.get(b.kind, b.kind)), tooltip=_path),
        Column(N_("Size"), lambda b: _("{size} KB").format(size=format_number(max(1, b.size // 1024))), tooltip=_path),
    ]


class BackupsDialog(QDialog):
    restored = Signal()

    def __init__(self, paths: DataPaths, parent=None, confirm=None):
        super().__init__(parent)
        self.paths = paths
        self._confirm = confirm or self._ask
        self.setObjectName("backupsDialog")
        self.setWindowTitle(_("Backups"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(_("PartnerDesk backs up your data every day at start-up and before every update. "
                         "It keeps the last 7 days and one backup per month for a year."))
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
        buttons = QDialogButtonBox()
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

    def backup_now(self) -> None:
        try:
            backups.backup_now(self.paths)
        except (backups.BackupError, OSError) as exc:
            QMessageBox.warning(self, _("Backups"), _("The backup failed: {reason}").format(reason=exc))
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
        if not self._confirm(text):
            return
        try:
            backups.restore(self.paths, chosen.path)
        except (backups.BackupError, OSError) as exc:
            QMessageBox.warning(self, _("Restore a backup"),
                                _("This backup cannot be restored: {reason}").format(reason=exc))
            return
        self.reload()
        self.restored.emit()
