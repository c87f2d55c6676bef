"""The banner of a throw-away demonstration copy: nothing typed there is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from partnerdesk.i18n import _


class DemoBanner(QLabel):
    def __init__(self, parent=None):
        super().__init__(_("Sample data — nothing is saved"), parent)
        self.setObjectName("demoBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setToolTip(_("This window works on a temporary copy that is deleted when it closes. "
                          "Your own data folder is not touched."))
        self.setStyleSheet("#demoBanner { background: #fde7c8; color: #6b3d00; font-weight: 600;"
                           " padding: 4px; border-bottom: 1px solid #e0a050; }")
