"""Form rows with an error message under each field (French, next to the field)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.i18n import _

ERROR_STYLE = "color: #b3261e;"
INVALID_STYLE = "border: 1px solid #b3261e;"


class FieldErrors:
    """Keeps one hidden error label per field; shows translated messages on demand."""

    def __init__(self):
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self.unframed: set[str] = set()

    def row(self, form: QFormLayout, label: str, name: str, widget: QWidget, frame: bool = True) -> QWidget:
        """`frame=False`: the widget (a row of buttons, a preview) keeps its look when in error."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        form.addRow(label, holder)
        self.labels[name] = error
        self.widgets[name] = widget
        if not frame:
            self.unframed.add(name)
        return holder

    def show(self, errors: dict[str, str]) -> None:
        """Show `{field: English message}`; "emails.2" goes under "emails"."""
        self.clear()
        for key, message in errors.items():
            name = key.split(".")[0]
            if name in self.labels:
                self.set(name, _(message))

    def set(self, name: str, message: str | None) -> None:
        label, widget = self.labels[name], self.widgets[name]
        label.setText(message or "")
        label.setVisible(bool(message))
        if name not in self.unframed:
            widget.setStyleSheet(INVALID_STYLE if message else "")

    def clear(self) -> None:
        for name in self.labels:
            self.set(name, None)

    def message(self, name: str) -> str:
        label = self.labels[name]
        return label.text() if label.isVisibleTo(label.parentWidget()) else ""

    def first_invalid(self) -> QWidget | None:
        return next((self.widgets[n] for n, lbl in self.labels.items() if lbl.text()), None)


def push_button(text: str, object_name: str, slot=None, tooltip: str = "") -> QPushButton:
    """A push button with its object name (tests and the screenshot tour find it by name), what a
    click does and its tooltip."""
    widget = QPushButton(text)
    widget.setObjectName(object_name)
    if tooltip:
        widget.setToolTip(tooltip)
    if slot is not None:
        widget.clicked.connect(slot)
    return widget


def line(object_name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def text_box(object_name: str, height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(object_name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


def combo(object_name: str, choices, none_label: str | None = None) -> QComboBox:
    """A combo of (value, English label) choices; labels are translated."""
    box = QComboBox()
    box.setObjectName(object_name)
    if none_label is not None:
        box.addItem(none_label, None)
    for value, label in choices:
        box.addItem(_(label), value)
    return box


def set_combo(box: QComboBox, value) -> None:
    index = box.findData(value)
    box.setCurrentIndex(index if index >= 0 else 0)


def checks(choices, prefix: str) -> dict[str, QCheckBox]:
    out = {}
    for value, label in choices:
        box = QCheckBox(_(label))
        box.setObjectName(f"{prefix}_{value}")
        out[value] = box
    return out


def split_list(text: str) -> list[str]:
    """"a@b.fr, c@d.fr; e@f.fr" -> three items."""
    return [part.strip() for part in text.replace(";", ",").replace("\n", ",").split(",") if part.strip()]


def typed_date(value) -> str:
    """A date as the user types it back (22/11/2026), whatever the language."""
    return value.strftime("%d/%m/%Y") if value else ""


def literal(text: str) -> str:
    """Data shown on a button, a menu entry or a tab, where "&" marks a shortcut: doubled,
    so that "Lire & Écrire" stays whole (not "Lire _Écrire")."""
    return (text or "").replace("&", "&&")
