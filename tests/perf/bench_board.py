"""Benchmark: the "Tous les projets" board with the large demo set (300 projects, 3,000 cards).

    uv run python tests/perf/bench_board.py

Prints the time to open the board (query + models + first paint), to reload it, and
to open one project's board, against the 300 ms target. Exit status 1 when over target.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import data, demo, projects, todo  # noqa: E402
from partnerdesk.ui.context import AppContext  # noqa: E402
from partnerdesk.ui.tasks import SyncTaskRunner  # noqa: E402

TARGET_MS = 300


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main() -> int:
    app = QApplication([])
    paths = DataPaths(Path(tempfile.mkdtemp(prefix="partnerdesk-bench-"))).ensure()
    data.open_data(paths, daily_backup=False)
    start = time.perf_counter()
    demo.fill("large", paths=paths)
    print(f"large demo filled in {ms(start) / 1000:.1f} s: {len(projects.list_projects())} projects, "
          f"{len(projects.list_cards())} project partners")

    from partnerdesk.ui.tabs.projects.board import PipelineBoard

    settings = QSettings(str(paths.root / "ui.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(paths=paths, tasks=SyncTaskRunner(), settings=settings, undo_stack=QUndoStack())

    opens, cards = [], 0
    for _ in range(5):
        start = time.perf_counter()
        board = PipelineBoard(ctx, cross_project=True)
        board.reload()
        board.resize(1600, 900)
        board.show()
        app.processEvents()
        board.grab()  # force a first paint of the visible cards
        opens.append(ms(start))
        cards = sum(c.model.rowCount() for c in board.columns.values())
        board.close()
        board.deleteLater()
        app.processEvents()
    reloads = []
    board = PipelineBoard(ctx, cross_project=True)
    for _ in range(5):
        start = time.perf_counter()
        board.reload()
        reloads.append(ms(start))
    one = []
    project_id = projects.list_projects()[0].id
    for _ in range(5):
        start = time.perf_counter()
        single = PipelineBoard(ctx, project_id)
        single.reload()
        one.append(ms(start))
    start = time.perf_counter()
    lines = todo.items()
    todo_ms = ms(start)

    open_ms = statistics.median(opens)
    print(f"cards on the board: {cards}")
    print(f"open 'Tous les projets' board (median of 5): {open_ms:.0f} ms "
          f"(min {min(opens):.0f}, max {max(opens):.0f}) — target < {TARGET_MS} ms")
    print(f"reload the board (median): {statistics.median(reloads):.0f} ms")
    print(f"open one project's board (median): {statistics.median(one):.0f} ms")
    print(f"À faire sources over the large set: {todo_ms:.0f} ms for {len(lines)} lines")
    data.close_data()
    return 0 if open_ms < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
