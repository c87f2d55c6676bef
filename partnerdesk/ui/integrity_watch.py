"""The full integrity check, the day's backup and the leftovers' cleaning, run in the background
once the window is up.

Start-up reads only the database's header and schema (`data.open_data(..., full_check=None)`):
the full `PRAGMA integrity_check` takes most of a second on a large database, the quick check a
tenth, and the day's backup copies and checks the whole file; all would hold the window back.
They run here instead, in workers, as soon as the lists on show are filled. If the check finds
damage, the user is told and offered the newest good backup exactly as at start
(`ui/dialogs/startup.offer_restore`, the same words and the same choice); after a restore the
data is opened again and every view reloads. Unsaved changes are settled first. The day's
backup is made only of data that passed the check; if it fails, a notice says so at the top of
the window, as when it failed at start.
"""

from __future__ import annotations

import logging

import shiboken6

from partnerdesk.services import data, health
from partnerdesk.ui.dialogs import startup

log = logging.getLogger(__name__)


def check_in_background(window, paths, offer=None, then=None):
    """Start the full check; `then()` runs after a healthy check; `offer(paths, text) -> bool`
    replaces the start-up dialog in tests."""
    offer = offer or startup.offer_restore

    def done(state) -> None:
        if state is None:
            log.info("full integrity check: ok")
            if then is not None:
                then()
            return
        log.error("full integrity check failed after start: %s", state.reason)
        if not shiboken6.isValid(window) or not window.settle_all():
            return
        if not offer(paths, health.describe(state, paths)):
            return
        try:
            data.open_data(paths, daily_backup=False, full_check=False)
        except (data.StoreError, OSError) as exc:
            log.exception("data folder cannot be opened after a restore")
            startup.cannot_start(paths, startup.failure_text(exc))
            window.close()
            return
        window.after_data_swap()

    def failed(_exc, details) -> None:
        log.error("full integrity check could not run:\n%s", details)

    handle = window.ctx.tasks.run(lambda _handle: health.full_check(paths), done, failed)
    handle.awaited = False  # the window is usable meanwhile: nobody waits for this one
    return handle


def backup_in_background(window, folder: data.DataFolder):
    """The day's backup (and the rotation of old ones); a notice at the top when it failed."""

    def done(warning) -> None:
        if warning and shiboken6.isValid(window):
            startup.backup_failed_notice(window, warning)

    handle = window.ctx.tasks.run(lambda _handle: data.make_daily_backup(folder), done)
    handle.awaited = False
    return handle


def after_window_shown(window, paths, folder: data.DataFolder | None = None) -> None:
    """What start-up leaves to the background, once the lists on show are filled: the full
    integrity check, then the day's backup of the checked data (above); the cleaning of leftover
    files (it walks every photo)."""

    def upkeep() -> None:
        if not shiboken6.isValid(window):
            return
        backup = (lambda: backup_in_background(window, folder)) if folder is not None else None
        check_in_background(window, paths, then=backup)
        window.ctx.tasks.run(lambda _handle: data.remove_leftovers(paths)).awaited = False

    window.ctx.tasks.when_idle(upkeep)
