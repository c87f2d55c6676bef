"""Paints the cells of a long list (Partenaires: 2,000 organisations, 10,000 people) from what
its model keeps per row, the way the style's own item delegate would.

`QStyledItemDelegate` asks the model for seven roles per painted cell (seven calls into
Python) and lays the text out again at every paint; a repaint of the list after a keystroke
spent two thirds of its time there. This delegate asks the model once per cell
(`cell_look(row, col)`: text, background, foreground, icon), keeps each elided text laid out
(`QStaticText`), and takes the positions of the text and the icon from the style itself
(`subElementRect`, worked out once per cell size), so the cells look as before. The current
cell (its focus frame), a model that cannot say (`cell_look` returns None), anything
unusual, a right-to-left layout, and every cell under a style whose item drawing was not
compared with this one (`tests/ui/test_list_cells.py`: Fusion and Windows; not the Windows
Vista/11 or macOS styles, which draw selections their own way) are painted by the base delegate.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPalette, QStaticText, QTransform
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyledItemDelegate, QStyleOptionViewItem

# The state flags as plain ints (an operation on the enum costs a microsecond per cell).
_SELECTED = QStyle.StateFlag.State_Selected.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
# Painted by the base delegate: the current cell's focus frame, an editor open over the cell.
_UNUSUAL = QStyle.StateFlag.State_HasFocus.value | QStyle.StateFlag.State_Editing.value
_NORMAL, _INACTIVE, _DISABLED = (QPalette.ColorGroup.Normal, QPalette.ColorGroup.Inactive,
                                 QPalette.ColorGroup.Disabled)
_TEXT, _HIGHLIGHTED_TEXT = QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText
_CENTER = Qt.AlignmentFlag.AlignCenter
_ICON_NORMAL, _ICON_SELECTED, _ICON_DISABLED = QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Disabled
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_TEXT_RECT = QStyle.SubElement.SE_ItemViewItemText
_ICON_RECT = QStyle.SubElement.SE_ItemViewItemDecoration
_PLAIN = Qt.TextFormat.PlainText
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
_PEN_STATE = _SELECTED | _ACTIVE | _ENABLED  # what the text colour depends on
# What the caches depend on.
_RESTART = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange,
            QEvent.Type.LayoutDirectionChange)
_MAX_TEXTS = 5000  # laid-out texts kept (about a dozen screens of a list)
_NO_TRANSFORM = QTransform()
# The styles whose item drawing this delegate reproduces pixel for pixel (compared by the tests).
SAME_DRAWING = frozenset({"fusion", "windows"})


class ListCellDelegate(QStyledItemDelegate):
    def __init__(self, view):
        super().__init__(view)
        self._view = view
        self._texts: dict = {}  # (text, width) -> QStaticText, for the view's font
        self._layouts: dict = {}  # (width, height, has icon) -> (text x, y offset, width, icon rect offsets)
        self._metrics: QFontMetrics | None = None
        self._font: QFont | None = None
        self._same_drawing: bool | None = None  # the view's style is one of SAME_DRAWING
        self._pens: dict = {}  # state bits -> the text colour of the view's palette
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _RESTART:
            self._metrics = None
            self._same_drawing = None
            self._pens.clear()
            self._texts.clear()
            self._layouts.clear()
        return False

    def paint(self, painter, option, index):
        if self._same_drawing is None:  # a compared style, left to right (right to left: Qt's)
            view = self._view
            self._same_drawing = (style_name(view.style()) in SAME_DRAWING
                                  and view.layoutDirection() == Qt.LayoutDirection.LeftToRight)
        state = option.state.value
        look = (None if state & _UNUSUAL or not self._same_drawing
                else index.model().cell_look(index.row(), index.column()))
        if look is None:
            super().paint(painter, option, index)
            return
        text, background, foreground, icon = look
        left, top, cell_width, cell_height = option.rect.getRect()
        has_icon = icon is not None
        layout = self._layouts.get((cell_width, cell_height, has_icon)) or self._layout(option, index, has_icon)
        selected = state & _SELECTED
        if selected or background is not None:
            widget = self._view
            if not selected:
                option = QStyleOptionViewItem(option)  # the view hands the same option to every cell
                option.backgroundBrush = background
            widget.style().drawPrimitive(_PANEL, option, painter, widget)
        x, y, width, icon_x, icon_y, icon_w, icon_h = layout
        if icon is not None:
            icon.paint(painter, left + icon_x, top + icon_y, icon_w, icon_h, _CENTER,
                       _ICON_DISABLED if not state & _ENABLED else _ICON_SELECTED if selected else _ICON_NORMAL)
        if not text:
            return
        if selected or foreground is None:
            key = state & _PEN_STATE
            pen = self._pens.get(key)
            if pen is None:
                group = _DISABLED if not state & _ENABLED else _NORMAL if state & _ACTIVE else _INACTIVE
                pen = self._pens[key] = option.palette.color(group, _HIGHLIGHTED_TEXT if selected else _TEXT)
            painter.setPen(pen)
        else:
            painter.setPen(foreground)
        laid_out = self._texts.get((text, width)) or self._laid_out(text, width)
        painter.drawStaticText(left + x, top + y, laid_out)

    # --- what is worked out once ---------------------------------------------------------

    def _laid_out(self, text: str, width: int) -> QStaticText:
        key = (text, width)
        laid_out = self._texts.get(key)
        if laid_out is None:
            if len(self._texts) >= _MAX_TEXTS:
                self._texts.clear()
            laid_out = self._prepared(text)
            if laid_out.size().width() > width:  # laid out once; again only when cut short
                laid_out = self._prepared(self._metrics.elidedText(text, _ELIDE_RIGHT, width))
            self._texts[key] = laid_out
        return laid_out

    def _prepared(self, text: str) -> QStaticText:
        laid_out = QStaticText(text)
        laid_out.setTextFormat(_PLAIN)  # never read as rich text ("<" in a name)
        laid_out.prepare(_NO_TRANSFORM, self._font)
        return laid_out

    def _layout(self, option, index, has_icon: bool) -> tuple:
        """Where the style puts the text and the icon in a cell of this size (offsets from the
        cell's top left), asked once with the base delegate's own option. A new font or style
        starts every cache afresh (`eventFilter`)."""
        if self._metrics is None:
            self._font = QFont(option.font)  # a copy: the option's font is the view's
            self._metrics = QFontMetrics(self._font)
        if len(self._layouts) > 500:  # columns resized again and again: start afresh
            self._layouts.clear()
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        style = self._view.style()
        text_rect = style.subElementRect(_TEXT_RECT, full, self._view)
        icon_rect = style.subElementRect(_ICON_RECT, full, self._view) if has_icon else text_rect
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        rect = option.rect
        text_top = text_rect.top() + (text_rect.height() - self._metrics.height()) // 2
        layout = self._layouts[(rect.width(), rect.height(), has_icon)] = (
            text_rect.left() + margin - rect.x(), text_top - rect.y(), max(text_rect.width() - 2 * margin, 0),
            icon_rect.left() - rect.x(), icon_rect.top() - rect.y(), icon_rect.width(), icon_rect.height())
        return layout



def style_name(style) -> str:
    """"fusion", "windows", "windowsvista"…: the style's own name, through a proxy style."""
    while isinstance(style, QProxyStyle) and style.baseStyle() is not None and style.baseStyle() is not style:
        style = style.baseStyle()
    return style.name().lower()
