"""A rich-text editor limited to bold, italic, lists and headings, with merge fields highlighted."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QSyntaxHighlighter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QToolButton, QVBoxLayout, QWidget

from partnerdesk.domain import merge_fields as mf
from partnerdesk.domain.rich_text import clean_html
from partnerdesk.i18n import _


class FieldHighlighter(QSyntaxHighlighter):
    """Known fields on a blue background, unknown ones on red."""

    def __init__(self, document):
        super().__init__(document)
        self.known = QTextCharFormat()
        self.known.setBackground(QColor("#dbe9f6"))
        self.known.setForeground(QColor("#1f4e79"))
        self.unknown = QTextCharFormat()
        self.unknown.setBackground(QColor("#f9d6d5"))
        self.unknown.setForeground(QColor("#9b1c1c"))
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)

    def highlightBlock(self, text: str) -> None:
        for match in mf.BRACES.finditer(text):
            fmt = self.known if mf.is_field(match.group(0)) else self.unknown
            self.setFormat(match.start(), match.end() - match.start(), fmt)


class RichTextEdit(QTextEdit):
    """Pastes are cleaned to the subset; `html()` returns the subset."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.highlighter = FieldHighlighter(self.document())
        self.textChanged.connect(self.changed)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """Ctrl+B and Ctrl+I here rather than as window shortcuts: several editors share a window."""
        if not self.isReadOnly() and event.matches(QKeySequence.StandardKey.Bold):
            self.toggle_bold()
        elif not self.isReadOnly() and event.matches(QKeySequence.StandardKey.Italic):
            self.toggle_italic()
        else:
            super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasHtml():
            self.textCursor().insertHtml(clean_html(source.html()))
        elif source.hasText():
            self.textCursor().insertText(source.text())

    def set_html(self, html: str) -> None:
        self.blockSignals(True)
        self.setHtml(html or "")
        self.blockSignals(False)

    def html(self) -> str:
        return clean_html(self.toHtml())

    def insert_field(self, name: str) -> None:
        self.textCursor().insertText("{" + name + "}")
        self.setFocus()

    # --- formatting ------------------------------------------------------------
    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.fontWeight() < QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def make_list(self, ordered: bool) -> None:
        cursor = self.textCursor()
        current = cursor.currentList()
        style = QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
        if current is not None and current.format().style() == style:
            block_fmt = QTextBlockFormat()
            block_fmt.setObjectIndex(-1)
            current.remove(cursor.block())
            cursor.setBlockFormat(block_fmt)
            return
        cursor.createList(style)

    def set_heading(self, level: int) -> None:
        """level 3 or 4 as headings, 0 for a plain paragraph."""
        cursor = self.textCursor()
        block_fmt = cursor.blockFormat()
        block_fmt.setHeadingLevel(level)
        cursor.setBlockFormat(block_fmt)
        char_fmt = QTextCharFormat()
        char_fmt.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        char_fmt.setProperty(QTextCharFormat.Property.FontSizeAdjustment, {3: 1, 4: 0}.get(level, 0))
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        cursor.mergeCharFormat(char_fmt)


class RichTextToolbar(QWidget):
    """Bold, italic, bulleted list, numbered list, heading, paragraph."""

    def __init__(self, editor: RichTextEdit | None = None, parent=None):
        super().__init__(parent)
        self.editor = editor
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons = {}
        for key, text, tip in (
            ("bold", _("Bold")[:1], _("Bold") + " (Ctrl+B)"),
            ("italic", _("Italic")[:1], _("Italic") + " (Ctrl+I)"),
            ("bullets", "•", _("Bulleted list")),
            ("numbers", "1.", _("Numbered list")),
            ("heading", _("Heading"), _("Sub-heading")),
            ("paragraph", _("Text"), _("Plain paragraph")),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setObjectName(f"format_{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text keeps the focus and its selection
            if key == "bold":
                f = button.font()
                f.setBold(True)
                button.setFont(f)
            elif key == "italic":
                f = button.font()
                f.setItalic(True)
                button.setFont(f)
            button.clicked.connect(lambda _checked=False, k=key: self.apply(k))
            layout.addWidget(button)
            self.buttons[key] = button
        layout.addStretch(1)

    def apply(self, key: str) -> None:
        editor = self.editor
        if editor is None or editor.isReadOnly():
            return
        {"bold": editor.toggle_bold, "italic": editor.toggle_italic,
         "bullets": lambda: editor.make_list(False), "numbers": lambda: editor.make_list(True),
         "heading": lambda: editor.set_heading(3), "paragraph": lambda: editor.set_heading(0)}[key]()
        editor.setFocus()


class RichTextField(QWidget):
    """An editor with its toolbar above it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editor = RichTextEdit()
        self.toolbar = RichTextToolbar(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.editor, 1)

    def setReadOnly(self, value: bool) -> None:  # noqa: N802 - Qt naming
        self.editor.setReadOnly(value)
        self.toolbar.setEnabled(not value)
