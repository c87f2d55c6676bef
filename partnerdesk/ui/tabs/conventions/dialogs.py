"""New convention, and the list of fields that block an export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from partnerdesk.domain.conventions import IN_LANGUAGE
from partnerdesk.domain.merge_fields import PROBLEM_LABELS, FieldProblem
from partnerdesk.i18n import _, document_language
from partnerdesk.services import convention_templates, conventions, partners, projects
from partnerdesk.ui.unsaved import EditingDialog


class NewConventionDialog(EditingDialog):
    def __init__(self, parent=None, project_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("New convention"))
        self.resize(520, 560)
        self.title = QLineEdit()
        self.title.setObjectName("newTitle")
        self.title_error = QLabel()
        self.title_error.setStyleSheet("color: #c53030;")
        self.project = QComboBox()
        self.project.setObjectName("newProject")
        self.project.addItem(_("(no project)"), None)
        for p in projects.list_projects():
            self.project.addItem(p.title, p.id)
        self.template = QComboBox()
        self.template.setObjectName("newTemplate")
        self.templates = convention_templates.list_templates(with_blank=True)
        for t in self.templates:  # each with the language the convention will be written (and printed) in
            self.template.addItem(f"{t.name} — {_(IN_LANGUAGE[t.language])}")
        language_hint = QLabel(_("A convention is written, printed and exported in the language of its "
                                 "template."))
        language_hint.setWordWrap(True)
        language_hint.setStyleSheet("color: palette(mid);")
        self.partners = QListWidget()
        self.partners.setObjectName("newPartners")
        for org_id, name in partners.organisation_names():
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, org_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.partners.addItem(item)
        self.project.currentIndexChanged.connect(self._project_chosen)
        self.template.currentIndexChanged.connect(self._propose_title)
        self._proposed = ""
        form = QFormLayout()
        form.addRow(_("Title"), self.title)
        form.addRow("", self.title_error)
        form.addRow(_("Project"), self.project)
        form.addRow(_("Template"), self.template)
        form.addRow("", language_hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Partners who sign the convention (with the EPN):")))
        layout.addWidget(self.partners, 1)
        layout.addWidget(buttons)
        if project_id is not None:
            index = self.project.findData(project_id)
            if index >= 0:
                self.project.setCurrentIndex(index)
        self.tracker.watch(self.title, self.project, self.template)
        self.partners.itemChanged.connect(self.tracker.mark)

    def _project_chosen(self) -> None:
        project_id = self.project.currentData()
        if project_id is None:
            return
        self._propose_title()
        # engaged partners, and those whose convention is being drafted; never refused or merely identified
        ids = set(conventions.suggested_partners(project_id))
        for i in range(self.partners.count()):
            item = self.partners.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                               else Qt.CheckState.Unchecked)

    def _propose_title(self) -> None:
        """The title is printed on the convention: proposed in the template's language, and
        proposed again when the project or the template changes, unless the user typed one."""
        typed = self.title.text().strip()
        if self.project.currentData() is None or (typed and typed != self._proposed):
            return
        with document_language(self.chosen_template().language):
            self._proposed = _("Partnership agreement — {title}").format(title=self.project.currentText())
        self.title.setText(self._proposed)

    def organisation_ids(self) -> list[int]:
        return [self.partners.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.partners.count())
                if self.partners.item(i).checkState() == Qt.CheckState.Checked]

    def chosen_template(self):
        return self.templates[self.template.currentIndex()]

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.title_error.setText(_("This field is required."))
            self.title.setFocus()
            return
        self.accept()


class UnresolvedFieldsDialog(QDialog):
    """Lists every field that cannot be filled, where it is; exporting anyway means accepting blanks."""

    def __init__(self, problems: list[FieldProblem], parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Fields to fill before exporting"))
        self.resize(640, 400)
        text = QLabel(_("These fields cannot be filled. Complete the convention (details, parties, project), "
                        "correct the field names, or export with these places left blank."))
        text.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("problemsTree")
        self.tree.setHeaderLabels([_("Field"), _("Problem"), _("Where")])
        self.tree.setRootIsDecorated(False)
        for p in problems:
            self.tree.addTopLevelItem(QTreeWidgetItem(["{" + p.name + "}", _(PROBLEM_LABELS[p.kind]), p.where]))
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        buttons = QDialogButtonBox()
        self.blank_button = buttons.addButton(_("Export with blanks"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.blank_button.setObjectName("exportWithBlanks")
        close = buttons.addButton(_("Go back and complete"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
