"""The organisation card carries the other areas' pieces: its projects, and the partner sheet PDF."""

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from partnerdesk.services import projects
from partnerdesk.store.models import Organisation
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.partners.tab import PartnersTab
from partnerdesk.ui.widgets.export_runner import ExportRunner


@pytest.fixture
def tab(demo_store, window, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: "discard")
    return window.tab_of(PartnersTab)


def _org_in_a_project() -> int:
    for org in Organisation.select().order_by(Organisation.id):
        if projects.projects_of_organisation(org.id):
            return org.id
    raise AssertionError("the demo has no organisation in a project")


def test_org_card_lists_its_projects(tab):
    org_id = _org_in_a_project()
    assert tab.open_item("organisation", org_id)
    card = tab.org_card
    titles = [card.sections.tabText(i) for i in range(card.sections.count())]
    assert "Projects" in titles
    expected = {p.project_title for p in projects.projects_of_organisation(org_id)}
    model = card.projects.model
    shown = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert shown == expected


def test_partner_sheet_from_the_card(tab, qtbot, tmp_path, monkeypatch):
    org_id = _org_in_a_project()
    tab.open_item("organisation", org_id)
    out = tmp_path / "fiche.pdf"
    monkeypatch.setattr(ExportRunner, "ask_path", lambda self, kind, title: out)
    monkeypatch.setattr(ExportRunner, "default_folder", lambda self: str(tmp_path), raising=False)
    action = next(a for a in tab.org_card.more_menu.actions() if a.text() == "Partner sheet…")
    action.trigger()
    qtbot.waitUntil(out.exists, timeout=10000)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert Organisation.get_by_id(org_id).name.split(" — ")[0][:15] in text


def test_person_card_has_photo_and_consent(tab, tmp_path):
    from PIL import Image

    from partnerdesk.services import photos
    from partnerdesk.store.models import Person

    person = Person.select().order_by(Person.id).first()
    assert tab.open_item("person", person.id)
    card = tab.person_card
    titles = [card.sections.tabText(i) for i in range(card.sections.count())]
    assert "Photo and image rights" in titles
    assert card.photo.person_id == person.id
    source = tmp_path / "portrait.png"
    Image.new("RGB", (300, 400), "#336699").save(source)
    card.photo.import_file(source)
    assert photos.photo_of(person.id) is not None
