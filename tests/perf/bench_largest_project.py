"""Benchmark: the bilan (and every other document) of the largest generated project.

    uv run python tests/perf/bench_largest_project.py

The project of `tests/export/generated.largest()`: 80 partners (long names, amounts up to
10 million €), 250 sessions, 40 photos, a convention. Prints, for the bilan, the time of a cold
export (photos decoded) and a warm one, the pages, and the peak memory of the process; then the
time of each other document. Run in its own process: ru_maxrss is the process's peak.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import convention_output, data, documents  # noqa: E402
from tests.export import generated  # noqa: E402
from tests.export.samples import make_photo  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    paths = DataPaths(Path(tempfile.mkdtemp(prefix="largest-")) / "data").ensure()
    data.open_data(paths, daily_backup=False)
    make_photo(paths.photos_dir / "generated.jpg", (2400, 1800))
    project_id, org_ids, convention_id = generated.build(generated.largest(), paths.photos_dir, "generated.jpg")
    before = peak_mb()
    for label in ("cold", "warm"):
        start = time.perf_counter()
        rendered = documents.render("bilan", paths, project_id, today=generated.TODAY)
        seconds = time.perf_counter() - start
        print(f"bilan ({label}): {seconds:.2f} s, {len(rendered.page_fill)} pages, "
              f"{len(rendered.pdf) / 1e6:.1f} MB, fill {[round(f, 2) for f in rendered.page_fill]}")
    print(f"peak memory: {peak_mb():.0f} MB (after building the project: {before:.0f} MB)")
    for kind, target, partner in (("dossier", project_id, None), ("dossier", project_id, org_ids[0]),
                                  ("partner", org_ids[0], None), ("partner-internal", org_ids[0], None)):
        start = time.perf_counter()
        rendered = documents.render(kind, paths, target, partner, today=generated.TODAY)
        print(f"{kind}{' (addressed)' if partner else ''}: {time.perf_counter() - start:.2f} s, "
              f"{len(rendered.page_fill)} pages")
    start = time.perf_counter()
    rendered = convention_output.rendered(convention_id, accept_blanks=True)
    print(f"convention: {time.perf_counter() - start:.2f} s, {len(rendered.page_fill)} pages")
    print(f"peak memory at the end: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
