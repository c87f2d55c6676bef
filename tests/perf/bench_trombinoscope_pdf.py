"""Benchmark: the trombinoscope PDF of 10,000 people, half of them with a photo (as the large demo).

    uv run python tests/perf/bench_trombinoscope_pdf.py [--people 10000] [--photos 5000]

Builds the entries directly (no database: the renderer is what uses the memory), renders the
PDF into a file and prints the time, the pages and the peak memory of the process (ru_maxrss).
Target (issue #12): under 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PIL import Image  # noqa: E402

from partnerdesk.domain.identity import EpnIdentity  # noqa: E402
from partnerdesk.export import trombinoscope  # noqa: E402

TARGET_MB = 300


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=5_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="trombi-"))
    noise = Image.effect_noise((600, 800), 40).convert("RGB")  # texture: JPEGs as large as real portraits
    for i in range(args.photos):  # portraits as the import pipeline keeps them: 600 × 800
        tint = Image.new("RGB", (600, 800), (i % 256, (i // 256) * 37 % 256, 120))  # every photo unique
        Image.blend(noise, tint, 0.6).save(folder / f"p{i}.jpg", quality=85)
    entries = [trombinoscope.Entry(f"Prénom{i} Nom-de-famille{i}", "Chargée de mission numérique",
                                   f"Association numéro {i % 2000}",
                                   str(folder / f"p{i}.jpg") if i < args.photos else None, "PN")
               for i in range(args.people)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    out = folder / "trombinoscope.pdf"
    pages = trombinoscope.render_to(out, entries, EpnIdentity(name="EPN de Saint-Aubin"), "Trombinoscope")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.people} people, {args.photos} photos: {pages} pages, {out.stat().st_size / 1e6:.1f} MB PDF, "
          f"{seconds:.1f} s, peak memory {peak:.0f} MB (before rendering {before:.0f} MB; target < {TARGET_MB} MB)")


if __name__ == "__main__":
    main()
