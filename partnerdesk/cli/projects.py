"""projects, todo: the projects with their partners by stage, and what needs doing."""

from __future__ import annotations

from partnerdesk.cli.common import opened, run
from partnerdesk.domain.engagement import Engagement, partner_figures
from partnerdesk.domain.projects import ProjectStatus, Stage
from partnerdesk.domain.todo import TodoKind
from partnerdesk.i18n import _, format_date, ngettext


def register(sub) -> None:
    p = sub.add_parser("projects", help="list the projects with their partners by stage and session totals")
    p.add_argument("--search", default="", help="part of the title")
    p.add_argument("--year", type=int)
    p.set_defaults(func=cmd_projects)
    p = sub.add_parser("todo", help="what needs doing this week and next (the 'À faire' view)")
    p.set_defaults(func=cmd_todo)


def _label(enum, value: str) -> str:
    member = enum.parse(value)
    return _(member.label) if member else value


@run
def cmd_projects(args):
    from partnerdesk.services import projects, sentences, sessions

    with opened(args):
        rows = projects.list_projects(args.search, year=args.year)
        for p in rows:
            dates = " – ".join(format_date(d) for d in (p.start_date, p.end_date) if d)
            print(f"{p.title} · {_label(ProjectStatus, p.status)}" + (f" · {dates}" if dates else ""))
            stages = [f"{_label(Stage, s.value)} {p.stage_counts[s.value]}"
                      for s in Stage if p.stage_counts.get(s.value)]
            if stages:
                print("    " + ", ".join(stages))
                figures = partner_figures(projects.standings_of(p.id))  # the rule of the screens and documents
                print("    " + ngettext("{count} partner engaged", "{count} partners engaged", figures.partners)
                      .format(count=figures.partners) + ", " + ngettext(
                          "{count} under discussion", "{count} under discussion",
                          figures.count(Engagement.EN_DISCUSSION)).format(
                          count=figures.count(Engagement.EN_DISCUSSION)))
            t = sessions.totals(p.id)
            if t.scheduled:
                print("    " + sentences.session_totals(t))
        if not rows:
            print(_("No project."))


@run
def cmd_todo(args):
    from partnerdesk.services import todo

    with opened(args):
        items = todo.items()
        for item in items:
            kind = item.kind_label or _label(TodoKind, item.kind)
            detail = f" ({item.detail})" if item.detail else ""
            print(f"{format_date(item.due_on)}  {kind:<22} {item.title}{detail}")
        if not items:
            print(_("Nothing to do this week or next"))
