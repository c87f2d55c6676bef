"""The convention editor: details and status, then Text, Parties, Circuit and Versions."""

from __future__ import annotations

import copy

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.conventions import (IN_LANGUAGE, ConventionData, ConventionStatus, TransitionError,
                                            allowed_targets)
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import N_, _, parse_date
from partnerdesk.services import convention_output, conventions, projects
from partnerdesk.ui.models.conventions import STATUS_COLOURS
from partnerdesk.ui.style import comfort_tabs
from partnerdesk.ui.tabs.conventions.circuit_page import CircuitPage
from partnerdesk.ui.tabs.conventions.export_actions import ExportActions
from partnerdesk.ui.tabs.conventions.parties_page import PartiesPage
from partnerdesk.ui.tabs.conventions.text_page import TextPage
from partnerdesk.ui.tabs.conventions.versions_page import VersionsPage
from partnerdesk.ui.unsaved import settle, vanished_message
from partnerdesk.ui.widgets.form import push_button

TARGET_LABELS = {
    "en_validation": N_("Submit for validation"),
    "brouillon": N_("Back to draft"),
    "signee": N_("Mark as signed"),
    "en_cours": N_("Action under way"),
    "echue": N_("Mark as expired"),
    "resiliee": N_("Terminate"),
}


def _date_text(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class ConventionEditor(ExportActions, QWidget):
    saved = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.conv: ConventionData | None = None
        self.dirty = False
        self._loading = False
        self._fields_generation = 0  # of the latest background reading of the side panel's values
        self._fields_of: int | None = None  # the convention whose values the side panel shows
        self.project_titles: list[tuple[int, str]] = []  # offered by the project list, as last read

        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4e5; color: #7b4a00; padding: 6px; border-radius: 4px;")
        self.title = QLineEdit()
        self.title.setObjectName("conventionTitle")
        self.project = QComboBox()
        self.project.setObjectName("conventionProject")
        self.status = QLabel()
        self.status.setObjectName("conventionStatus")
        self.start = QLineEdit()
        self.start.setObjectName("startDate")
        self.end = QLineEdit()
        self.end.setObjectName("endDate")
        self.signed = QLineEdit()
        self.signed.setObjectName("signedOn")
        for edit in (self.start, self.end, self.signed):
            edit.setPlaceholderText(_("dd/mm/yyyy"))
            edit.setMaximumWidth(120)
        self.place = QLineEdit()
        self.place.setObjectName("conventionPlace")
        self.sessions = QSpinBox()
        self.sessions.setObjectName("sessionsCount")
        self.people = QSpinBox()
        self.people.setObjectName("peopleCount")
        for spin in (self.sessions, self.people):
            spin.setRange(-1, 9999)
            spin.setSpecialValueText("—")
        self.errors: dict[str, QLabel] = {}

        grid = QGridLayout()
        grid.addWidget(QLabel(_("Title")), 0, 0)
        grid.addWidget(self.title, 0, 1, 1, 3)
        grid.addWidget(QLabel(_("Status")), 0, 4)
        grid.addWidget(self.status, 0, 5)
        grid.addWidget(self._error("title"), 1, 1, 1, 3)
        grid.addWidget(QLabel(_("Project")), 2, 0)
        grid.addWidget(self.project, 2, 1, 1, 3)
        grid.addWidget(QLabel(_("Place")), 2, 4)
        grid.addWidget(self.place, 2, 5)
        dates = QHBoxLayout()
        for label, edit in ((_("Start date"), self.start), (_("End date"), self.end), (_("Signed on"), self.signed)):
            dates.addWidget(QLabel(label))
            dates.addWidget(edit)
        dates.addWidget(QLabel(_("Sessions")))
        dates.addWidget(self.sessions)
        dates.addWidget(QLabel(_("People involved")))
        dates.addWidget(self.people)
        dates.addStretch(1)
        grid.addLayout(dates, 3, 0, 1, 6)
        errors_row = QHBoxLayout()
        for key in ("start_date", "end_date", "signed_on"):
            errors_row.addWidget(self._error(key))
        grid.addLayout(errors_row, 4, 0, 1, 6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(5, 1)

        self.status_buttons = QHBoxLayout()
        self.status_error = QLabel()
        self.status_error.setObjectName("statusError")
        self.status_error.setStyleSheet("color: #c53030;")
        self.amend_button = push_button(_("Start an amendment"), "amendButton", self.start_amendment)

        self.text_page = TextPage()
        self.parties_page = PartiesPage()
        self.circuit_page = CircuitPage()
        self.versions_page = VersionsPage()
        self.pages = comfort_tabs(QTabWidget())
        self.pages.setObjectName("conventionPages")
        self.pages.addTab(self.text_page, _("Text"))
        self.pages.addTab(self.parties_page, _("Parties"))
        self.pages.addTab(self.circuit_page, _("Validation circuit"))
        self.pages.addTab(self.versions_page, _("Versions"))
        self.pages.currentChanged.connect(self._page_changed)

        self.save_button = QPushButton(_("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.version_button = push_button(_("Save as a new version…"), "newVersionButton", self.save_new_version)
        self.pdf_button = push_button(_("Export PDF…"), "exportPdfButton", lambda: self.export(".pdf"))
        self.odt_button = push_button(_("Export ODT…"), "exportOdtButton", lambda: self.export(".odt"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.version_button)
        bottom.addStretch(1)
        bottom.addWidget(self.pdf_button)
        bottom.addWidget(self.odt_button)

        status_row = QHBoxLayout()
        status_row.addLayout(self.status_buttons)
        status_row.addWidget(self.amend_button)
        status_row.addWidget(self.status_error, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addLayout(status_row)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        for edit in (self.title, self.place, self.start, self.end, self.signed):
            edit.textEdited.connect(self._changed)
        self.project.currentIndexChanged.connect(self._changed)
        for spin in (self.sessions, self.people):
            spin.valueChanged.connect(self._changed)
        for page in (self.text_page, self.parties_page, self.circuit_page):
            page.changed.connect(self._changed)
        self.circuit_page.action_requested.connect(self.step_action)
        self.versions_page.view_requested.connect(self.view_version)
        self.versions_page.compare_requested.connect(self.compare_versions)
        self.versions_page.restore_requested.connect(self.restore_version)

    def _error(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{key}")
        label.setStyleSheet("color: #c53030;")
        label.hide()
        self.errors[key] = label
        return label

    # --- loading -------------------------------------------------------------
    def load(self, convention_id: int) -> None:
        conv = conventions.get_convention(convention_id)
        if conv is None:
            return
        self._loading = True
        self.conv = conv
        ro = conv.read_only
        self.title.setText(conv.title)
        self.project.clear()
        self.project.addItem(_("(no project)"), None)
        self.project_titles = projects.project_titles()  # (id, title) only: read at every convention shown
        for project_id, title in self.project_titles:
            self.project.addItem(title, project_id)
        self.project.setCurrentIndex(max(0, self.project.findData(conv.project_id)))
        self.start.setText(_date_text(conv.start_date))
        self.end.setText(_date_text(conv.end_date))
        self.signed.setText(_date_text(conv.signed_on))
        self.place.setText(conv.place)
        self.sessions.setValue(-1 if conv.sessions_count is None else conv.sessions_count)
        self.people.setValue(-1 if conv.people_count is None else conv.people_count)
        for w in (self.title, self.place):
            w.setReadOnly(ro)
        for w in (self.project, self.sessions, self.people, self.start, self.end):
            w.setEnabled(not ro)
        # the signing date is locked once signed (an amendment changes it); a signed one without date may get it
        self.signed.setEnabled(not ro or conv.signed_on is None)
        self.signed.setToolTip(_("Locked once signed: start an amendment to change it.")
                               if ro and conv.signed_on else "")
        status = ConventionStatus(conv.status)
        amended = conventions.get_convention(conv.amends_id) if conv.amends_id else None
        self.status.setText(f"<b style='color:{STATUS_COLOURS[conv.status]}'>{_(status.label)}</b> — "
                            + _("version {number}").format(number=conv.version)
                            + " — " + _(IN_LANGUAGE[conv.content.language])
                            + (" — " + _("amends « {title} », which stays in force").format(title=amended.title)
                               if amended else ""))
        self.banner.setText(_("This convention is signed: it is read-only. To change it, start an amendment "
                              "(a draft of its own that goes through the validation circuit; this convention "
                              "stays in force meanwhile)."))
        self.banner.setVisible(ro)
        self.amend_button.setVisible(ro and status in (ConventionStatus.SIGNEE, ConventionStatus.EN_COURS))
        self._status_buttons(conv)
        self.text_page.load(conv.content.sections, ro)
        self.parties_page.project_id = conv.project_id
        self.parties_page.language = conv.content.language
        self.parties_page.template_id = conv.template_id
        self.parties_page.load(conv.content.parties, ro)
        self.circuit_page.load(conv.steps, ro, self.parties_page.kinds())
        self.versions_page.load(conventions.list_versions(conv.id), ro)
        self.save_button.setEnabled(not ro)
        self.version_button.setEnabled(not ro)
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.status_error.clear()
        self._loading = False
        self.dirty = False
        self.refresh_fields()

    def _status_buttons(self, conv: ConventionData) -> None:
        while self.status_buttons.count():
            item = self.status_buttons.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for target in allowed_targets(conv.status):
            button = QPushButton(_(TARGET_LABELS[target.value]))
            button.setObjectName(f"status_{target.value}")
            button.clicked.connect(lambda _c=False, t=target.value: self.change_status(t))
            self.status_buttons.addWidget(button)

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.dirty = True

    def _page_changed(self, _index: int) -> None:
        if self.pages.currentWidget() is self.text_page:
            self.refresh_fields()

    def refresh_fields(self) -> None:
        """The side panel's values, and how many fields cannot be filled yet (as typed, unsaved):
        worked out in the background (a dozen queries), shown when ready; a newer request wins."""
        if self.conv is None:
            return
        conv = copy.deepcopy(self.collect(check=False))  # the worker's own copy: typing goes on meanwhile
        if self._fields_of != conv.id:
            self.text_page.fields.show_loading()
        self._fields_generation += 1
        generation = self._fields_generation
        self.ctx.tasks.run(lambda _handle: (convention_output.field_values(conv),
                                            convention_output.check(conv).problems,
                                            convention_output.first_partner_fields(conv)),
                           lambda result: self._show_fields(generation, conv.id, *result))

    def _show_fields(self, generation: int, convention_id: int, values, problems, notices) -> None:
        if generation != self._fields_generation or not shiboken6.isValid(self):
            return
        self._fields_of = convention_id
        self.text_page.fields.set_values(values)
        self.text_page.fields.set_problems(problems)
        self.text_page.fields.set_notices(notices)

    # --- saving --------------------------------------------------------------
    def collect(self, check: bool = True) -> ConventionData:
        """The convention as shown, dates parsed (errors next to the fields when `check`)."""
        conv = ConventionData(**{**self.conv.__dict__})
        conv.title = self.title.text()
        conv.project_id = self.project.currentData()
        conv.place = self.place.text().strip()
        conv.sessions_count = None if self.sessions.value() < 0 else self.sessions.value()
        conv.people_count = None if self.people.value() < 0 else self.people.value()
        bad = {}
        for key, edit in (("start_date", self.start), ("end_date", self.end), ("signed_on", self.signed)):
            try:
                setattr(conv, key, parse_date(edit.text()))
            except ValueError:
                bad[key] = N_("This date is not valid (expected: 22/11/2026).")
                setattr(conv, key, getattr(self.conv, key))
        if bad and check:
            raise ValidationError(bad)
        conv.content = type(conv.content)(self.text_page.commit(), self.parties_page.commit())
        conv.steps = self.circuit_page.steps()
        return conv

    def _show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(_(errors[key]) if key in errors else "")
            label.setVisible(key in errors)
        party_errors = [k for k in errors if k.startswith("parties.")]
        if party_errors:
            self.pages.setCurrentWidget(self.parties_page)
            self.parties_page.list.setCurrentRow(int(party_errors[0].split(".")[1]))
            self.parties_page.set_name_error(_(errors[party_errors[0]]))
        step_errors = [k for k in errors if k.startswith("steps.")]
        if step_errors:
            self.pages.setCurrentWidget(self.circuit_page)
            self.circuit_page.error.setText(_(errors[step_errors[0]]))

    def save(self) -> bool:
        """Save the working copy; False (with messages next to the fields) when refused."""
        if self.conv is None or self.conv.read_only:
            return False
        try:
            conv = self.collect()
            conventions.save_convention(conv)
            conventions.set_steps(conv.id, conv.steps)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except conventions.ReadOnlyError:
            self.status_error.setText(_(conventions.ReadOnlyError.message))
            return False
        except LookupError:  # deleted meanwhile, or replaced by a restore: say so calmly, keep the typing
            self.status_error.setText(vanished_message())
            return False
        self._after_write(_("Convention saved."))
        return True

    def _after_write(self, message: str) -> None:
        current = self.pages.currentIndex()
        self.load(self.conv.id)
        self.pages.setCurrentIndex(current)
        self.saved.emit(self.conv.id)
        self.ctx.signals.status_message.emit(message)

    def _save_if_needed(self) -> bool:
        if self.conv is None:
            return False
        if self.conv.read_only:
            # the signing date is locked once signed; a signed convention without one may get it
            if self.conv.signed_on is not None:
                return True
            try:
                signed = parse_date(self.signed.text())
            except ValueError:
                self._show_errors({"signed_on": N_("This date is not valid (expected: 22/11/2026).")})
                return False
            if signed:
                conventions.set_dates(self.conv.id, signed_on=signed)
            return True
        return self.save() if self.dirty else True

    def save_new_version(self) -> None:
        note, ok = QInputDialog.getText(self, _("New version"), _("What changes in this version? (optional)"))
        if ok:
            self.new_version(note)

    def new_version(self, note: str = "") -> None:
        if self.conv.read_only or not self.save():
            return
        number = conventions.save_version(self.conv.id, note.strip())
        self._after_write(_("Version {number} saved.").format(number=number))

    def change_status(self, target: str) -> None:
        if not self._save_if_needed():
            return
        try:
            conventions.set_status(self.conv.id, target)
        except TransitionError as exc:
            self.status_error.setText(_(exc.message))
            return
        self._after_write(_("Status changed."))

    def start_amendment(self) -> None:
        note, ok = QInputDialog.getText(self, _("Start an amendment"), _("What does the amendment change?"))
        if ok:
            self.amend(note)

    def amend(self, note: str = "") -> None:
        """The amendment opens as a draft of its own; the signed convention stays in force."""
        draft = conventions.start_amendment(self.conv.id, note.strip())
        self.load(draft.id)
        self.saved.emit(draft.id)
        self.ctx.signals.status_message.emit(
            _("Amendment started as a draft; the signed convention stays in force."))

    def step_action(self, row: int, action: str, comment: str) -> None:
        unsaved_steps = any(s.id is None for s in self.circuit_page.steps())
        if (self.dirty or unsaved_steps) and not self.save():
            return
        steps = conventions.get_convention(self.conv.id).steps
        if not 0 <= row < len(steps):
            return
        try:
            conventions.step_action(self.conv.id, steps[row].id, action, comment=comment or None)
        except TransitionError as exc:
            self.pages.setCurrentWidget(self.circuit_page)
            self.circuit_page.select(row)
            self.circuit_page.error.setText(_(exc.message))
            return
        self._after_write(_("Step updated."))
        self.pages.setCurrentWidget(self.circuit_page)
        self.circuit_page.select(row)
        self.circuit_page.comment.clear()

    # --- versions --------------------------------------------------------------
    def view_version(self, number: int) -> None:
        self.versions_page.show_content(number, conventions.version_content(self.conv.id, number))

    def compare_versions(self, old: int, new: int) -> None:
        self.versions_page.show_diff(old, new, conventions.compare_versions(self.conv.id, old, new))

    def restore_version(self, number: int) -> None:
        if self.conv.read_only:
            return
        if self.dirty and not self.save():
            return
        new = conventions.restore_version(self.conv.id, number)
        self._after_write(_("Version {old} restored as version {new}.").format(old=number, new=new))
        self.pages.setCurrentWidget(self.versions_page)

    # --- unsaved changes (ui/unsaved.py) ---------------------------------------------------

    def is_dirty(self) -> bool:
        return bool(self.dirty) and self.conv is not None and not self.conv.read_only

    def display_name(self) -> str:
        return self.conv.title if self.conv is not None else ""

    def revert(self) -> None:
        self.dirty = False
        if self.conv is not None:
            self.load(self.conv.id)

    def can_leave(self) -> bool:
        return settle(self)


