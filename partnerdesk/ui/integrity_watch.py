"""The full integrity check, the day's backup and the leftovers' cleaning, run in the background
once the window is up.

Start-up reads only the database's header and schema (`data.open_data(..., full_check=None)`)
and runs the quick check (a tenth of a second at 10,000 people) in a thread while the window is
built: damage it finds is settled before the window is shown (`before_window_shown`). The full
`PRAGMA integrity_check` takes most of a second on a large database and the day's backup copies
and checks the whole file: they run here, in workers, as soon as the lists on show are filled. If the check finds
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

    def done(state) -> None:
        if state is None:
            log.info("full integrity check: ok")
            if then is not None:
                then()
            return
        log.error("full integrity check failed after start: %s", state.reason)
        if shiboken6.isValid(window) and window.settle_all():
            restore_and_reload(window, paths, state, offer)

    def failed(_exc, details) -> None:
        log.error("full integrity check could not run:\n%s", details)

    handle = window.ctx.tasks.run(lambda _handle: health.full_check(paths), done, failed)
    handle.awaited = False  # the window is usable meanwhile: nobody waits for this one
    return handle


def restore_and_reload(window, paths, state, offer=None) -> bool:
    """Say what is damaged and offer the newest good backup, with the start-up's words; when it is
    restored, open the data again and reload every view. True when the data was restored."""
    if not (offer or startup.offer_restore)(paths, health.describe(state, paths)):
        return False
    try:
        data.open_data(paths, daily_backup=False, full_check=False)
    except (data.StoreError, OSError) as exc:
        log.exception("data folder cannot be opened after a restore")
        startup.cannot_start(paths, startup.failure_text(exc))
        window.close()
        return False
    window.after_data_swap()
    return True


def before_window_shown(window, paths, quick: health.QuickCheck, offer=None) -> bool:
    """The quick check started with the opening has run while the window was built: damage
    there is settled before anything is shown, as at start (the newest good backup offered;
    refused, PartnerDesk does not start). True when the window can be shown."""
    state = quick.result()
    if state is None:
        return True
    log.error("quick check failed at start: %s", state.reason)
    return restore_and_reload(window, paths, state, offer)


def backup_in_background(window, folder: data.DataFolder):
    """The day's backup (and the rotation of old ones); a notice at the top when it failed."""

    def done(warning) -> None:
        if warning and shiboken6.isValid(window):
            startup.backup_failed_notice(window, warning)

    handle = window.ctx.tasks.run(lambda _handle: data.make_daily_backup(folder), done)
    handle.awaited = False
    return handle


#: After the lists on show are filled, the upkeep waits this long: the first paint of the filled
#: lists has the machine to itself (the cleaning walks every photo in Python).
UPKEEP_DELAY_MS = 300


def after_window_shown(window, paths, folder: data.DataFolder | None = None, delay_ms: int = 0) -> None:
    """What start-up leaves to the background, `delay_ms` after the lists on show are filled: the
    full integrity check, then the day's backup of the checked data (above); the cleaning of
    leftover files (it walks every photo)."""

    def upkeep() -> None:
        if not shiboken6.isValid(window):
            return
        backup = (lambda: backup_in_background(window, folder)) if folder is not None else None
        check_in_background(window, paths, then=backup)
        window.ctx.tasks.run(lambda _handle: data.remove_leftovers(paths)).awaited = False

    window.ctx.tasks.when_idle(upkeep, after_ms=delay_ms)
