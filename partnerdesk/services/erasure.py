"""The two sweeps of an RGPD erasure (used by `rgpd.anonymise`):

- `person_files`: every file that ever belonged to the person — current and earlier photos
  (`person_file_history`, filled by triggers), their thumbnails, current and earlier consent
  proofs — except a file another card or a project still uses;
- `scrub_text`: the person's name in any case (accents, hyphens and spaces aside), emails and
  phones in every text column of every table, and the last name alone in free text.
"""

from __future__ import annotations

from pathlib import Path

from partnerdesk.domain.erasure import last_name_pattern, trace_pattern
from partnerdesk.paths import DataPaths
from partnerdesk.services import person_photos, tables
from partnerdesk.store import database

# Columns that hold free text (sentences), where the last name alone is also replaced.
FREE_TEXT_COLUMNS = frozenset((
    "notes", "note", "summary", "description", "objectives", "context", "bilan_text", "decision_circuit",
    "comment", "body", "subject", "content", "sections", "engagements", "caption", "closed_reason",
    "next_step", "reason", "before",
))


def person_files(paths: DataPaths, person_id: int) -> list[Path]:
    """Files on disk to delete with the person (existing ones only, each once)."""
    found = list(person_photos.files_of(paths, person_id))
    history = database.execute_sql("SELECT kind, file FROM person_file_history WHERE person_id = ?",
                                   (person_id,)).fetchall()
    used = _files_used_by_others(person_id)
    for kind, name in history:
        if not name or name in used:
            continue
        if kind == "photo":
            photo = paths.photos_dir / name
            found.append(photo)
            if paths.thumbnails_dir.is_dir():
                found += sorted(paths.thumbnails_dir.glob(f"{Path(name).stem}_*"))
        else:
            found.append(paths.proofs_dir / name)
    unique = dict.fromkeys(p for p in found if p.is_file() and _inside(paths.root, p))
    return list(unique)


def _inside(root: Path, path: Path) -> bool:
    return root.resolve() in path.resolve().parents


def _files_used_by_others(person_id: int) -> set[str]:
    rows = database.execute_sql(
        "SELECT file FROM person_photo WHERE person_id <> ? "
        "UNION SELECT proof FROM photo_consent WHERE person_id <> ? AND proof <> '' "
        "UNION SELECT file FROM project_photo", (person_id, person_id)).fetchall()
    return {r[0] for r in rows}


def scrub_text(first_name: str, last_name: str, emails: list[str], phones: list[str], hidden: str,
               others: list[str] = ()) -> int:
    """Replace the person's traces by `hidden` everywhere; returns how many values changed.
    Runs inside the caller's transaction."""
    traces = trace_pattern(first_name, last_name, emails, phones, others)
    last = last_name_pattern(last_name)
    if traces is None and last is None:
        return 0
    changed = 0
    for table in tables.data_tables():
        for column in tables.text_columns(table):
            patterns = [p for p in (traces, last if column in FREE_TEXT_COLUMNS else None) if p is not None]
            if not patterns:
                continue
            rows = database.execute_sql(
                f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL AND "{column}" <> \'\'')
            for rowid, value in rows.fetchall():
                if not isinstance(value, str):
                    continue
                new = value
                for pattern in patterns:
                    new = pattern.sub(hidden, new)
                if new != value:
                    database.execute_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (new, rowid))
                    changed += 1
    return changed
