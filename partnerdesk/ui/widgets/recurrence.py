"""Choosing a repetition: "every [N] [weeks|months]", for sessions, milestones and meetings."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from partnerdesk.domain.recurrence import Recurrence, Unit
from partnerdesk.i18n import _, ngettext


class RecurrenceChooser(QWidget):
    """`rule()` gives the Recurrence chosen; weekly by default."""

    def __init__(self, object_name: str = "recurrence", parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.every = QSpinBox()
        self.every.setObjectName(f"{object_name}Every")
        self.every.setRange(1, 52)
        self.unit = QComboBox()
        self.unit.setObjectName(f"{object_name}Unit")
        self.unit.addItem("", Unit.WEEKS.value)
        self.unit.addItem("", Unit.MONTHS.value)
        self._name_units()
        self.every.valueChanged.connect(self._name_units)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Period")))
        layout.addWidget(self.every)
        layout.addWidget(self.unit)
        layout.addStretch(1)
        self.setToolTip(_("On a month end (the 31st), months without that day use their last day."))

    def _name_units(self) -> None:
        """"1 week", "2 weeks" (French: "1 semaine", "2 semaines", "2 mois")."""
        n = self.every.value()
        self.unit.setItemText(0, ngettext("week", "weeks", n))
        self.unit.setItemText(1, ngettext("month", "months", n))

    def rule(self) -> Recurrence:
        return Recurrence(self.unit.currentData(), self.every.value())

    def set_rule(self, unit: str, every: int) -> None:
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit)))
        self.every.setValue(every)
