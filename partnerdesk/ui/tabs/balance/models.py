"""Qt models of the balance: partners' rows, time entries, benefits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from partnerdesk.i18n import N_, _, format_date, format_money, format_number
from partnerdesk.ui.models.records import Column, RecordTableModel

FLAG_BACKGROUND = QColor("#fde7e7")
FLAG_TEXT = QColor("#8c1d18")


def ratio_text(value: float | None) -> str:
    return "—" if value is None else format_number(value, 2)


class BalanceTableModel(RecordTableModel):
    """One row per partner (domain.balance.BalanceRow); rows costing more than they bring with no
    non-financial benefit are highlighted."""

    COLUMNS = [
        Column(N_("Partner"), lambda r: r.name),
        Column(N_("Hours"), lambda r: format_number(r.hours, 1), lambda r: r.hours, True),
        Column(N_("Time cost"), lambda r: format_money(r.time_cost), lambda r: r.time_cost, True),
        Column(N_("Money"), lambda r: format_money(r.money), lambda r: r.money, True),
        Column(N_("In kind"), lambda r: format_money(r.in_kind), lambda r: r.in_kind, True),
        Column(N_("Value obtained"), lambda r: format_money(r.value), lambda r: r.value, True),
        Column(N_("Ratio"), lambda r: ratio_text(r.ratio), lambda r: -1 if r.ratio is None else r.ratio, True),
        Column(N_("Non-financial benefits"), lambda r: ", ".join(_(b.label) for b in r.benefits)),
        Column(N_("Verdict"), lambda r: _(r.verdict.label) if r.verdict else ""),
    ]

    def extra_data(self, record, column: int, role: int):
        if record.flagged:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(FLAG_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(FLAG_TEXT)
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("Costs more than it brings, and no non-financial benefit is recorded.")
        return None


class TimeEntryTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Date"), lambda t: format_date(t.worked_on), lambda t: t.worked_on.toordinal()),
        Column(N_("Hours"), lambda t: format_number(t.hours, 1), lambda t: t.hours, True),
        Column(N_("Who"), lambda t: t.who),
        Column(N_("What"), lambda t: t.description),
        Column(N_("Project"), lambda t: t.project_title),
    ]


class BenefitTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Benefit"), lambda b: _(b.benefit.label)),
        Column(N_("Note"), lambda b: b.note),
        Column(N_("Date"), lambda b: format_date(b.noted_on), lambda b: b.noted_on.toordinal() if b.noted_on else 0),
    ]
