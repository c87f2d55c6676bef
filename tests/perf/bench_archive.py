"""Benchmark: full archive out and back in, and one anonymisation, on the large demo data.

    uv run python tests/perf/bench_archive.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import archive, data, demo, rgpd  # noqa: E402


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="partnerdesk-bench-"))
    paths = DataPaths(root / "source").ensure()
    data.open_data(paths, daily_backup=False)
    demo.fill("large", paths=paths)
    started = time.perf_counter()
    rgpd.anonymise(paths, 42)
    print(f"anonymise_one_person_large_demo: {time.perf_counter() - started:.2f}s (VACUUM included)")
    started = time.perf_counter()
    summary = archive.export_all(paths, root / "all.zip")
    print(f"export_all_large_demo: {time.perf_counter() - started:.2f}s ({summary.rows} rows, {summary.files} files, "
          f"{(root / 'all.zip').stat().st_size // 1024} KB)")
    data.close_data()
    target = DataPaths(root / "restored").ensure()
    data.open_data(target, daily_backup=False)
    started = time.perf_counter()
    archive.import_all(target, root / "all.zip")
    print(f"import_all_large_demo: {time.perf_counter() - started:.2f}s")
    data.close_data()
    return 0


if __name__ == "__main__":
    sys.exit(main())
