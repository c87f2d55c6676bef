"""The table of "À faire" (its own module: the first tab shown at start imports no area's model)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from partnerdesk.domain.todo import TodoKind
from partnerdesk.i18n import N_, format_date
from partnerdesk.ui.models.records import Column, SortedRecordTableModel, label


class TodoTableModel(SortedRecordTableModel):
    """Lines of "À faire"; overdue ones in bold red."""

    COLUMNS = [
        Column(N_("Date"), lambda i: format_date(i.due_on), lambda i: i.due_on.isoformat() if i.due_on else ""),
        Column(N_("Kind"), lambda i: i.kind_label or label(TodoKind, i.kind)),
        Column(N_("What"), lambda i: i.title),
        Column(N_("About"), lambda i: i.detail),
    ]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = dt.date.today()

    def extra_data(self, record, column, role):
        if record.is_overdue(self.today):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#b91c1c")
            if role == Qt.ItemDataRole.FontRole and column == 0:
                font = QFont()
                font.setBold(True)
                return font
        return None
