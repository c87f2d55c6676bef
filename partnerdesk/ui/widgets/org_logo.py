"""An organisation's logo on its card: a thumbnail, "Choose…" and "Remove". Saved at once
(like a person's photo), not with the card's other fields."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QWidget

from partnerdesk.i18n import _
from partnerdesk.services import org_logos, photos
from partnerdesk.ui.widgets.form import push_button

SIDE = 64


class OrganisationLogo(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.organisation_id: int | None = None
        self.setObjectName("organisationLogo")
        self.image = QLabel()
        self.image.setObjectName("organisationLogoImage")
        self.image.setFixedSize(SIDE, SIDE)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setWordWrap(True)  # "pas de logo" on two lines: the frame is 64 px wide
        self.image.setStyleSheet("border: 1px solid palette(mid);")
        self.choose = push_button(_("Choose a logo…"), "organisationLogoChoose", self._choose)
        self.remove = push_button(_("Remove"), "organisationLogoRemove", self._remove)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.image)
        row.addWidget(self.choose)
        row.addWidget(self.remove)
        row.addWidget(self.message, 1)

    def set_organisation(self, organisation_id: int | None) -> None:
        self.organisation_id = organisation_id
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        path = org_logos.logo_path(self.ctx.paths, self.organisation_id) if self.organisation_id else None
        self.choose.setEnabled(self.organisation_id is not None)
        self.remove.setEnabled(path is not None)
        if path is None:
            self.image.clear()
            self.image.setText(_("no logo"))
            return
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(QSize(SIDE, SIDE), Qt.AspectRatioMode.KeepAspectRatio))
        self.image.setPixmap(QPixmap.fromImage(reader.read()))

    def _choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), "", _("Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff)"))
        if name:
            self.set_file(name)

    def set_file(self, name: str) -> bool:
        try:
            org_logos.set_logo_from_file(self.ctx.paths, self.organisation_id, name)
        except photos.PhotoError as exc:
            self.message.setText(_(exc.message))
            return False
        self.message.clear()
        self.refresh()
        self.ctx.signals.data_changed.emit("organisations")
        return True

    def _remove(self) -> None:
        org_logos.remove_logo(self.ctx.paths, self.organisation_id)
        self.refresh()
        self.ctx.signals.data_changed.emit("organisations")
