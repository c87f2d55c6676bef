"""The columns of the pipeline board: a card's painting, a column's view and model."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListView, QStyle, QStyledItemDelegate, QVBoxLayout

from partnerdesk.domain.partners import Contribution
from partnerdesk.domain.projects import PartnerCard, Stage
from partnerdesk.i18n import _, format_date, format_money, language
from partnerdesk.ui.models.cards import CardListModel
from partnerdesk.ui.models.roles import ObjectRole
from partnerdesk.ui.tabs.balance.badge import paint_verdict

CARD_HEIGHT = 72
COLUMN_WIDTH = 200
STAGE_COLOURS = {
    "identifie": "#e5e7eb", "premier_contact": "#dbeafe", "rencontre_informelle": "#e0e7ff",
    "co_construction": "#ede9fe", "convention_redaction": "#fae8ff", "convention_signee": "#dcfce7",
    "action_en_cours": "#bbf7d0", "bilan": "#fef9c3", "partenariat_entretenu": "#ccfbf1", "abandonne": "#fee2e2",
}


def money_line(card: PartnerCard) -> str:
    """'2 150 € expected · 800 € obtained', leaving out a zero part."""
    return _money_line(card.expected, card.obtained, language())


@lru_cache(maxsize=2048)
def _money_line(expected, obtained, _language: str) -> str:
    """Cached by amounts and language: a board paints the same amounts at every repaint and
    Babel formats money slowly (the language in the key: a switch of language shows its own)."""
    parts = []
    if expected:
        parts.append(_("{amount} expected").format(amount=format_money(expected)))
    if obtained:
        parts.append(_("{amount} obtained").format(amount=format_money(obtained)))
    return " · ".join(parts)


@lru_cache(maxsize=2048)
def _date_text(value, _language: str) -> str:
    return format_date(value)


class CardDelegate(QStyledItemDelegate):
    """Paints a card: organisation, project (cross-project board), contributions, next step."""

    def __init__(self, show_project: bool, parent=None):
        super().__init__(parent)
        self.show_project = show_project
        self.today = dt.date.today()

    def sizeHint(self, option, index):
        return QSize(COLUMN_WIDTH - 24, CARD_HEIGHT)

    def paint(self, painter: QPainter, option, index):
        card: PartnerCard = index.data(ObjectRole)
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor("#2563eb") if selected else QColor("#cbd5e1"), 2 if selected else 1))
        painter.setBrush(QColor("#eff6ff") if selected else QColor("#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(8, 5, -8, -5)
        line = option.fontMetrics.height()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#111827"))
        badge_width = paint_verdict(painter, card.verdict, inner, line, option.font)
        painter.setFont(bold)
        painter.setPen(QColor("#111827"))
        painter.drawText(QRect(inner.left(), inner.top(), inner.width() - badge_width, line),
                         Qt.AlignmentFlag.AlignLeft,
                         QFontMetrics(bold).elidedText(card.organisation_name, Qt.TextElideMode.ElideRight,
                                                       inner.width() - badge_width))
        painter.setFont(option.font)
        small = [self._second_line(card), self._third_line(card)]
        for n, text in enumerate(small, start=1):
            colour = "#4b5563"
            if n == 2 and card.next_step_on and card.next_step_on < self.today and not card.closed_reason:
                colour = "#b91c1c"
            painter.setPen(QColor(colour))
            painter.drawText(QRect(inner.left(), inner.top() + n * line + 2, inner.width(), line),
                             Qt.AlignmentFlag.AlignLeft,
                             option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()))
        painter.restore()

    def _second_line(self, card: PartnerCard) -> str:
        if self.show_project:
            return card.project_title
        if card.expected or card.obtained:
            return money_line(card)
        kinds = [Contribution.parse(k) for k in card.contribution_kinds]
        return ", ".join(_(k.label) for k in kinds if k)

    def _third_line(self, card: PartnerCard) -> str:
        if card.closed_reason:
            return card.closed_reason
        if card.next_step:
            when = _date_text(card.next_step_on, language())
            return f"{when} · {card.next_step}" if when else card.next_step
        if self.show_project and (card.expected or card.obtained):
            return money_line(card)
        return ""


class CardListView(QListView):
    """A column; ←/→ hand the focus to the neighbouring column."""

    neighbour_requested = Signal(int)

    def keyPressEvent(self, event):
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.neighbour_requested.emit(-1 if event.key() == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)


class StageColumn(QFrame):
    def __init__(self, stage: Stage, show_project: bool, parent=None):
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"column_{stage.value}")
        self.setFixedWidth(COLUMN_WIDTH)
        # palettes rather than style sheets: style sheets are slow to polish on a 3,000-card board
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(STAGE_COLOURS[stage.value]))
        palette.setColor(QPalette.ColorRole.Base, QColor(STAGE_COLOURS[stage.value]))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.header = QLabel()
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.header.setFixedHeight(self.header.fontMetrics().height() * 2 + 4)  # aligned headers
        self.header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.header)
        self.model = CardListModel(stage.value, self)
        self.view = CardListView()
        self.view.setObjectName(f"cards_{stage.value}")
        self.view.setAccessibleName(_(stage.label))
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(show_project, self.view))
        self.view.setUniformItemSizes(True)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)  # long columns lay out in steps
        self.view.setBatchSize(60)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.view, 1)

    def set_cards(self, cards: list[PartnerCard]) -> None:
        self.model.set_cards(cards)
        self._count(len(cards))

    def update_cards(self, cards: list[PartnerCard]) -> None:
        """The same as `set_cards`, changing only the rows that differ."""
        self.model.update_cards(cards)
        self._count(len(cards))

    def _count(self, count: int) -> None:
        self.header.setText(f"{_(self.stage.label)} ({count})")
