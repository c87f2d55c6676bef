"""Undoing the newest import as a whole: every card it created is deleted, every card it merged
into gets back the values it had before (recorded in `import_batch_item`)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from partnerdesk.i18n import _
from partnerdesk.paths import DataPaths
from partnerdesk.services import org_logos, person_photos
from partnerdesk.store import database


class UndoError(Exception):
    """The import cannot be undone; `str(exc)` is a translated message."""


def last_batch() -> tuple[int, str, str] | None:
    """(id, source name, created_at) of the newest import that can still be undone."""
    row = database.execute_sql(
        "SELECT id, source_name, created_at, undone_at FROM import_batch ORDER BY id DESC LIMIT 1").fetchone()
    if row is None or row[3] is not None:
        return None
    return row[0], row[1], row[2]


RESTORED = {  # the columns a merge records before changing them
    "person": ("emails", "phones", "notes", "addresses", "websites", "labels", "title", "relais", "civility",
               "verified_on", "updated_at"),
    "organisation": ("address", "postcode", "city", "country", "phone", "email", "website", "notes", "kind", "publics",
                     "contributions", "decision_circuit", "contact_cadence_days", "article", "verified_on", "updated_at"),
}


def undo_batch(batch_id: int, paths: DataPaths) -> int:
    """Undo a whole import (the newest one). Returns how many changes were undone."""
    latest = last_batch()
    if latest is None or latest[0] != batch_id:
        raise UndoError(_("Only the latest import can be undone, and only once."))
    files: list[str] = []
    logos: list[str] = []
    try:
        with database.atomic("IMMEDIATE"):
            items = database.execute_sql(
                "SELECT entity, entity_id, action, before FROM import_batch_item WHERE batch_id = ? ORDER BY id DESC",
                (batch_id,)).fetchall()
            for entity, entity_id, action, before_json in items:
                before = json.loads(before_json or "{}")
                if action == "merged":
                    cols = [c for c in RESTORED[entity] if c in before]  # batches older than 0.2 kept fewer
                    database.execute_sql(f"UPDATE {entity} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                                         (*[before[c] for c in cols], entity_id))
                elif entity == "logo":
                    database.execute_sql("UPDATE organisation SET logo = '' WHERE id = ? AND logo = ?",
                                         (entity_id, before["file"]))
                    logos.append(before["file"])
                elif entity == "photo":
                    database.execute_sql("DELETE FROM person_photo WHERE person_id = ? AND file = ?",
                                         (entity_id, before["file"]))
                    files.append(Path(before["file"]).name)
                elif entity in ("person_tag", "organisation_tag"):
                    owner = entity.removesuffix("_tag")
                    database.execute_sql(f"DELETE FROM {entity} WHERE {owner}_id = ? AND tag_id = ?",
                                         (entity_id, before["tag_id"]))
                elif entity in ("person", "organisation", "affiliation", "tag"):
                    database.execute_sql(f"DELETE FROM {entity} WHERE id = ?", (entity_id,))
            database.execute_sql("UPDATE import_batch SET undone_at = ? WHERE id = ?", (dt.datetime.now().isoformat(sep=" "), batch_id))
    except UndoError:
        raise
    except Exception as exc:  # noqa: BLE001 - e.g. a card used by another record since
        raise UndoError(_("This import cannot be undone any more: {reason}").format(reason=exc)) from exc
    for name in files:
        if not person_photos.file_in_use(name):
            (paths.photos_dir / name).unlink(missing_ok=True)
    for name in logos:
        org_logos.delete_if_unused(paths, name)
    return len(items)
