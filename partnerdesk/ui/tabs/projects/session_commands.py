"""Sessions created or deleted, undoable (Ctrl+Z in Projets), and the questions asked before:
dates that already have a session, and one confirmation for several deletions."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

from partnerdesk.i18n import _, format_date, ngettext
from partnerdesk.services import sessions


class CreateSessionsCommand(QUndoCommand):
    """Sessions just created (pushed done); undo deletes them, redo puts them back as they were."""

    def __init__(self, ctx, created: list, project_title: str = ""):
        count = len(created)
        super().__init__(ngettext("Create {count} session", "Create {count} sessions", count).format(count=count))
        self.ctx, self.ids, self.saved = ctx, [s.id for s in created], []
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        sessions.restore_sessions(self.saved)
        self.ctx.signals.data_changed.emit("projects")

    def undo(self) -> None:
        self.saved = sessions.delete_sessions(self.ids)
        self.ctx.signals.data_changed.emit("projects")


class DeleteSessionsCommand(QUndoCommand):
    """Delete several sessions at once; undo brings them back with their attendance."""

    def __init__(self, ctx, session_ids: list[int]):
        count = len(session_ids)
        super().__init__(ngettext("Delete {count} session", "Delete {count} sessions", count).format(count=count))
        self.ctx, self.ids, self.saved = ctx, list(session_ids), []

    def redo(self) -> None:
        self.saved = sessions.delete_sessions(self.ids)
        self.ctx.signals.data_changed.emit("projects")

    def undo(self) -> None:
        sessions.restore_sessions(self.saved)
        self.ctx.signals.data_changed.emit("projects")


def ask_existing_dates(parent, dates) -> str:
    """"skip", "create" or "cancel" when some dates of a new series already have a session."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Sessions already planned"))
    shown = ", ".join(format_date(d) for d in dates[:12]) + (" …" if len(dates) > 12 else "")
    box.setText(ngettext("This project already has a session on {count} of these dates: {dates}.",
                         "This project already has sessions on {count} of these dates: {dates}.",
                         len(dates)).format(count=len(dates), dates=shown))
    box.setInformativeText(_("Skip these dates, or create a second session on them?"))
    skip = box.addButton(_("Skip these dates"), QMessageBox.ButtonRole.AcceptRole)
    create = box.addButton(_("Create them anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(skip)
    box.exec()
    clicked = box.clickedButton()
    return "skip" if clicked is skip else "create" if clicked is create else "cancel"


def confirm_delete(parent, count: int) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Delete sessions"))
    box.setText(ngettext("Delete the selected session?", "Delete the {count} selected sessions?", count)
                .format(count=count))
    box.setInformativeText(_("Ctrl+Z brings them back."))
    delete = box.addButton(_("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is delete
