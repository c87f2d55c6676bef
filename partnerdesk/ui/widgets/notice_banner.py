"""Start-up notices at the top of the main window: a failed daily backup, read-only data.

Not a dialog that can be missed in a log: the line stays until the user closes it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from partnerdesk.i18n import _

STYLES = {
    "warning": ("#fff1f0", "#e0a19b", "#6b1c14"),
    "info": ("#eef5ff", "#9dbbe0", "#173b66"),
}


class Notice(QFrame):
    def __init__(self, text: str, kind: str = "warning", parent=None):
        super().__init__(parent)
        background, border, color = STYLES.get(kind, STYLES["warning"])
        self.setObjectName("startupNotice")
        self.setStyleSheet(f"#startupNotice {{ background: {background}; border: 1px solid {border}; "
                           f"border-radius: 4px; }} #startupNotice QLabel {{ color: {color}; }}")
        self.label = QLabel(text)
        self.label.setObjectName("startupNoticeText")
        self.label.setWordWrap(True)
        close = QPushButton(_("Close"))
        close.setFlat(True)
        close.clicked.connect(self.deleteLater)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)


class NoticeArea(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("noticeArea")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(2)

    def add(self, text: str, kind: str = "warning") -> Notice:
        notice = Notice(text, kind, self)
        self.column.addWidget(notice)
        return notice

    def texts(self) -> list[str]:
        return [n.label.text() for n in self.findChildren(Notice)]
