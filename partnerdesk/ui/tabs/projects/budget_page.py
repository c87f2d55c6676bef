"""Needs by contribution type and budget lines, with the totals and the part still uncovered."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.partners import Contribution
from partnerdesk.domain.projects import BudgetLineData, MaterialMode, NeedData
from partnerdesk.i18n import _, format_money, format_number
from partnerdesk.services import project_budget, projects
from partnerdesk.domain.validation import ValidationError
from partnerdesk.ui.tabs.projects.budget_editing import (
    OWN_FUNDS,
    ChoiceDelegate,
    EditableBudgetModel,
    EditableNeedModel,
    SplitDialog,
    need_choices,
)
from partnerdesk.ui.tabs.projects.cell_refusals import CellMessage
from partnerdesk.ui.tabs.projects.fields import Errors, FieldError, enum_combo, read_amount, selected_record, table
from partnerdesk.ui.widgets.form import push_button

EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed)


class BudgetPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.project_id: int | None = None
        self.errors = Errors()
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_needs(), 1)
        layout.addWidget(self._build_budget(), 1)

    def _build_needs(self) -> QGroupBox:
        box = QGroupBox(_("Needs by contribution type"))
        self.needs = EditableNeedModel(self)
        self.need_view = table(self.needs, "needsTable")
        self.need_view.setEditTriggers(EDIT_TRIGGERS)
        self.need_view.setMinimumHeight(110)  # three needs readable on a 768 px screen
        self.need_view.setItemDelegate(ChoiceDelegate(need_choices, self.need_view))
        self.need_view.setToolTip(_("Double-click a cell to change it"))
        self.needs.edited.connect(self._need_edited)
        self.needs_message = CellMessage(self.need_view, "needsTableMessage")
        self.need_kind = enum_combo(Contribution, object_name="needKind")
        self.need_mode = enum_combo(MaterialMode, with_empty="—")
        self.need_mode.setToolTip(_("For equipment: purchase, rental or loan"))
        self.need_description = QLineEdit()
        self.need_description.setPlaceholderText(_("Description"))
        self.need_amount = QLineEdit()
        self.need_amount.setObjectName("needAmount")
        self.need_amount.setPlaceholderText(_("Amount in €"))
        self.need_amount.setMaximumWidth(110)
        add = push_button(_("Add"), "addNeed", self.add_need)
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self.remove_need)
        row = QHBoxLayout()
        for w in (self.need_kind, self.need_mode, self.need_description):
            row.addWidget(w)
        row.addWidget(self.errors.field("need_amount", self.need_amount))
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(box)
        layout.addWidget(self.need_view)
        layout.addWidget(self.needs_message)
        layout.addLayout(row)
        return box

    def _build_budget(self) -> QGroupBox:
        box = QGroupBox(_("Budget"))
        self.budget = EditableBudgetModel(self)
        self.budget_view = table(self.budget, "budgetTable")
        self.budget_view.setEditTriggers(EDIT_TRIGGERS)
        self.budget_view.setItemDelegate(
            ChoiceDelegate(lambda column: self.payers() if column == 2 else None, self.budget_view))
        self.budget_view.setToolTip(_("Double-click a cell to change it"))
        self.budget.edited.connect(self._line_edited)
        self.budget_message = CellMessage(self.budget_view, "budgetTableMessage")
        self.line_label = QLineEdit()
        self.line_label.setObjectName("budgetLabel")
        self.line_label.setPlaceholderText(_("Budget line"))
        self.line_amount = QLineEdit()
        self.line_amount.setObjectName("budgetAmount")
        self.line_amount.setPlaceholderText(_("Amount in €"))
        self.line_amount.setMaximumWidth(110)
        self.covered_by = QComboBox()
        self.covered_by.setObjectName("budgetCoveredBy")
        add = push_button(_("Add"), "addBudgetLine", self.add_line)
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self.remove_line)
        split = push_button(_("Split between payers…"), "splitBudgetLine", self.split_line)
        row = QHBoxLayout()
        row.addWidget(self.errors.field("label", self.line_label), 2)
        row.addWidget(self.errors.field("amount", self.line_amount))
        row.addWidget(self.covered_by, 1)
        row.addWidget(add)
        row.addWidget(remove)
        row.addWidget(split)
        self.totals = QLabel()
        self.totals.setObjectName("budgetTotals")
        self.totals.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.budget_view)
        layout.addWidget(self.budget_message)
        layout.addLayout(row)
        layout.addWidget(self.totals)
        return box

    def set_project(self, project_id: int | None) -> None:
        if project_id != self.project_id:
            self.revert()
        self.project_id = project_id
        self.refresh()

    def refresh(self) -> None:
        if self.project_id is None:
            return
        self.needs.set_rows(project_budget.needs_of(self.project_id))
        self.budget.set_rows(project_budget.budget_of(self.project_id))
        self.covered_by.clear()
        self.covered_by.addItem(_("Not covered yet"), None)
        self.covered_by.addItem(_("Own funds"), OWN_FUNDS)
        for card in projects.list_cards(self.project_id):
            if card.stage != "abandonne":
                self.covered_by.addItem(card.organisation_name, card.id)
        t = project_budget.budget_totals_of(self.project_id)
        hours = sum(projects.staff_hours_by_partner(self.project_id).values())
        text = _("Total {total} — secured by engaged partners {secured}, under discussion {pending}, own funds "
                 "{own}, <b>still uncovered {uncovered}</b>. Staff time: {hours} h.").format(
            total=format_money(t.total), secured=format_money(t.secured), pending=format_money(t.pending),
            own=format_money(t.own_funds), uncovered=format_money(t.uncovered), hours=format_number(hours, 1))
        if t.released:
            text += "<br>" + _("{amount} of it was planned with a partner who refused or withdrew: to find "
                               "again.").format(amount=format_money(t.released))
        self.totals.setText(text)

    def payers(self) -> list[tuple[str, object]]:
        """Who can pay a line: nobody yet, the EPN's own funds, a partner of the project."""
        return [(self.covered_by.itemText(i), self.covered_by.itemData(i)) for i in range(self.covered_by.count())]

    def _apply(self, write) -> bool:
        self.errors.clear()
        try:
            write()
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        self._changed()
        return True

    def _write_cell(self, model, cell, write) -> None:
        """A cell's typing saved, or kept in the cell with the service's message."""
        try:
            write()
        except ValidationError as exc:
            model.refuse(cell, " ".join(_(m) for m in exc.errors.values()))
            return
        model.accept(cell)
        self._changed()

    def _need_edited(self, _before, after, cell) -> None:
        self._write_cell(self.needs, cell, lambda: project_budget.update_need(after))

    def _line_edited(self, _before, after, cell) -> None:
        self._write_cell(self.budget, cell, lambda: project_budget.update_budget_line(after))

    def split_line(self) -> bool:
        record = selected_record(self.budget_view)
        if record is None:
            self.errors.show(FieldError("amount", _("Select the line to split.")))
            return False
        dialog = SplitDialog(record, self.payers(), self)
        if not self.run_dialog(dialog):
            return False
        amount, payer = dialog.value()
        return self._apply(lambda: project_budget.split_budget_line(
            record.id, amount, project_partner_id=payer if payer not in (None, OWN_FUNDS) else None,
            own_funds=payer == OWN_FUNDS))

    def run_dialog(self, dialog) -> bool:
        """Modal dialogs go through here (tests replace it to drive the dialog)."""
        self.last_dialog = dialog
        return bool(dialog.exec())

    # --- unsaved changes (ui/unsaved.py): a need or a line typed and not added yet ---------------

    def _pending(self) -> tuple[bool, bool]:
        need = bool(self.need_description.text().strip() or self.need_amount.text().strip())
        line = bool(self.line_label.text().strip() or self.line_amount.text().strip())
        return need, line

    def _messages(self) -> tuple[CellMessage, CellMessage]:
        return self.needs_message, self.budget_message

    def is_dirty(self) -> bool:
        refused = any(m.model.refusals() for m in self._messages())
        return self.project_id is not None and (any(self._pending()) or refused)

    def display_name(self) -> str:
        return _("Needs and budget")

    def save(self) -> bool:
        if not all([m.settle() for m in self._messages()]):
            return False
        need, line = self._pending()
        if need:
            before = len(project_budget.needs_of(self.project_id))
            self.add_need()
            if len(project_budget.needs_of(self.project_id)) == before:
                return False
        return self.add_line() if line else True

    def revert(self) -> None:
        for edit in (self.need_description, self.need_amount, self.line_label, self.line_amount):
            edit.clear()
        self.errors.clear()
        for message in self._messages():
            message.drop()

    def _changed(self) -> None:
        self.ctx.signals.data_changed.emit("projects")
        self.refresh()

    def add_need(self) -> None:
        def add():
            needs = project_budget.needs_of(self.project_id)
            needs.append(NeedData(self.project_id, self.need_kind.currentData(), self.need_description.text().strip(),
                                  read_amount(self.need_amount, "need_amount"), self.need_mode.currentData() or ""))
            project_budget.set_needs(self.project_id, needs)
            self.need_description.clear()
            self.need_amount.clear()
        if self.errors.run(add):
            self._changed()

    def remove_need(self) -> None:
        record = selected_record(self.need_view)
        if record is not None:
            project_budget.set_needs(self.project_id, [n for n in project_budget.needs_of(self.project_id) if n.id != record.id])
            self._changed()

    def add_line(self) -> bool:
        def add():
            cover = self.covered_by.currentData()
            amount = read_amount(self.line_amount, "amount")
            if amount is None:
                raise FieldError("amount", _("This field is required."))
            project_budget.add_budget_line(BudgetLineData(
                self.project_id, self.line_label.text().strip(), amount,
                project_partner_id=cover if cover not in (None, OWN_FUNDS) else None, own_funds=cover == OWN_FUNDS))
            self.line_label.clear()
            self.line_amount.clear()
        if self.errors.run(add):
            self._changed()
            return True
        return False

    def remove_line(self) -> None:
        record = selected_record(self.budget_view)
        if record is not None:
            project_budget.delete_budget_line(record.id)
            self._changed()
