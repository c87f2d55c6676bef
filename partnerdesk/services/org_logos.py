"""An organisation's logo (or the photo of a company's card): one image file in the
data folder's `logos/`, named by the hash of its content, through the one image
pipeline of `photos.prepare`. Not a person's photo: no consent applies, and
people's photo pruning does not touch it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from partnerdesk.paths import DataPaths
from partnerdesk.services import photos
from partnerdesk.store import database

MAX_SIDE = 600


def logo_path(paths: DataPaths, organisation_id: int) -> Path | None:
    row = database.execute_sql("SELECT logo FROM organisation WHERE id = ?", (organisation_id,)).fetchone()
    if not row or not row[0]:
        return None
    path = paths.logos_dir / Path(row[0]).name
    return path if path.is_file() else None


def store(paths: DataPaths, data: bytes) -> tuple[str, bool]:
    """(file name, created) of the converted image. Raises photos.PhotoError."""
    jpeg, _w, _h = photos.prepare(data, MAX_SIDE)
    name = hashlib.sha256(jpeg).hexdigest()[:32] + ".jpg"
    target = paths.logos_dir / name
    if target.exists():
        return name, False
    paths.logos_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    tmp.write_bytes(jpeg)
    os.replace(tmp, target)
    return name, True


def set_logo(paths: DataPaths, organisation_id: int, data: bytes) -> str:
    name, _created = store(paths, data)
    with database.atomic():
        database.execute_sql("UPDATE organisation SET logo = ? WHERE id = ?", (name, organisation_id))
    return name


def set_logo_from_file(paths: DataPaths, organisation_id: int, source) -> str:
    return set_logo(paths, organisation_id, photos.read_source(source))


def remove_logo(paths: DataPaths, organisation_id: int) -> None:
    """Forget the logo; the file goes when no organisation uses it any more."""
    row = database.execute_sql("SELECT logo FROM organisation WHERE id = ?", (organisation_id,)).fetchone()
    with database.atomic():
        database.execute_sql("UPDATE organisation SET logo = '' WHERE id = ?", (organisation_id,))
    if row and row[0]:
        delete_if_unused(paths, row[0])


def in_use(name: str) -> bool:
    return database.execute_sql("SELECT 1 FROM organisation WHERE logo = ? LIMIT 1", (name,)).fetchone() is not None


def delete_if_unused(paths: DataPaths, name: str) -> None:
    if name and not in_use(name):
        (paths.logos_dir / Path(name).name).unlink(missing_ok=True)
