"""Opening and closing a data folder: lock, integrity, migrations, daily backup."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.paths import DataPaths
from partnerdesk.store import StoreError, close_store, open_store
from partnerdesk.store import backup as store_backup
from partnerdesk.store import migrate
from partnerdesk.store.migrate import NewerDatabaseError

log = logging.getLogger(__name__)

__all__ = ["DataFolder", "NewerDatabaseError", "StoreError", "open_data", "close_data", "schema_version"]


@dataclass
class DataFolder:
    paths: DataPaths
    daily_backup: Path | None = None
    warnings: list[str] = field(default_factory=list)


def open_data(paths: DataPaths, *, daily_backup: bool = True, today: dt.date | None = None) -> DataFolder:
    """Open the database of `paths` (created on first run) and make the daily backup.

    Raises StoreError when the database is unreadable or corrupt.
    """
    paths.ensure()
    open_store(paths.db_path, paths.backups_dir)
    folder = DataFolder(paths)
    if daily_backup and store_backup.daily_backup_due(paths.backups_dir, today):
        try:
            folder.daily_backup = store_backup.create_backup(paths.db_path, paths.backups_dir, "daily").path
            store_backup.rotate(paths.backups_dir)
        except (store_backup.BackupError, OSError) as exc:
            log.exception("daily backup failed")
            folder.warnings.append(str(exc))
    return folder


def close_data() -> None:
    close_store()


def schema_version() -> int:
    from partnerdesk.store import database

    return max(migrate.applied(database.obj) or {0})


def connection_context():
    """A database connection for the duration of a background task."""
    from partnerdesk.store import database

    return database.connection_context()


def is_empty() -> bool:
    """True when the data folder holds no organisation and no person yet (first run)."""
    from partnerdesk.services import partners

    return partners.count_organisations() == 0 and partners.count_people() == 0
