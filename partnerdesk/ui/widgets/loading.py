""""Chargement…" over a list whose rows are being read in the background.

    placeholder = LoadingPlaceholder(table)   # a child of the table's viewport, hidden
    placeholder.show_while(True)              # when the query starts and the list is empty
    placeholder.show_while(False)             # when the rows are there

The list stays usable (the window is painted and answers) while the query runs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

from partnerdesk.i18n import _


class LoadingPlaceholder(QLabel):
    def __init__(self, view: QAbstractScrollArea, text: str | None = None):
        super().__init__(text or _("Loading…"), view.viewport())
        self.setObjectName("loadingPlaceholder")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("color: palette(mid); font-size: 11pt;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.view = view
        self.hide()
        view.viewport().installEventFilter(self)

    def show_while(self, loading: bool) -> None:
        if loading:
            self.setGeometry(self.view.viewport().rect())
            self.show()
            self.raise_()
        else:
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.view.viewport().rect())
        return False
