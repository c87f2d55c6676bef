"""Paints one person of the trombinoscope: photo, name in bold, role, organisation."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from partnerdesk.ui.models.roles import ObjectRole

TEXT_LINES = 3


class PersonCardDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.icon_size = 128

    def cell_size(self, option_font: QFont) -> QSize:
        line = QFontMetrics(option_font).height()
        width = max(self.icon_size + 24, 150)
        return QSize(width, self.icon_size + 14 + line * TEXT_LINES + 6)

    def sizeHint(self, option, index):
        return self.cell_size(option.font)

    def paint(self, painter, option, index):
        painter.save()
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.AlternateBase))
        card = index.data(ObjectRole)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        top = rect.top() + 6
        if pixmap is not None and not pixmap.isNull():
            x = rect.left() + (rect.width() - pixmap.width()) // 2
            y = top + (self.icon_size - pixmap.height()) // 2
            painter.drawPixmap(x, y, pixmap)
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        y = top + self.icon_size + 6
        bold = QFont(option.font)
        bold.setBold(True)
        lines = [(card.full_name, bold, text_colour), (card.role, option.font, text_colour),
                 (card.organisation, option.font, muted)]
        for text, font, colour in lines:
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(colour)
            line = QRect(rect.left() + 4, y, rect.width() - 8, metrics.height())
            painter.drawText(line, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text or "", Qt.TextElideMode.ElideRight, line.width()))
            y += metrics.height()
        painter.restore()
