"""find: search organisations and people from the command line."""

from __future__ import annotations

from partnerdesk.cli.common import opened, run
from partnerdesk.i18n import _


def register(sub) -> None:
    p = sub.add_parser("find", help="print the organisations and people matching TEXT "
                                    "(ignoring case and accents, like the search box)")
    p.add_argument("text", nargs="+")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_find)


@run
def cmd_find(args):
    from partnerdesk.services import search

    text = " ".join(args.text)
    with opened(args, full_check=None):  # it only reads: no integrity pass over the whole file
        result = search.find(text, limit=args.limit)
    if not result.organisations and not result.people:
        print(_("Nothing matches “{text}”.").format(text=text))
        return 1
    if result.organisations:
        print(_("Organisations ({count})").format(count=len(result.organisations)))
        for org in result.organisations:
            print("  " + "  ·  ".join(x for x in (org.name, org.city, org.email) if x) + f"  [#{org.id}]")
    if result.people:
        print(_("People ({count})").format(count=len(result.people)))
        for person in result.people:
            parts = [person.full_name, ", ".join(person.organisations), ", ".join(person.emails)]
            print("  " + "  ·  ".join(x for x in parts if x) + f"  [#{person.id}]")
    return 0
