"""People's photos: import (file, drop or paste), storage, removal.

The imported file is read, never written. Its EXIF orientation is applied, it is
shrunk to `MAX_SIDE` pixels on its longest side and stored as JPEG under a name
made of the hash of the stored content, in the data folder's `photos/`.
Refused files raise `PhotoError` with an English message marked for translation.
`prepare` and `read_source` are the one image pipeline: project photos use them too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path


from partnerdesk.domain.labels import N_
from partnerdesk.paths import DataPaths
from partnerdesk.store import database
from partnerdesk.store.models import PersonPhoto

MAX_SIDE = 1200
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF", "BMP", "TIFF"}
ACCEPTED_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff")
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}
MAX_SOURCE_BYTES = 80 * 1024 * 1024
MAX_PIXELS = 60_000_000  # a 60-megapixel camera; beyond that, not a portrait

EMPTY_FILE = N_("This file is empty (0 bytes): it holds no photo.")
HEIC_FILE = N_("HEIC/HEIF photos (iPhone) are not supported. Convert the photo to JPEG first, or on the "
               "iPhone choose Settings › Camera › Formats › Most Compatible.")
NOT_AN_IMAGE = N_("This file is not an image PartnerDesk can read. Accepted: JPEG, PNG, WebP, GIF, BMP, TIFF.")
UNSUPPORTED = N_("This image format is not accepted. Accepted: JPEG, PNG, WebP, GIF, BMP, TIFF.")
DAMAGED = N_("This image is damaged or incomplete (truncated file). Try exporting it again from its source.")
TOO_LARGE = N_("This image is too large: more than 60 megapixels.")
UNREADABLE = N_("This file could not be read.")


class PhotoError(ValueError):
    """A refused photo; `message` is English, marked for translation."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PhotoInfo:
    file: str  # name inside photos/
    width: int
    height: int
    source_name: str = ""


def photo_path(paths: DataPaths, file: str) -> Path:
    return paths.photos_dir / file


def _is_heif(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def prepare(data: bytes, max_side: int = MAX_SIDE) -> tuple[bytes, int, int]:
    """Check and convert image bytes: JPEG bytes of the upright photo shrunk to `max_side`
    pixels on its longest side, width, height."""
    if not data:
        raise PhotoError(EMPTY_FILE)
    if len(data) > MAX_SOURCE_BYTES:
        raise PhotoError(TOO_LARGE)
    if _is_heif(data):
        raise PhotoError(HEIC_FILE)
    from PIL import Image, ImageOps, UnidentifiedImageError  # Pillow loads with the first photo

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise PhotoError(UNSUPPORTED)
            if image.width * image.height > MAX_PIXELS:
                raise PhotoError(TOO_LARGE)
            image.load()
            upright = ImageOps.exif_transpose(image)
    except PhotoError:
        raise
    except Image.DecompressionBombError as exc:
        raise PhotoError(TOO_LARGE) from exc
    except UnidentifiedImageError as exc:
        raise PhotoError(NOT_AN_IMAGE) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise PhotoError(DAMAGED) from exc
    if upright.mode in ("RGBA", "LA") or (upright.mode == "P" and "transparency" in upright.info):
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        upright = flat
    else:
        upright = upright.convert("RGB")
    upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    upright.save(out, "JPEG", quality=88, optimize=True)
    return out.getvalue(), upright.width, upright.height


def store_bytes(paths: DataPaths, data: bytes, source_name: str = "") -> PhotoInfo:
    """Convert and store; the same picture imported twice is stored once."""
    jpeg, width, height = prepare(data)
    return save_prepared(paths, jpeg, width, height, source_name)


def save_prepared(paths: DataPaths, jpeg: bytes, width: int, height: int, source_name: str = "") -> PhotoInfo:
    """Write already converted JPEG bytes under their content-hash name."""
    name = hashlib.sha256(jpeg).hexdigest()[:32] + ".jpg"
    target = photo_path(paths, name)
    if not target.exists():
        paths.photos_dir.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".part")
        tmp.write_bytes(jpeg)
        os.replace(tmp, target)
    return PhotoInfo(name, width, height, source_name)


def read_source(source: str | os.PathLike) -> bytes:
    """The bytes of a file to import; `PhotoError` when it cannot be read."""
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise PhotoError(UNREADABLE) from exc


def store_file(paths: DataPaths, source: str | os.PathLike) -> PhotoInfo:
    return store_bytes(paths, read_source(source), Path(source).name)


def restore_photo(person_id: int, info: PhotoInfo | None) -> None:
    """Put back a photo stored earlier (undo), or none."""
    if info is None:
        remove_photo(person_id)
    else:
        _attach(person_id, info)


def _attach(person_id: int, info: PhotoInfo) -> PhotoInfo:
    with database.atomic():
        PersonPhoto.insert(person=person_id, file=info.file, width=info.width, height=info.height,
                           source_name=info.source_name, added_at=dt.datetime.now()).on_conflict_replace().execute()
    return info


def set_photo_from_file(paths: DataPaths, person_id: int, source: str | os.PathLike) -> PhotoInfo:
    """Import `source` as the photo of `person_id` (replacing any previous one)."""
    return _attach(person_id, store_file(paths, source))


def set_photo_from_bytes(paths: DataPaths, person_id: int, data: bytes, source_name: str = "") -> PhotoInfo:
    """Import pasted image bytes (PNG from the clipboard, for instance)."""
    return _attach(person_id, store_bytes(paths, data, source_name))


def photo_of(person_id: int) -> PhotoInfo | None:
    row = PersonPhoto.get_or_none(PersonPhoto.person == person_id)
    return PhotoInfo(row.file, row.width, row.height, row.source_name) if row else None


def remove_photo(person_id: int) -> None:
    """Forget the person's photo. The stored file stays until no card uses it (see `prune`)."""
    with database.atomic():
        PersonPhoto.delete().where(PersonPhoto.person == person_id).execute()


def prune(paths: DataPaths) -> int:
    """Delete stored photos that no card uses any more; return how many."""
    used = {row.file for row in PersonPhoto.select(PersonPhoto.file)}
    removed = 0
    for path in paths.photos_dir.glob("*.jpg"):
        if path.name not in used:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
