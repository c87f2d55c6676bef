"""A person's photo and image-rights consent, for the person card to embed.

Photo: add or replace (file dialog, drag and drop from the file manager, paste
with Ctrl+V), remove. Import runs in the background; a refused file gets a clear
message under the photo and changes nothing. Consent: given or not, date, uses,
optional scanned proof; shown next to the photo.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.consent import Consent, ConsentScope
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _, format_date
from partnerdesk.services import consent as consent_service
from partnerdesk.services import photos
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.thumbnails import ThumbnailProvider, initials_pixmap
from partnerdesk.ui.undo import CardCommand

PHOTO_SIZE = 160
ERROR_STYLE = "color: #b91c1c;"
FILE_FILTER = "*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff"


class PhotoCommand(CardCommand):
    """A person's photo changed (added, replaced or removed): undo, with that person's card on
    screen, puts the previous one back. The stored files stay in photos/, so both states can
    always be restored."""

    def __init__(self, widget: PhotoConsentWidget, before, after, text: str, done: bool):
        super().__init__(text, widget.person_name, widget, widget.person_id)
        self.ctx, self.person_id, self.before, self.after = widget.ctx, widget.person_id, before, after
        self._skip_first_redo = done

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
        else:
            photos.restore_photo(self.person_id, self.after)
        self.ctx.signals.data_changed.emit("photos")

    def undo(self) -> None:
        photos.restore_photo(self.person_id, self.before)
        self.ctx.signals.data_changed.emit("photos")


class PhotoLabel(QLabel):
    """The photo area: accepts dropped image files and images."""

    dropped = Signal(object)  # QMimeData

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFixedSize(PHOTO_SIZE + 8, PHOTO_SIZE + 8)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("QLabel { border: 1px dashed #9aa5b1; border-radius: 4px; }")

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event):
        self.dropped.emit(event.mimeData())
        event.acceptProposedAction()


class PhotoConsentWidget(QWidget):
    """`changed`: the photo or the stored consent changed. `consent_edited`: the user ticked or
    dated something not saved yet (a card embedding this section with `embedded=True` counts it
    as a change of the card and saves it with "Save")."""

    changed = Signal()
    consent_edited = Signal()

    def __init__(self, ctx: AppContext, person_id: int | None = None, initials: str = "?", parent=None,
                 provider: ThumbnailProvider | None = None, vertical: bool = False, embedded: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self._showing = False
        self.person_id = person_id
        self.initials = initials
        self.photo: photos.PhotoInfo | None = None
        self.provider = provider or ThumbnailProvider(ctx, capacity=50, parent=self)
        self.provider.ready.connect(self._thumbnail_ready)
        self.setObjectName("photoConsentWidget")

        self.photo_label = PhotoLabel()
        self.photo_label.setObjectName("personPhoto")
        self.photo_label.setToolTip(_("Drop a photo here, or paste one with Ctrl+V"))
        self.photo_label.dropped.connect(self.import_mime)
        self.add_button = QPushButton(_("Add a photo…"))
        self.add_button.setObjectName("addPhotoButton")
        self.paste_button = QPushButton(_("Paste"))
        self.paste_button.setObjectName("pastePhotoButton")
        self.remove_button = QPushButton(_("Remove the photo"))
        self.remove_button.setObjectName("removePhotoButton")
        self.photo_error = QLabel()
        self.photo_error.setObjectName("photoError")
        self.photo_error.setStyleSheet(ERROR_STYLE)
        self.photo_error.setWordWrap(True)
        self.photo_error.hide()
        self.consent_summary = QLabel()
        self.consent_summary.setObjectName("consentSummary")
        self.consent_summary.setWordWrap(True)

        self.given = QCheckBox(_("The person agreed to the use of their photo"))
        self.given.setObjectName("consentGiven")
        self.given_on = QDateEdit()
        self.given_on.setObjectName("consentDate")
        self.given_on.setCalendarPopup(True)
        self.given_on.setDisplayFormat("dd/MM/yyyy")
        self.scopes: dict[str, QCheckBox] = {}
        self.proof_label = QLabel()
        self.proof_label.setObjectName("consentProof")
        self.proof_button = QPushButton(_("Attach the signed form…"))
        self.proof_button.setObjectName("attachProofButton")
        self.open_proof_button = QPushButton(_("Open"))
        self.open_proof_button.setObjectName("openProofButton")
        self.save_consent_button = QPushButton(_("Save the consent"))
        self.save_consent_button.setObjectName("saveConsentButton")
        self.consent_error = QLabel()
        self.consent_error.setObjectName("consentError")
        self.consent_error.setStyleSheet(ERROR_STYLE)
        self.consent_error.setWordWrap(True)
        self.consent_error.hide()

        photo_column = QVBoxLayout()
        photo_column.addWidget(self.photo_label)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.add_button)
        photo_buttons.addWidget(self.paste_button)
        photo_column.addLayout(photo_buttons)
        photo_column.addWidget(self.remove_button)
        photo_column.addWidget(self.photo_error)
        photo_column.addStretch(1)

        box = QGroupBox(_("Image rights"))
        grid = QGridLayout(box)
        grid.addWidget(self.consent_summary, 0, 0, 1, 3)
        grid.addWidget(self.given, 1, 0, 1, 3)
        grid.addWidget(QLabel(_("Date:")), 2, 0)
        grid.addWidget(self.given_on, 2, 1)
        grid.addWidget(QLabel(_("Uses:")), 3, 0, Qt.AlignmentFlag.AlignTop)
        uses = QVBoxLayout()
        for scope in ConsentScope:
            check = QCheckBox(_(scope.label))
            check.setObjectName(f"consentScope_{scope.value}")
            self.scopes[scope.value] = check
            uses.addWidget(check)
        grid.addLayout(uses, 3, 1, 1, 2)
        grid.addWidget(QLabel(_("Proof:")), 4, 0)
        grid.addWidget(self.proof_label, 4, 1)
        proof_buttons = QHBoxLayout()
        proof_buttons.addWidget(self.proof_button)
        proof_buttons.addWidget(self.open_proof_button)
        grid.addLayout(proof_buttons, 5, 1, 1, 2)
        grid.addWidget(self.consent_error, 6, 0, 1, 3)
        grid.addWidget(self.save_consent_button, 7, 2)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(8, 1)  # in a tall card, keep the rows together at the top

        # Side by side in a wide window; photo above the consent in a narrow card column.
        layout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        layout.addLayout(photo_column)
        layout.addWidget(box, 1)

        self.add_button.clicked.connect(self.choose_file)
        self.paste_button.clicked.connect(self.paste)
        self.remove_button.clicked.connect(self.remove_photo)
        self.given.toggled.connect(self._given_toggled)
        self.proof_button.clicked.connect(self.choose_proof)
        self.open_proof_button.clicked.connect(self.open_proof)
        self.save_consent_button.clicked.connect(self.save_consent)
        self.save_consent_button.setVisible(not embedded)
        self.given.toggled.connect(self._edited)
        self.given_on.dateChanged.connect(self._edited)
        for check in self.scopes.values():
            check.toggled.connect(self._edited)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste)
        ctx.signals.data_changed.connect(self._data_changed)
        self.set_person(person_id, initials)

    # --- loading ----------------------------------------------------------------------

    def set_person(self, person_id: int | None, initials: str = "?", name: str = "") -> None:
        """Show `person_id`'s photo and consent; `name` names them in the undo steps."""
        self.person_id, self.initials, self.person_name = person_id, initials, name
        self.setEnabled(person_id is not None)
        self.photo = photos.photo_of(person_id) if person_id is not None else None
        consent = consent_service.get_consent(person_id) if person_id is not None else None
        self._show_photo()
        self._show_consent(consent or Consent())
        self._show_photo_error("")

    def shows(self, person_id: int) -> bool:
        """Shows that person (undo of a photo acts only then; the person card holding it decides first)."""
        return person_id is not None and person_id == self.person_id

    def _show_photo(self) -> None:
        pixmap = None
        if self.photo is not None:
            pixmap = self.provider.pixmap(self.photo.file, PHOTO_SIZE)
        self.photo_label.setPixmap(pixmap if pixmap is not None else initials_pixmap(self.initials, PHOTO_SIZE))
        self.add_button.setText(_("Replace the photo…") if self.photo else _("Add a photo…"))
        self.remove_button.setEnabled(self.photo is not None)

    def _data_changed(self, area: str) -> None:
        """Another window, or undo, changed the photo: show the current one."""
        if area in ("photos", "*") and self.person_id is not None and shiboken6.isValid(self):
            self.photo = photos.photo_of(self.person_id)
            self._show_photo()
            self.consent_summary.setText(self.summary(self.consent))

    def _thumbnail_ready(self, files: list[str]) -> None:
        if self.photo is not None and self.photo.file in files:
            self._show_photo()

    def _show_consent(self, consent: Consent) -> None:
        self.consent = consent
        self._showing = True
        try:
            self.given.setChecked(consent.given)
            day = consent.given_on or dt.date.today()
            self.given_on.setDate(QDate(day.year, day.month, day.day))
            for value, check in self.scopes.items():
                check.setChecked(value in consent.scopes)
        finally:
            self._showing = False
        self._given_toggled(consent.given)
        self.proof_label.setText(_("attached") if consent.proof else _("none"))
        self.open_proof_button.setEnabled(bool(consent.proof))
        self.consent_summary.setText(self.summary(consent))
        self.consent_error.hide()

    def summary(self, consent: Consent) -> str:
        if not consent.given:
            if self.photo is None:
                return _("No consent recorded.")
            return _("No consent: the photo is used nowhere (initials are shown instead).")
        uses = ", ".join(_(ConsentScope(s).label).lower() for s in consent.scopes)
        if consent.given_on:
            return _("Consent given on {date} for: {uses}.").format(date=format_date(consent.given_on), uses=uses)
        return _("Consent given for: {uses}.").format(uses=uses)

    def _given_toggled(self, on: bool) -> None:
        self.given_on.setEnabled(on)
        for check in self.scopes.values():
            check.setEnabled(on)

    # --- photo ------------------------------------------------------------------------

    def choose_file(self) -> None:
        folder = str(self.ctx.settings.value("photos/last_folder", str(Path.home())))
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose a photo"), folder,
                                                    _("Images ({patterns})").format(patterns=FILE_FILTER))
        if path:
            self.ctx.settings.setValue("photos/last_folder", str(Path(path).parent))
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        paths, person_id = self.ctx.paths, self.person_id
        self._run_import(lambda handle: photos.set_photo_from_file(paths, person_id, path))

    def import_bytes(self, data: bytes, source_name: str = "") -> None:
        paths, person_id = self.ctx.paths, self.person_id
        self._run_import(lambda handle: photos.set_photo_from_bytes(paths, person_id, data, source_name))

    def import_mime(self, mime: QMimeData) -> bool:
        """A drop or a paste: a local file first, else image data."""
        for url in mime.urls():
            if url.isLocalFile():
                self.import_file(Path(url.toLocalFile()))
                return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.import_bytes(png_bytes(image), _("pasted image"))
                return True
        self._show_photo_error(_("There is no image to paste. Copy a photo or an image file first."))
        return False

    def paste(self) -> None:
        if self.person_id is not None:
            self.import_mime(QApplication.clipboard().mimeData())

    def _run_import(self, work) -> None:
        if self.person_id is None:
            return
        self._set_busy(True)
        self.ctx.tasks.run(work, self._imported, self._import_failed)

    def _imported(self, info: photos.PhotoInfo) -> None:
        self._set_busy(False)
        before, self.photo = self.photo, info
        self._show_photo_error("")
        self._show_photo()
        self.consent_summary.setText(self.summary(self.consent))
        self.ctx.undo.push(self, PhotoCommand(self, before, info, _("Change the photo"), done=True))
        self.changed.emit()

    def _import_failed(self, exc: BaseException, details: str) -> None:
        self._set_busy(False)
        if isinstance(exc, photos.PhotoError):
            self._show_photo_error(_(exc.message))
        else:
            from partnerdesk.ui.errors import show_error

            show_error(self, _("The photo could not be imported."), details).exec()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.add_button, self.paste_button, self.remove_button):
            button.setEnabled(not busy)
        if not busy:
            self.remove_button.setEnabled(self.photo is not None)

    def _show_photo_error(self, message: str) -> None:
        self.photo_error.setText(message)
        self.photo_error.setVisible(bool(message))

    def remove_photo(self) -> None:
        if self.person_id is not None and self.photo is not None:
            before = self.photo
            photos.remove_photo(self.person_id)
            self.photo = None
            self._show_photo()
            self.consent_summary.setText(self.summary(self.consent))
            self.ctx.undo.push(self, PhotoCommand(self, before, None, _("Remove the photo"), done=True))
            self.changed.emit()

    # --- consent ----------------------------------------------------------------------

    def _edited(self, *_args) -> None:
        if not self._showing and self.consent_is_dirty():
            self.consent_edited.emit()

    def consent_is_dirty(self) -> bool:
        """The boxes or the date on screen differ from the stored consent."""
        if self.person_id is None:
            return False
        shown, stored = self.current_consent(), self.consent
        if shown.given != stored.given:
            return True
        if not shown.given:
            return False
        return sorted(shown.scopes) != sorted(stored.scopes) or (
            stored.given_on is not None and shown.given_on != stored.given_on)

    def check_consent(self) -> None:
        """Raise ValidationError (and show it under the section) when the consent on screen is not valid."""
        try:
            consent_service.validate(self.current_consent())
        except ValidationError as exc:
            self.consent_error.setText(" ".join(_(m) for m in exc.errors.values()))
            self.consent_error.show()
            raise
        self.consent_error.hide()

    def current_consent(self) -> Consent:
        given = self.given.isChecked()
        date = self.given_on.date()
        return Consent(given, dt.date(date.year(), date.month(), date.day()) if given else None,
                       [value for value, check in self.scopes.items() if check.isChecked()], self.consent.proof)

    def save_consent(self) -> bool:
        if self.person_id is None:
            return False
        try:
            saved = consent_service.save_consent(self.person_id, self.current_consent())
        except ValidationError as exc:
            self.consent_error.setText(" ".join(_(m) for m in exc.errors.values()))
            self.consent_error.show()
            return False
        self._show_consent(saved)
        self._changed()
        return True

    def choose_proof(self) -> None:
        folder = str(self.ctx.settings.value("photos/last_folder", str(Path.home())))
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose the signed form"), folder,
                                                    _("PDF or images (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        if path:
            self.attach_proof(Path(path))

    def attach_proof(self, path: Path) -> bool:
        if self.person_id is None:
            return False
        try:
            name = consent_service.attach_proof(self.ctx.paths, self.person_id, path)
        except ValidationError as exc:
            self.consent_error.setText(" ".join(_(m) for m in exc.errors.values()))
            self.consent_error.show()
            return False
        self.consent.proof = name
        self.proof_label.setText(_("attached"))
        self.open_proof_button.setEnabled(True)
        self.consent_error.hide()
        self._changed()
        return True

    def open_proof(self) -> None:
        if self.consent.proof:
            path = consent_service.proof_path(self.ctx.paths, self.consent.proof)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _changed(self) -> None:
        self.changed.emit()
        self.ctx.signals.data_changed.emit("photos")


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
