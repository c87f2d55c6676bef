"""Fichier → "Identité de l'EPN…" and the "Exporter un PDF" submenu, before "Sauvegardes…".

Only the menu is built at start; the dialogs, and the services they import, load when one
is chosen (start-up speed, issue #15).
"""

from __future__ import annotations

from PySide6.QtGui import QAction

from partnerdesk.i18n import N_, _

MENU_TEXTS = {
    "dossier": N_("Presentation &dossier of a project…"),
    "bilan": N_("&Report of a project…"),
    "partner": N_("&Partner sheet…"),
    "attendance": N_("&Attendance sheet of a session…"),
}


def _identity_dialog(window):
    from partnerdesk.ui.dialogs.identity import IdentityDialog  # QtSvg and the document services load here

    return IdentityDialog(window.ctx, window)


def _export_dialog(window, kind: str):
    from partnerdesk.ui.dialogs.export_document import ExportDocumentDialog

    return ExportDocumentDialog(window.ctx, kind, window)


def install_menu(window) -> None:
    """Add "Identité de l'EPN…" and "Exporter un PDF" to `window.file_menu`, before Backups."""
    menu = window.file_menu
    before = getattr(window, "backups_action", None)
    identity = QAction(_("EPN identit&y…"), window)
    identity.setObjectName("identityAction")
    identity.triggered.connect(lambda: _identity_dialog(window).exec())
    submenu = menu.__class__(_("E&xport a PDF"), menu)
    submenu.setObjectName("exportMenu")
    window.export_actions = {}
    for kind in ("dossier", "bilan", "partner", "attendance"):
        action = QAction(_(MENU_TEXTS[kind]), window)
        action.triggered.connect(lambda checked=False, k=kind: _export_dialog(window, k).exec())
        submenu.addAction(action)
        window.export_actions[kind] = action
    menu.insertAction(before, identity)
    menu.insertMenu(before, submenu)
    menu.insertSeparator(before)
    window.identity_action = identity
