"""Benchmark: the trombinoscope with 5,000 people with photos (large demo set).

    uv run python tests/perf/bench_trombinoscope.py [--keep DIR]

Fills a throw-away data folder with the large demo (10,000 people, 5,000 of them
with generated photos), then measures with the real background task runner:
- how long the tab takes to show (construction -> people loaded -> first paint),
- how long the GUI thread is blocked while scrolling through the whole grid, by a
  5 ms heartbeat timer on the GUI thread (its longest late tick) and by timing each
  scroll step's own work (set the scroll bar, paint the viewport),
with a cold thumbnail cache, then again with a warm one. Prints the figures.
Targets (issue #4): shown within 300 ms; no GUI-thread block over 50 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import data, demo  # noqa: E402
from partnerdesk.store.models import PersonPhoto  # noqa: E402
from partnerdesk.ui.context import AppContext  # noqa: E402
from partnerdesk.ui.tabs.trombinoscope.tab import TrombinoscopeTab  # noqa: E402
from partnerdesk.ui.tasks import TaskRunner  # noqa: E402

SHOW_TARGET_MS, BLOCK_TARGET_MS = 300, 50
GC_PAUSES: list[tuple[float, int]] = []


def _gc_watch(phase, info):
    """Record garbage-collector pauses: a full collection stops every Python thread."""
    if phase == "start":
        _gc_watch.started = time.perf_counter()
    else:
        GC_PAUSES.append(((time.perf_counter() - _gc_watch.started) * 1000, info["generation"]))


class Heartbeat:
    """A 5 ms timer on the GUI thread; a late tick means the GUI thread was busy."""

    def __init__(self, interval=5):
        self.interval = interval
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(interval)
        self.timer.timeout.connect(self._tick)
        self.worst = 0.0
        self.last = 0

    def start(self):
        self.worst = 0.0
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.timer.start()

    def _tick(self):
        now = self.clock.nsecsElapsed()
        self.worst = max(self.worst, (now - self.last) / 1e6 - self.interval)
        self.last = now

    def stop(self):
        self.timer.stop()
        return self.worst


def pump(app, seconds):
    """Run the event loop for `seconds` (the GUI thread sleeps natively in between events)."""
    loop = QEventLoop()
    QTimer.singleShot(max(1, int(seconds * 1000)), loop.quit)
    loop.exec()


def wait_for(app, condition, limit=60.0):
    start = time.perf_counter()
    while not condition() and time.perf_counter() - start < limit:
        pump(app, 0.002)


def show_tab(app, ctx, expected):
    loop = QEventLoop()
    start = time.perf_counter()
    tab = TrombinoscopeTab(ctx)
    tab.model.modelReset.connect(loop.quit)
    tab.resize(1200, 760)
    tab.show()
    if tab.model.rowCount() < expected:
        QTimer.singleShot(30000, loop.quit)
        loop.exec()
    loaded = time.perf_counter()
    if tab.model.rowCount() < expected:
        raise SystemExit("the people never arrived")
    tab.view.viewport().repaint()
    painted = time.perf_counter()
    return tab, (loaded - start) * 1000, (painted - start) * 1000


def wait_thumbnails(app, tab, limit=60):
    start = time.perf_counter()
    pump(app, 0.001)
    wait_for(app, lambda: not tab.provider.pending(), limit)
    return (time.perf_counter() - start) * 1000


def scroll_through(app, tab, steps=150, pause=0.016):
    """Scroll from top to bottom in `steps`, waiting `pause` seconds between steps."""
    bar = tab.view.verticalScrollBar()
    bar.setValue(0)
    pump(app, 0.3)
    beat = Heartbeat()
    step_worst = step_cpu = 0.0
    beat.start()
    for n in range(steps + 1):
        t0, c0 = time.perf_counter(), time.thread_time()
        bar.setValue(round(bar.maximum() * n / steps))
        tab.view.viewport().repaint()
        step_worst = max(step_worst, (time.perf_counter() - t0) * 1000)
        step_cpu = max(step_cpu, (time.thread_time() - c0) * 1000)
        pump(app, pause)
    pump(app, 0.3)
    return beat.stop(), step_worst, step_cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="reuse/keep this data folder (skips filling when already filled)")
    args = parser.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="partnerdesk-bench-"))
    paths = DataPaths(root).ensure()
    app = QApplication.instance() or QApplication([])
    print(f"load average before the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} processors")
    data.open_data(paths, daily_backup=False)
    if data.is_empty():
        t0 = time.perf_counter()
        demo.fill("large", paths=paths)
        print(f"large demo filled with photos: {time.perf_counter() - t0:.1f} s")
        data.close_data()  # measure as the app does: on a data folder opened afresh
        data.open_data(paths, daily_backup=False)
        import gc
        gc.collect()
    photos = PersonPhoto.select().count()
    from partnerdesk.services import partners
    people = partners.count_people()
    print(f"people: {people}, with photos: {photos}")

    from partnerdesk.services import thumbnails
    thumbnails.clear(paths)
    ctx = AppContext(paths=paths, tasks=TaskRunner(data.connection_context),
                     settings=QSettings(str(root / "bench-ui.ini"), QSettings.Format.IniFormat),
                     undo_stack=QUndoStack())
    results = []
    import gc
    gc.callbacks.append(_gc_watch)
    for label in ("cold thumbnail cache", "warm thumbnail cache"):
        beat = Heartbeat()
        beat.start()
        tab, loaded_ms, shown_ms = show_tab(app, ctx, people)
        first_thumbs_ms = wait_thumbnails(app, tab)
        show_block = beat.stop()
        scroll_block, step_worst, step_cpu = scroll_through(app, tab)
        page_block, page_step, page_cpu = scroll_through(app, tab, steps=40, pause=0.15)
        print(f"[{label}] people loaded in {loaded_ms:.0f} ms, tab shown (first paint) in {shown_ms:.0f} ms; "
              f"visible thumbnails ready {first_thumbs_ms:.0f} ms later; GUI busy at most {show_block:.1f} ms")
        print(f"[{label}] continuous scroll (150 steps, 16 ms apart): longest GUI block {scroll_block:.1f} ms "
              f"(heartbeat), slowest step {step_worst:.1f} ms ({step_cpu:.1f} ms of GUI-thread CPU)")
        print(f"[{label}] page by page (40 pages, 150 ms pauses, thumbnails loading): longest GUI block "
              f"{page_block:.1f} ms (heartbeat), slowest step {page_step:.1f} ms ({page_cpu:.1f} ms of GUI-thread CPU)")
        t0 = time.perf_counter()
        tab.size.setValue(tab.size.value() - 64)
        pump(app, 0.001)
        tab.view.viewport().repaint()
        resize_ms = (time.perf_counter() - t0) * 1000
        print(f"[{label}] photo size changed and repainted in {resize_ms:.1f} ms")
        results.append((shown_ms, max(scroll_block, step_worst, page_block, page_step)))
        tab.size.setValue(128)
        tab.close()
        tab.deleteLater()
        ctx.tasks.wait(60000)
        pump(app, 0.1)
    if GC_PAUSES:
        worst = max(GC_PAUSES)
        print(f"garbage collections: {len(GC_PAUSES)}, longest {worst[0]:.1f} ms (generation {worst[1]})")
    thumbs = len(list(paths.thumbnails_dir.glob("*.jpg")))
    print(f"thumbnails cached on disk: {thumbs}")
    ok = all(shown <= SHOW_TARGET_MS and block <= BLOCK_TARGET_MS for shown, block in results)
    print(f"targets (shown <= {SHOW_TARGET_MS} ms, GUI block <= {BLOCK_TARGET_MS} ms): {'met' if ok else 'NOT met'}")
    data.close_data()
    if not args.keep:
        import shutil
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
