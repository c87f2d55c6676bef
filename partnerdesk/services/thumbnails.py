"""Thumbnails of stored photos, decoded at size and cached on disk.

`ensure_thumbnail` runs in a background worker: JPEG `draft` mode lets Pillow
decode a stored photo directly at 1/2, 1/4 or 1/8 scale, then the result is
saved under the data folder's `cache/thumbnails/`. The GUI only ever reads
these small files.
"""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from partnerdesk.paths import DataPaths

SIZES = (64, 96, 128, 160, 192, 224, 256)


def bucket(size: int) -> int:
    """The cached size used for a requested display size."""
    return next((s for s in SIZES if s >= size), SIZES[-1])


def thumbnail_path(paths: DataPaths, photo: str, size: int) -> Path:
    return paths.thumbnails_dir / f"{Path(photo).stem}_{bucket(size)}.jpg"


def ensure_thumbnail(paths: DataPaths, photo: str, size: int) -> Path | None:
    """The cached thumbnail of `photo` at `size`, made when missing; None when the photo is gone."""
    target = thumbnail_path(paths, photo, size)
    if target.exists():
        return target
    source = paths.photos_dir / photo
    side = bucket(size)
    try:
        with Image.open(source) as image:
            image.draft("RGB", (side, side))
            image = image.convert("RGB")
            image.thumbnail((side, side), Image.Resampling.BILINEAR)
    except (OSError, ValueError, SyntaxError):
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.stem}.{os.getpid()}.{id(image)}.part")
    image.save(tmp, "JPEG", quality=85)
    os.replace(tmp, target)
    return target


def clear(paths: DataPaths) -> None:
    for path in paths.thumbnails_dir.glob("*.jpg"):
        path.unlink(missing_ok=True)
