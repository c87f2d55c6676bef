"""The RGPD register outlives a restore.

The register (`rgpd_log`: exports and erasures) lives in the database a restore replaces. Before
the replacement is prepared, `save` writes it beside the database (`partnerdesk.sqlite3.rgpd-register`,
JSON: dates, actions, person numbers, the sentences logged, no name), with the date each erased card
was created: a card of the restored data bearing the same number and creation date is the same
person. `services/rgpd_carry.py` puts the register back into the restored database and erases
those people again, in one transaction, then calls `discard`. A restore killed in between leaves
the file: the next opening finishes the work (applying it twice changes nothing).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path

from partnerdesk.store.backup import fsync_dir, fsync_file

log = logging.getLogger(__name__)

LOG_COLUMNS = ("occurred_at", "action", "person_id", "what", "done_by")


def carry_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".rgpd-register")


def save(db_path: Path) -> bool:
    """Write the register of `db_path` (a sound database) beside it; False when it has none."""
    con = sqlite3.connect(f"file:{Path(db_path).as_posix()}?mode=ro", uri=True)
    try:
        if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rgpd_log'").fetchone() is None:
            return False
        rows = [dict(zip(LOG_COLUMNS, r)) for r in con.execute(
            f"SELECT {', '.join(LOG_COLUMNS)} FROM rgpd_log ORDER BY id")]
        created = dict(con.execute(
            "SELECT id, created_at FROM person WHERE id IN (SELECT person_id FROM rgpd_log WHERE action = 'erase')"))
    finally:
        con.close()
    earlier = load(db_path)  # a restore not yet finished: its register is not in this database yet
    if earlier is not None:
        rows = [r for r in earlier[0] if r not in rows] + rows
        created = {**created, **earlier[1]}
    if not rows:
        return False
    target = carry_path(db_path)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps({"log": rows, "created": {str(k): v for k, v in created.items()}}),
                       encoding="utf-8")
    fsync_file(partial)
    os.replace(partial, target)
    fsync_dir(target.parent)
    return True


def load(db_path: Path) -> tuple[list[dict], dict[int, str]] | None:
    """(log rows, {erased person id: creation date}) saved before a restore; None when there is none."""
    path = carry_path(db_path)
    if not path.exists():
        return None
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        return saved["log"], {int(k): v for k, v in saved["created"].items()}
    except (OSError, ValueError, KeyError, AttributeError):
        log.exception("the RGPD register kept before a restore cannot be read: %s", path)
        return None


def discard(db_path: Path) -> None:
    carry_path(db_path).unlink(missing_ok=True)
    carry_path(db_path).with_name(carry_path(db_path).name + ".partial").unlink(missing_ok=True)
