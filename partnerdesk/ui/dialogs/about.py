"""Aide → À propos."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from partnerdesk import __version__
from partnerdesk.i18n import _
from partnerdesk.paths import DataPaths


class AboutDialog(QDialog):
    def __init__(self, paths: DataPaths, schema_version: int, parent=None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About PartnerDesk"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>PartnerDesk {__version__}</h2>")
        layout.addWidget(title)
        layout.addWidget(QLabel(_("The partnerships of your Espace Public Numérique, on this computer.")))
        form = QFormLayout()
        self.version_label = QLabel(__version__)
        self.folder_label = QLabel(str(paths.root))
        self.db_label = QLabel(str(paths.db_path))
        for label in (self.folder_label, self.db_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(_("Version:"), self.version_label)
        form.addRow(_("Data folder:"), self.folder_label)
        form.addRow(_("Database:"), self.db_label)
        form.addRow(_("Schema version:"), QLabel(str(schema_version)))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
