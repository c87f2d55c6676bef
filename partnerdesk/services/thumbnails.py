"""Where thumbnails of stored photos are cached: the data folder's `cache/thumbnails/`.

The GUI makes them in a background worker (Qt decodes a stored photo directly at
size), saves them here as small JPEGs, and reads only these afterwards.
"""

from __future__ import annotations

from pathlib import Path

from partnerdesk.paths import DataPaths

SIZES = (64, 96, 128, 160, 192, 224, 256)


def bucket(size: int) -> int:
    """The cached size used for a requested display size."""
    return next((s for s in SIZES if s >= size), SIZES[-1])


def thumbnail_path(paths: DataPaths, photo: str, size: int) -> Path:
    return paths.thumbnails_dir / f"{Path(photo).stem}_{bucket(size)}.jpg"


def clear(paths: DataPaths) -> int:
    """Empty the cache (it is rebuilt on demand); return how many files were removed."""
    removed = 0
    for path in paths.thumbnails_dir.glob("*.jpg"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed
