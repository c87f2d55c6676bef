"""For each sample of tests/data/imports: how many fields of the file went on a card, into the
notes (with their name), or into the review's remarks (changed, derived, left out).

    uv run python tests/tools/import_fields.py [file ...]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import data, imports  # noqa: E402
from partnerdesk.services.imports import placement  # noqa: E402

SAMPLES = ROOT / "tests" / "data" / "imports"


def count_sample(path: Path) -> tuple[int, placement.Counts, int]:
    """(rows, counts, refused) of one sample imported into an empty data folder."""
    paths = DataPaths(Path(tempfile.mkdtemp()) / "data").ensure()
    data.open_data(paths, daily_backup=False)
    try:
        parsed = imports.read_file(path, recall=False)
        plan = imports.plan_for(parsed)
        counts = placement.Counts()
        for row in plan.rows:
            counts += placement.count(row)
        counts.in_review = len(plan.warnings)  # every remark of the review, tied to a row or not
        imports.apply_plan(plan, paths)
        return len(plan.rows), counts, len(plan.refused)
    finally:
        data.close_data()


def main(names: list[str]) -> None:
    total = placement.Counts()
    print(f"{'sample':34} {'rows':>4} {'card':>5} {'notes':>5} {'review':>6} {'refused':>7}")
    for path in sorted(SAMPLES.glob("*.*")) if not names else [SAMPLES / n for n in names]:
        if path.suffix.lower() not in (".csv", ".vcf"):
            continue
        rows, counts, refused = count_sample(path)
        total += counts
        print(f"{path.name:34} {rows:>4} {counts.on_record:>5} {counts.in_notes:>5} {counts.in_review:>6} "
              f"{refused:>7}")
    print(f"{'total':34} {'':>4} {total.on_record:>5} {total.in_notes:>5} {total.in_review:>6}")


if __name__ == "__main__":
    main(sys.argv[1:])
