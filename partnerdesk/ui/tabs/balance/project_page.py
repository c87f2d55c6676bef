"""The "Bilan" page of a project card: each partner's time cost against what it brought to this
project, and the time spent on the project as a whole."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from partnerdesk.domain.balance import totals
from partnerdesk.i18n import _, format_money, format_number, ngettext
from partnerdesk.services import balance
from partnerdesk.ui.models.roles import SortRole
from partnerdesk.ui.tabs.balance.models import BalanceTableModel, ratio_text
from partnerdesk.ui.tabs.projects.fields import table


class ProjectBalancePage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.project_id: int | None = None
        self.setObjectName("projectBalance")
        self.summary = QLabel()
        self.summary.setObjectName("projectBalanceSummary")
        self.summary.setWordWrap(True)
        self.model = BalanceTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.view = table(self.proxy, "projectBalanceTable")
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.view.doubleClicked.connect(self._open)
        hint = QLabel(_("Time is logged on the “Partners and pipeline” page or on the partner's card "
                        "(“Balance” section). The hourly cost is set in View → Partnerships balance."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)

    def set_project(self, project_id: int | None) -> None:
        self.project_id = project_id
        self.refresh()

    def refresh(self) -> None:
        if self.project_id is None:
            self.model.set_rows([])
            self.summary.clear()
            return
        rows, unassigned = balance.project_balance(self.project_id)
        self.model.set_rows(rows)
        t = totals(rows)
        cost = balance.hourly_cost()
        text = _("Partners: {hours} h worth {cost}, {value} obtained, ratio {ratio}.").format(
            hours=format_number(t.hours, 1), cost=format_money(t.time_cost), value=format_money(t.value),
            ratio=ratio_text(t.ratio))
        if unassigned:
            text += " " + _("Plus {hours} h on the project as a whole ({cost}).").format(
                hours=format_number(unassigned, 1), cost=format_money(unassigned * cost))
        if t.flagged:
            text += " " + ngettext("{n} partner costs more than it brings with no non-financial benefit (in red).",
                                   "{n} partners cost more than they bring with no non-financial benefit (in red).",
                                   t.flagged).format(n=t.flagged)
        if not rows and not unassigned:
            text = _("No time or contribution recorded for this project yet.")
        self.summary.setText(text)

    def _open(self, index) -> None:
        record = self.model.row_at(self.proxy.mapToSource(index).row())
        self.ctx.signals.open_requested.emit("organisation", record.organisation_id)
