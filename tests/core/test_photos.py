"""Photo import: every accepted kind, every refused kind, EXIF orientation, the original untouched."""

import io

import pytest
from PIL import Image

from partnerdesk.domain.partners import PersonData
from partnerdesk.services import partners, photos
from tests.core.images import encoded, rotated_jpeg


@pytest.fixture
def person(store):
    return partners.create_person(PersonData(last_name="Le Gall", first_name="Anaïs")).id


@pytest.mark.parametrize("fmt,suffix", [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp"), ("GIF", ".gif"),
                                        ("BMP", ".bmp"), ("TIFF", ".tiff")])
def test_each_accepted_kind_is_stored_as_jpeg(store, person, tmp_path, fmt, suffix):
    source = tmp_path / f"portrait{suffix}"
    source.write_bytes(encoded(fmt, width=90, height=60))
    before = source.read_bytes()
    info = photos.set_photo_from_file(store, person, source)
    stored = photos.photo_path(store, info.file)
    assert stored.parent == store.photos_dir and stored.suffix == ".jpg"
    with Image.open(stored) as image:
        assert image.format == "JPEG" and image.size == (90, 60)
    assert photos.photo_of(person) == info
    assert source.read_bytes() == before


def test_png_with_transparency_is_flattened(store, person):
    data = encoded("PNG", width=20, height=20, colour=(0, 0, 0, 0), mode="RGBA")
    info = photos.set_photo_from_bytes(store, person, data, "collé.png")
    with Image.open(photos.photo_path(store, info.file)) as image:
        assert image.getpixel((10, 10)) == (255, 255, 255)


def test_exif_rotated_jpeg_comes_out_upright(store, person, tmp_path):
    source = tmp_path / "smartphone.jpg"
    source.write_bytes(rotated_jpeg(80, 40))
    before = source.read_bytes()
    info = photos.set_photo_from_file(store, person, source)
    with Image.open(photos.photo_path(store, info.file)) as image:
        assert image.size == (40, 80)  # portrait, as the phone showed it
        assert image.getexif().get(0x0112) in (None, 1)
        red, green, blue = image.getpixel((image.width - 3, 3))  # the marker turned to the top-right corner
        assert blue > 200 and red < 60
        red, green, blue = image.getpixel((3, 3))
        assert red > 150 and blue < 80
    assert source.read_bytes() == before


def test_large_photo_is_resized_and_named_by_content(store, person):
    data = encoded("JPEG", width=3000, height=1500)
    info = photos.set_photo_from_bytes(store, person, data)
    assert (info.width, info.height) == (1200, 600)
    again = photos.store_bytes(store, data)
    assert again.file == info.file and len(list(store.photos_dir.glob("*.jpg"))) == 1
    assert len(info.file) == 36


def _truncated() -> bytes:
    noisy = Image.effect_noise((300, 300), 60).convert("RGB")
    out = io.BytesIO()
    noisy.save(out, "JPEG")
    data = out.getvalue()
    return data[: len(data) // 2]


@pytest.mark.parametrize("name,data,message", [
    ("vide.jpg", b"", photos.EMPTY_FILE),
    ("IMG_0042.HEIC", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64, photos.HEIC_FILE),
    ("abimee.jpg", b"\xff\xd8\xff\xe0 this is not really a jpeg" * 3, photos.DAMAGED),
    ("bruit.png", bytes(range(256)) * 4, photos.NOT_AN_IMAGE),
    ("coupee.jpg", _truncated(), photos.DAMAGED),
    ("compte-rendu.txt", "Compte rendu de la réunion".encode(), photos.NOT_AN_IMAGE),
    ("document.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", photos.NOT_AN_IMAGE),
])
def test_refused_files_leave_the_card_untouched(store, person, tmp_path, name, data, message):
    source = tmp_path / name
    source.write_bytes(data)
    with pytest.raises(photos.PhotoError) as err:
        photos.set_photo_from_file(store, person, source)
    assert err.value.message == message
    assert photos.photo_of(person) is None
    assert list(store.photos_dir.iterdir()) == []


def test_unsupported_format_and_missing_file(store, person, tmp_path):
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "ICO")
    with pytest.raises(photos.PhotoError) as err:
        photos.set_photo_from_bytes(store, person, out.getvalue())
    assert err.value.message == photos.UNSUPPORTED
    with pytest.raises(photos.PhotoError) as err:
        photos.set_photo_from_file(store, person, tmp_path / "absent.jpg")
    assert err.value.message == photos.UNREADABLE


def test_french_messages(store, person):
    from partnerdesk import i18n

    i18n.set_language("fr")
    assert "HEIC" in i18n._(photos.HEIC_FILE) and "pas" in i18n._(photos.HEIC_FILE)
    assert i18n._(photos.EMPTY_FILE) != photos.EMPTY_FILE


def test_replace_remove_and_prune(store, person):
    first = photos.set_photo_from_bytes(store, person, encoded("PNG", colour=(10, 200, 10)))
    second = photos.set_photo_from_bytes(store, person, encoded("PNG", colour=(10, 10, 200)))
    assert photos.photo_of(person).file == second.file != first.file
    assert photos.prune(store) == 1
    photos.remove_photo(person)
    assert photos.photo_of(person) is None


def test_huge_picture_is_refused_before_decoding(store, person):
    out = io.BytesIO()
    Image.new("1", (10_000, 7_000)).save(out, "PNG")  # 70 megapixels in a few kilobytes
    with pytest.raises(photos.PhotoError) as err:
        photos.set_photo_from_bytes(store, person, out.getvalue())
    assert err.value.message == photos.TOO_LARGE
