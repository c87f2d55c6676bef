"""Table models of the project area: projects, needs, budget lines, sessions, milestones."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from partnerdesk.domain.partners import Contribution, Public
from partnerdesk.domain.projects import ContributionStatus, MaterialMode, MilestoneStatus, ProjectStatus, Stage
from partnerdesk.i18n import N_, _, format_date, format_money
from partnerdesk.ui.models.records import Column, RecordTableModel, SortedRecordTableModel, label


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _money(value) -> str:
    return format_money(value) if value is not None else ""


def _stages_text(counts: dict[str, int]) -> str:
    parts = [f"{_(s.label)} {counts[s.value]}" for s in Stage if counts.get(s.value)]
    return ", ".join(parts)


class ProjectTableModel(SortedRecordTableModel):
    """Sorts itself (pair it with `FilterOnlyProxy`): the list is put in order in the worker
    that reads it, not by a proxy calling back into Python for every comparison."""

    COLUMNS = [
        Column(N_("Project"), lambda p: p.title),
        Column(N_("Status"), lambda p: label(ProjectStatus, p.status)),
        Column(N_("Start date"), lambda p: format_date(p.start_date), lambda p: _iso(p.start_date)),
        Column(N_("End date"), lambda p: format_date(p.end_date), lambda p: _iso(p.end_date)),
        Column(N_("Publics"), lambda p: ", ".join(label(Public, x) for x in p.publics)),
        Column(N_("Next milestone"),
               lambda p: f"{format_date(p.next_milestone.due_on)} — {p.next_milestone.title}" if p.next_milestone
               else "", lambda p: _iso(p.next_milestone.due_on) if p.next_milestone else "9"),
        Column(N_("Partners by stage"), lambda p: _stages_text(p.stage_counts), lambda p: p.partner_count),
    ]


class NeedTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Contribution type"), lambda n: label(Contribution, n.kind)),
        Column(N_("Description"), lambda n: n.description),
        Column(N_("Equipment"), lambda n: label(MaterialMode, n.material_mode)),
        Column(N_("Amount"), lambda n: _money(n.amount), lambda n: n.amount or 0, True),
    ]


class BudgetTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Budget line"), lambda b: b.label),
        Column(N_("Amount"), lambda b: _money(b.amount), lambda b: b.amount, True),
        Column(N_("Covered by"), lambda b: _("Own funds") if b.own_funds else b.partner_name or _("Not covered yet")),
    ]

    def extra_data(self, record, column, role):
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and not record.covered:
            return QColor("#b45309")
        return None


class ContributionTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Contribution type"), lambda c: label(Contribution, c.kind)
               + (f" ({label(MaterialMode, c.material_mode)})" if c.material_mode else "")),
        Column(N_("Description"), lambda c: c.description),
        Column(N_("Value"), lambda c: _money(c.value), lambda c: c.value or 0, True),
        Column(N_("Status"), lambda c: label(ContributionStatus, c.status)),
    ]


class SessionTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Date"), lambda s: format_date(s.held_on), lambda s: _iso(s.held_on)),
        Column(N_("Time"), lambda s: f"{s.start_time}–{s.end_time}" if s.end_time else s.start_time),
        Column(N_("Place"), lambda s: s.place),
        Column(N_("Facilitator"), lambda s: s.facilitator),
        Column(N_("Planned"), lambda s: "" if s.planned_attendance is None else str(s.planned_attendance),
               lambda s: s.planned_attendance or 0, True),
        Column(N_("Present"), lambda s: _("cancelled") if s.cancelled else
               "" if s.actual_attendance is None else str(s.actual_attendance),
               lambda s: s.actual_attendance or 0, True),
        Column(N_("Held"), lambda s: "✓" if s.is_held else "", lambda s: int(s.is_held)),
    ]


class MilestoneTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Date"), lambda m: format_date(m.due_on), lambda m: _iso(m.due_on)),
        Column(N_("Milestone"), lambda m: m.title),
        Column(N_("Status"), lambda m: label(MilestoneStatus, m.status)),
    ]

    def extra_data(self, record, column, role):
        if role == Qt.ItemDataRole.ForegroundRole and record.status == "fait":
            return QColor("#6b7280")
        return None
