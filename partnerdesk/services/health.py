"""The state of a data folder's database, in words for the user (start-up dialog, `check`)."""

from __future__ import annotations

from partnerdesk.i18n import _
from partnerdesk.paths import DataPaths
from partnerdesk.store import health
from partnerdesk.store.health import DatabaseState
from partnerdesk.store.restore import recover

__all__ = ["DatabaseState", "describe", "startup_state"]


def startup_state(paths: DataPaths, *, full_check: bool = True) -> DatabaseState:
    """Finish or roll back an interrupted restore/import, then classify the database.
    The one function start-up (and a background check) calls before opening."""
    if paths.root.is_dir() and health.folder_writable(paths.root):
        recover(paths.db_path)
    return health.classify(paths.db_path, paths.backups_dir, full_check=full_check)


def describe(state: DatabaseState, paths: DataPaths) -> str:
    """One message per state, never "damaged" for a healthy file that cannot be written."""
    kind = state.kind
    if kind == health.OK:
        return _("Database OK: {path}").format(path=paths.db_path)
    if kind == health.NEW:
        return _("No database yet in {folder}: PartnerDesk creates one when it starts.").format(folder=paths.root)
    if kind == health.MISSING:
        return _("The database file is missing ({path}), yet this data folder holds backups or files. "
                 "PartnerDesk does not start empty over them.").format(path=paths.db_path)
    if kind == health.EMPTY:
        return _("The database file is empty ({path}), yet this data folder holds backups or files: it was "
                 "probably cut short by a crash or a full disk.").format(path=paths.db_path)
    if kind == health.DAMAGED:
        return _("The database is damaged: {reason}").format(reason=state.reason)
    if kind == health.READ_ONLY_FILE:
        return _("The database file is read-only ({path}). Your data is intact; it can be shown but not "
                 "changed. Make the file writable again to edit it.").format(path=paths.db_path)
    if kind == health.READ_ONLY_FOLDER:
        return _("The data folder cannot be written ({folder}): a read-only disk, folder or network share. "
                 "Your data is intact; it can be shown but not changed.").format(folder=paths.root)
    if kind == health.LOCKED:
        return _("Another program is writing to the database and holds it locked ({path}). Close that "
                 "program (a database browser, a synchronisation tool) and try again.").format(path=paths.db_path)
    return kind


def describe_failure(exc: BaseException) -> str | None:
    """A message that says what happened and what to do, for a full disk, a locked database or
    a read-only place; None for anything else."""
    from partnerdesk.store import errors

    kind = errors.failure_kind(exc)
    if kind == errors.DISK_FULL:
        return _("The disk is full: nothing was changed. Free some space (empty the recycle bin, remove "
                 "large files) and try again.")
    if kind == errors.LOCKED:
        return _("The database is locked by another program: nothing was changed. Close the other program "
                 "and try again.")
    if kind == errors.READ_ONLY:
        return _("The data folder or the database cannot be written (read-only): nothing was changed.")
    return None
