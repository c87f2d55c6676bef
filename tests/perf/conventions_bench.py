"""Conventions benchmark (not collected by pytest): uv run python tests/perf/conventions_bench.py

Fills a throw-away data folder with the large demo, then times the conventions list, opening
one, the merge-field panel, the unresolved-field check, and the PDF / ODT exports of a normal
convention and of a long one (40 sections, 5 partners).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from partnerdesk.domain.conventions import Section
from partnerdesk.paths import DataPaths
from partnerdesk.services import convention_output, conventions, data, demo


def timed(label: str, fn, repeat: int = 1):
    start = time.perf_counter()
    for _ in range(repeat):
        result = fn()
    elapsed = (time.perf_counter() - start) / repeat
    print(f"{label:<52} {elapsed * 1000:9.1f} ms")
    return result


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="partnerdesk-bench-"))
    paths = DataPaths(folder).ensure()
    data.open_data(paths, daily_backup=False)
    timed("large demo (all areas)", lambda: demo.fill("large", paths=paths))
    rows = timed("list_conventions", conventions.list_conventions, 10)
    print(f"  {len(rows)} conventions")
    conv_id = rows[0].id
    conv = timed("get_convention", lambda: conventions.get_convention(conv_id), 20)
    timed("field_values (side panel)", lambda: convention_output.field_values(conv), 20)
    timed("check (unresolved fields)", lambda: convention_output.check(conv), 20)
    timed("export PDF", lambda: convention_output.export(conv_id, folder / "c.pdf", accept_blanks=True), 5)
    timed("export ODT", lambda: convention_output.export(conv_id, folder / "c.odt", accept_blanks=True), 5)
    org_ids = [p.organisation_id for r in rows[:5] for p in conventions.get_convention(r.id).content.parties
               if p.organisation_id][:5]
    long = conventions.create_convention("Convention longue", org_ids)
    body = "".join(f"<p>Paragraphe {i} pour {{partenaire.nom}} et {{epn.nom}}, avec <b>du gras</b>.</p>"
                   "<ul><li>un</li><li>deux</li></ul>" for i in range(8))
    long.content.sections = [Section(f"s{i}", f"Article {i}", body) for i in range(40)] + long.content.sections[-1:]
    conventions.save_convention(long)
    timed("export PDF, 40 sections, 5 partners", lambda: convention_output.export(
        long.id, folder / "long.pdf", accept_blanks=True))
    timed("export ODT, 40 sections, 5 partners", lambda: convention_output.export(
        long.id, folder / "long.odt", accept_blanks=True))
    for n in range(3):
        conventions.save_version(long.id, f"v{n}")
    timed("compare two versions", lambda: conventions.compare_versions(long.id, 1, 4), 5)
    data.close_data()


if __name__ == "__main__":
    main()
