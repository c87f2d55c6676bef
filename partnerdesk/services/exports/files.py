"""One entry point for the export dialog and the command line: what, which, format -> a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerdesk.i18n import N_, _
from partnerdesk.paths import DataPaths
from partnerdesk.services.exports import calendar, selection, tabular, vcard

KINDS = {"organisations": N_("Organisations"), "people": N_("People"), "agenda": N_("Agenda (milestones, "
                                                                                    "sessions, reminders)")}
FORMATS = {"csv": N_("CSV for a spreadsheet (.csv)"), "ods": N_("LibreOffice spreadsheet (.ods)"),
           "vcf": N_("vCard for a phone or an email client (.vcf)"), "ics": N_("iCalendar (.ics)")}
FORMATS_OF = {"organisations": ["csv", "ods"], "people": ["csv", "ods", "vcf"], "agenda": ["ics"]}


class ExportError(Exception):
    """`str(exc)` is a translated message."""


def export(kind: str, fmt: str, target: Path, paths: DataPaths | None = None,
           which: selection.Selection | None = None, since: dt.date | None = None, report=None) -> int:
    """Write the export; return how many items it holds. `report(done, total)` may raise to stop it."""
    if fmt not in FORMATS_OF.get(kind, []):
        raise ExportError(_("This format is not available for this export."))
    if kind == "agenda":
        events = calendar.events(since)
        content, count = calendar.ics(events), len(events)
    elif fmt == "vcf":
        cards = selection.people(which)
        content, count = vcard.vcards(cards, paths, report), len(cards)
    else:
        if kind == "organisations":
            headers, rows, sheet = selection.organisation_headers(), selection.organisation_rows(which), \
                _("Organisations")
        else:
            headers, rows, sheet = selection.people_headers(), selection.people_rows(which), _("People")
        content = tabular.csv_bytes(headers, rows) if fmt == "csv" else tabular.ods_bytes(headers, rows, sheet,
                                                                                         report)
        count = len(rows)
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_bytes(content)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExportError(_("The file could not be written: {reason}").format(reason=exc.strerror or exc)) from exc
    return count
