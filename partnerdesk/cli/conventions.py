"""`partnerdesk export-convention ID -o FILE.pdf|.odt [--accept-blanks]`.

The PDF exports area owns the `export` command (`partnerdesk export dossier|bilan|...`).
To route `partnerdesk export convention ID -o FILE` here: add "convention" to its document
choices and an `--accept-blanks` flag, and in its command call `export_convention(args)`
when `args.document == "convention"` (the id is read from `args.id` or `args.target`;
CommandError is raised for the user's mistakes, as in the other commands).
"""

from __future__ import annotations

from pathlib import Path

from partnerdesk.cli.common import CommandError, opened, run
from partnerdesk.domain.merge_fields import PROBLEM_LABELS
from partnerdesk.i18n import _
from partnerdesk.services import convention_output


def register(sub) -> None:
    p = sub.add_parser("export-convention", help="export a convention as PDF or ODT (by the file's extension)")
    add_arguments(p)
    p.set_defaults(func=cmd_export_convention)


def add_arguments(parser) -> None:
    parser.add_argument("id", type=int, help="the convention's number")
    parser.add_argument("-o", "--output", type=Path, required=True, help="FILE.pdf or FILE.odt")
    parser.add_argument("--accept-blanks", action="store_true",
                        help="print fields that cannot be filled as blanks instead of refusing the export")


def export_convention(args) -> int:
    raw_id = getattr(args, "id", None) or getattr(args, "target", None)
    try:
        convention_id = int(raw_id)
    except (TypeError, ValueError) as exc:
        raise CommandError(_("No convention number {id}.").format(id=raw_id)) from exc
    output = getattr(args, "output", None)
    if output is None or Path(output).suffix.lower() not in (".pdf", ".odt"):
        raise CommandError(_("The output file must end in .pdf or .odt."))
    with opened(args):
        try:
            path = convention_output.export(convention_id, Path(output).expanduser(),
                                            accept_blanks=bool(getattr(args, "accept_blanks", False)))
        except LookupError as exc:
            raise CommandError(_("No convention number {id}.").format(id=convention_id)) from exc
        except convention_output.UnresolvedFields as exc:
            lines = [_("Some fields cannot be filled; the convention was not exported:")]
            lines += [f"  {{{p.name}}} — {_(PROBLEM_LABELS[p.kind])} — {p.where}" for p in exc.problems]
            lines.append(_("Fill them in, or use --accept-blanks to leave them blank."))
            raise CommandError("\n".join(lines)) from exc
        except OSError as exc:
            raise CommandError(_("The file cannot be written: {reason}").format(reason=exc)) from exc
    print(_("Convention written: {path}").format(path=path))
    return 0


cmd_export_convention = run(export_convention)
