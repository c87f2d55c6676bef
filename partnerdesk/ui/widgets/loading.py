""""Chargement…" over a list whose rows are being read in the background.

    placeholder = LoadingPlaceholder(table)   # a child of the table, over its rows' area, hidden
    placeholder.show_while(True)              # when the query starts and the list is empty
    placeholder.show_while(False)             # when the rows are there

The list stays usable (the window is painted and answers) while the query runs.

The label is a child of the view, placed over the rows' area (the view's contents less its
viewport margins, where the headers sit), not a child of `view.viewport()`: the first viewport
handed from C++ to Python makes PySide build every widget class of QtWidgets, with their enums
(about 15 ms), and the "À faire" list is made before the window's first paint (#15).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

from partnerdesk.i18n import _


class LoadingPlaceholder(QLabel):
    def __init__(self, view: QAbstractScrollArea, text: str | None = None):
        super().__init__(text or _("Loading…"), view)
        self.setObjectName("loadingPlaceholder")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("color: palette(mid); font-size: 11pt;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.view = view
        self.hide()
        view.installEventFilter(self)

    def _place(self) -> None:
        view = self.view
        rect = view.contentsRect().marginsRemoved(view.viewportMargins())
        hbar, vbar = view.horizontalScrollBar(), view.verticalScrollBar()
        if hbar.isVisible():
            rect.setBottom(rect.bottom() - hbar.height())
        if vbar.isVisible():
            if view.isLeftToRight():
                rect.setRight(rect.right() - vbar.width())
            else:
                rect.setLeft(rect.left() + vbar.width())
        self.setGeometry(rect)

    def show_while(self, loading: bool) -> None:
        if loading:
            self._place()
            self.show()
            self.raise_()
        else:
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the view lays its headers out (its viewport margins) as it handles these, after this filter
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest) and self.isVisible():
            QTimer.singleShot(0, self, self._place)
        return False
