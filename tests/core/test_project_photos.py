"""Project photos go through the people's photos pipeline (`photos.prepare`), stored in photos/projects/."""

import pytest
from PIL import Image

from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import photos, projects, realizations
from tests.core.images import encoded, rotated_jpeg


@pytest.fixture
def project(store):
    return projects.create_project(ProjectData("Web radio")).id


def test_project_photo_is_upright_flattened_and_kept_large(store, project, tmp_path):
    phone = tmp_path / "smartphone.jpg"
    phone.write_bytes(rotated_jpeg(80, 40))
    clip = tmp_path / "logo.png"
    clip.write_bytes(encoded("PNG", width=20, height=20, colour=(0, 0, 0, 0), mode="RGBA"))
    wide = tmp_path / "salle.jpg"
    wide.write_bytes(encoded("JPEG", width=3000, height=1500))
    for source in (phone, clip, wide):
        realizations.import_photo(store, project, source)
    upright, flat, large = realizations.photos_of(project)
    assert all(p.file.startswith("projects/") for p in (upright, flat, large))
    with Image.open(store.photos_dir / upright.file) as image:
        assert image.format == "JPEG" and image.size == (40, 80)
    with Image.open(store.photos_dir / flat.file) as image:
        assert image.getpixel((10, 10)) == (255, 255, 255)
    with Image.open(store.photos_dir / large.file) as image:
        assert image.size == (realizations.MAX_SIDE, realizations.MAX_SIDE // 2)
    assert photos.prune(store) == 0 and (store.photos_dir / large.file).exists()


@pytest.mark.parametrize("name,data,message", [
    ("IMG_0042.HEIC", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64, photos.HEIC_FILE),
    ("notes.jpg", b"pas une image", photos.NOT_AN_IMAGE),
    ("vide.jpg", b"", photos.EMPTY_FILE),
])
def test_refused_project_photo_records_nothing(store, project, tmp_path, name, data, message):
    source = tmp_path / name
    source.write_bytes(data)
    with pytest.raises(photos.PhotoError) as err:
        realizations.import_photo(store, project, source)
    assert err.value.message == message
    assert realizations.photos_of(project) == [] and not (store.photos_dir / "projects").exists()


def test_missing_project_photo_file_is_refused(store, project, tmp_path):
    with pytest.raises(photos.PhotoError) as err:
        realizations.import_photo(store, project, tmp_path / "absent.jpg")
    assert err.value.message == photos.UNREADABLE
