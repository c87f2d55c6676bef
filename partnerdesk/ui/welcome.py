"""The welcome page shown instead of the tabs when the data folder is empty (first run).

Four ways in: the EPN identity, an import of contacts, a first partner, or a try on
throw-away demonstration data (a second PartnerDesk on a temporary copy, as `--demo`).
The real data folder never receives demonstration data from the window: only the
`partnerdesk demo` command fills it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from partnerdesk.i18n import _


class WelcomePage(QWidget):
    identity_requested = Signal()
    import_requested = Signal()
    partner_requested = Signal()
    demo_requested = Signal()
    skip_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("welcomePage")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        column = QFrame()
        column.setFixedWidth(640)
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        title = QLabel(_("Welcome to PartnerDesk"))
        title.setObjectName("welcomeTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        title.setWordWrap(True)
        layout.addWidget(title)
        text = QLabel(_("Your data folder is empty. PartnerDesk will keep the cards of the organisations "
                        "you work with, their people, your exchanges and your projects. Where to start:"))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.buttons: dict[str, QPushButton] = {}
        steps = (
            ("identity", _("Set the EPN's identity"),
             _("Name, address, logo: they head every document you hand out."), self.identity_requested),
            ("import", _("Import my contacts (spreadsheet, Google, Outlook, phone)"),
             _("CSV files and vCards; you check the columns before anything is written."), self.import_requested),
            ("partner", _("Create a first partner"),
             _("A mairie, a school, an association you already work with."), self.partner_requested),
            ("demo", _("Try with sample data"),
             _("Opens a second window on a throw-away copy: nothing is saved, your folder stays empty."),
             self.demo_requested),
        )
        for key, label, hint, signal in steps:
            button = QPushButton(label)
            button.setObjectName(f"welcome_{key}")
            button.setMinimumHeight(34)
            button.setStyleSheet("text-align: left; padding: 4px 12px;")
            button.clicked.connect(signal)
            layout.addWidget(button)
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("color: #555; margin-left: 14px; margin-bottom: 4px;")
            layout.addWidget(note)
            self.buttons[key] = button
        skip = QPushButton(_("Go to the application"))
        skip.setObjectName("welcome_skip")
        skip.setFlat(True)
        skip.clicked.connect(self.skip_requested)
        layout.addWidget(skip, alignment=Qt.AlignmentFlag.AlignRight)
        self.buttons["skip"] = skip
        outer.addWidget(column, alignment=Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
