"""Cold start of the empty app against a bare PySide6 window, in the same run.

    uv run python tests/perf/bench_startup.py [--runs 7]

Each measure is the wall time of a fresh interpreter, from process start to the
window shown and the event loop entered (then it quits). Prints the medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1200, 780)
w.show()
QTimer.singleShot(0, w.close)
app.exec()
"""


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # An installed app has its bytecode cached; a PYTHONDONTWRITEBYTECODE shell would
    # recompile every module on every start and measure the compiler instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = os.path.join(tmp, "data")
        app = [sys.executable, "-m", "partnerdesk", "--data-dir", data_dir, "--exit-after-start"]
        first_run = timed(app, env)  # creates the folder, the database, the first daily backup
        bare, empty = [], []
        for _ in range(args.runs):
            bare.append(timed([sys.executable, "-c", BARE], env))
            empty.append(timed(app, env))
    print(f"bare PySide6 window : median {statistics.median(bare):7.1f} ms  (min {min(bare):.1f})")
    print(f"PartnerDesk, empty  : median {statistics.median(empty):7.1f} ms  (min {min(empty):.1f})")
    print(f"PartnerDesk, 1st run: {first_run:7.1f} ms (creates data folder, schema, first backup)")
    print(f"overhead            : {statistics.median(empty) - statistics.median(bare):7.1f} ms")


if __name__ == "__main__":
    main()
