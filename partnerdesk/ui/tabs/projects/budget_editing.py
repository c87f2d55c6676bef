"""Needs and budget lines edited in place (double-click or F2 on a cell; typing refused is kept in
the cell, `cell_refusals.py`), and a budget line split between two payers."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QVBoxLayout,
)

from partnerdesk.domain.partners import Contribution
from partnerdesk.domain.projects import MaterialMode
from partnerdesk.i18n import _, format_money
from partnerdesk.ui.models.projects import BudgetTableModel, NeedTableModel
from partnerdesk.ui.tabs.projects.cell_refusals import RefusedCells
from partnerdesk.ui.tabs.projects.fields import Errors, FieldError, parse_amount

OWN_FUNDS = -1
EDITABLE = Qt.ItemFlag.ItemIsEditable


def amount_text(value) -> str:
    """An amount as it is typed back in a cell: 1234,5 (no currency, no grouping)."""
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


class EditableNeedModel(RefusedCells, NeedTableModel):
    """Columns: type, description, equipment, amount; every cell editable."""

    edited = Signal(object, object, object)  # the record before, the record after, the Cell typed
    refused = Signal(object, str)  # the Cell, the message: what was typed is not a value

    def flags(self, index):
        return super().flags(index) | EDITABLE

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        refused = self.refused_data(index, role)
        if refused is not None:
            return refused
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            need = self.row_at(index.row())
            return [need.kind, need.description, need.material_mode, amount_text(need.amount)][index.column()]
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        need = self.row_at(index.row())
        cell = self.cell(index, value)
        field = ("kind", "description", "material_mode", "amount")[index.column()]
        if field == "amount":
            try:
                value = parse_amount(str(value), "need_amount")
            except FieldError as exc:
                self.refuse(cell, str(exc))
                return False
        elif field == "description":
            value = str(value).strip()
        self.edited.emit(need, replace(need, **{field: value or ("" if field != "amount" else None)}), cell)
        return True


class EditableBudgetModel(RefusedCells, BudgetTableModel):
    """Columns: label, amount, who pays (`OWN_FUNDS`, a project partner id, or None)."""

    edited = Signal(object, object, object)
    refused = Signal(object, str)

    def flags(self, index):
        return super().flags(index) | EDITABLE

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        refused = self.refused_data(index, role)
        if refused is not None:
            return refused
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            line = self.row_at(index.row())
            payer = OWN_FUNDS if line.own_funds else line.project_partner_id
            return [line.label, amount_text(line.amount), payer][index.column()]
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        line = self.row_at(index.row())
        cell = self.cell(index, value)
        if index.column() == 0:
            after = replace(line, label=str(value).strip())
        elif index.column() == 1:
            try:
                amount = parse_amount(str(value), "amount")
            except FieldError as exc:
                self.refuse(cell, str(exc))
                return False
            if amount is None:
                self.refuse(cell, _("This field is required."))
                return False
            after = replace(line, amount=amount)
        else:
            after = replace(line, own_funds=value == OWN_FUNDS,
                            project_partner_id=value if value not in (None, OWN_FUNDS) else None)
        self.edited.emit(line, after, cell)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for the cells of some columns; `choices(column)` gives
    [(label, value)] or None for a plain text editor."""

    def __init__(self, choices, parent=None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):
        items = self.choices(index.column())
        if items is None:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        for text, value in items:
            box.addItem(text, value)
        return box

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def need_choices(column: int):
    if column == 0:
        return [(_(c.label), c.value) for c in Contribution]
    if column == 2:
        return [("—", "")] + [(_(m.label), m.value) for m in MaterialMode]
    return None


class SplitDialog(QDialog):
    """Split a budget line: which other payer, and how much of the line it pays."""

    def __init__(self, line, payers: list[tuple[str, object]], parent=None):
        super().__init__(parent)
        self.setObjectName("splitLineDialog")
        self.setWindowTitle(_("Split between payers"))
        self.line = line
        self.errors = Errors()
        self.payer = QComboBox()
        self.payer.setObjectName("splitPayer")
        current = OWN_FUNDS if line.own_funds else line.project_partner_id
        for text, value in payers:
            if value != current:
                self.payer.addItem(text, value)
        self.amount = QLineEdit()
        self.amount.setObjectName("splitAmount")
        self.amount.setPlaceholderText(_("Amount in €"))
        intro = QLabel(_("“{label}”: {amount}. The part paid by the other payer becomes a line of its own; "
                         "the total does not change.").format(label=line.label, amount=format_money(line.amount)))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Other payer"), self.payer)
        form.addRow(_("Part they pay"), self.errors.field("amount", self.amount))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def value(self) -> tuple[float, object]:
        return parse_amount(self.amount.text(), "amount"), self.payer.currentData()

    def check(self) -> None:
        def read():
            amount, _payer = self.value()
            if amount is None or not 0 < amount < (self.line.amount or 0):
                raise FieldError("amount", _("The part must be more than 0 and less than the line's amount."))
        if self.errors.run(read):
            self.accept()
