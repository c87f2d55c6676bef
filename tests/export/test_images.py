"""Images are upright, keep their aspect ratio and are downscaled before embedding."""

from __future__ import annotations

from PIL import Image

from partnerdesk.domain.documents import Picture
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.export.bilan import render_bilan
from partnerdesk.export.images import logo_image, prepare_photo
from tests.export import samples
from tests.export.pdfcheck import assert_no_blank_page, reader


def test_a_40_megapixel_photo_makes_a_small_pdf(tmp_path):
    big = tmp_path / "big.jpg"
    noise = Image.effect_noise((7300, 5480), 60).convert("RGB")
    noise.save(big, "JPEG", quality=92)
    assert big.stat().st_size > 8_000_000
    data = samples.bilan(None, photos=0)
    data.photos = [Picture(str(big), "Quarante mégapixels")]
    pdf = render_bilan(data, EpnIdentity())
    assert len(pdf) < 1_500_000
    widths = [image.image.width for page in reader(pdf).pages for image in page.images]
    assert widths and max(widths) <= 1100
    assert_no_blank_page(pdf)


def test_exif_orientation_is_applied(tmp_path):
    path = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    Image.new("RGB", (400, 300), (200, 50, 50)).save(path, "JPEG", exif=exif)
    prepared = prepare_photo(str(path), 500, 500)
    assert (prepared.width, prepared.height) == (300, 400)
    width, height = prepared.fit(150, 150)
    assert round(width / height, 3) == 0.75


def test_aspect_ratio_kept_when_fitted(tmp_path):
    path = samples.make_photo(tmp_path / "wide.jpg", (3000, 1000))
    prepared = prepare_photo(str(path), 200, 200)
    width, height = prepared.fit(200, 200)
    assert abs(width / height - 3) < 0.02 and width <= 200


def test_logo_transparency_kept_and_bad_files_skipped(tmp_path):
    logo = logo_image(str(samples.make_logo(tmp_path / "logo.png")))
    assert logo is not None and logo.data[:8] == b"\x89PNG\r\n\x1a\n"
    garbage = tmp_path / "garbage.jpg"
    garbage.write_bytes(b"not an image")
    assert prepare_photo(str(garbage), 100, 100) is None
    assert prepare_photo(str(tmp_path / "missing.jpg"), 100, 100) is None
    assert logo_image(str(tmp_path / "logo.svg")) is None
    data = samples.bilan(None, photos=0)
    data.photos = [Picture(str(garbage), "x"), Picture(str(tmp_path / "missing.jpg"), "y")]
    assert len(reader(render_bilan(data, EpnIdentity(logo_path=str(garbage)))).pages) >= 1
