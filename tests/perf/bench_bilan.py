"""Benchmark: a 10-page bilan with 30 photos.

    uv run python tests/perf/bench_bilan.py

Two sets of the same 30 pictures: as PartnerDesk stores project photos
(`services.realizations.import_photo`: upright JPEG, at most 2400 px) and as 12-megapixel
camera originals (4000 x 3000, ~3 MB each). For each, "cold" is the first export in the process (every photo
decoded and downscaled), "warm" a second export (photos from the in-memory cache).
Target: under 1.5 s.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PIL import Image  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from partnerdesk import i18n  # noqa: E402
from partnerdesk.domain.documents import Picture, Realization, SessionLine  # noqa: E402
from tests.export import samples  # noqa: E402

PHOTOS = 30
SIZE = (4000, 3000)


def make_photos(folder: Path) -> list[Picture]:
    base = Image.effect_noise((SIZE[0] // 4, SIZE[1] // 4), 50).convert("RGB").resize(SIZE)
    pictures = []
    for i in range(PHOTOS):
        tinted = Image.blend(base, Image.new("RGB", SIZE, ((i * 40) % 255, 120, (255 - i * 30) % 255)), 0.5)
        path = folder / f"photo-{i:02d}.jpg"
        tinted.save(path, "JPEG", quality=90)
        pictures.append(Picture(str(path), f"Séance n° {i + 1} : atelier « démarches en ligne »"))
    return pictures


def stored_copies(pictures: list[Picture], folder: Path) -> list[Picture]:
    """As `services.realizations.import_photo` stores project photos: upright JPEG, at most MAX_SIDE px."""
    from partnerdesk.services.realizations import MAX_SIDE

    out = []
    for picture in pictures:
        with Image.open(picture.path) as image:
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            path = folder / ("stored-" + Path(picture.path).name)
            image.save(path, "JPEG", quality=88)
        out.append(Picture(str(path), picture.caption))
    return out


def main() -> None:
    i18n.set_language("fr")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"preparing {PHOTOS} photos of {SIZE[0]}x{SIZE[1]} px…", flush=True)
        originals = make_photos(folder)
        stored = stored_copies(originals, folder)
        for label, pictures in (("project photos as PartnerDesk stores them (2400 px)", stored),
                                ("12-megapixel originals", originals)):
            run(label, pictures, folder)


def run(label: str, pictures: list[Picture], folder: Path) -> None:
    megabytes = sum(Path(p.path).stat().st_size for p in pictures) / 1e6
    data = samples.bilan(None, photos=0, sessions=70)
    data.photos = pictures
    data.realizations = [Realization(f"Réalisation {i + 1}", "Un livret écrit avec les participants. " * 4,
                                     dt.date(2026, 5, 1 + i)) for i in range(6)]
    data.sessions += [SessionLine(dt.date(2026, 9, 1) + dt.timedelta(days=i), "10:00 – 12:00", "EPN",
                                  "Karim Benali", 12, 9) for i in range(10)]
    identity = samples.identity(folder)
    from partnerdesk.export.bilan import render_bilan

    started = time.perf_counter()
    pdf = render_bilan(data, identity)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    render_bilan(data, identity)
    warm = time.perf_counter() - started
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"{label}: {PHOTOS} files, {megabytes:.1f} MB")
    print(f"  bilan: {pages} pages, {len(pdf) / 1e6:.2f} MB")
    print(f"  export time: cold {cold:.2f} s, warm {warm:.2f} s (target < 1.5 s)")


if __name__ == "__main__":
    main()
