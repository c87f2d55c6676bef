"""Exporting the open convention: every field checked first, then PDF or ODT in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from partnerdesk.domain.conventions import IN_LANGUAGE
from partnerdesk.i18n import _
from partnerdesk.services import convention_output, conventions
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.tabs.conventions.dialogs import UnresolvedFieldsDialog


class ExportActions:
    """Mixed into the editor (which has `ctx`, `conv`, `pdf_button`, `odt_button`, `_save_if_needed`)."""

    def ask_path(self, suffix: str) -> Path | None:
        filters = {".pdf": _("PDF document (*.pdf)"), ".odt": _("OpenDocument text (*.odt)")}
        last = self.ctx.settings.value("conventions/last_folder", str(Path.home()))
        name = "".join(c if c.isalnum() or c in " -_" else "_" for c in self.conv.title).strip() or "convention"
        # the file is in the convention's language (its template's), whatever the documents' language
        language = _(IN_LANGUAGE[self.conv.content.language])
        title = _("Export the convention — {in_language}").format(in_language=language)
        path, _filter = QFileDialog.getSaveFileName(self, title,
                                                    str(Path(last) / f"{name}{suffix}"), filters[suffix])
        if not path:
            return None
        path = Path(path)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.ctx.settings.setValue("conventions/last_folder", str(path.parent))
        return path

    def confirm_blanks(self, problems) -> bool:
        return UnresolvedFieldsDialog(problems, self).exec() == UnresolvedFieldsDialog.DialogCode.Accepted

    def export(self, suffix: str) -> None:
        if self.conv is None or not self._save_if_needed():
            return
        conv = conventions.get_convention(self.conv.id)
        problems = convention_output.check(conv).problems
        blanks = False
        if problems:
            if not self.confirm_blanks(problems):
                return
            blanks = True
        path = self.ask_path(suffix)
        if path is None:
            return
        self.export_to(path, blanks)

    def export_to(self, path: Path, accept_blanks: bool) -> None:
        convention_id = self.conv.id
        for b in (self.pdf_button, self.odt_button):
            b.setEnabled(False)

        def done(result):
            for b in (self.pdf_button, self.odt_button):
                b.setEnabled(True)
            self.ctx.signals.status_message.emit(_("Convention exported: {path}").format(path=result))

        def failed(exc, details):
            for b in (self.pdf_button, self.odt_button):
                b.setEnabled(True)
            if isinstance(exc, convention_output.UnresolvedFields):
                self.confirm_blanks(exc.problems)
            elif isinstance(exc, OSError):
                QMessageBox.warning(self, _("Export"), _("The file cannot be written: {reason}").format(reason=exc))
            else:
                show_error(self, _("The convention could not be exported."), details).exec()

        self.ctx.tasks.run(lambda handle: convention_output.export(convention_id, path, accept_blanks=accept_blanks),
                           done, failed)

