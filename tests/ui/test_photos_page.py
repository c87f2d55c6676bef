"""Project photos: import (upright JPEG under photos/projects/), refuse bad files, people shown."""

from PIL import Image

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import partners, projects, realizations
from partnerdesk.ui.tabs.projects.photos_page import PhotosPage


def test_add_photos_and_tick_people_shown(ctx, qtbot, tmp_path):
    org = partners.create_organisation(OrganisationData("MJC"))
    zoe = partners.create_person(PersonData("N'Diaye", "Zoé"), org.id)
    partners.create_person(PersonData("Lefèvre", "Hélène"), org.id)
    project = projects.create_project(ProjectData("Web radio"))
    projects.add_partner(project.id, org.id)
    picture = tmp_path / "Atelier radio.png"
    Image.new("RGB", (3000, 1000), (200, 100, 50)).save(picture)
    junk = tmp_path / "notes.jpg"
    junk.write_text("pas une image")
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\0\0\0\x18ftypheic")

    page = PhotosPage(ctx)
    qtbot.addWidget(page)
    page.set_project(project.id)
    assert page.add_files([str(picture), str(junk), str(heic)]) == 1
    assert "notes.jpg" in page.message.text() and "HEIC" in page.message.text()
    photo = realizations.photos_of(project.id)[0]
    stored = ctx.paths.photos_dir / photo.file
    assert photo.file.startswith("projects/") and photo.caption == "Atelier radio"
    with Image.open(stored) as image:
        assert image.format == "JPEG" and max(image.size) == 2400
    assert page.model.rowCount() == 1 and page.model.has_thumbnail(photo.file)

    page.view.setCurrentIndex(page.model.index(0))
    assert page.editor.isEnabled() and page.people.rowCount() == 2
    row = next(r for r in range(page.people.rowCount()) if "Zoé" in page.people.item(r).text())
    page.people.item(row).setCheckState(page.people.item(row).checkState().Checked)
    page.caption.setText("L'équipe de la web radio")
    page.save_photo()
    photo = realizations.photos_of(project.id)[0]
    assert photo.person_ids == [zoe.id] and photo.caption == "L'équipe de la web radio"
    page.view.setCurrentIndex(page.model.index(0))
    page.delete_photo()
    assert realizations.photos_of(project.id) == [] and not stored.exists()
