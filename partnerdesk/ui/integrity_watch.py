"""The full integrity check (and the leftovers' cleaning), run in the background once the window is up.

Start-up runs SQLite's quick check (`data.open_data(..., full_check=False)`): the full
`PRAGMA integrity_check` takes most of a second on a large database and would hold the
window back. It runs here instead, in a worker, right after the window is shown. If it
finds damage, the user is told and offered the newest good backup exactly as at start
(`ui/dialogs/startup.offer_restore`, the same words and the same choice); after a restore
the data is opened again and every view reloads. Unsaved changes are settled first.
"""

from __future__ import annotations

import logging

import shiboken6

from partnerdesk.services import data, health
from partnerdesk.ui.dialogs import startup

log = logging.getLogger(__name__)


def check_in_background(window, paths, offer=None):
    """Start the full check; `offer(paths, text) -> bool` replaces the start-up dialog in tests."""
    offer = offer or startup.offer_restore

    def done(state) -> None:
        if state is None:
            log.info("full integrity check: ok")
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


def after_window_shown(window, paths) -> None:
    """What start-up leaves to the background once the window is up: the full integrity check
    (above) and the cleaning of leftover files (it walks every photo)."""
    check_in_background(window, paths)
    window.ctx.tasks.run(lambda _handle: data.remove_leftovers(paths)).awaited = False
