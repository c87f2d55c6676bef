"""The state of a data folder's database, in words for the user (start-up dialog, `check`)."""

from __future__ import annotations

import threading
from pathlib import Path

from partnerdesk.i18n import N_, _
from partnerdesk.paths import DataPaths
from partnerdesk.store import health
from partnerdesk.store.health import DatabaseState
from partnerdesk.store.restore import recover

__all__ = ["DatabaseState", "QuickCheck", "describe", "full_check", "startup_state"]


def startup_state(paths: DataPaths, *, full_check: bool | None = True, recover_first: bool = True) -> DatabaseState:
    """Finish or roll back an interrupted restore/import (`recover_first`: only under the
    instance lock), then classify the database (`full_check`: see `store.health.classify`).
    The one function start-up (and a background check) calls before opening."""
    if recover_first and paths.root.is_dir() and health.folder_writable(paths.root):
        recover(paths.db_path)
    return health.classify(paths.db_path, paths.backups_dir, full_check=full_check)


MESSAGES = {
    health.OK: N_("Database OK: {path}"),
    health.NEW: N_("No database yet in {folder}: PartnerDesk creates one when it starts."),
    health.MISSING: N_("The database file is missing ({path}), yet this data folder holds backups or files. "
                       "PartnerDesk does not start empty over them."),
    health.EMPTY: N_("The database file is empty ({path}), yet this data folder holds backups or files: it was "
                     "probably cut short by a crash or a full disk."),
    health.DAMAGED: N_("The database is damaged: {reason}"),
    health.READ_ONLY_FILE: N_("The database file is read-only ({path}). Your data is intact; it can be shown but "
                              "not changed. Make the file writable again to edit it."),
    health.READ_ONLY_FOLDER: N_("The data folder cannot be written ({folder}): a read-only disk, folder or network "
                                "share. Your data is intact; it can be shown but not changed."),
    health.LOCKED: N_("Another program is writing to the database and holds it locked ({path}). Close that "
                      "program (a database browser, a synchronisation tool) and try again."),
}


def folder_writable(folder) -> bool:
    return health.folder_writable(folder)


def describe(state: DatabaseState, paths: DataPaths) -> str:
    """One message per state, never "damaged" for a healthy file that cannot be written."""
    text = MESSAGES.get(state.kind)
    if text is None:
        return state.kind
    return _(text).format(path=paths.db_path, folder=paths.root, reason=state.reason)


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


def full_check(paths: DataPaths) -> DatabaseState | None:
    """The full integrity check of the database (PRAGMA integrity_check: most of a second on a
    large file, so the window runs it in the background once it is up).
    Reads only; None when healthy, else the damaged state with SQLite's reason."""
    reason = health.integrity_check(paths.db_path)
    return None if reason is None else DatabaseState(health.DAMAGED, reason)


class QuickCheck:
    """SQLite's quick check (every page read; a tenth of a second at 10,000 people) in a thread
    of its own. SQLite does not hold the interpreter: started before Qt is imported
    (`cli.main`), it runs while PySide6 loads and the window is built; the window waits for
    `result()` before it is shown. A file replaced meanwhile (an interrupted restore finished
    when the data was opened) or made since (a first run) is checked again, then and there."""

    def __init__(self, db_path):
        self.db_path = Path(db_path)
        self._state: DatabaseState | None = None
        self._identity = _identity(self.db_path)
        self._thread = None
        if self._identity is not None:
            self._thread = threading.Thread(target=self._run, name="quick-check", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        reason = health.integrity_check(self.db_path, "quick_check(1)")
        self._state = None if reason is None else DatabaseState(health.DAMAGED, reason)

    def result(self) -> DatabaseState | None:
        """None when healthy, else the damaged state with SQLite's reason (waits for the check)."""
        if self._thread is not None:
            self._thread.join()
        identity = _identity(self.db_path)
        if identity != self._identity:
            self._identity = identity
            self._run()
        return self._state


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino
