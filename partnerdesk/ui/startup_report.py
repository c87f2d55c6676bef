"""`partnerdesk --exit-after-start`: report when the window was painted and usable, then quit.

Used by `tests/perf/bench_startup.py`. Prints wall-clock times (seconds since the epoch,
so that the benchmark can subtract the moment it spawned the process):
- `painted_at=` the first paint of the tab shown at start ("À faire"), with the rest of the window;
- `usable_at=` the moment the background queries started meanwhile (the lists) have all been
  applied (`TaskRunner.when_idle`), or the deadline if nothing was ever painted;
- `started_in_ms=` from `run_gui()` to usable, as seen from inside the process.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer


class StartupReport(QObject):
    def __init__(self, window, started: float, limit_s: float = 60.0):
        super().__init__(window)
        self.window = window
        self.started = started
        self.painted_at: float | None = None
        pages = getattr(window, "pages", None)
        shown = pages.currentWidget() if pages is not None else None
        # the tab shown at start, or the welcome page of an empty data folder
        welcome = shown is not None and shown is getattr(window, "welcome", None)
        self.target = shown if welcome else (window.current_tab() or window)
        self.target.installEventFilter(self)
        self.reported = False
        QTimer.singleShot(int(limit_s * 1000), self._usable)  # never painted: report and quit all the same

    def eventFilter(self, watched, event) -> bool:
        if watched is self.target and event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.time()
            print(f"painted_at={self.painted_at:.4f}", flush=True)
            self.window.ctx.tasks.when_idle(self._usable)  # at once when the last list is applied
        return False

    def _usable(self) -> None:
        if self.reported:
            return
        self.reported = True
        self.target.removeEventFilter(self)
        print(f"usable_at={time.time():.4f}", flush=True)
        print(f"started_in_ms={1000 * (time.perf_counter() - self.started):.1f}", flush=True)
        self.window.close()


def install(window, started: float) -> StartupReport:
    return StartupReport(window, started)
