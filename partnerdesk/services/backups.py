"""Backups for the UI and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from partnerdesk.i18n import _, ngettext
from partnerdesk.paths import DataPaths
from partnerdesk.services import health, rgpd_carry
from partnerdesk.services.rgpd_carry import Carried
from partnerdesk.store import close_store, open_store
from partnerdesk.store.backup import (
    BackupError,
    BackupFile,
    create_backup,
    integrity_check,
    list_backups,
    rotate,
)
from partnerdesk.store.health import DatabaseState
from partnerdesk.store.restore import MissingFiles, newer_version, restore_backup, schema_of

__all__ = ["BackupError", "BackupFile", "backup_now", "check", "failure_text", "list_all", "newest_good", "Restored", "restore",
           "state", "too_new"]


def list_all(paths: DataPaths) -> list[BackupFile]:
    return list_backups(paths.backups_dir)


def backup_now(paths: DataPaths) -> BackupFile:
    made = create_backup(paths.db_path, paths.backups_dir, "manual")
    rotate(paths.backups_dir)
    return made


def state(paths: DataPaths, *, recover_first: bool = True) -> DatabaseState:
    """What `partnerdesk check` and the start-up see (nothing is written but a finished restore,
    and only with `recover_first`, for a caller holding the instance lock)."""
    return health.startup_state(paths, recover_first=recover_first)


def check(paths: DataPaths) -> str | None:
    """None when the database is usable as it is (or not created yet), else what is wrong, in words."""
    found = state(paths, recover_first=False)
    if found.kind == "ok":
        return too_new(paths)
    if found.kind == "new":
        return None
    return health.describe(found, paths)


def too_new(paths: DataPaths) -> str | None:
    """For a sound database that a newer PartnerDesk updated (the window would refuse to open
    it): what to say; None otherwise."""
    newer = newer_version(schema_of(paths.db_path)[1])
    return None if newer is None else _("This PartnerDesk cannot open the database {path}: {reason}").format(
        path=paths.db_path, reason=newer)


def failure_text(exc: BaseException, message: str) -> str:
    """What to tell the user when a backup or a restore failed: what to do about a full disk (or
    a locked or read-only database), else `message` ("…: {reason}") with the reason given."""
    return health.describe_failure(exc) or message.format(reason=exc)


def newest_good(paths: DataPaths) -> BackupFile | None:
    for b in list_backups(paths.backups_dir):
        if integrity_check(b.path) is None:
            return b
    return None


@dataclass
class Restored:
    safety: BackupFile | None  # the pre-restore backup of what was there
    register: Carried | None  # the RGPD register put back (services/rgpd_carry.py)

    def notice(self) -> str | None:
        """What the user must know beyond "restored": the erasures carried over."""
        return self.register.sentence() if self.register else None


def restore(paths: DataPaths, backup_path: Path, *, reopen: bool = True) -> Restored:
    """Close the database, back it up, replace it (and the data files) with `backup_path`
    atomically, reopen it (closed again unless `reopen`), put the RGPD register back and erase
    again the people erased since the backup."""
    close_store()
    try:
        safety = restore_backup(Path(backup_path), paths.db_path, paths.backups_dir)
    except MissingFiles as exc:
        raise BackupError(ngettext("{count} file of this backup is missing ({names}).",
                                   "{count} files of this backup are missing ({names}).", len(exc.files))
                          .format(count=len(exc.files), names=exc)) from exc
    open_store(paths.db_path, paths.backups_dir)
    try:
        register = rgpd_carry.apply_pending(paths)
    finally:
        if not reopen:
            close_store()
    return Restored(safety, register)


from partnerdesk.services import outside_copy  # noqa: E402,F401  registers its "À faire" line
