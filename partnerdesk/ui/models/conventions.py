"""The conventions list and the validation circuit steps."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from partnerdesk.domain.conventions import CircuitStep, ConventionStatus, ConventionSummary, StepStatus
from partnerdesk.i18n import N_, _, format_date, parse_date
from partnerdesk.ui.models.records import Column, RecordTableModel
from partnerdesk.ui.models.roles import IdRole, ObjectRole
from partnerdesk.ui.models.rows import ListTableModel

COL_TITLE, COL_STATUS, COL_VERSION, COL_PROJECT, COL_PARTIES, COL_START, COL_END = range(7)
STATUS_COLOURS = {"brouillon": "#6b737b", "en_validation": "#b7791f", "signee": "#2f855a", "en_cours": "#2b6cb0",
                  "echue": "#718096", "resiliee": "#c53030"}


def _iso(value) -> str:
    return value.isoformat() if value else ""


class ConventionTableModel(RecordTableModel):
    TEXT_TOOLTIPS = False
    COLUMNS = [
        Column(N_("Convention"), lambda c: c.title),
        Column(N_("Status"), lambda c: _(ConventionStatus(c.status).label),
               lambda c: list(ConventionStatus).index(ConventionStatus(c.status))),
        Column(N_("Version"), lambda c: str(c.version), lambda c: c.version),
        Column(N_("Project"), lambda c: c.project),
        Column(N_("Partners"), lambda c: ", ".join(c.parties), tooltip=lambda c: "\n".join(c.parties)),
        Column(N_("Start date"), lambda c: format_date(c.start_date), lambda c: _iso(c.start_date)),
        Column(N_("End date"), lambda c: format_date(c.end_date), lambda c: _iso(c.end_date)),
    ]

    def extra_data(self, record: ConventionSummary, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            return QColor(STATUS_COLOURS.get(record.status, "#000000"))
        return None


S_LABEL, S_WHO, S_STATUS, S_STARTED, S_DECIDED, S_COMMENT = range(6)
STEP_HEADERS = [N_("Step"), N_("Who"), N_("Status"), N_("Started"), N_("Decided"), N_("Comment")]
EDITABLE = (S_LABEL, S_WHO, S_STARTED, S_DECIDED, S_COMMENT)


class StepTableModel(ListTableModel):
    """The circuit being edited: label, who and comment are editable in place."""

    HEADERS = STEP_HEADERS
    read_only = False

    @property
    def steps(self) -> list[CircuitStep]:
        return self._rows

    def set_steps(self, steps: list[CircuitStep], read_only: bool = False) -> None:
        """Edits a copy of `steps`."""
        self.read_only = read_only
        self.set_rows(CircuitStep(**s.__dict__) for s in steps)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return super().headerData(section, orientation, role)

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() in EDITABLE and not self.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.steps)):
            return None
        step, col = self.steps[index.row()], index.column()
        if role == Qt.ItemDataRole.EditRole and col in (S_STARTED, S_DECIDED):
            value = step.started_on if col == S_STARTED else step.decided_on
            return value.strftime("%d/%m/%Y") if value else ""
        if role == Qt.ItemDataRole.ToolTipRole and col in (S_STARTED, S_DECIDED):
            return _("Double-click to correct the date (dd/mm/yyyy).")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == S_LABEL:
                return step.label
            if col == S_WHO:
                return step.who
            if col == S_STATUS:
                return _(StepStatus(step.status).label)
            if col == S_STARTED:
                return format_date(step.started_on)
            if col == S_DECIDED:
                return format_date(step.decided_on)
            if col == S_COMMENT:
                return step.comment
        if role == Qt.ItemDataRole.ForegroundRole and col == S_STATUS:
            return QColor({"valide": "#2f855a", "refuse": "#c53030", "en_cours": "#b7791f"}.get(step.status, "#4a5568"))
        if role == IdRole:
            return step.id
        if role == ObjectRole:
            return step
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE:
            return False
        step = self.steps[index.row()]
        text = str(value).strip()
        if index.column() in (S_STARTED, S_DECIDED):
            try:
                day = parse_date(text)
            except ValueError:
                return False  # not a date: the cell keeps its value
            setattr(step, "started_on" if index.column() == S_STARTED else "decided_on", day)
            self.dataChanged.emit(index, index)
            return True
        attr = {S_LABEL: "label", S_WHO: "who", S_COMMENT: "comment"}[index.column()]
        if attr == "label" and not text:
            return False  # a step keeps its name
        setattr(step, attr, text)
        self.dataChanged.emit(index, index)
        return True

    def add(self, step: CircuitStep) -> None:
        self.beginInsertRows(QModelIndex(), len(self.steps), len(self.steps))
        self.steps.append(step)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.steps):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.steps[row]
            self.endRemoveRows()

    def move(self, row: int, delta: int) -> bool:
        target = row + delta
        if not (0 <= row < len(self.steps) and 0 <= target < len(self.steps)):
            return False
        self.beginResetModel()
        self.steps[row], self.steps[target] = self.steps[target], self.steps[row]
        self.endResetModel()
        return True
