"""Opening the SQLite database with the pragmas this app relies on."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from peewee import DatabaseProxy, SqliteDatabase

log = logging.getLogger(__name__)

# Every model binds to this proxy; open_store() points it at the real file.
database = DatabaseProxy()

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -16000,
    "temp_store": "memory",
}


class StoreError(Exception):
    """The database cannot be used as it is (unreadable, corrupt, too new)."""


def connect(path: Path) -> SqliteDatabase:
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.connect(reuse_if_open=True)
    return db


def open_store(db_path: Path, backups_dir: Path | None = None, *, check: bool = True) -> SqliteDatabase:
    """Open the database, check it, back it up before pending migrations, migrate.

    Raises StoreError when the file is corrupt or unreadable; the caller offers
    to restore a backup.
    """
    from partnerdesk.store import backup, migrate

    db_path = Path(db_path)
    if check and db_path.exists():
        reason = backup.integrity_check(db_path)
        if reason:
            raise StoreError(reason)
    try:
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


def close_store() -> None:
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
