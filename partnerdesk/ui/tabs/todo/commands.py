"""Undoable "À faire" actions ("Marquer comme fait", "Reporter"), and the question that follows
a next step marked done: what is the next one?"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from partnerdesk.i18n import _

if TYPE_CHECKING:  # the service (and its models) loads with the first line marked done
    from partnerdesk.services.todo_undo import Snapshot


class TodoCommand(QUndoCommand):
    """A line's action, already done; undo puts the line, its milestone or its card back."""

    def __init__(self, ctx, before: Snapshot, after: Snapshot, text: str):
        super().__init__(text)
        self.ctx, self.before, self.after = ctx, before, after
        self._done = True

    def redo(self) -> None:
        from partnerdesk.services import todo_undo

        if self._done:
            self._done = False
            return
        todo_undo.restore(self.after)
        self.ctx.signals.data_changed.emit("todo")

    def undo(self) -> None:
        from partnerdesk.services import todo_undo

        todo_undo.restore(self.before)
        self.ctx.signals.data_changed.emit("todo")


def ask_next_step(parent, partner: str, default_on: dt.date) -> tuple[str, dt.date] | None:
    """(text, date) of the next step with `partner`, or None (no next step for now)."""
    dialog = QDialog(parent)
    dialog.setObjectName("nextStepDialog")
    dialog.setWindowTitle(_("Next step"))
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(_("Done. What is the next step with {partner}? (leave empty if there is none)")
                            .format(partner=partner)))
    text = QLineEdit()
    text.setObjectName("nextStepText")
    on = QDateEdit()
    on.setCalendarPopup(True)
    on.setDisplayFormat("dd/MM/yyyy")
    on.setDate(QDate(default_on.year, default_on.month, default_on.day))
    form = QFormLayout()
    form.addRow(_("Next step"), text)
    form.addRow(_("Date"), on)
    layout.addLayout(form)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted or not text.text().strip():
        return None
    return text.text().strip(), on.date().toPython()
