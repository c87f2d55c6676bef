"""The sections of a convention: a list, the rich-text editor and the merge fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.conventions import Section
from partnerdesk.i18n import N_, _
from partnerdesk.ui.tabs.conventions.fields_panel import FieldsPanel
from partnerdesk.ui.tabs.conventions.rich_text import RichTextField
from partnerdesk.ui.widgets.splitters import keep_minimum_sizes

KIND_HINTS = {
    "engagements": N_("Each party's commitments follow this text (edit them in the Parties tab)."),
    "signatures": N_("The signature blocks of every party follow this text."),
}


class TextPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sections: list[Section] = []
        self.current = -1
        self.read_only = False

        self.list = QListWidget()
        self.list.setObjectName("sectionsList")
        self.list.currentRowChanged.connect(self._show)
        self.add_button = QPushButton(_("Add a section"))
        self.add_button.clicked.connect(self.add_section)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove_section)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>" + _("Sections") + "</b>"))
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left_layout.addLayout(buttons)

        self.title = QLineEdit()
        self.title.setObjectName("sectionTitle")
        self.title.setPlaceholderText(_("Section title"))
        self.title.textEdited.connect(self._title_edited)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: palette(mid);")
        self.hint.setWordWrap(True)
        self.body = RichTextField()
        self.body.editor.setObjectName("sectionEditor")
        self.body.editor.changed.connect(self.changed)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.title)
        middle_layout.addWidget(self.body, 1)
        middle_layout.addWidget(self.hint)

        self.fields = FieldsPanel()
        self.fields.field_chosen.connect(self.insert_field)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.fields)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 480, 370])
        keep_minimum_sizes(splitter, (160, 300, 160))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def load(self, sections: list[Section], read_only: bool) -> None:
        self.sections = [Section(**s.__dict__) for s in sections]
        self.read_only = read_only
        self.current = -1
        self.list.blockSignals(True)
        self.list.clear()
        for i, s in enumerate(self.sections, 1):
            self.list.addItem(f"{i}. {s.title}")
        self.list.blockSignals(False)
        self.title.setReadOnly(read_only)
        self.body.setReadOnly(read_only)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
        if self.sections:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def commit(self) -> list[Section]:
        """The sections with the editor's text taken in."""
        if 0 <= self.current < len(self.sections) and not self.read_only:
            self.sections[self.current].body = self.body.editor.html()
        return self.sections

    def _show(self, row: int) -> None:
        self.commit()
        self.current = row
        if 0 <= row < len(self.sections):
            section = self.sections[row]
            self.title.setText(section.title)
            self.body.editor.set_html(section.body)
            self.hint.setText(_(KIND_HINTS[section.kind]) if section.kind in KIND_HINTS else "")
        else:
            self.title.clear()
            self.body.editor.set_html("")
            self.hint.clear()

    def _title_edited(self, text: str) -> None:
        if 0 <= self.current < len(self.sections) and text.strip():
            self.sections[self.current].title = text.strip()
            self.list.item(self.current).setText(f"{self.current + 1}. {text.strip()}")
            self.changed.emit()

    def insert_field(self, name: str) -> None:
        if not self.read_only and self.current >= 0:
            self.body.editor.insert_field(name)

    def add_section(self) -> None:
        title, ok = QInputDialog.getText(self, _("Add a section"), _("Section title"))
        if ok and title.strip():
            self.add_titled(title.strip())

    def add_titled(self, title: str) -> None:
        self.commit()
        keys = {s.key for s in self.sections}
        n = len(self.sections) + 1
        while f"section{n}" in keys:
            n += 1
        position = len(self.sections)
        if self.sections and self.sections[-1].kind == "signatures":
            position -= 1  # signatures stay last
        self.sections.insert(position, Section(f"section{n}", title))
        self.load(self.sections, self.read_only)
        self.list.setCurrentRow(position)
        self.changed.emit()

    def remove_section(self) -> None:
        row = self.current
        if 0 <= row < len(self.sections) and self.sections[row].kind == "text":
            self.current = -1
            del self.sections[row]
            self.load(self.sections, self.read_only)
            self.changed.emit()
