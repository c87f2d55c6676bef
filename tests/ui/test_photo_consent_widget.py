"""The photo and consent widget: file, drop, paste, refusals, consent, proof."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from partnerdesk.domain.partners import PersonData
from partnerdesk.services import consent, partners, photos
from partnerdesk.ui.widgets.photo_consent import PhotoConsentWidget
from tests.core.images import encoded, rotated_jpeg


@pytest.fixture
def widget(ctx, qtbot):
    person = partners.create_person(PersonData("Le Gall", "Anaïs"))
    w = PhotoConsentWidget(ctx, person.id, "AL")
    qtbot.addWidget(w)
    return w


def test_add_photo_from_file(widget, tmp_path, qtbot):
    source = tmp_path / "portrait.jpg"
    source.write_bytes(rotated_jpeg(400, 200))
    widget.import_file(source)
    info = photos.photo_of(widget.person_id)
    assert (info.width, info.height) == (200, 400)
    assert widget.add_button.text() == "Replace the photo…" and widget.remove_button.isEnabled()
    qtbot.waitUntil(lambda: widget.provider.pending() == 0)
    widget._show_photo()
    assert widget.photo_label.pixmap().height() == 160
    assert "used nowhere" in widget.consent_summary.text()


def test_drop_a_file_from_the_file_manager(widget, tmp_path):
    source = tmp_path / "photo.webp"
    source.write_bytes(encoded("WEBP"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.photo_label.dropEvent(event)
    assert photos.photo_of(widget.person_id) is not None


def test_paste_an_image(widget, qtbot):
    image = QImage(50, 70, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    QApplication.clipboard().setImage(image)
    qtbot.mouseClick(widget.paste_button, Qt.MouseButton.LeftButton)
    info = photos.photo_of(widget.person_id)
    assert info is not None and (info.width, info.height) == (50, 70)


def test_refused_file_shows_a_message_and_keeps_the_photo(widget, tmp_path, ctx):
    good = tmp_path / "ok.png"
    good.write_bytes(encoded("PNG"))
    widget.import_file(good)
    before = photos.photo_of(widget.person_id)
    heic = tmp_path / "IMG_0001.heic"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 40)
    widget.import_file(heic)
    assert widget.photo_error.isVisibleTo(widget) and "HEIC" in widget.photo_error.text()
    assert photos.photo_of(widget.person_id) == before
    empty = tmp_path / "vide.jpg"
    empty.write_bytes(b"")
    widget.import_file(empty)
    assert "empty" in widget.photo_error.text()
    widget.import_file(good)
    assert not widget.photo_error.isVisibleTo(widget)


def test_remove_photo(widget, tmp_path):
    source = tmp_path / "a.gif"
    source.write_bytes(encoded("GIF"))
    widget.import_file(source)
    widget.remove_button.click()
    assert photos.photo_of(widget.person_id) is None and not widget.remove_button.isEnabled()


def test_consent_through_the_widgets(widget, qtbot, ctx):
    changed = []
    ctx.signals.data_changed.connect(changed.append)
    widget.given.setChecked(True)
    widget.given_on.setDate(QDate(2026, 3, 14))
    qtbot.mouseClick(widget.save_consent_button, Qt.MouseButton.LeftButton)
    assert widget.consent_error.isVisibleTo(widget) and "at least one use" in widget.consent_error.text()
    assert consent.get_consent(widget.person_id) is None

    widget.scopes["interne"].setChecked(True)
    widget.scopes["partenaires"].setChecked(True)
    qtbot.mouseClick(widget.save_consent_button, Qt.MouseButton.LeftButton)
    saved = consent.get_consent(widget.person_id)
    assert saved.given and saved.given_on == dt.date(2026, 3, 14) and saved.scopes == ["interne", "partenaires"]
    assert "14 Mar 2026" in widget.consent_summary.text() and "documents given to partners" in \
        widget.consent_summary.text()
    assert changed == ["photos"]

    widget.given.setChecked(False)
    assert not widget.scopes["interne"].isEnabled()
    qtbot.mouseClick(widget.save_consent_button, Qt.MouseButton.LeftButton)
    assert consent.get_consent(widget.person_id).given is False


def test_attach_proof(widget, tmp_path):
    scan = tmp_path / "autorisation.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    assert widget.attach_proof(scan)
    assert widget.proof_label.text() == "attached" and widget.open_proof_button.isEnabled()
    assert consent.get_consent(widget.person_id).proof
    assert not widget.attach_proof(tmp_path / "lettre.docx")
    assert widget.consent_error.isVisibleTo(widget)


def test_no_person_disables_everything(ctx, qtbot):
    w = PhotoConsentWidget(ctx, None)
    qtbot.addWidget(w)
    assert not w.isEnabled()


def test_remove_and_replace_can_be_undone(widget, tmp_path, ctx):
    first = tmp_path / "a.png"
    first.write_bytes(encoded("PNG", colour=(200, 0, 0)))
    second = tmp_path / "b.png"
    second.write_bytes(encoded("PNG", colour=(0, 0, 200)))
    widget.import_file(first)
    a = photos.photo_of(widget.person_id)
    widget.import_file(second)
    b = photos.photo_of(widget.person_id)
    widget.remove_button.click()
    assert photos.photo_of(widget.person_id) is None
    ctx.undo_stack.undo()
    assert photos.photo_of(widget.person_id) == b and widget.photo == b and widget.remove_button.isEnabled()
    ctx.undo_stack.undo()
    assert photos.photo_of(widget.person_id) == a
    ctx.undo_stack.undo()
    assert photos.photo_of(widget.person_id) is None and widget.photo is None
    ctx.undo_stack.redo()
    assert photos.photo_of(widget.person_id) == a
    assert ctx.undo_stack.undoText() == "Change the photo"
