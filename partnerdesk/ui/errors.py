"""No traceback ever reaches the user: unexpected errors are logged and shown
in a French dialog with "Copier les détails"."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from partnerdesk.i18n import _
from partnerdesk.services import health

log = logging.getLogger("partnerdesk.unexpected")


def show_error(parent: QWidget | None, message: str, details: str = "") -> QMessageBox:
    """A modal error dialog with a button that copies the technical details."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("PartnerDesk: unexpected error"))
    box.setText(message)
    if details:
        box.setDetailedText(details)
        copy = box.addButton(_("Copy details"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setObjectName("unexpectedErrorDialog")
    return box


def report_unexpected(exc_type, exc, tb, parent: QWidget | None = None, *, show: bool = True) -> str:
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error\n%s", details)
    if show and QApplication.instance() is not None:
        message = health.describe_failure(exc) or _("Something went wrong. Your data is safe: the last saved "
                                                    "state is kept.\nThe details were written to the log file.")
        show_error(parent, message, details).exec()
    return details


def install_excepthook(parent_getter=lambda: None) -> None:
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report_unexpected(exc_type, exc, tb, parent_getter())

    sys.excepthook = hook
