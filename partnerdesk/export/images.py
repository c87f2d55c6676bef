"""Images for the PDFs: EXIF orientation applied, aspect ratio kept, and
downscaled before embedding (a 40-megapixel photo becomes a JPEG of a few
hundred kilobytes at the size it is printed).

JPEG files are decoded at a reduced scale straight away (`Image.draft`), which
makes a photo of a phone or a camera ~10x faster to prepare. Prepared images
are cached by (path, modification time, size) for the life of the process.
SVG logos are not read here: the identity dialog rasterises them to PNG
through Qt when the logo is chosen (no extra dependency for the core).
"""

from __future__ import annotations

import functools
import io
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PIL import Image, ImageOps
from reportlab.lib.utils import ImageReader

log = logging.getLogger(__name__)

POINTS_PER_INCH = 72
PRINT_DPI = 150
LOGO_MAX_PX = 600
Image.MAX_IMAGE_PIXELS = 200_000_000  # a 100+ megapixel scan is still a photo, not a bomb


@dataclass(frozen=True)
class Prepared:
    """An image ready to embed: encoded bytes and its pixel size."""

    data: bytes
    width: int
    height: int

    @property
    def aspect(self) -> float:
        return self.width / self.height

    @property
    def reader(self) -> ImageReader:
        return ImageReader(io.BytesIO(self.data))

    def fit(self, max_width: float, max_height: float) -> tuple[float, float]:
        """The largest (width, height) in points inside the box, aspect ratio kept."""
        scale = min(max_width / self.width, max_height / self.height)
        return self.width * scale, self.height * scale


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def prepare_photo(path: str, max_width_pt: float, max_height_pt: float) -> Prepared | None:
    """A photo as JPEG, at most PRINT_DPI where it is printed; None when unreadable."""
    stamp = _stamp(path)
    if stamp is None:
        log.warning("photo not found: %s", path)
        return None
    px_w = max(16, round(max_width_pt / POINTS_PER_INCH * PRINT_DPI))
    px_h = max(16, round(max_height_pt / POINTS_PER_INCH * PRINT_DPI))
    return _prepare(path, stamp, px_w, px_h, False)


def prepare_photos(paths: list[str], max_width_pt: float, max_height_pt: float) -> None:
    """Decode and downscale several photos at once (Pillow releases the GIL while it
    decodes), so that the following `prepare_photo` calls hit the cache."""
    unique = list(dict.fromkeys(paths))
    if len(unique) < 2:
        return
    workers = min(len(unique), max(2, os.cpu_count() or 2), 8)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda path: prepare_photo(path, max_width_pt, max_height_pt), unique))


def logo_image(path: str | None) -> Prepared | None:
    """The EPN's logo (PNG or JPEG, transparency kept); None when absent or unreadable."""
    if not path or not path.strip():
        return None
    if path.lower().endswith(".svg"):
        log.warning("SVG logo must be converted to PNG first: %s", path)
        return None
    stamp = _stamp(path)
    return _prepare(path, stamp, LOGO_MAX_PX, LOGO_MAX_PX, True) if stamp else None


@functools.lru_cache(maxsize=256)
def _prepare(path: str, _stamp: tuple[int, int], px_w: int, px_h: int, keep_alpha: bool) -> Prepared | None:
    try:
        with Image.open(path) as image:
            if image.format == "JPEG":
                # decode at 1/2, 1/4 or 1/8 scale when that is still large enough
                image.draft("RGB", (px_w, px_h))
            image = ImageOps.exif_transpose(image)
            image.thumbnail((px_w, px_h), Image.Resampling.LANCZOS if keep_alpha else Image.Resampling.BILINEAR)
            out = io.BytesIO()
            has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
            if keep_alpha and has_alpha:
                image = image.convert("RGBA")
                image.save(out, "PNG", optimize=False)
            else:
                if image.mode != "RGB":
                    image = image.convert("RGB")
                image.save(out, "JPEG", quality=82, optimize=False)
            return Prepared(out.getvalue(), image.width, image.height)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        log.warning("image not readable: %s (%s)", path, exc)
        return None
