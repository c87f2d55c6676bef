"""Cold start of the built bundle against a bare PySide6 window, in the same run.

    uv run python tests/perf/bench_bundle_startup.py --bundle dist/PartnerDesk/partnerdesk [--runs 5]

The bundle opens a data folder holding the small demo (an empty one shows the welcome page,
which --exit-after-start does not watch) and reports when its window is painted and usable; the bare window is the smallest PySide6 program run
by this interpreter. Runs alternate so that a busy machine weighs on both alike; prints the
medians. packaging/build runs it after every build (on Windows, with partnerdesk-cli.exe,
which has a console to print to).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import BARE, spawn  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", required=True, help="the built executable (dist/PartnerDesk/partnerdesk)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PARTNERDESK_WATCHDOG", None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "data")
        subprocess.run([args.bundle, "--data-dir", folder, "demo", "--size", "small"], env=env, check=True,
                       stdout=subprocess.DEVNULL, timeout=300)
        app = [args.bundle, "--data-dir", folder, "--exit-after-start"]
        spawn([sys.executable, "-c", BARE], env)
        first = spawn(app, env)  # the first start of the day makes the daily backup
        bare, painted, usable = [], [], []
        for _ in range(args.runs):
            bare.append(spawn([sys.executable, "-c", BARE], env)["painted"])
            got = spawn(app, env)
            painted.append(got["painted"])
            usable.append(got["usable"])
    med = statistics.median(bare)
    print(f"bare PySide6 window    : median {med:7.0f} ms  (min {min(bare):.0f})")
    for label, values in (("bundle, painted", painted), ("bundle, usable", usable)):
        print(f"{label:<23}: median {statistics.median(values):7.0f} ms  (min {min(values):.0f})"
              f"  {statistics.median(values) / med:.2f}x the bare window")
    print(f"bundle, first start    : {first['usable']:7.0f} ms (with the day's first backup)")


if __name__ == "__main__":
    main()
