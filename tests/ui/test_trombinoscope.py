"""The trombinoscope tab and its grid model."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from partnerdesk.domain.consent import Consent
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import consent, partners, photos, trombinoscope
from partnerdesk.ui.models.people_grid import HasPhotoRole, PeopleGridListModel
from partnerdesk.ui.models.roles import IdRole
from partnerdesk.ui.tabs.trombinoscope.tab import TrombinoscopeTab
from partnerdesk.ui.thumbnails import ThumbnailProvider
from tests.core.images import jpeg_bytes


def test_grid_model_with_qtmodeltester(qtmodeltester, ctx, demo_store):
    model = PeopleGridListModel(ThumbnailProvider(ctx))
    model.set_rows(trombinoscope.list_cards())
    assert model.rowCount() == 120
    qtmodeltester.check(model)


def _tab(ctx, qtbot):
    tab = TrombinoscopeTab(ctx)
    qtbot.addWidget(tab)
    return tab


def test_empty_state(ctx, qtbot):
    tab = _tab(ctx, qtbot)
    assert tab.stack.currentWidget() is tab.empty


def test_filters_search_and_incomplete(ctx, qtbot, demo_store):
    tab = _tab(ctx, qtbot)
    assert tab.stack.currentWidget() is tab.view and tab.model.rowCount() == 120
    assert tab.count.text() == "120 people"
    org_id = tab.organisation.itemData(1)
    tab.organisation.setCurrentIndex(1)
    assert tab.model.rowCount() > 0
    assert all(tab.model.row_at(n).organisation_id == org_id for n in range(tab.model.rowCount()))
    tab.organisation.setCurrentIndex(0)
    tab.tag.setCurrentIndex(tab.tag.findText("seniors"))
    tagged = tab.model.rowCount()
    assert 0 < tagged < 120
    tab.tag.setCurrentIndex(0)

    first = tab.model.row_at(0)
    tab.search.setText(first.last_name)
    qtbot.waitUntil(lambda: tab.model.rowCount() < 120)
    assert all(first.last_name in tab.model.row_at(n).full_name + tab.model.row_at(n).organisation
               for n in range(tab.model.rowCount()))
    tab.search.setText("zzzz-personne")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert tab.stack.currentWidget() is tab.view and tab.count.text() == "0 people"
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 120)

    tab.incomplete.setChecked(True)
    incomplete = [tab.model.row_at(n) for n in range(tab.model.rowCount())]
    assert 0 < len(incomplete) < 120 and all(card.missing for card in incomplete)


def test_double_click_opens_the_person_card(ctx, qtbot, demo_store):
    tab = _tab(ctx, qtbot)
    tab.resize(900, 600)
    tab.show()
    qtbot.waitExposed(tab)
    opened = []
    ctx.signals.open_requested.connect(lambda kind, item: opened.append((kind, item)))
    index = tab.model.index(0)
    rect = tab.view.visualRect(index)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [("person", tab.model.data(index, IdRole))]


def test_thumbnails_arrive_and_respect_consent(ctx, qtbot, store):
    org = partners.create_organisation(OrganisationData("MJC"))
    agreed = partners.create_person(PersonData("Abel", "Anne"), org.id, "Animatrice")
    refused = partners.create_person(PersonData("Bruno", "Bastien"), org.id)
    photos.set_photo_from_bytes(store, agreed.id, jpeg_bytes(width=600, height=800))
    photos.set_photo_from_bytes(store, refused.id, jpeg_bytes(width=600, height=800, colour=(0, 200, 0)))
    consent.save_consent(agreed.id, Consent(True, dt.date(2026, 1, 2), ["interne"]))
    tab = _tab(ctx, qtbot)
    assert tab.model.index(0).data(HasPhotoRole) and not tab.model.index(1).data(HasPhotoRole)
    tab.model.index(0).data(Qt.ItemDataRole.DecorationRole)  # asks for the thumbnail
    qtbot.waitUntil(lambda: tab.provider.pending() == 0)
    pixmap = tab.model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(pixmap, QPixmap) and pixmap.height() == 128 and pixmap.width() == 96
    assert list(store.thumbnails_dir.glob("*.jpg"))
    placeholder = tab.model.index(1).data(Qt.ItemDataRole.DecorationRole)
    assert placeholder.width() == placeholder.height() == 128  # initials, no photo without consent

    tab.size.setValue(64)
    assert tab.model.icon_size == 64 and tab.view.gridSize().width() >= 88
    tab.model.index(0).data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: tab.provider.pending() == 0)
    assert tab.model.index(0).data(Qt.ItemDataRole.DecorationRole).height() == 64
    assert int(ctx.settings.value("trombinoscope/icon_size")) == 64


def test_export_pdf_button_writes_the_file(ctx, qtbot, demo_store, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "équipe"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    monkeypatch.setattr("partnerdesk.ui.tabs.trombinoscope.tab.QDesktopServices.openUrl", lambda url: True)
    messages = []
    ctx.signals.status_message.connect(messages.append)
    tab = _tab(ctx, qtbot)
    tab.organisation.setCurrentIndex(1)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "équipe.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and messages and str(pdf) in messages[0]
    from pypdf import PdfReader

    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert f"Trombinoscope — {tab.organisation.currentText()}" in text.replace("\n", " ")


def test_thumbnail_is_made_once_at_size_and_cached_on_disk(ctx, store):
    from partnerdesk.services import thumbnails
    from partnerdesk.ui.thumbnails import load_thumbnail

    person = partners.create_person(PersonData("Morel", "Lou"))
    info = photos.set_photo_from_bytes(store, person.id, jpeg_bytes(width=1000, height=800))
    image = load_thumbnail(store, info.file, 100)
    assert image.width() == 100 and image.height() in (79, 80)
    cached = thumbnails.thumbnail_path(store, info.file, 100)
    assert cached.parent == store.thumbnails_dir and cached.exists()
    mtime = cached.stat().st_mtime_ns
    assert load_thumbnail(store, info.file, 110).width() == 110 and cached.stat().st_mtime_ns == mtime
    assert load_thumbnail(store, "absent.jpg", 64).isNull()
    assert thumbnails.clear(store) == 1


def test_double_click_in_the_window_shows_the_person_card(demo_store, window, qtbot):
    from partnerdesk.ui.tabs.partners.tab import PartnersTab

    tab = window.tab_of(TrombinoscopeTab)
    window.show_tab(tab)
    window.show()
    qtbot.waitExposed(window)
    index = tab.model.index(3)
    rect = tab.view.visualRect(index)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    partners_tab = window.tab_of(PartnersTab)
    assert window.current_tab() is partners_tab
    assert partners_tab.person_card.item_id == tab.model.data(index, IdRole)


def test_enter_opens_the_selected_person(ctx, qtbot, demo_store):
    tab = _tab(ctx, qtbot)
    tab.show()
    qtbot.waitExposed(tab)
    opened = []
    ctx.signals.open_requested.connect(lambda kind, item: opened.append((kind, item)))
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(2))
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert opened == [("person", tab.model.data(tab.model.index(2), IdRole))]
