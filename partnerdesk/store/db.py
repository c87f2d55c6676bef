"""Opening the SQLite database with the pragmas this app relies on."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from peewee import DatabaseProxy, SqliteDatabase

from partnerdesk.store.dblock import DatabaseFileLock

log = logging.getLogger(__name__)

# Every model binds to this proxy; open_store() points it at the real file.
database = DatabaseProxy()

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    # FULL: a committed transaction survives a power cut, not only a crash (pitfall 11).
    "synchronous": "full",
    "cache_size": -16000,
    "temp_store": "memory",
}
READ_ONLY_PRAGMAS = {k: v for k, v in PRAGMAS.items() if k not in ("journal_mode", "synchronous")}

_file_lock: DatabaseFileLock | None = None


class StoreError(Exception):
    """The database cannot be used as it is (unreadable, corrupt, too new)."""


class DatabaseBusy(StoreError):
    """Another program (or another PartnerDesk) holds the database."""


def connect(path: Path) -> SqliteDatabase:
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.connect(reuse_if_open=True)
    return db


def hold_file_lock(db_path: Path) -> None:
    """Lock the database file itself for this process, so that a second PartnerDesk is refused
    even when the `partnerdesk.lock` file was deleted. Raises DatabaseBusy."""
    global _file_lock
    db_path = Path(db_path)
    if _file_lock is not None and _file_lock.path == db_path and _file_lock.current():
        return
    release_file_lock()
    lock = DatabaseFileLock(db_path)
    if not lock.acquire():
        raise DatabaseBusy(f"{db_path} is in use by another PartnerDesk")
    _file_lock = lock


def release_file_lock() -> None:
    global _file_lock
    if _file_lock is not None:
        _file_lock.release()
        _file_lock = None


def open_store(db_path: Path, backups_dir: Path | None = None, *, check: bool = True,
               read_only: bool = False) -> SqliteDatabase:
    """Open the database, check it, back it up before pending migrations, migrate.

    Raises StoreError when the file is corrupt or unreadable; the caller offers
    to restore a backup. `read_only` opens an existing database without writing anything
    (no migration, no lock, no WAL change): for a file or folder that cannot be written.
    """
    from partnerdesk.store import backup, migrate

    db_path = Path(db_path)
    if check and db_path.exists():
        reason = backup.integrity_check(db_path)
        if reason:
            raise StoreError(reason)
    try:
        if read_only:
            db = _connect_read_only(db_path)
            database.initialize(db)
            if migrate.pending(db):
                close_store()
                raise StoreError("the database needs an update, which cannot be written")
            return db
        hold_file_lock(db_path)
        db = connect(db_path)
        database.initialize(db)
        pending = migrate.pending(db)
        if pending and migrate.applied(db) and backups_dir is not None:
            made = backup.create_backup(db_path, backups_dir, kind="pre-migration")
            log.info("backup before migrating %s: %s", db_path, made.path)
        migrate.migrate(db)
    except StoreError:  # a newer database or a gap in the migrations: left closed, untouched
        close_store()
        raise
    except sqlite3.DatabaseError as exc:
        close_store()
        raise StoreError(str(exc)) from exc
    except Exception as exc:  # peewee wraps sqlite errors
        if exc.__class__.__module__.startswith("peewee"):
            close_store()
            raise StoreError(str(exc)) from exc
        raise
    return db


def _connect_read_only(db_path: Path) -> SqliteDatabase:
    """mode=ro; in a folder that cannot be written (no -shm possible), immutable=1."""
    last = None
    for query in ("mode=ro", "immutable=1"):
        db = SqliteDatabase(f"file:{db_path.as_posix()}?{query}", uri=True, pragmas=READ_ONLY_PRAGMAS,
                            check_same_thread=False)
        try:
            db.connect(reuse_if_open=True)
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except Exception as exc:  # noqa: BLE001 - peewee wraps sqlite3 errors
            last = exc
            if not db.is_closed():
                db.close()
    raise StoreError(str(last))


def close_store() -> None:
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
    release_file_lock()
