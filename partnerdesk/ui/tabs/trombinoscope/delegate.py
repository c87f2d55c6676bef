"""Paints one person of the trombinoscope: photo, name in bold, role, organisation."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from partnerdesk.ui.models.roles import ObjectRole

TEXT_LINES = 3


class PersonCardDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.icon_size = 128
        self.width = 0  # the grid's column width, when the view spreads the columns
        self._fonts: dict[str, tuple] = {}  # font key -> (font, metrics, bold, bold metrics): made once

    def _fonts_for(self, font: QFont) -> tuple:
        key = font.key()
        if key not in self._fonts:
            bold = QFont(font)
            bold.setBold(True)
            font = QFont(font)  # a copy: the option owns the one it hands to paint()
            self._fonts[key] = (font, QFontMetrics(font), bold, QFontMetrics(bold))
        return self._fonts[key]

    def cell_size(self, option_font: QFont) -> QSize:
        line = QFontMetrics(option_font).height()
        width = max(self.icon_size + 24, 150)
        return QSize(width, self.icon_size + 14 + line * TEXT_LINES + 6)

    def sizeHint(self, option, index):
        size = self.cell_size(option.font)
        return QSize(max(size.width(), self.width), size.height())

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
            if card.has_photo and card.photo is None:
                self._no_consent_badge(painter, x + pixmap.width(), y)
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        y = top + self.icon_size + 6
        font, metrics, bold, bold_metrics = self._fonts_for(option.font)
        lines = [(card.full_name, bold, bold_metrics, text_colour), (card.role, font, metrics, text_colour),
                 (card.organisation, font, metrics, muted)]
        for text, font, metrics, colour in lines:
            painter.setFont(font)
            painter.setPen(colour)
            line = QRect(rect.left() + 4, y, rect.width() - 8, metrics.height())
            painter.drawText(line, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text or "", Qt.TextElideMode.ElideRight, line.width()))
            y += metrics.height()
        painter.restore()

    def _no_consent_badge(self, painter, right: int, top: int) -> None:
        """A photo exists but its consent does not allow showing it: a small orange "!"."""
        side = max(14, self.icon_size // 6)
        badge = QRect(right - side, top, side, side)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#d97706"))
        painter.drawEllipse(badge)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(int(side * 0.75))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "!")
