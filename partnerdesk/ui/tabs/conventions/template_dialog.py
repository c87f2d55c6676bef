"""Edit one of the user's convention templates: its name, its sections and the default
commitments of the EPN and of a partner (a copy made in the other language opens here to be
translated)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain import merge_fields as mf
from partnerdesk.domain.conventions import IN_LANGUAGE
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import convention_templates
from partnerdesk.services.convention_templates import TemplateData
from partnerdesk.ui.style import comfort_tabs
from partnerdesk.ui.tabs.conventions.rich_text import RichTextField
from partnerdesk.ui.tabs.conventions.text_page import TextPage
from partnerdesk.ui.unsaved import EditingDialog


def copy_note(language: str) -> str:
    """Said above a copy made in the other language (Templates → Duplicate…)."""
    return _("This copy is to be translated: write its sections and the commitments {language}, then "
             "save.").format(language=_(IN_LANGUAGE[language]))


class TemplateDialog(EditingDialog):
    """`saved` is the template as saved once the dialog is accepted."""

    def __init__(self, template: TemplateData, parent=None, *, note: str = ""):
        super().__init__(parent)
        self.template = template
        self.saved: TemplateData | None = None
        self.setWindowTitle(_("Template « {name} »").format(name=template.name))
        self.resize(1100, 660)

        self.name = QLineEdit(template.name)
        self.name.setObjectName("templateName")
        self.name_error = QLabel()
        self.name_error.setObjectName("templateNameError")
        self.name_error.setStyleSheet("color: #c53030;")
        self.name_error.hide()
        language = QLabel(_("Written {language}: the conventions made from it are printed {language}.").format(
            language=_(IN_LANGUAGE[template.language])))
        language.setObjectName("templateLanguage")
        language.setWordWrap(True)
        self.note = QLabel(note)
        self.note.setObjectName("templateNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #975a16;")
        self.note.setVisible(bool(note))
        form = QFormLayout()
        form.addRow(_("Name of the template"), self.name)
        form.addRow("", self.name_error)
        form.addRow("", language)

        self.text_page = TextPage()
        self.text_page.load(template.sections, False)
        self.text_page.fields.set_values([(f.name, f.label, "") for f in mf.FIELDS if ".N." not in f.name])
        self.text_page.fields.tree.setColumnHidden(1, True)  # no convention: no values to show
        self.epn_engagements = RichTextField()
        self.epn_engagements.editor.setObjectName("templateEpnEngagements")
        self.epn_engagements.editor.set_html(template.epn_engagements)
        self.partner_engagements = RichTextField()
        self.partner_engagements.editor.setObjectName("templatePartnerEngagements")
        self.partner_engagements.editor.set_html(template.partner_engagements)
        commitments = QWidget()
        column = QVBoxLayout(commitments)
        column.addWidget(QLabel("<b>" + _("The EPN's commitments") + "</b>"))
        column.addWidget(self.epn_engagements, 1)
        column.addWidget(QLabel("<b>" + _("Each partner's commitments") + "</b>"))
        column.addWidget(self.partner_engagements, 1)
        self.pages = comfort_tabs(QTabWidget())
        self.pages.addTab(self.text_page, _("Text"))
        self.pages.addTab(commitments, _("Commitments"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        self.tracker.watch(self.name, self.text_page, self.epn_engagements.editor, self.partner_engagements.editor)

    def current(self) -> TemplateData:
        t = self.template
        return TemplateData(self.name.text().strip(), t.description, self.text_page.commit(),
                            self.epn_engagements.editor.html(), self.partner_engagements.editor.html(),
                            id=t.id, language=t.language)

    def accept(self) -> None:
        try:
            self.saved = convention_templates.save_template(self.current())
        except ValidationError as exc:
            self.name_error.setText(_(exc.errors.get("name") or "This field is required."))
            self.name_error.show()
            self.name.setFocus()
            return
        self.tracker.set_clean()
        super().accept()
