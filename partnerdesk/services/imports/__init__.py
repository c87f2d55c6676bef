"""Bringing contacts in: CSV (known address-book exports or any spreadsheet,
with a column mapping) and vCard files; a review before writing; one
transaction; undo of the whole import.

    parsed = read_file(path)            # ImportFileError: a French message
    parsed.remap({...})                 # when parsed.needs_mapping
    plan = plan_for(parsed)             # creates, matches (merge or skip), refused
    result = apply_plan(plan, paths)    # one transaction
    undo_batch(result.batch_id, paths)  # "Annuler cet import"
"""

from partnerdesk.i18n import _, ngettext
from partnerdesk.services.imports.errors import ImportFileError
from partnerdesk.services.imports.headers import HEADER_SET_LABELS
from partnerdesk.services.imports.mappings import recall, remember
from partnerdesk.services.imports.plan import ImportPlan, PlanRow, build_plan
from partnerdesk.services.imports.reader import ParsedFile, read_file, read_text
from partnerdesk.services.imports.writer import ImportResult, UndoError, apply_plan, last_batch, undo_batch


def result_summary(result: ImportResult) -> str:
    """"Import terminé : 3 personnes créées, 1 organisation créée…", for the window and the CLI."""
    parts = [
        (ngettext("{count} person created", "{count} people created", result.people_created), result.people_created),
        (ngettext("{count} organisation created", "{count} organisations created", result.organisations_created),
         result.organisations_created),
        (ngettext("{count} card completed", "{count} cards completed", result.merged), result.merged),
        (ngettext("{count} row skipped", "{count} rows skipped", result.skipped), result.skipped),
        (ngettext("{count} row refused", "{count} rows refused", result.refused), result.refused),
    ]
    if result.photos:
        parts.append((ngettext("{count} photo (without consent: ask for it before any use)",
                               "{count} photos (without consent: ask for it before any use)", result.photos),
                      result.photos))
    return _("Import done: {details}.").format(details=", ".join(text.format(count=n) for text, n in parts))


def plan_for(parsed: ParsedFile) -> ImportPlan:
    """The review of a parsed file. Contacts are copied: the file can be re-planned."""
    return build_plan([c.copy() for c in parsed.contacts], parsed.refused, parsed.warnings,
                      parsed.path.name, parsed.kind)


__all__ = [
    "HEADER_SET_LABELS", "ImportFileError", "ImportPlan", "ImportResult", "ParsedFile", "PlanRow", "UndoError",
    "apply_plan", "build_plan", "last_batch", "plan_for", "read_file", "read_text", "recall", "remember",
    "result_summary", "undo_batch",
]
