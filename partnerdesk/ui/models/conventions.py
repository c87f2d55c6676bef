"""The conventions list and the validation circuit steps."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from partnerdesk.domain.conventions import CircuitStep, ConventionStatus, ConventionSummary, StepStatus
from partnerdesk.i18n import N_, _, format_date, parse_date
from partnerdesk.ui.models.roles import IdRole, ObjectRole, SortRole

COL_TITLE, COL_STATUS, COL_VERSION, COL_PROJECT, COL_PARTIES, COL_START, COL_END = range(7)
HEADERS = [N_("Convention"), N_("Status"), N_("Version"), N_("Project"), N_("Partners"), N_("Start date"),
           N_("End date")]
STATUS_COLOURS = {"brouillon": "#6b737b", "en_validation": "#b7791f", "signee": "#2f855a", "en_cours": "#2b6cb0",
                  "echue": "#718096", "resiliee": "#c53030"}


class ConventionTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ConventionSummary] = []

    def set_rows(self, rows: list[ConventionSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, convention_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == convention_id), -1)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == IdRole:
            return row.id
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == SortRole:
            if col in (COL_START, COL_END):
                value = row.start_date if col == COL_START else row.end_date
                return value.isoformat() if value else ""
            if col == COL_VERSION:
                return row.version
            if col == COL_STATUS:
                return list(ConventionStatus).index(ConventionStatus(row.status))
            return (self._display(row, col) or "").casefold()
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return QColor(STATUS_COLOURS.get(row.status, "#000000"))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PARTIES:
            return "\n".join(row.parties)
        return None

    @staticmethod
    def _display(row: ConventionSummary, col: int) -> str:
        if col == COL_TITLE:
            return row.title
        if col == COL_PROJECT:
            return row.project
        if col == COL_PARTIES:
            return ", ".join(row.parties)
        if col == COL_STATUS:
            return _(ConventionStatus(row.status).label)
        if col == COL_VERSION:
            return str(row.version)
        if col == COL_START:
            return format_date(row.start_date)
        if col == COL_END:
            return format_date(row.end_date)
        return ""


S_LABEL, S_WHO, S_STATUS, S_STARTED, S_DECIDED, S_COMMENT = range(6)
STEP_HEADERS = [N_("Step"), N_("Who"), N_("Status"), N_("Started"), N_("Decided"), N_("Comment")]
EDITABLE = (S_LABEL, S_WHO, S_STARTED, S_DECIDED, S_COMMENT)


class StepTableModel(QAbstractTableModel):
    """The circuit being edited: label, who and comment are editable in place."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.steps: list[CircuitStep] = []
        self.read_only = False

    def set_steps(self, steps: list[CircuitStep], read_only: bool = False) -> None:
        self.beginResetModel()
        self.steps = [CircuitStep(**s.__dict__) for s in steps]
        self.read_only = read_only
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(STEP_HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(STEP_HEADERS[section])
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

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
