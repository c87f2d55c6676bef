"""Drawn stand-in photos for the demo projects (no real faces, no files to ship)."""

from __future__ import annotations

from pathlib import Path

PALETTES = [((244, 162, 97), (42, 157, 143)), ((233, 196, 106), (38, 70, 83)), ((231, 111, 81), (138, 177, 125))]


def draw_photo(path: Path, variant: int, size: tuple[int, int] = (640, 480)) -> Path:
    """A simple landscape-like picture: sky gradient, hills, a few framed 'pictures' on a wall."""
    top, bottom = PALETTES[variant % len(PALETTES)]
    from PIL import Image, ImageDraw  # Pillow only when demo data is made

    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    for k in range(3 + variant):
        x = 40 + k * (width - 80) // (3 + variant)
        draw.rectangle([x, 90, x + 110, 200], outline=(255, 255, 255), width=6, fill=(250, 245, 235))
        draw.ellipse([x + 30, 115, x + 80, 165], fill=top)
    draw.polygon([(0, height), (width // 3, int(height * 0.62)), (width * 2 // 3, height)], fill=(60, 90, 70))
    draw.polygon([(width // 3, height), (width * 3 // 4, int(height * 0.55)), (width, height)], fill=(80, 110, 90))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=80)
    return path
