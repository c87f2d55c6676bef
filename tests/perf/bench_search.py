"""Search as the user types, on the large demo dataset (2,000 organisations, 10,000 people,
100,000 interactions).

    uv run python tests/perf/bench_search.py [--keep DIR]

Times, per keystroke, what the Partenaires search box runs (`services.search.organisation_ids`,
through peewee and the FTS5 index), and, in the same run on the same data, a raw `sqlite3`
query that answers the same question without the index (LIKE over the normalised columns),
plus the same FTS5 query through raw `sqlite3`; then the whole keystroke in the Partenaires
list (search box to filtered table, repainted, offscreen), and the full list reload as the
window does it (background query, rows applied on the GUI thread). Targets (issues #15, #20):
per keystroke, p95 <= 16 ms and worst <= 50 ms; the reload blocks the GUI thread <= 50 ms. --keep DIR reuses a large demo data folder (made there when missing); the run
works on a copy of its database (sqlite3 backup), so the kept folder is only read.
"""

from __future__ import annotations

import sqlite3
import logging
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from partnerdesk import i18n  # noqa: E402
from partnerdesk.domain.text import normalize  # noqa: E402
from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import data, demo, partners, search  # noqa: E402
from partnerdesk.store.search import web_query  # noqa: E402

TYPED = ["hélène lefèvre", "ecole", "mediatheque anne", "jean-luc", "o'neill", "covid-19", "vitre", "prud'homme"]
TARGET_MS = 50.0
UI_CPU: list[float] = []  # GUI-thread CPU per keystroke: far below the wall time, the machine was busy
TARGET_P95_MS = 16.0

RAW_LIKE = """
    SELECT id FROM organisation
    WHERE deleted_at IS NULL AND (name_norm LIKE :p OR lower(city) LIKE :p OR lower(email) LIKE :p
                                  OR lower(notes) LIKE :p)
    UNION
    SELECT a.organisation_id FROM person AS p JOIN affiliation AS a ON a.person_id = p.id
    WHERE p.deleted_at IS NULL AND a.end_date IS NULL
      AND (p.name_norm LIKE :p OR lower(p.emails) LIKE :p OR lower(p.notes) LIKE :p)
"""
RAW_FTS = """
    WITH hits AS (SELECT rowid FROM partner_search WHERE partner_search MATCH ?)
    SELECT rowid / 2 FROM hits WHERE rowid % 2 = 0
    UNION
    SELECT a.organisation_id FROM hits JOIN affiliation AS a ON a.person_id = hits.rowid / 2
    WHERE hits.rowid % 2 = 1 AND a.end_date IS NULL
"""


def keystrokes():
    for text in TYPED:
        for n in range(1, len(text) + 1):
            yield text[:n]


def timed(fn, prefix) -> tuple[float, int]:
    start = time.perf_counter()
    result = fn(prefix)
    return (time.perf_counter() - start) * 1000, len(result or ())


def report(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"  {label:<44} median {statistics.median(times):6.2f} ms   p95 {p95:6.2f} ms   max {times[-1]:6.2f} ms")


def _settle(app, ms: float) -> None:
    """Let Qt run for `ms` (timers, the repaint it schedules a few ms after a change)."""
    deadline = time.perf_counter() + ms / 1000
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)


def ui_keystrokes(strokes) -> list[float]:
    """The whole keystroke in the GUI: the search box's textChanged to the filtered table,
    repainted. Qt paints a few milliseconds after the change (its update timer): the wait is
    not counted, the paint is. The window's first paint is done before the first keystroke."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QSettings
        from PySide6.QtGui import QUndoStack
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return []
    from partnerdesk.ui.context import AppContext
    from partnerdesk.ui.tabs.partners.list_panel import ListPanel
    from partnerdesk.ui.tasks import SyncTaskRunner

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(paths=None, tasks=SyncTaskRunner(), settings=QSettings(), undo_stack=QUndoStack())
    panel = ListPanel(ctx)
    panel.refresh()
    panel.resize(900, 700)
    panel.show()
    _settle(app, 200)
    times, cpu = [], []
    for prefix in strokes:
        start, start_cpu = time.perf_counter(), time.thread_time()
        panel.search_box.setText(prefix)
        app.processEvents()
        work, work_cpu = time.perf_counter() - start, time.thread_time() - start_cpu
        time.sleep(0.008)  # Qt's update timer (5 ms) runs out: the repaint is due
        start, start_cpu = time.perf_counter(), time.thread_time()
        app.processEvents()
        times.append((work + time.perf_counter() - start) * 1000)
        cpu.append((work_cpu + time.thread_time() - start_cpu) * 1000)
    RELOAD.update(reload_on_gui_thread(app, panel))
    panel.close()
    UI_CPU[:] = cpu
    return times


RELOAD: dict[str, float] = {}


def reload_on_gui_thread(app, panel, times: int = 3) -> dict[str, float]:
    """The full list reload as the window does it: queried and sorted by a background task,
    applied on the GUI thread (the watchdog's heartbeat says how long that thread was blocked)."""
    from partnerdesk.ui.tasks import TaskRunner
    from partnerdesk.ui.watchdog import GuiWatchdog

    panel.ctx.tasks = TaskRunner(data.connection_context)
    panel.search_box.setText("")
    _settle(app, 50)
    logging.getLogger("partnerdesk.watchdog").setLevel(logging.ERROR)  # every block is read below
    watchdog = GuiWatchdog(threshold_ms=0, interval_ms=5).start()
    applied, totals, blocks = [], [], []
    original = panel._loaded

    def timed(*args):
        start = time.perf_counter()
        original(*args)
        applied.append((time.perf_counter() - start) * 1000)

    panel._loaded = timed
    for _ in range(times):
        mark = watchdog.mark()
        start = time.perf_counter()
        panel.refresh()
        while panel.loading:
            app.processEvents()
            time.sleep(0.001)
        totals.append((time.perf_counter() - start) * 1000)
        _settle(app, 30)  # the repaint
        watchdog.check()
        worst = watchdog.worst_since(mark)
        blocks.append(worst.duration_ms if worst else 0.0)
    watchdog.stop()
    panel._loaded = original
    panel.ctx.tasks.wait(5000)
    return {"total": statistics.median(totals), "applied": max(applied), "block": max(blocks)}


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of the kept database, read-only on the source side."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def main() -> int:
    import argparse
    import os

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", help="a large demo data folder to reuse (made there when missing)")
    args = parser.parse_args()
    folder = DataPaths(Path(tempfile.mkdtemp(prefix="partnerdesk-bench-"))).ensure()
    if args.keep:
        kept = DataPaths(Path(args.keep))
        if not kept.db_path.exists():  # made there once, then copied
            kept.ensure()
            data.open_data(kept, daily_backup=False)
            demo.fill("large", paths=kept)
            data.close_data()
        copy_database(kept.db_path, folder.db_path)
    print(f"load average before the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} processors")
    i18n.set_language("fr")  # the app's language unless the user chooses English (dates, labels)
    data.open_data(folder, daily_backup=False)
    start = time.perf_counter()
    if data.is_empty():
        demo.fill("large", paths=folder)
    print(f"large demo dataset: {partners.count_organisations()} organisations, {partners.count_people()} people "
          f"(ready in {time.perf_counter() - start:.1f} s)")

    raw = sqlite3.connect(str(folder.db_path))
    app_times, like_times, fts_times = [], [], []
    mismatches = 0
    strokes = list(keystrokes())
    search.organisation_ids("warm-up")
    for prefix in strokes:
        t_app, n_app = timed(search.organisation_ids, prefix)
        pattern = "%" + normalize(prefix) + "%"
        t_like, _ = timed(lambda p: raw.execute(RAW_LIKE, {"p": pattern}).fetchall(), prefix)
        query = web_query(prefix)
        t_fts, n_fts = timed(lambda p: raw.execute(RAW_FTS, (query,)).fetchall() if query else [], prefix)
        app_times.append(t_app)
        like_times.append(t_like)
        fts_times.append(t_fts)
        mismatches += n_app != n_fts
    # The list's full reload (after a save), for scale.
    t_list = timed(lambda _p: partners.list_organisations(), "")[0]
    raw.close()
    ui_times = ui_keystrokes(strokes)
    data.close_data()
    shutil.rmtree(folder.root, ignore_errors=True)

    print(f"{len(strokes)} keystrokes over {len(TYPED)} searches ({', '.join(TYPED)})")
    report("PartnerDesk search (services, FTS5):", app_times)
    report("raw sqlite3, same FTS5 query:", fts_times)
    report("raw sqlite3, LIKE scan (no index):", like_times)
    if ui_times:
        report("search box to filtered table (Qt, offscreen):", ui_times)
        report("  the same, GUI-thread CPU time only:", UI_CPU)
    print(f"  full list reload (2,000 rows with tags, last contact): query {t_list:.0f} ms")
    if RELOAD:
        print(f"    in the window (query in the background): {RELOAD['total']:.0f} ms until shown; "
              f"GUI thread: applying the rows {RELOAD['applied']:.1f} ms, longest block {RELOAD['block']:.1f} ms")
    times = sorted(ui_times or app_times)
    worst, p95 = times[-1], times[int(len(times) * 0.95) - 1]
    reload_ok = not RELOAD or RELOAD["block"] <= TARGET_MS
    ok = worst <= TARGET_MS and p95 <= TARGET_P95_MS and mismatches == 0 and reload_ok
    print(f"load average after the run: {os.getloadavg()[0]:.2f}")
    print(f"targets (search box to filtered table: p95 <= {TARGET_P95_MS:.0f} ms, worst <= {TARGET_MS:.0f} ms; "
          f"reload's GUI block <= {TARGET_MS:.0f} ms): {'met' if ok else 'NOT met'} (p95 {p95:.2f} ms, "
          f"worst {worst:.2f} ms, reload block {RELOAD.get('block', 0):.1f} ms; "
          f"result mismatches with raw FTS5: {mismatches})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
