"""`partnerdesk export convention ID -o FILE.pdf|.odt [--accept-blanks]`.

Routed here by the `export` command of `cli/exports.py`; the id is read from
`args.id` or `args.target`; CommandError is raised for the user's mistakes.
"""

from __future__ import annotations

from pathlib import Path

from partnerdesk.cli.common import CommandError, opened
from partnerdesk.domain.merge_fields import PROBLEM_LABELS
from partnerdesk.i18n import _


def export_convention(args) -> int:
    from partnerdesk.services import convention_output  # odfpy and ReportLab load only here

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

