"""The "Bilan" section of the organisation card: what this partner cost in staff time and brought,
its non-financial benefits, whether it is a main funder (and its conditions), and the decision grid.

    panel = PartnerBalancePanel(ctx)
    panel.set_organisation(org_id)
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.balance import Benefit, BenefitEntry, FunderProfile
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _, format_date, format_money, format_number
from partnerdesk.services import balance, partners
from partnerdesk.ui.tabs.balance.grid_dialog import DecisionGridDialog
from partnerdesk.ui.tabs.balance.models import BenefitTableModel, TimeEntryTableModel, ratio_text
from partnerdesk.ui.tabs.balance.time_dialog import TimeEntryDialog
from partnerdesk.ui.tabs.projects.fields import enum_combo, table
from partnerdesk.ui.widgets.form import push_button

WARN_STYLE = "color: #8c1d18; font-weight: bold;"


def year_combo(object_name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.addItem(_("All years"), None)
    for year in balance.balance_years():
        combo.addItem(str(year), year)
    return combo


def figures_text(row) -> str:
    parts = [
        _("{hours} h of staff time").format(hours=format_number(row.hours, 1)),
        _("time cost {amount}").format(amount=format_money(row.time_cost)),
        _("value obtained {amount} ({money} in money, {in_kind} in kind)").format(
            amount=format_money(row.value), money=format_money(row.money), in_kind=format_money(row.in_kind)),
        _("ratio {ratio}").format(ratio=ratio_text(row.ratio)),
    ]
    return " · ".join(parts)


class PartnerBalancePanel(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.organisation_id: int | None = None
        self._stale = True
        self.setObjectName("partnerBalance")
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Year")))
        self.year = year_combo("balanceYear")
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.year)
        top.addStretch(1)
        self.grid_button = QPushButton(_("Decision grid…"))
        self.grid_button.setToolTip(_("Should we accept this partnership?"))
        self.grid_button.setObjectName("openDecisionGrid")
        self.grid_button.clicked.connect(self.open_grid)
        top.addWidget(self.grid_button)
        layout.addLayout(top)
        self.figures = QLabel()
        self.figures.setObjectName("balanceFigures")
        self.figures.setWordWrap(True)
        layout.addWidget(self.figures)
        self.warning = QLabel(_("This partnership costs more than it brings, and no non-financial benefit is "
                                "recorded."))
        self.warning.setObjectName("balanceWarning")
        self.warning.setStyleSheet(WARN_STYLE)
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        self.verdict = QLabel()
        self.verdict.setObjectName("balanceVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)

        funder = QHBoxLayout()
        self.main_funder = QCheckBox(_("Main funder"))
        self.main_funder.setObjectName("mainFunder")
        self.conditions = QLineEdit()
        self.conditions.setObjectName("funderConditionsEdit")
        self.conditions.setMaxLength(5000)
        self.conditions.setPlaceholderText(_("its conditions (exclusivity, logo, reporting…)"))
        self.save_funder = push_button(_("Save"), "saveFunder", self._save_funder)
        self.main_funder.toggled.connect(lambda _on: self.save_funder.setEnabled(True))
        self.conditions.textEdited.connect(lambda _t: self.save_funder.setEnabled(True))
        funder.addWidget(self.main_funder)
        funder.addWidget(self.conditions, 1)
        funder.addWidget(self.save_funder)
        layout.addLayout(funder)

        lists = QVBoxLayout()
        time_box = QGroupBox(_("Staff time"))
        time_layout = QVBoxLayout(time_box)
        self.time_model = TimeEntryTableModel(self)
        self.time_view = table(self.time_model, "timeEntries")
        time_layout.addWidget(self.time_view)
        row = QHBoxLayout()
        add_time = push_button(_("Log time…"), "addTime", self.add_time)
        remove_time = push_button(_("Delete"), "removeTime", self.remove_time)
        row.addWidget(add_time)
        row.addWidget(remove_time)
        row.addStretch(1)
        time_layout.addLayout(row)
        lists.addWidget(time_box, 3)

        benefit_box = QGroupBox(_("Non-financial benefits"))
        benefit_layout = QVBoxLayout(benefit_box)
        self.benefit_model = BenefitTableModel(self)
        self.benefit_view = table(self.benefit_model, "benefits")
        benefit_layout.addWidget(self.benefit_view)
        row = QHBoxLayout()
        self.benefit_kind = enum_combo(Benefit, object_name="benefitKind")
        self.benefit_kind.setMaximumWidth(190)
        self.benefit_note = QLineEdit()
        self.benefit_note.setObjectName("benefitNote")
        self.benefit_note.setMaxLength(2000)
        self.benefit_note.setPlaceholderText(_("what it brought"))
        add_benefit = push_button(_("Add"), "addBenefit", self.add_benefit)
        remove_benefit = push_button(_("Delete"), "removeBenefit", self.remove_benefit)
        row.addWidget(self.benefit_kind)
        row.addWidget(self.benefit_note, 1)
        row.addWidget(add_benefit)
        row.addWidget(remove_benefit)
        benefit_layout.addLayout(row)
        lists.addWidget(benefit_box, 2)
        layout.addLayout(lists, 1)
        ctx.signals.data_changed.connect(self._on_data_changed)

    def set_organisation(self, organisation_id: int | None) -> None:
        self.organisation_id = organisation_id
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _on_data_changed(self, area: str) -> None:
        if area in ("balance", "projects", "organisations", "*"):
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the partner's figures (only while the section is shown: see showEvent)."""
        self._stale = False
        org = self.organisation_id
        if org is None:
            self.time_model.set_rows([])
            self.benefit_model.set_rows([])
            return
        year = self.year.currentData()
        row = balance.organisation_balance(org, year)
        self.figures.setText(figures_text(row))
        self.warning.setVisible(row.flagged)
        grid = balance.latest_grid(org)
        if grid and grid.verdict:
            self.verdict.setText(_("Last decision: {verdict} on {date}").format(
                verdict=_(grid.verdict.label), date=format_date(grid.decided_on)))
        else:
            self.verdict.setText(_("No decision grid filled in yet."))
        profile = balance.funder_profile(org)
        self.main_funder.setChecked(profile.main_funder)
        self.conditions.setText(profile.conditions)
        self.save_funder.setEnabled(False)
        self.time_model.set_rows(balance.time_entries(organisation_id=org, year=year))
        self.benefit_model.set_rows(balance.benefits_of(org, year))

    # --- actions -----------------------------------------------------------------------------

    def _changed(self) -> None:
        self.refresh()
        self.ctx.signals.data_changed.emit("balance")

    def add_time(self) -> None:
        if self.organisation_id is None:
            return
        if TimeEntryDialog(self.organisation_id, self).exec():
            self._changed()

    def remove_time(self) -> None:
        index = self.time_view.currentIndex()
        if not index.isValid():
            return
        entry = self.time_model.row_at(index.row())
        balance.delete_time(entry.id)
        self._changed()
        self.ctx.signals.status_message.emit(_("Time entry deleted."))

    def add_benefit(self) -> None:
        if self.organisation_id is None:
            return
        try:
            balance.add_benefit(BenefitEntry(self.organisation_id, Benefit(self.benefit_kind.currentData()),
                                             self.benefit_note.text()))
        except ValidationError as exc:
            QMessageBox.warning(self, _("Non-financial benefits"), _(next(iter(exc.errors.values()))))
            return
        self.benefit_note.clear()
        self._changed()

    def remove_benefit(self) -> None:
        index = self.benefit_view.currentIndex()
        if index.isValid():
            balance.delete_benefit(self.benefit_model.row_at(index.row()).id)
            self._changed()

    def _save_funder(self) -> None:
        if self.organisation_id is None:
            return
        try:
            balance.save_funder_profile(FunderProfile(self.organisation_id, self.main_funder.isChecked(),
                                                      self.conditions.text()))
        except ValidationError as exc:
            QMessageBox.warning(self, _("Main funder"), _(next(iter(exc.errors.values()))))
            return
        self._changed()

    def open_grid(self, project_id: int | None = None) -> None:
        if self.organisation_id is None:
            return
        open_grid(self, self.organisation_id, project_id if isinstance(project_id, int) else None)
        self._changed()


def open_grid(parent, organisation_id: int, project_id: int | None = None) -> bool:
    """Open the partner's grid for this project (or a new one from the criteria); True when saved."""
    grid = balance.latest_grid(organisation_id, project_id)
    if grid is None or grid.project_id != project_id:
        grid = balance.blank_grid(organisation_id, project_id)
    org = partners.get_organisation(organisation_id)
    return bool(DecisionGridDialog(grid, org.name if org else "", parent).exec())
