"""balance: is each partnership worth it? Time cost against value obtained, per partner."""

from __future__ import annotations

from partnerdesk.cli.common import opened, project_option, run
from partnerdesk.i18n import _, format_money, format_number


def register(sub) -> None:
    p = sub.add_parser("balance", help="time spent on each partner against the value it brought")
    p.add_argument("--year", type=int, help="one year (default: every year)")
    p.add_argument("--project", metavar="P", help="one project (number or part of its title)")
    p.set_defaults(func=cmd_balance)


def _ratio(value: float | None) -> str:
    return "—" if value is None else format_number(value, 2)


@run
def cmd_balance(args):
    from partnerdesk.domain.balance import totals
    from partnerdesk.services import balance

    with opened(args):
        project_id = project_option(args.project)
        rows = balance.balance_rows(args.year, project_id)
        cost = balance.hourly_cost()
    print(_("Hourly cost: {cost}").format(cost=format_money(cost)))
    if not rows:
        print(_("No time, contribution or benefit recorded for this period."))
        return
    width = min(40, max(len(r.name) for r in rows))
    print(f"{_('Partner'):<{width}}  {_('Hours'):>7}  {_('Time cost'):>12}  {_('Value obtained'):>14}  "
          f"{_('Ratio'):>6}")
    for r in rows:
        mark = "  ⚠ " + _("costs more than it brings") if r.flagged else ""
        extra = "  (" + ", ".join(_(b.label) for b in r.benefits) + ")" if r.benefits else ""
        verdict = "  [" + _(r.verdict.label) + "]" if r.verdict else ""
        print(f"{r.name[:width]:<{width}}  {format_number(r.hours, 1):>7}  {format_money(r.time_cost):>12}  "
              f"{format_money(r.value):>14}  {_ratio(r.ratio):>6}{mark}{extra}{verdict}")
    t = totals(rows)
    print(f"{_('Total'):<{width}}  {format_number(t.hours, 1):>7}  {format_money(t.time_cost):>12}  "
          f"{format_money(t.value):>14}  {_ratio(t.ratio):>6}")
