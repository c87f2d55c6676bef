"""Cold start of PartnerDesk against a bare PySide6 window, in the same run (issue #15).

    uv run python tests/perf/bench_startup.py [--runs 5] [--keep DIR]

Each measure is a fresh interpreter (bytecode cached, as an installed app runs), timed by
wall clock from the moment the benchmark spawns it:
- bare window: a PySide6 QMainWindow of the same size, to its first paint;
- PartnerDesk "painted": the window painted with the "À faire" tab;
- PartnerDesk "usable": the lists on show filled (every background query of the start applied).
Data folders: empty (a first run makes it, then it is reused), and the large demo
(2,000 organisations, 10,000 people; made once, ~20 s, or reused with --keep DIR).
Runs alternate bare / empty / large so that a busy machine weighs on all of them alike;
the table gives medians and the ratio to the bare window's median.
Targets: empty <= 1.5x; large painted <= 2x, large usable <= 3x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1200, 780)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted_at={time.time():.4f}", flush=True)
            QTimer.singleShot(0, w.close)
            w.removeEventFilter(self)
        return False
spy = Painted()
w.installEventFilter(spy)
w.show()
app.exec()
"""

TARGETS = {"empty": 1.5, "large painted": 2.0, "large usable": 3.0}


def spawn(cmd: list[str], env: dict) -> dict[str, float]:
    """Run `cmd`; the milestones it printed, in ms since it was spawned."""
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])}… failed ({out.returncode}):\n{out.stderr[-2000:]}")
    found = {}
    for line in out.stdout.splitlines():
        key, _, value = line.partition("=")
        if key in ("painted_at", "usable_at"):
            found[key.removesuffix("_at")] = (float(value) - start) * 1000
    return found


def make_large(folder: Path, env: dict) -> None:
    print(f"making the large demo in {folder} (once)…", flush=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "partnerdesk", "--data-dir", str(folder), "demo", "--size", "large"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    print(f"  done in {time.perf_counter() - t0:.0f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", help="folder holding (or receiving) the large demo data folder, reused")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    env.pop("PARTNERDESK_WATCHDOG", None)
    tmp = Path(tempfile.mkdtemp(prefix="partnerdesk-bench-start-"))
    large = Path(args.keep) if args.keep else tmp / "large"
    try:
        if not (large / "partnerdesk.sqlite3").exists():
            make_large(large, env)
        empty = tmp / "empty"

        def app(folder):
            return [sys.executable, "-m", "partnerdesk", "--data-dir", str(folder), "--exit-after-start"]

        # Warm-up: writes the bytecode caches, makes the empty folder and both daily backups.
        spawn([sys.executable, "-c", BARE], env)
        first = spawn(app(empty), env)
        spawn(app(large), env)
        load = os.getloadavg()
        rows = {"bare window": [], "empty": [], "large painted": [], "large usable": []}
        for n in range(args.runs):
            rows["bare window"].append(spawn([sys.executable, "-c", BARE], env)["painted"])
            rows["empty"].append(spawn(app(empty), env)["usable"])
            got = spawn(app(large), env)
            rows["large painted"].append(got["painted"])
            rows["large usable"].append(got["usable"])
            print(f"  run {n + 1}/{args.runs}: " + ", ".join(f"{k} {v[-1]:.0f} ms" for k, v in rows.items()),
                  flush=True)
        load_after = os.getloadavg()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    bare = statistics.median(rows["bare window"])
    print()
    print(f"load average {load[0]:.2f} before, {load_after[0]:.2f} after, on {os.cpu_count()} processors; "
          f"{args.runs} runs, medians (min)")
    print(f"{'start':<26}{'median':>9}{'min':>9}{'ratio':>8}{'target':>9}")
    verdicts = []
    for name, values in rows.items():
        med = statistics.median(values)
        target = TARGETS.get(name)
        ratio = med / bare
        ok = target is None or ratio <= target
        if target is not None:
            verdicts.append(ok)
        label = {"bare window": "bare PySide6 window", "empty": "empty data folder",
                 "large painted": "large, painted (À faire)", "large usable": "large, usable (lists)"}[name]
        print(f"{label:<26}{med:7.0f} ms{min(values):6.0f} ms{ratio:7.2f}x"
              f"{'' if target is None else f'  <= {target}x {chr(10003) if ok else chr(10007)}':>9}")
    print(f"(first start on an empty folder, making the database and its first backup: {first['usable']:.0f} ms)")
    print(f"targets (empty <= 1.5x, large painted <= 2x, usable <= 3x the bare window): "
          f"{'met' if all(verdicts) else 'NOT met'}")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
