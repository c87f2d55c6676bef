"""The File menu entries of data in and out: Importer…, Exporter…, Lettres à un
groupe…, Exporter toutes les données…, Registre RGPD…. Installed by the main
window in one line. `export(ids, kind)` and `letters(ids, kind)` take the ids of
a filtered list: the entry points for the Partenaires tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from partnerdesk.i18n import _
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.tasks import Cancelled
from partnerdesk.ui.widgets.stoppable import StoppableTask


class DataioMenu:
    def __init__(self, window):
        self.window = window
        self.ctx = window.ctx
        menu = window.file_menu
        self.import_action = self._add(menu, _("&Import…"), self.import_file, "importAction")
        self.export_action = self._add(menu, _("&Export…"), self.export, "exportAction")
        self.letters_action = self._add(menu, _("&Letters to a group…"), self.letters, "lettersAction")
        self.export_all_action = self._add(menu, _("Export &all the data…"), self.export_all, "exportAllAction")
        self.rgpd_action = self._add(menu, _("&RGPD register…"), self.rgpd_register, "rgpdAction")
        self.stop_button = QPushButton(_("Stop"))
        self.stop_button.setObjectName("exportAllStop")
        self.stop_button.hide()
        window.statusBar().addPermanentWidget(self.stop_button)
        self.task = StoppableTask(window.progress, self.stop_button,
                                  lambda busy: self.export_all_action.setEnabled(not busy))
        self.confirm = None  # tests replace the erasure confirmation
        self._add_person_card_actions()

    def _add_person_card_actions(self) -> None:
        """"Exporter ses données" and "Effacer / anonymiser" in the "More" menu of a person card."""
        self.window.for_each_tab(self._add_person_card_actions_to)

    def _add_person_card_actions_to(self, tab) -> None:
        if hasattr(tab, "when_person_card"):  # Partenaires: once its person card is built
            tab.when_person_card(self._add_rgpd_actions)

    def _add_rgpd_actions(self, card) -> None:
        menu = card.more_menu
        if menu is not None:
            menu.addSeparator()
            export = menu.addAction(_("Export their data…"), lambda c=card: self._export_person(c))
            export.setObjectName("personRgpdExport")
            erase = menu.addAction(_("Erase / anonymise…"), lambda c=card: self._erase_person(c))
            erase.setObjectName("personRgpdErase")

    def _export_person(self, card) -> None:
        from partnerdesk.ui.dialogs.rgpd_register import export_person_data

        if getattr(card, "item_id", None):
            export_person_data(self.window, self.ctx, card.item_id)

    def _erase_person(self, card) -> None:
        from partnerdesk.ui.dialogs.rgpd_register import erase_person

        if getattr(card, "item_id", None):
            erase_person(self.window, self.ctx, card.item_id, self.confirm)

    def _add(self, menu, text, slot, name) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def import_file(self, path=None):
        from partnerdesk.ui.dialogs.import_wizard import ImportWizard

        if hasattr(self.window, "settle_all") and not self.window.settle_all():
            return None  # unsaved changes kept: the import waits
        dialog = ImportWizard(self.ctx, path, self.window)
        dialog.exec()
        return dialog

    def partners_list(self) -> tuple[list[int] | None, str]:
        """The ids shown by the Partenaires list (its current filter) and their kind, when it has one."""
        panel = getattr(self.window.current_tab(), "list", None)
        try:
            kind = panel.view_kind()
            proxy = panel.org_proxy if kind == "organisation" else panel.people_proxy
            return list(proxy.visible_ids()), "organisations" if kind == "organisation" else "people"
        except AttributeError:
            return None, "organisations"

    def current_person(self) -> int | None:
        """The person whose card is open in Partenaires, if any."""
        tab = self.window.current_tab()
        try:
            card = tab.current_card()
            return card.item_id if card.kind == "person" else None
        except AttributeError:
            return None

    def export(self, ids=None, ids_kind=None):
        from partnerdesk.ui.dialogs.export_dialog import ExportDialog

        if ids is None:
            ids, ids_kind = self.partners_list()

        dialog = ExportDialog(self.ctx, self.window, ids, ids_kind)
        dialog.exec()
        return dialog

    def letters(self, ids=None, ids_kind=None):
        from partnerdesk.ui.dialogs.letters_dialog import LettersDialog

        if ids is None:
            ids, ids_kind = self.partners_list()

        dialog = LettersDialog(self.ctx, self.window, ids, ids_kind)
        dialog.exec()
        return dialog

    def rgpd_register(self):
        from partnerdesk.ui.dialogs.rgpd_register import RgpdRegisterDialog

        dialog = RgpdRegisterDialog(self.ctx, self.window)
        person_id = self.current_person()
        if person_id is not None:
            dialog.show_person(person_id)
        dialog.exec()
        return dialog

    def export_all(self, target: str | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox  # when used only: not at every start (#15)

        from partnerdesk.services import archive
        from partnerdesk.ui.dialogs.file_output import export_folder

        if target is None:
            default = export_folder(self.ctx.settings) / f"partnerdesk-{QDate.currentDate().toString('yyyy-MM-dd')}.zip"
            target, _filter = QFileDialog.getSaveFileName(self.window, _("Export all the data"), str(default),
                                                          _("Zip archive (*.zip)"))
            if not target:
                return
        target = Path(target)
        window, paths = self.window, self.ctx.paths
        window.statusBar().showMessage(_("Writing the archive…"))

        def done(summary):
            window.statusBar().showMessage(
                _("Archive written: {path} ({tables} tables, {rows} rows, {files} files).").format(
                    path=target, tables=summary.tables, rows=summary.rows, files=summary.files), 10000)

        def failed(exc, details):
            if isinstance(exc, Cancelled):
                window.statusBar().showMessage(_("Archive stopped: no file was written."), 10000)
            elif isinstance(exc, archive.ArchiveError):
                QMessageBox.warning(window, _("Export all the data"), str(exc))
            else:
                show_error(window, _("The archive could not be written."), details).exec()

        self.task.start(self.ctx.tasks, lambda h: archive.export_all(paths, target, h.report), done, failed)

    @property
    def handle(self):
        """The running archive export, None when idle."""
        return self.task.handle
