"""A project's needs and budget: the lines, who pays each one, and the budget reconciled with the
partners' engagement (`budget_totals_of`)."""

from __future__ import annotations

from partnerdesk.domain import validation as v
from partnerdesk.domain.amounts import check_amount, to_cents
from partnerdesk.domain.engagement import budget_totals
from partnerdesk.domain.labels import N_
from partnerdesk.domain.projects import BudgetLineData, BudgetTotals, NeedData
from partnerdesk.services.projects import engagements_of
from partnerdesk.store import database
from partnerdesk.store.models import BudgetLine, Organisation, ProjectNeed, ProjectPartner
from partnerdesk.store.query import JOIN


# --- needs ----------------------------------------------------------------------

def set_needs(project_id: int, needs: list[NeedData]) -> list[NeedData]:
    """Replace the needs of a project."""
    v.collect({f"need_amount.{i}": check_amount(n.amount) for i, n in enumerate(needs)})
    for n in needs:
        n.amount = _cents(n.amount)
    with database.atomic():
        ProjectNeed.delete().where(ProjectNeed.project == project_id).execute()
        for i, n in enumerate(needs):
            ProjectNeed.create(project=project_id, kind=n.kind, description=n.description, amount=n.amount,
                               material_mode=n.material_mode, position=i)
    return needs_of(project_id)


def update_need(need: NeedData) -> NeedData:
    """A need edited in place."""
    v.collect({"need_amount": check_amount(need.amount)})
    need.amount = _cents(need.amount)
    with database.atomic():
        ProjectNeed.update(kind=need.kind, description=need.description, amount=need.amount,
                           material_mode=need.material_mode).where(ProjectNeed.id == need.id).execute()
    return need


def needs_of(project_id: int) -> list[NeedData]:
    rows = ProjectNeed.select().where(ProjectNeed.project == project_id).order_by(ProjectNeed.position)
    return [NeedData(r.project_id, r.kind, r.description, r.amount, r.material_mode, r.id) for r in rows]


# --- budget -----------------------------------------------------------------------

def add_budget_line(line: BudgetLineData) -> BudgetLineData:
    _check_line(line)
    with database.atomic():
        position = BudgetLine.select().where(BudgetLine.project == line.project_id).count()
        row = BudgetLine.create(project=line.project_id, label=line.label, amount=line.amount,
                                project_partner=line.project_partner_id, own_funds=line.own_funds,
                                position=position)
    line.id = row.id
    return line


def _check_line(line: BudgetLineData) -> None:
    v.collect({"label": v.check_required(line.label) or v.check_name_length(line.label),
               "amount": check_amount(line.amount)})
    line.amount = _cents(line.amount)


def _cents(amount: float | None) -> float | None:
    """What is stored: cents, rounded half-up (a figure of an older version or a script: 12.345 -> 12.35)."""
    return None if amount is None else to_cents(amount)


def update_budget_line(line: BudgetLineData) -> BudgetLineData:
    """A line edited in place: label, amount, who pays it."""
    _check_line(line)
    with database.atomic():
        BudgetLine.update(label=line.label, amount=line.amount, project_partner=line.project_partner_id,
                          own_funds=line.own_funds).where(BudgetLine.id == line.id).execute()
    return line


def split_budget_line(line_id: int, amount: float, project_partner_id: int | None = None,
                      own_funds: bool = False) -> tuple[BudgetLineData, BudgetLineData]:
    """Split a line between two payers: `amount` of it goes to a new line with the same label
    paid by the other payer; the line keeps the rest. The total is unchanged."""
    amount = to_cents(amount)
    with database.atomic("IMMEDIATE"):
        row = BudgetLine.get_by_id(line_id)
        if not 0 < amount < (row.amount or 0):
            raise v.ValidationError({"amount": N_("The part must be more than 0 and less than the line's amount.")})
        BudgetLine.update(amount=to_cents(row.amount - amount)).where(BudgetLine.id == line_id).execute()
        BudgetLine.update(position=BudgetLine.position + 1).where(
            BudgetLine.project == row.project_id, BudgetLine.position > row.position).execute()
        new = BudgetLine.create(project=row.project_id, label=row.label, amount=amount,
                                project_partner=project_partner_id, own_funds=own_funds, position=row.position + 1)
    lines = {b.id: b for b in budget_of(row.project_id)}
    return lines[line_id], lines[new.id]


def delete_budget_line(line_id: int) -> None:
    BudgetLine.delete().where(BudgetLine.id == line_id).execute()


def budget_of(project_id: int) -> list[BudgetLineData]:
    rows = (BudgetLine.select(BudgetLine, Organisation.name)
            .join(ProjectPartner, JOIN.LEFT_OUTER, on=(BudgetLine.project_partner == ProjectPartner.id))
            .join(Organisation, JOIN.LEFT_OUTER, on=(ProjectPartner.organisation == Organisation.id))
            .where(BudgetLine.project == project_id).order_by(BudgetLine.position).objects())
    return [BudgetLineData(r.project_id, r.label, r.amount, r.project_partner_id, r.own_funds,
                           getattr(r, "name", None) or "", r.id) for r in rows]


def budget_totals_of(project_id: int) -> BudgetTotals:
    """The budget reconciled with the partners' engagement (a refused partner's lines are uncovered)."""
    return budget_totals(budget_of(project_id), engagements_of(project_id))
