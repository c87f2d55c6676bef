"""Cold start of the built bundle against a bare PySide6 window, in the same run.

    uv run python tests/perf/bench_bundle_startup.py --bundle dist/PartnerDesk/partnerdesk [--runs 7]

The bundle opens an empty data folder and quits once its window is shown (--exit-after-start);
the bare window is the smallest PySide6 program (this interpreter). Prints the medians.
packaging/build runs it after every build.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import BARE, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", required=True, help="the built executable (dist/PartnerDesk/partnerdesk)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        app = [args.bundle, "--data-dir", os.path.join(tmp, "data"), "--exit-after-start"]
        first_run = timed(app, env)  # creates the folder, the database, the first daily backup
        bare, bundle = [], []
        for _ in range(args.runs):
            bare.append(timed([sys.executable, "-c", BARE], env))
            bundle.append(timed(app, env))
    print(f"bare PySide6 window  : median {statistics.median(bare):7.1f} ms  (min {min(bare):.1f})")
    print(f"bundle, empty folder : median {statistics.median(bundle):7.1f} ms  (min {min(bundle):.1f})")
    print(f"bundle, first run    : {first_run:7.1f} ms (creates data folder, schema, first backup)")
    print(f"overhead             : {statistics.median(bundle) - statistics.median(bare):7.1f} ms")


if __name__ == "__main__":
    main()
