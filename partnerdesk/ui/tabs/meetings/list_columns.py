"""The Rencontres list's columns fitted to its width (1366×768 first): the date and the answers as
wide as their text (the answers at most half the list, elided beyond, the whole text in the
tooltip), the title taking the rest; the kind and the project, also named in the title's tooltip,
shown only when the list has room for them. Fitted again whenever the list is resized."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from partnerdesk.ui.models.meetings import MeetingTableModel as M
from partnerdesk.ui.widgets.columns import widths_from_sample

LIST_SHARE = 0.45  # of the tab's width for the list, the first time it shows
TITLE_MIN = 180  # the title keeps at least this much
ANSWERS_SHARE = 0.5  # the answers take at most this share of the list
OPTIONAL = (M.KIND, M.PROJECT)  # shown, in this order, while the title keeps TITLE_MIN
OPTIONAL_MAX = 200


class MeetingColumns(QObject):
    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        widths_from_sample(view)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(M.TITLE, QHeaderView.ResizeMode.Stretch)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _wanted(self, column: int) -> int:
        return max(self.view.sizeHintForColumn(column), self.view.horizontalHeader().sectionSizeHint(column))

    def fit(self) -> None:
        """Widths for the list's width now (after a resize, or after the rows changed)."""
        view, header = self.view, self.view.horizontalHeader()
        room = view.viewport().width()
        date = self._wanted(M.DATE)
        answers = min(self._wanted(M.ANSWERS), int(room * ANSWERS_SHARE))
        header.resizeSection(M.DATE, date)
        header.resizeSection(M.ANSWERS, answers)
        left = room - date - answers
        for column in OPTIONAL:
            width = min(self._wanted(column), OPTIONAL_MAX)
            shown = left - width >= TITLE_MIN
            header.setSectionHidden(column, not shown)
            if shown:
                header.resizeSection(column, width)
                left -= width
