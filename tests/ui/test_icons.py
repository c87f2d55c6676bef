"""One icon: the committed PNGs and .ico are what packaging/make_icons.py draws from the SVG."""

import importlib.util
import io
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from partnerdesk.app import app_icon, make_application

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
make_icons = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_icons)


def test_committed_pngs_are_drawn_from_the_svg(qapp):
    for size in make_icons.SIZES:
        committed = Image.open(make_icons.PNG_DIR / f"partnerdesk-{size}.png").convert("RGBA")
        assert committed.size == (size, size)
        fresh = Image.open(io.BytesIO(make_icons.render(size))).convert("RGBA")
        diff = ImageStat.Stat(ImageChops.difference(committed, fresh)).mean
        assert max(diff) < 2, f"{size} px differs from the SVG: run packaging/make_icons.py"


def test_ico_holds_every_size_drawn_at_that_size():
    ico = Image.open(make_icons.ICONS / "partnerdesk.ico")
    assert set(ico.info["sizes"]) == {(s, s) for s in make_icons.ICO_SIZES}
    ico.size = (16, 16)
    small = ico.convert("RGBA")
    png = Image.open(make_icons.PNG_DIR / "partnerdesk-16.png").convert("RGBA")
    assert ImageChops.difference(small, png).getbbox() is None


def test_application_has_the_icon(qapp):
    app = make_application()
    assert not app.windowIcon().isNull()
    sizes = {s.width() for s in app_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes
