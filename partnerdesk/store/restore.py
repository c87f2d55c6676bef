"""Atomic replacement of the database and the data folder's files.

Used by restoring a backup and by importing a full archive. The discipline:

1. everything new is prepared beside the live data: the files in a staging folder
   (`.restore-staging/` or `.import-staging/`, with `files.json` listing them), the database
   as `partnerdesk.sqlite3.restoring.partial`, checked, synced, then renamed
   `partnerdesk.sqlite3.restoring`: from that instant the new state is complete;
2. `finish()` moves the staged files into place, removes the data files the new state does
   not have, and renames `.restoring` over the database: the database comes last, in one
   rename.

At every instant one complete database exists under the real name, or a complete
`.restoring` that `recover()` (called at start-up, before opening) finishes. Anything
staged without a `.restoring` is an interrupted preparation and is rolled back.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from partnerdesk.store import filestore, register_carry
from partnerdesk.store.backup import BackupError, copy_database, create_backup, fsync_dir, fsync_file, integrity_check

log = logging.getLogger(__name__)

RESTORE_STAGING = ".restore-staging"
IMPORT_STAGING = ".import-staging"
FILE_LIST = "files.json"
Checkpoint = Callable[[str], None]


def _no_checkpoint(_name: str) -> None:
    pass


# Fault-injection tests replace this to stop the process at a named step.
checkpoint: Checkpoint = _no_checkpoint


def restoring_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".restoring")


def checkpoint_wal(db_path: Path) -> None:
    """Fold the -wal file into the database so that nothing lives only in it."""
    if not db_path.with_name(db_path.name + "-wal").exists():
        return
    con = sqlite3.connect(str(db_path))
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def prepare(db_path: Path, new_db: Path, staging: Path, files: list[str] | None) -> None:
    """Make `new_db` (a checked database file) the `.restoring` candidate, with `files`
    (relative paths already in `staging`, or None to leave the data files as they are)."""
    if files is not None:
        (staging / FILE_LIST).write_text(json.dumps(files), encoding="utf-8")
        fsync_file(staging / FILE_LIST)
    checkpoint("files-staged")
    candidate = db_path.with_name(db_path.name + ".restoring.partial")
    if new_db != candidate:
        copy_database(new_db, candidate)
    reason = integrity_check(candidate)
    if reason:
        candidate.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(reason)
    checkpoint("database-staged")
    os.replace(candidate, restoring_path(db_path))
    fsync_dir(db_path.parent)
    checkpoint("prepared")


def finish(db_path: Path) -> bool:
    """Complete a prepared replacement; False when there is none. Idempotent."""
    restoring = restoring_path(db_path)
    if not restoring.exists():
        return False
    root = db_path.parent
    for name in (RESTORE_STAGING, IMPORT_STAGING):
        staging = root / name
        listing = staging / FILE_LIST
        if not listing.exists():
            continue
        wanted = set(json.loads(listing.read_text(encoding="utf-8")))
        for rel in sorted(wanted):
            staged = staging / rel
            if staged.exists():
                target = root / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, target)
        checkpoint("files-moved")
        for path in filestore.data_files(root, db_path.name):
            if path.relative_to(root).as_posix() not in wanted:
                path.unlink()
        checkpoint("files-pruned")
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    checkpoint("wal-removed")
    os.replace(restoring, db_path)
    fsync_dir(root)
    checkpoint("renamed")
    for name in (RESTORE_STAGING, IMPORT_STAGING):
        shutil.rmtree(root / name, ignore_errors=True)
    return True


def recover(db_path: Path) -> str | None:
    """At start-up: finish a prepared replacement or roll back an interrupted one.
    Returns "finished", "rolled-back" or None when there was nothing to do."""
    db_path = Path(db_path)
    if finish(db_path):
        log.warning("an interrupted restore was finished at start-up")
        return "finished"
    root = db_path.parent
    partial = db_path.with_name(db_path.name + ".restoring.partial")
    leftovers = [p for p in (root / RESTORE_STAGING, root / IMPORT_STAGING, partial,
                             *(partial.with_name(partial.name + s) for s in ("-journal", "-wal", "-shm")))
                 if p.exists()]
    for path in leftovers:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    if leftovers:
        log.warning("an interrupted restore or import was rolled back: %s", ", ".join(p.name for p in leftovers))
        return "rolled-back"
    return None


def newer_version(versions: set[int]) -> str | None:
    """What to say when a database holds updates this PartnerDesk does not know; None otherwise."""
    from partnerdesk.i18n import _
    from partnerdesk.store import migrate

    known = {m.version for m in migrate.discover()}
    if not versions - known:
        return None
    return _("it was updated by a newer version of PartnerDesk (database version {found}, this one knows up to "
             "{known}). Install the newest version of PartnerDesk.").format(found=max(versions - known),
                                                                             known=max(known, default=0))


def schema_of(db_path: Path) -> tuple[set[str], set[int]]:
    """(tables, migrations applied) of a database file, read-only."""
    con = sqlite3.connect(f"file:{Path(db_path).as_posix()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        versions = ({row[0] for row in con.execute("SELECT version FROM schema_migration")}
                    if "schema_migration" in tables else set())
    finally:
        con.close()
    return tables, versions


def check_restorable(backup_path: Path) -> None:
    """Refuse, before anything changes, a sound SQLite file that is not a PartnerDesk database
    (another program's, an empty one) or that a newer PartnerDesk updated: restored, the first
    would be migrated into an empty PartnerDesk, the second could not be opened at all."""
    from partnerdesk.i18n import _

    try:
        tables, versions = schema_of(backup_path)
    except sqlite3.DatabaseError as exc:
        raise BackupError(str(exc)) from exc
    if 1 not in versions or not {"organisation", "person"} <= tables:
        raise BackupError(_("this file is not a PartnerDesk backup (it holds no PartnerDesk data)."))
    newer = newer_version(versions)
    if newer:
        raise BackupError(newer)


class MissingFiles(BackupError):
    """Files a backup's manifest lists are missing from `backups/files/`."""

    def __init__(self, files: list[str]):
        super().__init__(", ".join(files[:3]))
        self.files = files


def restore_backup(backup_path: Path, db_path: Path, backups_dir: Path):
    """Replace the database (closed by the caller) and the data files with a backup.

    The current data is backed up first (kind "pre-restore") when it is readable; a
    damaged file is copied aside as `*.corrupt-<stamp>`, so nothing is ever deleted.
    The RGPD register of the current data is kept beside it for `services.rgpd_carry`.
    Returns the pre-restore backup, if one was made. Raises BackupError (MissingFiles when
    files are missing) before anything changed when the backup is damaged or incomplete.
    """
    import datetime as dt

    backup_path, db_path = Path(backup_path), Path(db_path)
    reason = integrity_check(backup_path)
    if reason:
        raise BackupError(reason)
    check_restorable(backup_path)
    try:
        files = filestore.read_manifest(backup_path)
    except filestore.FileStoreError as exc:
        raise BackupError(str(exc)) from exc
    objects_dir = backup_path.parent  # the files beside the backup: backups/, or a copy on a USB key
    if files:
        missing = filestore.check_files(objects_dir, files)
        if missing:
            raise MissingFiles(missing)
    recover(db_path)
    safety = None
    if db_path.exists() and db_path.stat().st_size and integrity_check(db_path) is None:
        safety = create_backup(db_path, backups_dir, kind="pre-restore")
        checkpoint_wal(db_path)
        register_carry.save(db_path)  # the RGPD register outlives the restore (services/rgpd_carry.py)
    elif db_path.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        for suffix in ("", "-wal"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                shutil.copyfile(side, db_path.with_name(f"{db_path.name}.corrupt-{stamp}{suffix}"))
    checkpoint("safety-copy")
    staging = db_path.parent / RESTORE_STAGING
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        if files is not None:
            filestore.stage_files(objects_dir, files, staging)
        prepare(db_path, backup_path, staging, sorted(files) if files is not None else None)
    except (OSError, sqlite3.DatabaseError, filestore.FileStoreError) as exc:
        if not restoring_path(db_path).exists():
            recover(db_path)
            raise BackupError(str(exc)) from exc
    finish(db_path)
    return safety
