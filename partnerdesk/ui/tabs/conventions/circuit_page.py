"""The validation circuit: steps from presets by party kind or typed freely; each
step's status moves by action buttons (start, approve, refuse, reopen)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.conventions import CIRCUIT_PRESETS, STEP_ACTION_LABELS, STEP_ACTIONS, CircuitStep, StepStatus
from partnerdesk.domain.partners import OrgKind
from partnerdesk.i18n import _
from partnerdesk.services import conventions
from partnerdesk.ui.models.conventions import S_COMMENT, S_LABEL, StepTableModel
from partnerdesk.ui.widgets.form import push_button


class CircuitPage(QWidget):
    changed = Signal()
    action_requested = Signal(int, str, str)  # row, action, comment

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = StepTableModel(self)
        self.model.dataChanged.connect(lambda *_a: self.changed.emit())
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("stepsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(S_COMMENT, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(S_LABEL, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_actions())

        self.preset = QComboBox()
        self.preset.setObjectName("presetCombo")
        for kind in OrgKind:
            if kind.value in CIRCUIT_PRESETS:
                self.preset.addItem(_(kind.label), kind.value)
        self.apply_preset = push_button(_("Add the steps of this kind of partner"), "applyPresetButton",
                                        self._apply_preset)
        self.new_label = QLineEdit()
        self.new_label.setObjectName("newStepLabel")
        self.new_label.setPlaceholderText(_("Another step, e.g. Vote of the municipal council"))
        self.new_label.returnPressed.connect(self._add_typed)
        self.add_button = QPushButton(_("Add"))
        self.add_button.clicked.connect(self._add_typed)
        self.up = QPushButton("↑")
        self.up.setToolTip(_("Move up"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QPushButton("↓")
        self.down.setToolTip(_("Move down"))
        self.down.clicked.connect(lambda: self._move(1))
        self.remove = QPushButton(_("Remove the step"))
        self.remove.clicked.connect(self._remove)

        self.comment = QLineEdit()
        self.comment.setObjectName("stepComment")
        self.comment.setPlaceholderText(_("Comment (required to refuse)"))
        self.action_buttons = {}
        actions = QHBoxLayout()
        actions.addWidget(QLabel(_("Selected step:")))
        actions.addWidget(self.comment, 1)
        for action in ("start", "approve", "refuse", "reopen"):
            button = QPushButton(_(STEP_ACTION_LABELS[action]))
            button.setObjectName(f"step_{action}")
            button.clicked.connect(lambda _c=False, a=action: self._act(a))
            actions.addWidget(button)
            self.action_buttons[action] = button
        self.error = QLabel()
        self.error.setObjectName("circuitError")
        self.error.setStyleSheet("color: #c53030;")
        self.error.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Presets:")))
        top.addWidget(self.preset)
        top.addWidget(self.apply_preset)
        top.addStretch(1)
        typed = QHBoxLayout()
        typed.addWidget(self.new_label, 1)
        typed.addWidget(self.add_button)
        typed.addWidget(self.up)
        typed.addWidget(self.down)
        typed.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(typed)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        self.read_only = False

    def load(self, steps: list[CircuitStep], read_only: bool, kinds: list[str]) -> None:
        self.read_only = read_only
        self.model.set_steps(steps, read_only)
        for w in (self.preset, self.apply_preset, self.new_label, self.add_button, self.up, self.down, self.remove):
            w.setEnabled(not read_only)
        if kinds:
            index = self.preset.findData(kinds[0])
            if index >= 0:
                self.preset.setCurrentIndex(index)
        self.error.clear()
        self.table.resizeColumnsToContents()
        self._update_actions()

    def steps(self) -> list[CircuitStep]:
        return self.model.steps

    def selected_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _update_actions(self) -> None:
        row = self.selected_row()
        allowed = set()
        if 0 <= row < len(self.model.steps) and not self.read_only:
            allowed = set(STEP_ACTIONS[StepStatus(self.model.steps[row].status)])
        for action, button in self.action_buttons.items():
            button.setEnabled(action in allowed)

    def _apply_preset(self) -> None:
        existing = {s.label for s in self.model.steps}
        for step in conventions.preset_steps([self.preset.currentData()]):
            step.label = _(step.label)
            if step.label not in existing:
                self.model.add(step)
        self.changed.emit()

    def _add_typed(self) -> None:
        text = self.new_label.text().strip()
        if not text:
            self.error.setText(_("Type the name of the step first."))
            return
        self.model.add(CircuitStep(text))
        self.new_label.clear()
        self.error.clear()
        self.changed.emit()

    def _move(self, delta: int) -> None:
        row = self.selected_row()
        if self.model.move(row, delta):
            self.table.selectRow(row + delta)
            self.changed.emit()

    def _remove(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.remove(row)
            self.changed.emit()

    def _act(self, action: str) -> None:
        row = self.selected_row()
        if row >= 0:
            self.action_requested.emit(row, action, self.comment.text().strip())

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self._update_actions()
