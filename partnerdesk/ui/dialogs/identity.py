"""Paramètres → Identité de l'EPN: what every exported page prints in its header and footer.

The logo may be PNG, JPEG or SVG. An SVG is rasterised here, through Qt's SVG
renderer, to a PNG kept in the data folder: the PDF core then only handles
bitmaps and needs no extra dependency (svglib is not packaged for us).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import documents, settings
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.unsaved import DirtyTracker, settle
from partnerdesk.ui.widgets.form import FieldErrors, push_button

DEFAULT_MAIN = "#1F5673"
DEFAULT_ACCENT = "#E07A3F"
SVG_WIDTH = 1200
SVG_MAX_RATIO = 20


def rasterise_svg(path: str | Path, width: int = SVG_WIDTH) -> bytes:
    """An SVG file drawn to PNG bytes, `width` pixels wide, transparency kept; ValueError when unreadable
    or when its proportions make no usable logo (more than 20 times wider than tall, or the reverse)."""
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        raise ValueError(str(path))
    size = renderer.defaultSize()
    if size.isEmpty() or size.width() <= 0 or size.height() <= 0:
        size = QSize(width, width)
    ratio = size.height() / size.width()
    if not 1 / SVG_MAX_RATIO <= ratio <= SVG_MAX_RATIO:
        raise ValueError(str(path))
    height = max(1, round(width * ratio))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    if image.isNull():
        raise ValueError(str(path))
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ValueError(str(path))
    return bytes(data)


class ColourField(QWidget):
    """A #RRGGBB line edit with a swatch button that opens the colour picker."""

    def __init__(self, default: str, parent=None):
        super().__init__(parent)
        self.default = default
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(_("default: {colour}").format(colour=default))
        self.edit.setMaxLength(7)
        self.swatch = QPushButton()
        self.swatch.setFixedSize(QSize(34, 24))
        self.swatch.setToolTip(_("Choose a colour"))
        self.swatch.clicked.connect(self.pick)
        self.edit.textChanged.connect(self._show)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.swatch)
        self._show()

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, value: str) -> None:  # noqa: N802 - Qt naming
        self.edit.setText(value)

    def pick(self) -> None:
        colour = QColorDialog.getColor(QColor(self.text() or self.default), self, _("Choose a colour"))
        if colour.isValid():
            self.edit.setText(colour.name().upper())

    def _show(self) -> None:
        text = self.text()
        colour = QColor(text if text.startswith("#") else f"#{text}") if text else QColor(self.default)
        shown = colour.name() if colour.isValid() else "#ffffff"
        self.swatch.setStyleSheet(f"background: {shown}; border: 1px solid #8a8f95; border-radius: 3px;")


class IdentityDialog(QDialog):
    """Edit the EPN's identity; nothing is saved until every field is valid."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("identityDialog")
        self.setWindowTitle(_("EPN identity"))
        self.resize(640, 540)
        self.identity = settings.identity()
        self.logo_path = self.identity.logo_path
        self.edits: dict[str, QLineEdit | QPlainTextEdit | ColourField] = {}
        self.field_errors = FieldErrors()
        self.errors = self.field_errors.labels

        intro = QLabel(_("Printed in the header and footer of every PDF handed to partners: dossiers, bilans, "
                         "partner sheets, attendance sheets."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, widget in (
            ("name", _("Name of the EPN"), QLineEdit()),
            ("address", _("Address"), QPlainTextEdit()),
            ("postcode", _("Postcode"), QLineEdit()),
            ("city", _("City"), QLineEdit()),
            ("phone", _("Phone"), QLineEdit()),
            ("email", _("Email"), QLineEdit()),
            ("website", _("Website"), QLineEdit()),
            ("main_colour", _("Main colour"), ColourField(DEFAULT_MAIN)),
            ("accent_colour", _("Accent colour"), ColourField(DEFAULT_ACCENT)),
            ("legal_line", _("Legal line"), QLineEdit()),
            ("signatory_name", _("Signatory"), QLineEdit()),
            ("signatory_title", _("Signatory's title"), QLineEdit()),
        ):
            widget.setObjectName(f"identity_{name}")
            if isinstance(widget, QPlainTextEdit):
                widget.setFixedHeight(56)
                widget.setTabChangesFocus(True)
                widget.setPlainText(getattr(self.identity, name))
            else:
                widget.setText(getattr(self.identity, name))
            self.edits[name] = widget
            self.field_errors.row(form, label, name, widget)
            if name == "website":
                self.field_errors.row(form, _("Logo"), "logo_path", self._logo_row(), frame=False)
        self.edits["name"].setPlaceholderText(_("e.g. Espace public numérique de Saint-Aubin"))
        self.edits["legal_line"].setPlaceholderText(_("e.g. Mairie de Saint-Aubin — SIRET 213 500 000 00018"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._show_logo()
        self.saved = False
        self.tracker = DirtyTracker(self)
        self.tracker.watch(*[w.edit if isinstance(w, ColourField) else w for w in self.edits.values()])

    # --- unsaved changes (ui/unsaved.py) ---------------------------------------------------

    def is_dirty(self) -> bool:
        return self.tracker.is_dirty() or self.logo_path != self.identity.logo_path

    def display_name(self) -> str:
        return _("EPN identity")

    def revert(self) -> None:
        self.tracker.set_clean()
        self.logo_path = self.identity.logo_path

    def reject(self) -> None:
        if settle(self) and not self.saved:  # "Save" in the question closed it already
            super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if self.saved or settle(self):
            super().closeEvent(event)
        else:
            event.ignore()

    def _logo_row(self) -> QWidget:
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("identityLogoPreview")
        self.logo_preview.setFixedSize(QSize(160, 56))
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px dashed #b8bec5; background: white;")
        choose = push_button(_("Choose…"), "identityChooseLogo", self.choose_logo)
        self.remove_logo_button = QPushButton(_("Remove"))
        self.remove_logo_button.clicked.connect(self.remove_logo)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo_preview)
        row.addWidget(choose)
        row.addWidget(self.remove_logo_button)
        row.addStretch(1)
        box = QWidget()
        box.setLayout(row)
        return box

    # --- logo -------------------------------------------------------------

    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose the EPN's logo"), str(Path.home()),
                                                    _("Images (*.png *.jpg *.jpeg *.svg)"))
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: str) -> bool:
        """Copy the chosen file into the data folder (an SVG as PNG); the message shows when it fails."""
        self.field_errors.set("logo_path", None)
        source = Path(path)
        try:
            if source.suffix.lower() == ".svg":
                data, suffix = rasterise_svg(source), ".png"
            else:
                data, suffix = source.read_bytes(), source.suffix
                if QImage.fromData(data).isNull():
                    raise ValueError(path)
            self.logo_path = str(documents.store_logo(self.ctx.paths, data, suffix))
        except Exception:  # noqa: BLE001 - any failure of a foreign file (Qt, size, disk) is a bad logo
            self.field_errors.set("logo_path", _("This file is not a PNG, JPEG or SVG image that can be read."))
            return False
        self._show_logo()
        return True

    def remove_logo(self) -> None:
        self.logo_path = ""
        self._show_logo()

    def _show_logo(self) -> None:
        pixmap = QPixmap(self.logo_path) if self.logo_path else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("No logo"))
        else:
            self.logo_preview.setPixmap(pixmap.scaled(self.logo_preview.size() - QSize(8, 8),
                                                      Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))
        self.remove_logo_button.setEnabled(bool(self.logo_path))

    # --- saving -----------------------------------------------------------

    def value(self) -> EpnIdentity:
        data = {name: (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text())
                for name, w in self.edits.items()}
        return EpnIdentity.from_dict({**data, "logo_path": self.logo_path})

    def save(self) -> bool:
        self.field_errors.clear()
        try:
            self.identity = documents.save_identity(self.value())
        except ValidationError as exc:
            self.field_errors.show(exc.errors)
            return False
        self.tracker.set_clean()
        self.logo_path = self.identity.logo_path
        self.saved = True
        self.ctx.signals.data_changed.emit("identity")
        self.ctx.signals.status_message.emit(_("EPN identity saved."))
        self.accept()
        return True
