"""The project's own card: "rêver l'action" (what, for whom, why), objectives, publics, dates, place..."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.partners import Public
from partnerdesk.domain.projects import DurationKind, ProjectData, ProjectStatus
from partnerdesk.i18n import _
from partnerdesk.services import projects
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.projects.commands import DeleteProjectCommand
from partnerdesk.ui.unsaved import DirtyTracker, vanished_message
from partnerdesk.ui.tabs.projects.fields import Errors, date_edit, enum_combo, read_date, select_data, set_date
from partnerdesk.ui.widgets.form import push_button


def _text_box(object_name: str, placeholder: str = "", height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(object_name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class ProjectForm(QWidget):
    saved = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.project_id: int | None = None
        self.errors = Errors()
        self.title = QLineEdit()
        self.title.setObjectName("projectTitle")
        self.description = _text_box("projectDescription", _("Dream the action: what, for whom, why?"), 90)
        self.objectives = _text_box("projectObjectives", _("What should have changed at the end?"))
        self.context = _text_box("projectContext", _("Context, origin of the idea, constraints"), 50)
        self.publics = {p.value: QCheckBox(_(p.label)) for p in Public}
        self.duration = enum_combo(DurationKind, object_name="projectDuration")
        self.status = enum_combo(ProjectStatus, object_name="projectStatus")
        self.start = date_edit("projectStart")
        self.end = date_edit("projectEnd")
        self.place = QLineEdit()
        self.in_charge = QLineEdit()
        self.in_charge.setObjectName("projectInCharge")
        self.bilan = _text_box("projectBilan", _("The review in your own words: what went well, what to change, "
                                                 "testimonies… (used by the bilan PDF)"), 80)
        self.save_button = push_button(_("Save"), "saveProject", self.save)
        self.delete_button = push_button(_("Delete the project"), "deleteProject", self.delete)
        self.message = QLabel()
        self.modified = QLabel("● " + _("Modified"))
        self.modified.setObjectName("projectModified")
        self.modified.setStyleSheet("color: #b45309; font-weight: 600;")
        self.modified.hide()
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.tracker = DirtyTracker(self)
        self.tracker.watch(self.title, self.description, self.objectives, self.context, *self.publics.values(),
                           self.duration, self.status, self.start, self.end, self.place, self.in_charge, self.bilan)
        self.tracker.dirty_changed.connect(self.modified.setVisible)

        form = QFormLayout()
        form.addRow(_("Title"), self.errors.field("title", self.title))
        form.addRow(_("Dream the action"), self.errors.field("description", self.description))
        form.addRow(_("Objectives"), self.errors.field("objectives", self.objectives))
        publics = QGridLayout()
        for i, box in enumerate(self.publics.values()):
            publics.addWidget(box, i // 4, i % 4)
        form.addRow(_("Publics"), publics)
        form.addRow(_("Duration"), self.duration)
        dates = QHBoxLayout()
        dates.addWidget(self.errors.field("start_date", self.start))
        dates.addWidget(QLabel(_("to")))
        dates.addWidget(self.errors.field("end_date", self.end))
        dates.addStretch(1)
        form.addRow(_("Dates"), dates)
        form.addRow(_("Place"), self.errors.field("place", self.place))
        form.addRow(_("Person in charge"), self.errors.field("in_charge", self.in_charge))
        form.addRow(_("Status"), self.status)
        form.addRow(_("Context"), self.errors.field("context", self.context))
        form.addRow(_("Review text"), self.errors.field("bilan_text", self.bilan))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.modified)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.delete_button)
        form.addRow(buttons)

        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def load(self, data: ProjectData | None) -> None:
        with self.tracker.loading():
            self._load(data)

    def _load(self, data: ProjectData | None) -> None:
        self.errors.clear()
        self.message.clear()
        data = data or ProjectData("")
        self.project_id = data.id
        self.delete_button.setEnabled(data.id is not None)
        self.title.setText(data.title)
        self.description.setPlainText(data.description)
        self.objectives.setPlainText(data.objectives)
        self.context.setPlainText(data.context)
        for value, box in self.publics.items():
            box.setChecked(value in data.publics)
        select_data(self.duration, data.duration_kind)
        select_data(self.status, data.status)
        set_date(self.start, data.start_date)
        set_date(self.end, data.end_date)
        self.place.setText(data.place)
        self.in_charge.setText(data.in_charge)
        self.in_charge.setCompleter(QCompleter(projects.people_in_charge(), self))
        self.bilan.setPlainText(data.bilan_text)

    def read(self) -> ProjectData:
        return ProjectData(
            title=self.title.text().strip(), description=self.description.toPlainText().strip(),
            objectives=self.objectives.toPlainText().strip(), context=self.context.toPlainText().strip(),
            publics=[v for v, box in self.publics.items() if box.isChecked()],
            duration_kind=self.duration.currentData(), start_date=read_date(self.start, "start_date"),
            end_date=read_date(self.end, "end_date"), place=self.place.text().strip(),
            in_charge=self.in_charge.text().strip(), status=self.status.currentData(),
            bilan_text=self.bilan.toPlainText().strip(), id=self.project_id)

    @staticmethod
    def _write(data: ProjectData) -> ProjectData:
        return projects.update_project(data) if data.id else projects.create_project(data)

    # --- unsaved changes (ui/unsaved.py) ---------------------------------------------------

    def is_dirty(self) -> bool:
        return self.tracker.is_dirty()

    def display_name(self) -> str:
        return self.title.text().strip() or _("New project")

    def revert(self) -> None:
        self.load(projects.get_project(self.project_id) if self.project_id else None)

    def save(self) -> bool:
        """Validate and write; on bad input the messages show next to the fields and the typing stays."""
        result = []
        try:
            ok = self.errors.run(lambda: result.append(self._write(self.read())))
        except projects.NotFound:
            self.project_id = None
            prompts.inform(self, _("Project not found"), vanished_message())
            return False
        if not ok:
            self.message.setText(_("Not saved: check the fields in red."))
            return False
        saved = result[0]
        self.project_id = saved.id
        self.tracker.set_clean()
        self.message.setText(_("Saved."))
        self.ctx.signals.data_changed.emit("projects")
        self.saved.emit(saved.id)
        return True

    def delete(self) -> None:
        """To the trash, undoable with Ctrl+Z."""
        if self.project_id is None:
            return
        title = self.title.text().strip()
        self.tracker.set_clean()  # the project goes to the trash with what was saved
        self.ctx.undo_for(self).push(DeleteProjectCommand(self.ctx, self.project_id, title))
        self.ctx.signals.status_message.emit(_("Project “{title}” deleted. Ctrl+Z to undo.").format(title=title))
