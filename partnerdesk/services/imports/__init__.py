"""Bringing contacts in: CSV (known address-book exports or any spreadsheet,
with a column mapping) and vCard files; a review before writing; one
transaction; undo of the whole import.

    parsed = read_file(path)            # ImportFileError: a French message
    parsed.remap({...})                 # when parsed.needs_mapping
    plan = plan_for(parsed)             # creates, matches (merge or skip), refused
    result = apply_plan(plan, paths)    # one transaction
    undo_batch(result.batch_id, paths)  # "Annuler cet import"
"""

from partnerdesk.services.imports.errors import ImportFileError
from partnerdesk.services.imports.headers import HEADER_SET_LABELS
from partnerdesk.services.imports.mappings import recall, remember
from partnerdesk.services.imports.plan import ImportPlan, PlanRow, build_plan
from partnerdesk.services.imports.reader import ParsedFile, read_bytes, read_file, read_text
from partnerdesk.services.imports.undo import UndoError, last_batch, undo_batch
from partnerdesk.services.imports.writer import ImportResult, apply_plan, result_text


def plan_for(parsed: ParsedFile) -> ImportPlan:
    """The review of a parsed file. Contacts are copied: the file can be re-planned."""
    return build_plan([c.copy() for c in parsed.contacts], parsed.refused, parsed.warnings,
                      parsed.path.name, parsed.kind)


__all__ = [
    "HEADER_SET_LABELS", "ImportFileError", "ImportPlan", "ImportResult", "ParsedFile", "PlanRow", "UndoError",
    "apply_plan", "build_plan", "last_batch", "plan_for", "read_bytes", "read_file", "read_text", "recall", "remember", "result_text",
    "undo_batch",
]
