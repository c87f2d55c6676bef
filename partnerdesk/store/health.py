"""What state is the database of a data folder in? One plain function, no side effect.

`classify()` is called before opening (at start-up, by `partnerdesk check`); it never
writes, never creates the file, and tells apart the cases that need different words:
a first run, a missing or empty file while backups or data files exist (never a silent
empty start), a damaged file, a file or folder that cannot be written, a database held
by another program.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from partnerdesk.store import filestore
from partnerdesk.store.backup import integrity_check, list_backups

NEW = "new"                    # no database and nothing else: a first run
OK = "ok"
MISSING = "missing"            # no database, but backups or data files exist
EMPTY = "empty"                # 0 bytes or no table, but backups or data files exist
DAMAGED = "damaged"
READ_ONLY_FILE = "read-only-file"
READ_ONLY_FOLDER = "read-only-folder"
LOCKED = "locked"              # another program holds a write lock
NEEDS_RESTORE = (MISSING, EMPTY, DAMAGED)
READ_ONLY = (READ_ONLY_FILE, READ_ONLY_FOLDER)


@dataclass(frozen=True)
class DatabaseState:
    kind: str
    reason: str = ""

    @property
    def needs_restore(self) -> bool:
        return self.kind in NEEDS_RESTORE

    @property
    def read_only(self) -> bool:
        return self.kind in READ_ONLY


def folder_writable(folder: Path) -> bool:
    """Really try: os.access lies on read-only mounts and Windows ACLs."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def has_history(db_path: Path, backups_dir: Path) -> bool:
    """Backups or data files exist: this folder was used before."""
    return bool(list_backups(backups_dir)) or bool(filestore.data_files(db_path.parent, db_path.name))


def _has_tables(db_path: Path, immutable: bool) -> bool | None:
    try:
        con = sqlite3.connect(f"file:{db_path}?{'immutable=1' if immutable else 'mode=ro'}", uri=True)
        try:
            return con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None


def _write_locked(db_path: Path) -> bool:
    con = sqlite3.connect(str(db_path), timeout=0)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    finally:
        con.close()


def classify(db_path: Path, backups_dir: Path, *, full_check: bool | None = True) -> DatabaseState:
    """The state of the database at `db_path`. `full_check`: True runs PRAGMA integrity_check
    (most of a second on a large file), False the quick check (every page read, indexes not
    compared: a tenth of a second at 10,000 people), None neither: only the header and schema
    are read (the window's start, which runs the full check in the background right after;
    commands that only read). A file that is not a database is damaged whatever the level."""
    db_path, backups_dir = Path(db_path), Path(backups_dir)
    folder = db_path.parent
    if not db_path.exists():
        if folder.is_dir() and has_history(db_path, backups_dir):
            return DatabaseState(MISSING)
        if folder.exists() and not folder_writable(folder):
            return DatabaseState(READ_ONLY_FOLDER)
        return DatabaseState(NEW)
    size = db_path.stat().st_size
    writable = folder_writable(folder)  # a WAL database in a read-only folder is read as immutable
    tables = False if size == 0 else _has_tables(db_path, not writable)
    if tables is False:
        return DatabaseState(EMPTY if has_history(db_path, backups_dir) else NEW)
    if full_check is None and tables is None:  # not even a schema to read: say why
        reason = integrity_check(db_path, "quick_check(1)", immutable=not writable) or "file is not a database"
    elif full_check is None:  # the window's start, a command that only reads: a damaged page
        reason = None       # fails its read, and the window runs the full check just after
    else:
        reason = integrity_check(db_path, "integrity_check" if full_check else "quick_check(1)",
                                 immutable=not writable)
    if reason:
        return DatabaseState(DAMAGED, reason)
    if not writable:
        return DatabaseState(READ_ONLY_FOLDER)
    if not os.access(db_path, os.W_OK) or _read_only_open(db_path):
        return DatabaseState(READ_ONLY_FILE)
    if _write_locked(db_path):
        return DatabaseState(LOCKED)
    return DatabaseState(OK)


def _read_only_open(db_path: Path) -> bool:
    try:
        with open(db_path, "rb+"):
            return False
    except PermissionError:
        return True
    except OSError as exc:
        return exc.errno == errno.EROFS
