"""Benchmark: importing 10,000 contacts (target < 10 s), and reading a CSV of 100,000 lines.

    uv run python tests/perf/bench_import.py                        # as shipped (synchronous=FULL)
    uv run python tests/perf/bench_import.py --synchronous normal   # to compare
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import data, imports  # noqa: E402
from partnerdesk.services.demo import names  # noqa: E402

ORGS = [f"Association {t} de {town}" for t in ("numérique", "des aînés", "solidaire", "de quartier")
        for town, _cp in names.TOWNS]


def write_csv(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    lines = ["Prénom;Nom;Structure;Fonction;Courriel;Téléphone;Adresse;Code postal;Ville;Remarques"]
    for i in range(count):
        first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
        town, postcode = rng.choice(names.TOWNS)
        lines.append(f"{first};{last} {i};{rng.choice(ORGS)};{rng.choice(names.ROLES)};"
                     f"contact{i}@exemple.fr;06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                     f"{rng.randint(10, 99)};{rng.randint(1, 99)} rue des Lilas;{postcode};{town};Ligne {i}")
    path.write_text("\n".join(lines) + "\n", encoding="cp1252", errors="replace")


def main() -> int:
    if "--synchronous" in sys.argv:
        from partnerdesk.store import db

        db.PRAGMAS["synchronous"] = sys.argv[sys.argv.index("--synchronous") + 1]
    from partnerdesk.store import db

    print(f"synchronous={db.PRAGMAS['synchronous']}")
    root = Path(tempfile.mkdtemp(prefix="partnerdesk-bench-"))
    source = root / "contacts.csv"
    write_csv(source, 10_000)
    paths = DataPaths(root / "data").ensure()
    data.open_data(paths, daily_backup=False)
    try:
        started = time.perf_counter()
        parsed = imports.read_file(source)
        read = time.perf_counter()
        plan = imports.plan_for(parsed)
        planned = time.perf_counter()
        result = imports.apply_plan(plan, paths)
        written = time.perf_counter()
        total = written - started
        print(f"import_10000_contacts: read={read - started:.2f}s plan={planned - read:.2f}s "
              f"write={written - planned:.2f}s total={total:.2f}s "
              f"(people={result.people_created}, organisations={result.organisations_created})")
        # the same file again: every row matches an existing card
        started = time.perf_counter()
        plan = imports.plan_for(imports.read_file(source))
        result = imports.apply_plan(plan, paths)
        print(f"reimport_10000_matches: total={time.perf_counter() - started:.2f}s (merged={result.merged})")
        big = root / "big.csv"
        write_csv(big, 100_000)
        started = time.perf_counter()
        parsed = imports.read_file(big)
        plan = imports.plan_for(parsed)
        print(f"read_and_review_100000_lines: {time.perf_counter() - started:.2f}s "
              f"(to create={len(plan.creates)}, refused={len(plan.refused)})")
    finally:
        data.close_data()
    print("OK" if total < 10 else "TOO SLOW")
    return 0 if total < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
