"""A centred message with buttons, for lists that have nothing to show yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, title: str, text: str = "", parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.text = QLabel(text)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.text.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.text)
        self._buttons = QVBoxLayout()
        self._buttons.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(self._buttons)
        layout.addStretch(2)

    def add_button(self, text: str, slot, object_name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setMinimumWidth(280)
        if object_name:
            button.setObjectName(object_name)
        button.clicked.connect(slot)
        self._buttons.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
        return button
