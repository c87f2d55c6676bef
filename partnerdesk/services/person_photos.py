"""Where a person's photo and consent proofs live on disk, for data in and out.

The review area (photos and consent) owns the photo model. Until it is
merged, photos imported from vCards are stored as `photos/person-<id>.<ext>`
and proofs found as `proofs/person-<id>*`; this module is the one place to
rewire to that model: import, vCard export, archive and RGPD erasure call it.
"""

from __future__ import annotations

from pathlib import Path

from partnerdesk.paths import DataPaths

PHOTO_EXTS = ("jpg", "png", "gif", "webp", "bmp")


def photo_path(paths: DataPaths, person_id: int) -> Path | None:
    for ext in PHOTO_EXTS:
        candidate = paths.photos_dir / f"person-{person_id}.{ext}"
        if candidate.is_file():
            return candidate
    return None


def save_imported(paths: DataPaths, person_id: int, data: bytes, ext: str) -> Path:
    """Store a photo that came with an imported card: no consent is recorded."""
    paths.photos_dir.mkdir(parents=True, exist_ok=True)
    target = paths.photos_dir / f"person-{person_id}.{ext}"
    partial = target.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(target)
    return target


def proofs_of(paths: DataPaths, person_id: int) -> list[Path]:
    if not paths.proofs_dir.is_dir():
        return []
    return sorted(p for p in paths.proofs_dir.glob(f"person-{person_id}[.-]*") if p.is_file())


def files_of(paths: DataPaths, person_id: int) -> list[Path]:
    """Every file on disk about this person: photo, thumbnails, consent proofs."""
    found = [p for p in [photo_path(paths, person_id)] if p] + proofs_of(paths, person_id)
    if paths.thumbnails_dir.is_dir():
        found += sorted(paths.thumbnails_dir.glob(f"person-{person_id}[.-]*"))
    return found


def has_photo_without_consent(paths: DataPaths, person_id: int) -> bool:
    return photo_path(paths, person_id) is not None and not proofs_of(paths, person_id)


def people_with_photo(paths: DataPaths) -> list[int]:
    ids = set()
    if paths.photos_dir.is_dir():
        for p in paths.photos_dir.glob("person-*.*"):
            stem = p.stem.removeprefix("person-")
            if stem.isdigit() and p.suffix.lstrip(".") in PHOTO_EXTS:
                ids.add(int(stem))
    return sorted(ids)
