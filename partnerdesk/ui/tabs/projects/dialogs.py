"""Small dialogs of the pipeline: the reason of an abandon, the calendar's proposals."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from partnerdesk.domain.projects import MilestoneProposal
from partnerdesk.i18n import _
from partnerdesk.ui.unsaved import EditingDialog


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b91c1c;")
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


class ReasonDialog(EditingDialog):
    """Asks why a partnership was abandoned or refused; refuses an empty reason, keeps the typing."""

    def __init__(self, organisation_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(_("Abandoned / refused"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Why is the partnership with {name} abandoned or refused?").format(
            name=organisation_name)))
        self.text = QPlainTextEdit()
        self.text.setObjectName("reasonEdit")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        layout.addWidget(self.text)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.tracker.watch(self.text)

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    def _check(self) -> None:
        if not self.reason():
            show_error(self.error, _("Say why the partnership was abandoned or refused."))
            self.text.setFocus()
            return
        self.accept()


class ProposalsDialog(QDialog):
    """The next steps the EPN calendar proposes; the ticked ones become dated milestones."""

    def __init__(self, organisation_name: str, stage_label: str, proposals: list[MilestoneProposal], parent=None):
        super().__init__(parent)
        self.setObjectName("proposalsDialog")
        self.setWindowTitle(_("Next steps"))
        self.proposals = proposals
        layout = QVBoxLayout(self)
        intro = QLabel(_("{name} is now at “{stage}”. The partnership calendar suggests these next steps; "
                         "the ticked ones become milestones of the project.").format(
            name=organisation_name, stage=stage_label))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.checks: list[QCheckBox] = []
        self.dates: list[QDateEdit] = []
        for row, proposal in enumerate(proposals):
            check = QCheckBox(_(proposal.title))
            check.setChecked(True)
            date = QDateEdit(QDate(proposal.due_on.year, proposal.due_on.month, proposal.due_on.day))
            date.setCalendarPopup(True)
            date.setDisplayFormat("dd/MM/yyyy")
            grid.addWidget(check, row, 0)
            grid.addWidget(date, row, 1)
            self.checks.append(check)
            self.dates.append(date)
        layout.addLayout(grid)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(_("Add as milestones"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("acceptProposals")
        buttons.addButton(_("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[MilestoneProposal]:
        out = []
        for proposal, check, date in zip(self.proposals, self.checks, self.dates):
            if check.isChecked():
                d = date.date()
                out.append(MilestoneProposal(proposal.kind, proposal.title, dt.date(d.year(), d.month(), d.day())))
        return out
