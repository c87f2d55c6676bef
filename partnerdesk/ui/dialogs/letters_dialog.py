"""Fichier → Lettres à un groupe…: recipients (organisations or people: all, a tag,
the filtered list), a letter template with merge fields, one PDF."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from partnerdesk.domain.dataio import LETTER_FIELDS, LetterTemplateData
from partnerdesk.i18n import _, ngettext
from partnerdesk.services.exports import letters
from partnerdesk.ui.dialogs import file_output
from partnerdesk.ui.errors import show_error
from partnerdesk.ui.widgets.form import push_button


class LettersDialog(QDialog):
    def __init__(self, ctx, parent=None, ids: list[int] | None = None, ids_kind: str = "organisations"):
        super().__init__(parent)
        self.ctx = ctx
        self.ids, self.ids_kind = ids, ids_kind
        self.setObjectName("lettersDialog")
        self.setWindowTitle(_("Letters to a group"))
        self.resize(760, 620)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("lettersKind")
        self.kind_combo.addItem(_("One letter per organisation"), "organisations")
        self.kind_combo.addItem(_("One letter per person"), "people")
        self.which_combo = QComboBox()
        self.which_combo.setObjectName("lettersWhich")
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("lettersTemplate")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("lettersTemplateName")
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("lettersSubject")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("lettersBody")
        save = push_button(_("Save the template"), "lettersSaveTemplate", self.save_template)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_combo, 1)
        template_row.addWidget(save)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("lettersPath")
        form.addRow(_("Recipients"), self.kind_combo)
        form.addRow(_("Which"), self.which_combo)
        form.addRow(_("Template"), template_row)
        form.addRow(_("Template name"), self.name_edit)
        form.addRow(_("Subject"), self.subject_edit)
        form.addRow(_("Letter"), self.body_edit)
        fields = QLabel(_("Merge fields: ") + ", ".join("{" + k + "}" for k in LETTER_FIELDS))
        fields.setWordWrap(True)
        fields.setToolTip("\n".join(f"{{{k}}} : {_(v)}" for k, v in LETTER_FIELDS.items()))
        form.addRow("", fields)
        form.addRow(_("PDF file"),
                    file_output.save_path_row(self, self.path_edit, _("Letters to a group"), _("PDF (*.pdf)")))
        self.message = file_output.MessageLine("lettersMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.make_button = buttons.addButton(_("Make the PDF"), QDialogButtonBox.ButtonRole.ActionRole)
        self.make_button.setObjectName("lettersMake")
        self.make_button.clicked.connect(self.make)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.kind_combo.currentIndexChanged.connect(self._fill_which)
        self.template_combo.currentIndexChanged.connect(self._show_template)
        if ids is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(ids_kind))
        self._fill_which()
        self._fill_templates()
        self.path_edit.setText(str(file_output.export_folder(ctx.settings) / (_("letters") + ".pdf")))

    def _fill_which(self) -> None:
        kind = self.kind_combo.currentData()
        self.which_combo.clear()
        file_output.add_selection_choices(self.which_combo, self.ids, self.ids_kind, kind)
        self.which_combo.addItem(_("All"), None)

    def _fill_templates(self, select_id: int | None = None) -> None:
        self.templates = letters.templates()
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for t in self.templates:
            self.template_combo.addItem(t.name, t.id)
        self.template_combo.addItem(_("New template"), None)
        self.template_combo.blockSignals(False)
        index = self.template_combo.findData(select_id) if select_id else 0
        self.template_combo.setCurrentIndex(max(index, 0))
        self._show_template()

    def _show_template(self) -> None:
        chosen = next((t for t in self.templates if t.id == self.template_combo.currentData()), None)
        chosen = chosen or LetterTemplateData("", "", "")
        self.name_edit.setText(chosen.name)
        self.subject_edit.setText(chosen.subject)
        self.body_edit.setPlainText(chosen.body)

    def current_template(self) -> LetterTemplateData:
        return LetterTemplateData(self.name_edit.text(), self.subject_edit.text(), self.body_edit.toPlainText(),
                                  self.template_combo.currentData())

    def save_template(self) -> None:
        try:
            saved = letters.save_template(self.current_template())
        except letters.LetterError as exc:
            self.message.error(str(exc))
            return
        self._fill_templates(saved.id)
        self.message.info(_("Template saved."))

    def make(self) -> None:
        template = self.current_template()
        unknown = letters.unknown_fields(template.subject + template.body)
        if unknown:
            self.message.error(ngettext("Unknown merge field: {fields}. Use one of the fields listed above.",
                                        "Unknown merge fields: {fields}. Use one of the fields listed above.",
                                        len(unknown)).format(fields=", ".join("{" + f + "}" for f in unknown)))
            return
        target, problem = file_output.target_path(self.path_edit.text())
        if target is None:
            self.message.error(problem)
            return
        chosen = file_output.chosen_selection(self.which_combo.currentData(), self.ids)
        kind = self.kind_combo.currentData()
        self.make_button.setEnabled(False)

        def done(result):
            self.make_button.setEnabled(True)
            self.message.info(letters_written_text(result, target))
            file_output.remember_export_folder(self.ctx.settings, target)

        def failed(exc, details):
            self.make_button.setEnabled(True)
            if isinstance(exc, letters.LetterError):
                self.message.error(str(exc))
            else:
                show_error(self, _("The letters could not be made."), details).exec()

        self.ctx.tasks.run(lambda _h: letters.write_pdf(kind, template, target, chosen), done, failed)


def letters_written_text(result: tuple[int, list[str]], target) -> str:
    """What a letters PDF holds: how many letters, and who was skipped for want of an address."""
    count, skipped = result
    text = ngettext("{count} letter written to {path}.", "{count} letters written to {path}.",
                    count).format(count=count, path=target)
    if skipped:
        text += "\n" + _("Skipped, no postal address ({count}): {names}").format(
            count=len(skipped), names=", ".join(skipped))
    return text
