"""Test images made with Pillow."""

from __future__ import annotations

import io

from PIL import Image


def image(width=80, height=40, colour=(200, 30, 30), mode="RGB") -> Image.Image:
    picture = Image.new(mode, (width, height), colour)
    if mode == "RGB":  # a marker in the top-left corner tells the orientation
        picture.paste((0, 0, 255), (0, 0, width // 4, height // 4))
    return picture


def encoded(fmt: str, **kwargs) -> bytes:
    out = io.BytesIO()
    picture = image(**kwargs)
    if fmt == "GIF":
        picture = picture.convert("P")
    picture.save(out, fmt)
    return out.getvalue()


def jpeg_bytes(**kwargs) -> bytes:
    return encoded("JPEG", **kwargs)


def rotated_jpeg(width=80, height=40) -> bytes:
    """A landscape picture stored with EXIF orientation 6 (display rotated 90° clockwise)."""
    picture = image(width, height)
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()
