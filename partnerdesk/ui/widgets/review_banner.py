"""The non-blocking banner "12 fiches à vérifier cette année" that opens the review.

Shown at the top of the main window at start-up (and meant for the "À faire"
view too) when cards are due; "Later" hides it until the next start.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from partnerdesk.i18n import _, ngettext
from partnerdesk.ui.context import AppContext


def _count_due() -> int:
    from partnerdesk.services import review_due  # the review itself loads when it is opened

    return review_due.count_due()


class ReviewBanner(QFrame):
    def __init__(self, ctx: AppContext, parent=None, *, count_now: bool = True):
        """`count_now=False`: an empty data folder has no card to check; counted at its first change."""
        super().__init__(parent)
        self.ctx = ctx
        self.dismissed = False
        self.due = 0
        self.setObjectName("reviewBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#reviewBanner { background: #fff7e0; border: 1px solid #e8c66b; border-radius: 4px; }"
                           "#reviewBanner QLabel { color: #5c4400; }")
        self.label = QLabel()
        self.label.setObjectName("reviewBannerText")
        self.open_button = QPushButton(_("Check them now"))
        self.open_button.setObjectName("reviewBannerOpen")
        self.later_button = QPushButton(_("Later"))
        self.later_button.setObjectName("reviewBannerLater")
        self.later_button.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.later_button)
        self.open_button.clicked.connect(self.open_review)
        self.later_button.clicked.connect(self.dismiss)
        ctx.signals.data_changed.connect(self._data_changed)
        self.hide()
        self._counting = None  # the count under way, until `settle()`
        if count_now:
            self.refresh()

    def refresh(self) -> None:
        """Count the due cards in the background, then show or hide. Not held at start (see
        `TaskRunner.hold`): counted while the window is built, the banner is in place at the
        first paint instead of pushing the page down just after it."""
        self._counting = self.ctx.tasks.run(lambda handle: _count_due(), self._counted, unheld=True)

    def settle(self, msecs: int = 300) -> None:
        """Before the window's first show: wait (at most `msecs`) for the count started while it
        was built and apply it now, so that the banner is in place at the first paint."""
        handle, self._counting = self._counting, None
        if handle is not None and handle.wait(msecs):
            QCoreApplication.sendPostedEvents(handle, QEvent.Type.MetaCall)  # its result only

    def _counted(self, count: int) -> None:
        if not shiboken6.isValid(self):
            return
        self.due = count
        self.label.setText(ngettext("{count} card to check this year", "{count} cards to check this year",
                                    count).format(count=count))
        self.setVisible(count > 0 and not self.dismissed)

    def dismiss(self) -> None:
        self.dismissed = True
        self.hide()

    def open_review(self):
        from partnerdesk.ui.dialogs.review import open_review

        return open_review(self.ctx, self.window())

    def _data_changed(self, area: str) -> None:
        if area in ("*", "people", "organisations"):
            self.refresh()
