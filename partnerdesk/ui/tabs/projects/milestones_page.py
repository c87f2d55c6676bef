"""Dated milestones (done / postponed) and realizations of a project."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.projects import MilestoneData, RealizationData
from partnerdesk.i18n import N_, _, format_date
from partnerdesk.services import projects, realizations, recurring
from partnerdesk.ui.models.projects import MilestoneTableModel
from partnerdesk.ui.models.records import Column, RecordTableModel
from partnerdesk.ui.tabs.projects.fields import Errors, date_edit, read_date, selected_record, table
from partnerdesk.ui.widgets.form import push_button
from partnerdesk.ui.widgets.recurrence import RecurrenceChooser

class RealizationTableModel(RecordTableModel):
    COLUMNS = [
        Column(N_("Date"), lambda r: format_date(r.made_on), lambda r: r.made_on.isoformat() if r.made_on else ""),
        Column(N_("Realization"), lambda r: r.title),
        Column(N_("Description"), lambda r: r.description),
    ]


class MilestonesPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.project_id: int | None = None
        self.errors = Errors()
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_milestones(), 3)
        layout.addWidget(self._build_realizations(), 2)

    def _build_milestones(self) -> QGroupBox:
        box = QGroupBox(_("Milestones"))
        self.milestones = MilestoneTableModel(self)
        self.milestone_view = table(self.milestones, "milestonesTable")
        self.title = QLineEdit()
        self.title.setObjectName("milestoneTitle")
        self.title.setPlaceholderText(_("e.g. Review meeting with the partners"))
        self.due = date_edit("milestoneDate")
        add = push_button(_("Add"), "addMilestone", self.add_milestone)
        done = push_button(_("Done"), "milestoneDone", lambda: self._set_status("fait"))
        postpone = QPushButton(_("Postpone one week"))
        postpone.clicked.connect(self.postpone)
        remove = QPushButton(_("Delete"))
        remove.clicked.connect(self.delete_milestone)
        row = QHBoxLayout()
        row.addWidget(self.errors.field("title", self.title), 2)
        row.addWidget(self.errors.field("due_on", self.due))
        for button in (add, done, postpone, remove):
            row.addWidget(button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.milestone_view)
        layout.addLayout(row)
        layout.addLayout(self._build_repeat())
        return box

    def _build_repeat(self) -> QHBoxLayout:
        """Repeat the new milestone every N weeks / months; change a series from a milestone on."""
        self.repeat = QCheckBox(_("Repeat"))
        self.repeat.setObjectName("milestoneRepeat")
        self.recurrence = RecurrenceChooser("milestoneRecurrence")
        self.until = date_edit("milestoneUntil")
        following = QPushButton(_("Change this one and the following"))
        following.setObjectName("milestoneFollowing")
        following.setToolTip(_("Gives the title and date typed above to the selected milestone, and re-plans the "
                               "later ones of its series (not done yet) from that date"))
        following.clicked.connect(self.change_following)
        row = QHBoxLayout()
        row.addWidget(self.repeat)
        row.addWidget(self.recurrence)
        row.addWidget(QLabel(_("until")))
        row.addWidget(self.errors.field("last", self.until))
        row.addStretch(1)
        row.addWidget(following)
        return row

    def _build_realizations(self) -> QGroupBox:
        box = QGroupBox(_("Realizations"))
        self.realizations = RealizationTableModel(self)
        self.realization_view = table(self.realizations, "realizationsTable")
        self.r_title = QLineEdit()
        self.r_title.setObjectName("realizationTitle")
        self.r_title.setPlaceholderText(_("e.g. Exhibition of 24 photographs"))
        self.r_description = QLineEdit()
        self.r_description.setPlaceholderText(_("Description"))
        self.r_date = date_edit("realizationDate")
        add = push_button(_("Add"), "addRealization", self.add_realization)
        remove = QPushButton(_("Delete"))
        remove.clicked.connect(self.delete_realization)
        row = QHBoxLayout()
        row.addWidget(self.errors.field("r_title", self.r_title), 1)
        row.addWidget(self.r_description, 2)
        row.addWidget(self.errors.field("made_on", self.r_date))
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(box)
        layout.addWidget(self.realization_view)
        layout.addLayout(row)
        return box

    def set_project(self, project_id: int | None) -> None:
        if project_id != self.project_id:
            self.revert()
        self.project_id = project_id
        self.refresh()

    def select(self, record_id: int) -> None:
        model = self.milestone_view.model()
        for row in range(model.rowCount()):
            if model.row_at(row).id == record_id:
                self.milestone_view.selectRow(row)
                self.milestone_view.scrollTo(model.index(row, 0))
                return

    def refresh(self) -> None:
        if self.project_id is None:
            return
        self.milestones.set_rows(projects.milestones_of(self.project_id))
        self.realizations.set_rows(realizations.realizations_of(self.project_id))

    def _changed(self) -> None:
        self.ctx.signals.data_changed.emit("projects")
        self.refresh()

    # --- unsaved changes (ui/unsaved.py): a milestone or a realization typed and not added --------

    def _pending(self) -> tuple[bool, bool]:
        return (bool(self.title.text().strip() or self.due.text().strip()),
                bool(self.r_title.text().strip() or self.r_description.text().strip()))

    def is_dirty(self) -> bool:
        return self.project_id is not None and any(self._pending())

    def display_name(self) -> str:
        return _("Milestones and realizations")

    def save(self) -> bool:
        milestone, realization = self._pending()
        return (not milestone or self.add_milestone()) and (not realization or self.add_realization())

    def revert(self) -> None:
        for edit in (self.title, self.due, self.r_title, self.r_description, self.r_date):
            edit.clear()
        self.errors.clear()

    def add_milestone(self) -> bool:
        def add():
            data = MilestoneData(self.project_id, self.title.text().strip(), read_date(self.due, "due_on",
                                                                                       required=True))
            if self.repeat.isChecked():
                recurring.add_recurring_milestones(data, self.recurrence.rule(),
                                                   last=read_date(self.until, "last", required=True))
            else:
                projects.add_milestone(data)
            self.title.clear()
            self.due.clear()
        if self.errors.run(add):
            self._changed()
            return True
        return False

    def change_following(self) -> bool:
        record = selected_record(self.milestone_view)
        if record is None:
            return False

        def change():
            recurring.update_milestones_following(record.id, self.title.text() or record.title,
                                                  read_date(self.due, "due_on") or record.due_on)
        if self.errors.run(change):
            self._changed()
            return True
        return False

    def _set_status(self, status: str) -> None:
        record = selected_record(self.milestone_view)
        if record is not None:
            projects.set_milestone_status(record.id, status)
            self._changed()

    def postpone(self) -> None:
        record = selected_record(self.milestone_view)
        if record is not None:
            projects.set_milestone_status(record.id, "reporte", postpone_to=record.due_on + dt.timedelta(weeks=1))
            self._changed()

    def delete_milestone(self) -> None:
        record = selected_record(self.milestone_view)
        if record is not None:
            projects.delete_milestone(record.id)
            self._changed()

    def add_realization(self) -> bool:
        def add():
            try:
                realizations.add_realization(RealizationData(self.project_id, self.r_title.text().strip(),
                                                             self.r_description.text().strip(),
                                                             read_date(self.r_date, "made_on")))
            except Exception as exc:  # the title's error goes under the realization's title field
                if getattr(exc, "errors", None) and "title" in exc.errors:
                    exc.errors = {"r_title": exc.errors["title"]}
                raise
            self.r_title.clear()
            self.r_description.clear()
            self.r_date.clear()
        if self.errors.run(add):
            self._changed()
            return True
        return False

    def delete_realization(self) -> None:
        record = selected_record(self.realization_view)
        if record is not None:
            realizations.delete_realization(record.id)
            self._changed()
