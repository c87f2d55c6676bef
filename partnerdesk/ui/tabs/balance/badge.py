"""The decision grid's answer as a small coloured badge (pipeline cards)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from partnerdesk.domain.balance import Verdict
from partnerdesk.i18n import _

VERDICT_BADGES = {"oui": ("#166534", "#dcfce7"), "a_discuter": ("#92400e", "#fef3c7"), "non": ("#991b1b", "#fee2e2")}


def paint_verdict(painter: QPainter, verdict: str, inner: QRect, line: int, font: QFont) -> int:
    """The decision grid's answer as a small badge at the card's top right; returns the room it took."""
    if verdict not in VERDICT_BADGES:
        return 0
    member = Verdict.parse(verdict)
    text = _(member.label)
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    metrics = QFontMetrics(small)
    width = metrics.horizontalAdvance(text) + 10
    rect = QRect(inner.right() - width, inner.top() + 1, width, line - 2)
    fg, bg = VERDICT_BADGES[verdict]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(bg))
    painter.drawRoundedRect(rect, 4, 4)
    painter.setPen(QColor(fg))
    painter.setFont(small)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return width + 4
