"""Make every icon file from the one source, resources/icons/partnerdesk.svg.

    QT_QPA_PLATFORM=offscreen uv run python packaging/make_icons.py

Writes resources/icons/png/partnerdesk-N.png (16 to 256 px: the window icon and the Linux
hicolor theme) and resources/icons/partnerdesk.ico (16 to 256 px: the Windows exe, the
installer and the uninstaller). The generated files are committed; run this again after
editing the SVG (tests/core/test_icons.py checks they still match it).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "partnerdesk.svg"
PNG_DIR = ICONS / "png"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int, source: Path = SOURCE) -> bytes:
    """The SVG drawn at size x size pixels, as PNG bytes (Qt's SVG renderer, antialiased)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def make_ico(pngs: dict[int, bytes], target: Path) -> None:
    """One .ico holding each size drawn at that size (not scaled down from 256)."""
    from PIL import Image

    images = [Image.open(io.BytesIO(pngs[s])).convert("RGBA") for s in ICO_SIZES]
    images[-1].save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])


def main() -> int:
    PNG_DIR.mkdir(exist_ok=True)
    pngs = {size: render(size) for size in SIZES}
    for size, data in pngs.items():
        (PNG_DIR / f"partnerdesk-{size}.png").write_bytes(data)
    make_ico(pngs, ICONS / "partnerdesk.ico")
    print(f"{len(pngs)} PNG sizes and partnerdesk.ico written from {SOURCE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
