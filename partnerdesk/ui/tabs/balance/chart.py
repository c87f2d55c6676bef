"""A small chart: staff-time cost against value obtained for the partners that weigh most."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from partnerdesk.domain.balance import BalanceRow
from partnerdesk.i18n import _, format_money

COST = QColor("#9db8c8")
VALUE = QColor("#e07a3f")
FLAG = QColor("#b3261e")
MAX_ROWS = 8


class BalanceChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("balanceChart")
        self.rows: list[BalanceRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(150)

    def sizeHint(self) -> QSize:
        return QSize(420, 260)

    def set_rows(self, rows: list[BalanceRow]) -> None:
        """Keep the partners that weigh most (cost or value), a fixed number: the chart never grows."""
        self.rows = sorted((r for r in rows if r.time_cost or r.value),
                           key=lambda r: -max(r.time_cost, r.value))[:MAX_ROWS]
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(8, 8, -8, -8)
        metrics = painter.fontMetrics()
        line = metrics.height()
        if not self.rows:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             _("Nothing to compare for this period yet."))
            return
        legend_y = rect.top()
        x = rect.left()
        for colour, text in ((COST, _("Cost of staff time")), (VALUE, _("Value obtained"))):
            painter.fillRect(QRectF(x, legend_y + 3, 12, line - 6), colour)
            painter.setPen(self.palette().text().color())
            painter.drawText(int(x + 16), int(legend_y + metrics.ascent()), text)
            x += 16 + metrics.horizontalAdvance(text) + 18
        top = legend_y + line + 6
        label_width = min(int(rect.width() * 0.35), 200)
        bar_left = rect.left() + label_width + 8
        bar_room = max(20, rect.right() - bar_left - metrics.horizontalAdvance("000 000 €") - 6)
        biggest = max(max(r.time_cost, r.value) for r in self.rows) or 1
        slot = max(2 * line // 1.4, (rect.bottom() - top) / len(self.rows))
        bar = max(4, min(line * 0.7, (slot - 6) / 2))
        for i, r in enumerate(self.rows):
            y = top + i * slot
            painter.setPen(FLAG if r.flagged else self.palette().text().color())
            name = metrics.elidedText(r.name, Qt.TextElideMode.ElideRight, label_width)
            painter.drawText(QRectF(rect.left(), y, label_width, 2 * bar + 2),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            for k, (amount, colour) in enumerate(((r.time_cost, COST), (r.value, VALUE))):
                width = bar_room * amount / biggest
                bar_rect = QRectF(bar_left, y + k * (bar + 2), max(1.0, width), bar)
                painter.fillRect(bar_rect, colour)
                painter.setPen(self.palette().text().color())
                painter.drawText(int(bar_left + width + 4), int(bar_rect.bottom()), format_money(amount))
        painter.end()
