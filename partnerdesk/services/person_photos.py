"""A person's photo and consent proof on disk, for data in and out.

Built on the review area's model (`person_photo`, `photo_consent`, services
`photos` and `consent`): import, vCard export, the RGPD register and the
erasure go through here. Photos are stored under a content-hash name and may
be shared by two cards: a file is deleted only when no card uses it any more.
"""

from __future__ import annotations

from pathlib import Path

from partnerdesk.paths import DataPaths
from partnerdesk.services import consent, photos
from partnerdesk.store import database


def photo_path(paths: DataPaths, person_id: int) -> Path | None:
    info = photos.photo_of(person_id)
    if info is None:
        return None
    path = photos.photo_path(paths, info.file)
    return path if path.is_file() else None


def photo_paths(paths: DataPaths) -> dict[int, Path]:
    """Every person's photo file at once (for exports of many cards)."""
    return {pid: photos.photo_path(paths, name)
            for pid, name in database.execute_sql("SELECT person_id, file FROM person_photo")}


def shareable_photo_paths(paths: DataPaths, person_ids: list[int] | None = None) -> dict[int, Path]:
    """The photos that may leave PartnerDesk in a file (vCard, any export handed to someone): only those
    of people whose consent covers documents given to partners. The consent gate of every export."""
    allowed = consent.usable_photos(consent.SHARED_SCOPE, person_ids)
    found = {pid: photos.photo_path(paths, name) for pid, name in allowed.items()}
    return {pid: path for pid, path in found.items() if path.is_file()}


def save_imported(paths: DataPaths, person_id: int, data: bytes, ext: str = "") -> tuple[Path, bool]:
    """Store a photo that came with an imported card, WITHOUT consent.

    Returns (file, created): `created` is False when the same picture was already stored.
    Raises photos.PhotoError for an image the review area refuses (HEIC, damaged...)."""
    jpeg, width, height = photos.prepare(data)
    import hashlib

    existed = photos.photo_path(paths, hashlib.sha256(jpeg).hexdigest()[:32] + ".jpg").exists()
    info = photos.save_prepared(paths, jpeg, width, height, "vCard")
    database.execute_sql(
        "INSERT OR REPLACE INTO person_photo (person_id, file, width, height, source_name, added_at) "
        "VALUES (?, ?, ?, ?, ?, datetime('now', 'localtime'))", (person_id, info.file, width, height, "vCard"))
    return photos.photo_path(paths, info.file), not existed


def file_in_use(name: str) -> bool:
    return database.execute_sql("SELECT 1 FROM person_photo WHERE file = ? LIMIT 1", (name,)).fetchone() is not None


def proofs_of(paths: DataPaths, person_id: int) -> list[Path]:
    current = consent.get_consent(person_id)
    if current is None or not current.proof:
        return []
    path = consent.proof_path(paths, current.proof)
    return [path] if path.is_file() else []


def files_of(paths: DataPaths, person_id: int) -> list[Path]:
    """Every file on disk about this person: photo (unless another card shares it), thumbnails, consent proofs."""
    found: list[Path] = []
    photo = photo_path(paths, person_id)
    if photo is not None:
        shared = database.execute_sql("SELECT count(*) FROM person_photo WHERE file = ?",
                                      (photo.name,)).fetchone()[0] > 1
        if not shared:
            found.append(photo)
            if paths.thumbnails_dir.is_dir():
                found += sorted(paths.thumbnails_dir.glob(f"{photo.stem}_*"))
    return found + proofs_of(paths, person_id)


def has_photo_without_consent(paths: DataPaths, person_id: int) -> bool:
    if photos.photo_of(person_id) is None:
        return False
    current = consent.get_consent(person_id)
    return current is None or not current.given


def people_without_consent() -> list[int]:
    """People who have a photo and no given consent, in one query."""
    return [r[0] for r in database.execute_sql(
        "SELECT pp.person_id FROM person_photo pp LEFT JOIN photo_consent c ON c.person_id = pp.person_id "
        "WHERE c.person_id IS NULL OR c.given = 0 ORDER BY pp.person_id")]


def people_with_photo(paths: DataPaths) -> list[int]:
    return [r[0] for r in database.execute_sql("SELECT person_id FROM person_photo ORDER BY person_id")]
