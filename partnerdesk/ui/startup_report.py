"""`partnerdesk --exit-after-start`: report when the window was painted and usable, then quit.

Used by `tests/perf/bench_startup.py`. Prints wall-clock times (seconds since the epoch,
so that the benchmark can subtract the moment it spawned the process):
- `painted_at=` the first paint of the tab shown at start ("À faire"), with the rest of the window;
- `usable_at=` when the background queries started meanwhile (the lists) have all been applied;
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
        self.target = None
        self.deadline = time.perf_counter() + limit_s
        pages = getattr(window, "pages", None)
        shown = pages.currentWidget() if pages is not None else None
        self.poll = QTimer(self)
        # the tab shown at start (or, should it be built later, once built), or the welcome page
        if shown is not None and shown is getattr(window, "welcome", None):
            self._watch(shown)
        elif window.current_tab() is not None:
            self._watch(window.current_tab())
        else:
            window.lazy_tabs.built_tab.connect(self._built)
        self.poll.setInterval(2)
        self.poll.timeout.connect(self._check)
        QTimer.singleShot(int(limit_s * 1000), self._check)  # never painted: report and quit all the same

    def _watch(self, widget) -> None:
        self.target = widget
        widget.installEventFilter(self)

    def _built(self, tab) -> None:
        if tab is self.window.current_tab() and self.target is None:
            self._watch(tab)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.target and event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.time()
            print(f"painted_at={self.painted_at:.4f}", flush=True)
            self.poll.start()
        return False

    def _check(self) -> None:
        if self.window.ctx.tasks.busy() and time.perf_counter() < self.deadline:
            return
        self.poll.stop()
        if self.target is not None:
            self.target.removeEventFilter(self)
        print(f"usable_at={time.time():.4f}", flush=True)
        print(f"started_in_ms={1000 * (time.perf_counter() - self.started):.1f}", flush=True)
        self.window.close()


def install(window, started: float) -> StartupReport:
    return StartupReport(window, started)
