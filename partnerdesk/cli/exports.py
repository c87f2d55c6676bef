"""partnerdesk export dossier|bilan|partner|attendance|minutes|convention TARGET [--partner ORG] -o FILE.pdf|.odt

Meetings: `export minutes MEETING_ID -o cr.pdf`, `export attendance --meeting MEETING_ID -o emargement.pdf`."""

from __future__ import annotations

from pathlib import Path

from partnerdesk.cli.common import CommandError, opened, run
from partnerdesk.cli.conventions import export_convention
from partnerdesk.i18n import _, parse_date

# services.documents.KINDS (tests/core/test_import_guard.py checks), named here so that
# building the parser does not import the document services.
DOCUMENTS = ("dossier", "bilan", "partner", "partner-internal", "attendance", "minutes")


def register(sub) -> None:
    p = sub.add_parser(
        "export", help="export a PDF for partners: project dossier, bilan, partner sheet or attendance sheet",
        description="TARGET is a project (number or part of its title) for dossier, bilan and attendance, "
                    "an organisation for partner, a convention number for convention (PDF or ODT).")
    p.add_argument("document", choices=(*DOCUMENTS, "convention"))
    p.add_argument("target", metavar="PROJECT_OR_ID", nargs="?",
                   help="minutes: the meeting's number (or part of its title)")
    p.add_argument("--partner", metavar="ORG", help="dossier: the organisation it is addressed to (number or name)")
    p.add_argument("--date", help="attendance: the date of the session (default: the next one)")
    p.add_argument("--session", type=int, metavar="ID", help="attendance: the session's number")
    p.add_argument("--meeting", metavar="MEETING_ID", help="attendance: the sheet of a meeting (number or title)")
    p.add_argument("--accept-blanks", action="store_true",
                   help="convention: export even when some merge fields are empty (printed as blanks)")
    p.add_argument("-o", "--output", type=Path, help="the file to write (default: a name in this folder)")
    p.set_defaults(func=cmd_export)


@run
def cmd_export(args):
    from partnerdesk.services import documents
    from partnerdesk.services.meetings import MeetingError

    if args.document == "convention":
        return export_convention(args)
    with opened(args) as paths:
        try:
            kind = "meeting_attendance" if args.document == "attendance" and args.meeting else args.document
            target, partner = _targets(args)
            out = args.output
            if out is None:
                title = documents.render(kind, paths, target, partner).title
                out = Path.cwd() / documents.suggested_name(kind, title)
            if out.suffix.lower() != ".pdf":
                out = out.with_suffix(out.suffix + ".pdf") if out.suffix else out.with_suffix(".pdf")
            result = documents.export(kind, paths, target, out, partner_id=partner)
        except MeetingError as exc:
            raise CommandError(str(exc)) from exc
        except documents.DocumentError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(_("The file could not be written: {reason}").format(reason=exc)) from exc
    for note in result.notes:
        print(note)
    print(_("PDF written: {path}").format(path=result.path))


def _targets(args) -> tuple[int, int | None]:
    from partnerdesk.services import documents
    from partnerdesk.services.meetings import resolve_meeting

    if args.document == "attendance" and args.meeting:
        return resolve_meeting(args.meeting), None
    if not args.target:
        raise CommandError(_("Say which one: a project, an organisation or a meeting (number or name)."))
    if args.document == "minutes":
        return resolve_meeting(args.target), None
    if args.document in ("partner", "partner-internal"):
        return documents.resolve_organisation(args.target), None
    if args.document == "attendance":
        if args.session:
            return args.session, None
        project = documents.resolve_project(args.target)
        try:
            day = parse_date(args.date) if args.date else None
        except ValueError as exc:
            raise CommandError(_("Not a date: {text} (expected 22/11/2026).").format(text=args.date)) from exc
        return documents.session_of_project(project, day), None
    partner = documents.resolve_organisation(args.partner) if args.partner else None
    return documents.resolve_project(args.target), partner
