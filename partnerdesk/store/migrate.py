"""A small migration runner: numbered files in `store/migrations/`.

Each file is named `NNNN_name.py` and defines `up(db)`, which runs plain SQL
(`db.execute_sql`). Migrations are applied in number order, each in its own
transaction, and recorded in `schema_migration`. Schema changes happen only
here: peewee models mirror the schema but never create it.

Before anything is applied the runner checks the recorded numbers against the
files: a database holding a number this version does not know (written by a
newer PartnerDesk) is refused, and so is a pending file numbered below the
highest applied one (it would run out of order).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from peewee import SqliteDatabase

from partnerdesk.i18n import _
from partnerdesk.store.db import StoreError

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{4})_(\w+)\.py$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    def load(self) -> ModuleType:
        spec = importlib.util.spec_from_file_location(f"partnerdesk_migration_{self.version:04d}", self.path)
        module = importlib.util.module_from_spec(spec)
        assert spec.loader is not None
        spec.loader.exec_module(module)
        return module


def discover(folder: Path | None = None) -> list[Migration]:
    folder = folder or MIGRATIONS_DIR
    found = []
    for path in folder.glob("*.py"):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), path))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(versions) != len(set(versions)):
        raise RuntimeError(f"duplicate migration numbers in {folder}")
    return found


def _ensure_table(db: SqliteDatabase) -> None:
    db.execute_sql(
        "CREATE TABLE IF NOT EXISTS schema_migration ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )


def applied(db: SqliteDatabase) -> set[int]:
    tables = db.get_tables()
    if "schema_migration" not in tables:
        return set()
    return {row[0] for row in db.execute_sql("SELECT version FROM schema_migration")}


class NewerDatabaseError(StoreError):
    """The database was updated by a newer PartnerDesk: this version must not touch it."""


class MigrationGapError(StoreError):
    """A migration file numbered below the highest applied one: applying it would run out of order."""


def check(db: SqliteDatabase, folder: Path | None = None) -> None:
    """Refuse a database this set of migrations cannot safely bring to head."""
    known = discover(folder)
    done = applied(db)
    unknown = sorted(done - {m.version for m in known})
    if unknown:
        raise NewerDatabaseError(_(
            "This database was updated by a newer version of PartnerDesk (database version {found}, "
            "this PartnerDesk knows up to {known}). It was not opened and nothing was changed.\n\n"
            "Install the newest version of PartnerDesk, or restore a backup made before that update."
        ).format(found=max(unknown), known=known[-1].version if known else 0))
    highest = max(done, default=0)
    late = [m for m in known if m.version not in done and m.version < highest]
    if late:
        raise MigrationGapError(_(
            "This PartnerDesk brings a database update numbered {number} while the database is "
            "already at {highest}: applying it out of order could damage the data, so the database "
            "was not changed. Install a complete version of PartnerDesk."
        ).format(number=f"{late[0].version:04d}", highest=f"{highest:04d}"))


def pending(db: SqliteDatabase, folder: Path | None = None, target: int | None = None) -> list[Migration]:
    """The migrations still to apply (after `check`, which raises on a newer database or a gap)."""
    check(db, folder)
    done = applied(db)
    return [m for m in discover(folder) if m.version not in done and (target is None or m.version <= target)]


def migrate(db: SqliteDatabase, folder: Path | None = None, target: int | None = None) -> list[int]:
    """Apply pending migrations up to `target` (all when None); return the versions applied."""
    _ensure_table(db)
    done = []
    for migration in pending(db, folder, target):
        module = migration.load()
        with db.atomic("IMMEDIATE"):
            module.up(db)
            db.execute_sql(
                "INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, dt.datetime.now().isoformat(timespec="seconds")),
            )
        log.info("applied migration %04d_%s", migration.version, migration.name)
        done.append(migration.version)
    return done


def head(folder: Path | None = None) -> int:
    found = discover(folder)
    return found[-1].version if found else 0
