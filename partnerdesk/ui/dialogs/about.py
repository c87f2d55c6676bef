"""Aide → À propos."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QTextBrowser, QVBoxLayout

from partnerdesk import __version__
from partnerdesk.i18n import _
from partnerdesk.paths import DataPaths, changelog_path


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
        layout.addWidget(QLabel("<b>" + _("What's new") + "</b>"))
        self.changelog = QTextBrowser()
        self.changelog.setObjectName("changelog")
        self.changelog.setOpenExternalLinks(True)
        self.changelog.setMarkdown(read_changelog())
        self.changelog.setMinimumSize(560, 260)
        layout.addWidget(self.changelog, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def read_changelog() -> str:
    """The "Nouveautés" of CHANGELOG.md, without its top title (the dialog has its own)."""
    try:
        text = changelog_path().read_text(encoding="utf-8")
    except OSError:
        return _("The list of changes is missing from this installation.")
    lines = text.splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join(lines).strip()
