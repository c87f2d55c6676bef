"""Opening and closing a data folder: lock, integrity, migrations, daily backup."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.i18n import _
from partnerdesk.paths import DataPaths
from partnerdesk.services import health
from partnerdesk.store import StoreError, close_store, open_store
from partnerdesk.store.db import DatabaseBusy, hold_file_lock, release_file_lock
from partnerdesk.store import backup as store_backup
from partnerdesk.store import migrate
from partnerdesk.store.health import DatabaseState
from partnerdesk.store.migrate import NewerDatabaseError

log = logging.getLogger(__name__)

__all__ = ["DatabaseBusy", "DataFolder", "DataUnusable", "NewerDatabaseError", "StoreError", "open_data", "close_data",
           "schema_version"]


class DataUnusable(StoreError):
    """The database cannot be opened as it is; `state` says why, `str()` says it in words."""

    def __init__(self, state: DatabaseState, message: str):
        super().__init__(message)
        self.state = state


@dataclass
class DataFolder:
    paths: DataPaths
    daily_backup: Path | None = None
    warnings: list[str] = field(default_factory=list)
    read_only: bool = False
    leftovers: list[Path] = field(default_factory=list)


_current: DataFolder | None = None


def current() -> DataFolder | None:
    """The data folder opened last (its warnings, read-only flag), None when closed."""
    return _current


def open_data(paths: DataPaths, *, daily_backup: bool = True, today: dt.date | None = None,
              read_only: bool = False, full_check: bool | None = True,
              clean_leftovers: bool = True) -> DataFolder:
    """Open the database of `paths` (created on first run) and make the daily backup.

    Start-up first finishes or rolls back an interrupted restore, then classifies the
    database (`health.startup_state`). Raises DataUnusable (a StoreError) when it is missing
    or empty while backups or files exist, damaged, locked by another program, or cannot be
    written (unless `read_only`, which opens it without writing anything). A failed daily
    backup does not stop the opening: it is in `warnings`.
    """
    global _current
    if not read_only:
        try:
            paths.ensure()
        except OSError as exc:
            log.error("data folder cannot be prepared: %s", exc)
    if not read_only and paths.db_path.exists() and health.folder_writable(paths.root):
        hold_file_lock(paths.db_path)  # before recovering anything: a second PartnerDesk stops here
    state = health.startup_state(paths, full_check=full_check)
    log.info("database state at start: %s %s", state.kind, state.reason)
    if state.needs_restore or state.kind == "locked" or (state.read_only and not read_only):
        release_file_lock()
        raise DataUnusable(state, health.describe(state, paths))
    open_store(paths.db_path, paths.backups_dir, check=False, read_only=read_only or state.read_only)
    folder = DataFolder(paths, read_only=read_only or state.read_only)
    if folder.read_only:
        _current = folder
        return folder
    _carry_rgpd_register(folder)
    if clean_leftovers:  # the window passes False and runs it in the background (it walks every photo)
        folder.leftovers = remove_leftovers(paths)
    _daily_upkeep()
    if daily_backup:
        make_daily_backup(folder, today)
    _current = folder
    return folder


def _carry_rgpd_register(folder: DataFolder) -> None:
    """A restore interrupted, or made by the command line: its RGPD register goes back in now."""
    from partnerdesk.store import register_carry

    if register_carry.carry_path(folder.paths.db_path).exists():
        from partnerdesk.services import rgpd_carry  # the models: only when there is a register to put back

        carried = rgpd_carry.apply_pending(folder.paths)
        if carried and carried.sentence():
            folder.warnings.append(carried.sentence())


def remove_leftovers(paths: DataPaths) -> list[Path]:
    """Remove the files no card uses any more (after their grace period); what was removed."""
    from partnerdesk.services import leftovers

    try:
        return leftovers.clean(paths)
    except Exception:  # noqa: BLE001 - cleaning is a courtesy: it never stops the start
        log.exception("cleaning leftovers failed")
        return []


def make_daily_backup(folder: DataFolder, today: dt.date | None = None) -> str | None:
    """The day's backup (once a day), then the rotation (at every start, so that no backup
    outlives the 12 months the RGPD register promises). The window runs it in the background
    after the full check; the warning to show when it failed (also kept in `folder.warnings`)."""
    paths = folder.paths
    try:
        if store_backup.daily_backup_due(paths.backups_dir, today):
            folder.daily_backup = store_backup.create_backup(paths.db_path, paths.backups_dir, "daily").path
        store_backup.rotate(paths.backups_dir)
    except (store_backup.BackupError, OSError) as exc:
        log.exception("daily backup failed")
        reason = health.describe_failure(exc) or getattr(exc, "strerror", None) or exc
        warning = _("Today's automatic backup failed: {reason}").format(reason=reason)
        folder.warnings.append(warning)
        return warning
    return None


def writable() -> bool:
    """False when the open data folder was opened read-only (or none is open)."""
    return _current is not None and not _current.read_only


def _daily_upkeep() -> None:
    """The writes the data needs once a day (here, at opening; never while the window is built):
    conventions whose end date has passed become échues."""
    from partnerdesk.services import upkeep

    try:
        upkeep.expire_conventions()
    except Exception:  # noqa: BLE001 - a full disk here must not stop the start; retried next time
        log.exception("daily upkeep failed")


def close_data() -> None:
    global _current
    _current = None
    close_store()


def schema_version() -> int:
    from partnerdesk.store import database

    return max(migrate.applied(database.obj) or {0})


def connection_context():
    """A database connection for the duration of a background task."""
    from partnerdesk.store import database

    return database.connection_context()


def is_empty() -> bool:
    """True when the data folder holds no organisation and no person yet (first run). Asked by
    the window before it is shown: in SQL, so that no model is loaded before the first paint."""
    from partnerdesk.store import database

    return not database.execute_sql(
        "SELECT EXISTS (SELECT 1 FROM organisation WHERE deleted_at IS NULL) "
        "OR EXISTS (SELECT 1 FROM person WHERE deleted_at IS NULL)").fetchone()[0]
