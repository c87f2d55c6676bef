"""Small helpers of the project screens: French dates and amounts typed as text, errors next to
fields, read-only record tables."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain import amounts
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _, parse_date
from partnerdesk.services import sessions
from partnerdesk.ui.widgets.form import typed_date


class FieldError(ValueError):
    """A bad value in one field: `field` names it, the message is translated."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class Refusals(ValueError):
    """Every refusal of a form at once: {field name: translated message}. Nothing was written."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {m}" for k, m in errors.items()))
        self.errors = errors


class Gathered:
    """Reads a form field by field and keeps every refusal instead of stopping at the first, so that
    the user sees all that is wrong at once: `read(fn, ...)` returns None for a field refused,
    `check(fn, ...)` adds the messages of a ValidationError, `refuse()` raises them together."""

    def __init__(self):
        self.errors: dict[str, str] = {}

    def read(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except FieldError as exc:
            self.errors.setdefault(exc.field, str(exc))
            return None

    def check(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ValidationError as exc:
            self.add(exc.errors)
            return None

    def add(self, errors: dict[str, str]) -> None:
        """English messages of a service (translated here); a field already refused keeps its message."""
        for name, message in errors.items():
            self.errors.setdefault(name, _(message))

    def refuse(self) -> None:
        if self.errors:
            raise Refusals(dict(self.errors))


def date_edit(object_name: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(_("dd/mm/yyyy"))
    edit.setMaximumWidth(130)
    if object_name:
        edit.setObjectName(object_name)
    return edit


def read_date(edit: QLineEdit, field: str, required: bool = False) -> dt.date | None:
    try:
        value = parse_date(edit.text())
    except ValueError:
        raise FieldError(field, _("Enter a date such as 22/11/2026.")) from None
    if value is None and required:
        raise FieldError(field, _("This field is required."))
    return value


def set_date(edit: QLineEdit, value: dt.date | None) -> None:
    """Always dd/mm/yyyy, as typed (and as `read_date` parses), whatever the language."""
    edit.setText(typed_date(value))


def read_amount(edit: QLineEdit, field: str) -> float | None:
    """'1 234,50', '1234.5', '1 234,50 €' -> 1234.5; empty -> None (`domain/amounts.py`)."""
    return parse_amount(edit.text(), field)


def parse_amount(text: str, field: str) -> float | None:
    """The amount typed in a field or a table cell; FieldError (translated) when it is not one."""
    try:
        return amounts.parse_amount(text)
    except amounts.AmountError as exc:
        raise FieldError(field, _(exc.message)) from None


def read_int(edit: QLineEdit, field: str) -> int | None:
    text = edit.text().strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):  # "²" is a digit to Python, not a number
        raise FieldError(field, _("Enter a number of people (0 or more)."))
    if len(text) > 6 or int(text) > sessions.MAX_PEOPLE:
        raise FieldError(field, _(sessions.TOO_MANY_PEOPLE))
    return int(text)


def enum_combo(enum, with_empty: str | None = None, object_name: str = "") -> QComboBox:
    combo = QComboBox()
    if with_empty is not None:
        combo.addItem(with_empty, "")
    for value, label in enum.choices():
        combo.addItem(_(label), value)
    if object_name:
        combo.setObjectName(object_name)
    return combo


def select_data(combo: QComboBox, value) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class Errors:
    """Error labels under fields, by field name; shows ValidationError / FieldError messages."""

    def __init__(self):
        self.labels: dict[str, QLabel] = {}

    def field(self, name: str, widget: QWidget) -> QWidget:
        """`widget` with its (hidden) error label below it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        label = QLabel()
        label.setObjectName(f"error_{name}")
        label.setStyleSheet("color: #b91c1c;")
        label.setWordWrap(True)
        label.hide()
        layout.addWidget(label)
        self.labels[name] = label
        return box

    def clear(self) -> None:
        for label in self.labels.values():
            label.hide()
            label.clear()

    def show(self, exc: Exception) -> bool:
        """Show the messages of `exc`; False when it is not a field error (let it propagate)."""
        if isinstance(exc, FieldError):
            errors = {exc.field: str(exc)}
        elif isinstance(exc, ValidationError):
            errors = {k: _(m) for k, m in exc.errors.items()}
        elif isinstance(exc, Refusals):
            errors = exc.errors
        else:
            return False
        fallback = next(iter(self.labels.values()), None)
        for name, message in errors.items():
            label = self.labels.get(name, fallback)
            if label is not None:
                label.setText(message)
                label.show()
        return True

    def run(self, action) -> bool:
        """Clear the messages, run `action`; show its field errors and return False, or True."""
        self.clear()
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - only field errors are shown here
            if self.show(exc):
                return False
            raise
        return True

    def text(self, name: str) -> str:
        label = self.labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""


def table(model, object_name: str) -> QTableView:
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves the table
    view.setObjectName(object_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def selected_record(view: QTableView):
    indexes = view.selectionModel().selectedRows()
    return view.model().row_at(indexes[0].row()) if indexes else None
