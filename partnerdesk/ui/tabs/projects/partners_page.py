"""A project's partners: add organisations, the pipeline board, and the selected card's details
(next step, expected / obtained contributions, staff time)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain import amounts
from partnerdesk.domain.partners import Contribution
from partnerdesk.domain.projects import ContributionData, ContributionStatus, MaterialMode, Stage, StaffTimeData
from partnerdesk.i18n import _, format_number
from partnerdesk.services import partners, projects
from partnerdesk.ui.models.projects import ContributionTableModel
from partnerdesk.ui.widgets.form import push_button
from partnerdesk.ui.widgets.organisation_picker import attach_to_combo
from partnerdesk.ui.widgets.splitters import keep_minimum_sizes
from partnerdesk.ui.tabs.projects.board import PipelineBoard
from partnerdesk.ui.tabs.projects.fields import (
    Errors,
    FieldError,
    date_edit,
    enum_combo,
    read_amount,
    read_date,
    selected_record,
    set_date,
    table,
)
from partnerdesk.ui.unsaved import settle


class PartnersPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.project_id: int | None = None
        self.card_id: int | None = None
        self._card_name = ""  # the organisation of the card shown (the unsaved-changes question names it)
        self._organisations_loaded = False
        self.errors = Errors()

        self.organisation = QComboBox()
        self.organisation.setObjectName("addPartnerCombo")
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organisation.lineEdit().setPlaceholderText(_("Type the name of an organisation"))
        # accents ignored ("ecole"), and "Create this organisation…" for a partner not yet on file
        completer = attach_to_combo(self.organisation)
        completer.created.connect(lambda _id: self.ctx.signals.data_changed.emit("organisations"))
        completer.failed.connect(lambda message: self.errors.show(FieldError("organisation", message)))
        add = push_button(_("Add to the project"), "addPartnerButton", self.add_partner)
        self.full_height = QPushButton(_("Full-height board"))
        self.full_height.setObjectName("boardFullHeight")
        self.full_height.setCheckable(True)
        self.full_height.setToolTip(_("Hide the project list and the card details to see the whole board"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Partner sought:")))
        bar.addWidget(self.errors.field("organisation", self.organisation), 1)
        bar.addWidget(add)
        bar.addWidget(self.full_height)

        self.board = PipelineBoard(ctx)
        self.board.card_selected.connect(self._card_chosen)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.board)
        splitter.addWidget(self._build_details())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        keep_minimum_sizes(splitter, (200, 120))
        self.splitter = splitter
        self.full_height.toggled.connect(lambda on: self.details.setVisible(not on))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def _build_details(self) -> QWidget:
        self.details = QGroupBox(_("Select a card to see its details"))
        self.details.setObjectName("cardDetails")
        self.next_step = QLineEdit()
        self.next_step.setObjectName("nextStepEdit")
        self.next_step.setPlaceholderText(_("Next step"))
        self.next_step_on = date_edit("nextStepDate")
        save_step = push_button(_("Save the next step"), "saveNextStep", self.save_next_step)
        step = QHBoxLayout()
        step.addWidget(self.next_step, 2)
        step.addWidget(self.errors.field("next_step_on", self.next_step_on))
        step.addWidget(save_step)

        self.contributions = ContributionTableModel(self)
        self.contribution_view = table(self.contributions, "contributionsTable")
        self.kind = enum_combo(Contribution, object_name="contributionKind")
        self.mode = enum_combo(MaterialMode, with_empty="—")
        self.description = QLineEdit()
        self.description.setPlaceholderText(_("Description"))
        self.value = QLineEdit()
        self.value.setObjectName("contributionValue")
        self.value.setPlaceholderText(_("Value in €"))
        self.value.setMaximumWidth(110)
        self.status = enum_combo(ContributionStatus, object_name="contributionStatus")
        add = push_button(_("Add"), "addContribution", self.add_contribution)
        toggle = QPushButton(_("Expected ⇄ obtained"))
        toggle.clicked.connect(self.toggle_contribution)
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self.remove_contribution)
        new_row = QHBoxLayout()
        for widget in (self.kind, self.mode, self.description):
            new_row.addWidget(widget)
        new_row.addWidget(self.errors.field("value", self.value))
        for widget in (self.status, add, toggle, remove):
            new_row.addWidget(widget)

        self.hours = QLineEdit()
        self.hours.setObjectName("staffHours")
        self.hours.setPlaceholderText(_("Hours"))
        self.hours.setMaximumWidth(80)
        self.worked_on = date_edit("staffDate")
        log = push_button(_("Log time spent"), "logStaffTime", self.log_time)
        self.hours_total = QLabel()
        time_row = QHBoxLayout()
        time_row.addWidget(QLabel(_("Staff time:")))
        time_row.addWidget(self.errors.field("hours", self.hours))
        time_row.addWidget(self.errors.field("worked_on", self.worked_on))
        time_row.addWidget(log)
        time_row.addWidget(self.hours_total, 1)

        layout = QVBoxLayout(self.details)
        layout.addLayout(step)
        layout.addWidget(QLabel(_("Contributions expected and obtained")))
        layout.addWidget(self.contribution_view, 1)
        layout.addLayout(new_row)
        layout.addLayout(time_row)
        self.details.setEnabled(False)
        return self.details

    # --- loading ------------------------------------------------------------

    def set_project(self, project_id: int | None) -> None:
        if project_id != self.project_id:
            for edit in (self.description, self.value, self.hours):
                edit.clear()
        self.project_id = project_id
        self.card_id = None
        self.refresh()

    def organisations_changed(self) -> None:
        self._organisations_loaded = False

    def refresh(self) -> None:
        if not self._organisations_loaded:
            current = self.organisation.currentText()
            self.organisation.clear()
            for org_id, name in partners.organisation_names():
                self.organisation.addItem(name, org_id)
            self.organisation.setEditText(current if self.organisation.findText(current) < 0 else "")
            self._organisations_loaded = True
        self.board.set_project(self.project_id)
        self.show_card(self.card_id or 0)

    def _card_chosen(self, card_id: int) -> None:
        """Another card clicked on the board: what was typed for the card shown (its next step, a
        contribution, hours) is saved or discarded first, or the card stays selected (Cancel)."""
        if card_id == (self.card_id or 0):
            return
        if not settle(self, self):
            self.board.select_card(self.card_id)  # Cancel: back to the card being edited
            return
        self.show_card(card_id)

    def show_card(self, card_id: int, keep_typing: bool = True) -> None:
        """Show a card's details. The same card shown again (its stage moved, a contribution
        added, a change elsewhere) keeps a next step typed and not saved yet, unless the user
        discarded it (`revert`)."""
        typed = None
        if keep_typing and card_id and card_id == self.card_id and self._pending().get("next_step"):
            typed = self.next_step.text(), self.next_step_on.text()
        card = projects.get_card(card_id) if card_id else None
        self.card_id = card.id if card else None
        self.details.setEnabled(card is not None)
        self.errors.clear()
        if card is None:
            self.details.setTitle(_("Select a card to see its details"))
            self.contributions.set_rows([])
            self.hours_total.clear()
            return
        self._card_name = card.organisation_name
        self.details.setTitle(f"{card.organisation_name} — {_(Stage(card.stage).label)}")
        self.next_step.setText(card.next_step)
        set_date(self.next_step_on, card.next_step_on)
        if typed is not None:
            self.next_step.setText(typed[0])
            self.next_step_on.setText(typed[1])
        self.contributions.set_rows(projects.contributions_of(card.id))
        hours = projects.staff_hours_by_partner(card.project_id).get(card.id, 0.0)
        self.hours_total.setText(_("{hours} h spent with this partner").format(hours=format_number(hours, 1)))

    # --- unsaved changes (ui/unsaved.py): the selected card's next step, a contribution or hours
    # typed and not recorded yet ---------------------------------------------------------------

    def _pending(self) -> dict[str, bool]:
        card = projects.get_card(self.card_id) if self.card_id else None
        if card is None:
            return {}
        shown_on = card.next_step_on.strftime("%d/%m/%Y") if card.next_step_on else ""
        return {"next_step": self.next_step.text().strip() != card.next_step.strip()
                or self.next_step_on.text().strip() != shown_on,
                "contribution": bool(self.description.text().strip() or self.value.text().strip()),
                "hours": bool(self.hours.text().strip())}

    def is_dirty(self) -> bool:
        return any(self._pending().values())

    def display_name(self) -> str:
        """What the unsaved-changes question names: the partner whose card is being edited."""
        page = _("Partners and pipeline")
        return f"{self._card_name} — {page}" if self.card_id and self._card_name else page

    def save(self) -> bool:
        pending = self._pending()
        steps = [(pending.get("next_step"), self.save_next_step),
                 (pending.get("contribution"), self.add_contribution), (pending.get("hours"), self.log_time)]
        return all(action() for wanted, action in steps if wanted)

    def revert(self) -> None:
        for edit in (self.description, self.value, self.hours):
            edit.clear()
        self.show_card(self.card_id or 0, keep_typing=False)

    # --- actions ------------------------------------------------------------

    def _guard(self, action) -> bool:
        if not self.errors.run(action):
            return False
        self.ctx.signals.data_changed.emit("projects")
        self.show_card(self.card_id or 0)
        return True

    def add_partner(self) -> bool:
        if self.project_id is None:
            return False
        name = self.organisation.currentText().strip()
        index = self.organisation.findText(name)
        if index < 0:
            self.errors.show(FieldError("organisation", _("Choose an organisation from the list, or "
                                                          "“Create this organisation…” at the end of it.")))
            return False
        org_id = self.organisation.itemData(index)
        card = projects.add_partner(self.project_id, org_id)
        self.card_id = card.id
        self.organisation.setEditText("")
        self.ctx.signals.data_changed.emit("projects")
        self.board.select_card(card.id)
        return True

    def save_next_step(self) -> bool:
        return self._guard(lambda: projects.set_next_step(self.card_id, self.next_step.text(),
                                                          read_date(self.next_step_on, "next_step_on")))

    def add_contribution(self) -> bool:
        def add():
            projects.add_contribution(ContributionData(
                self.card_id, self.kind.currentData(), self.description.text().strip(),
                read_amount(self.value, "value"), self.mode.currentData() or "", self.status.currentData()))
            self.description.clear()
            self.value.clear()
        return self._guard(add)

    def toggle_contribution(self) -> None:
        record = selected_record(self.contribution_view)
        if record is not None:
            new = "obtenu" if record.status == "attendu" else "attendu"
            self._guard(lambda: projects.set_contribution_status(record.id, new))

    def remove_contribution(self) -> None:
        record = selected_record(self.contribution_view)
        if record is not None:
            self._guard(lambda: projects.delete_contribution(record.id))

    def log_time(self) -> bool:
        def log():
            try:  # "1,5", "2h", "1.5": the service says what is wrong with anything else
                hours = amounts.parse_number(self.hours.text().lower().replace("h", ""))
            except amounts.AmountError:
                hours = None
            worked = read_date(self.worked_on, "worked_on") or dt.date.today()
            projects.log_staff_time(StaffTimeData(self.project_id, worked, hours, self.card_id))
            self.hours.clear()
        return self._guard(log)
