"""Backups for the UI and the command line."""

from __future__ import annotations

from pathlib import Path

from partnerdesk.paths import DataPaths
from partnerdesk.store import close_store, open_store
from partnerdesk.store.backup import (
    BackupError,
    BackupFile,
    create_backup,
    integrity_check,
    list_backups,
    restore_backup,
    rotate,
)

__all__ = ["BackupError", "BackupFile", "backup_now", "check", "list_all", "newest_good", "restore"]


def list_all(paths: DataPaths) -> list[BackupFile]:
    return list_backups(paths.backups_dir)


def backup_now(paths: DataPaths) -> BackupFile:
    made = create_backup(paths.db_path, paths.backups_dir, "manual")
    rotate(paths.backups_dir)
    return made


def check(paths: DataPaths) -> str | None:
    """None when the database passes PRAGMA integrity_check, else the reason."""
    if not paths.db_path.exists():
        return None
    return integrity_check(paths.db_path)


def newest_good(paths: DataPaths) -> BackupFile | None:
    for b in list_backups(paths.backups_dir):
        if integrity_check(b.path) is None:
            return b
    return None


def restore(paths: DataPaths, backup_path: Path, *, reopen: bool = True) -> BackupFile | None:
    """Close the database, back it up, replace it with `backup_path`, reopen it."""
    close_store()
    safety = restore_backup(Path(backup_path), paths.db_path, paths.backups_dir)
    if reopen:
        open_store(paths.db_path, paths.backups_dir)
    return safety
