"""Sessions created or deleted, undoable (Ctrl+Z in Projets, with their project on screen), and the
questions asked before: dates that already have a session, and one confirmation for several deletions.
A step that would delete a session whose form or attendance is typed on screen and not saved is
refused, saying so: the typing is never dropped with it."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QMessageBox

from partnerdesk.i18n import _, format_date, ngettext
from partnerdesk.services import sessions
from partnerdesk.ui.undo import CardCommand


class CreateSessionsCommand(CardCommand):
    """Sessions just created (pushed done) on the project card of `page`; undo deletes them, redo puts
    them back as they were. Undone only while that project is on screen, and never once something
    was entered on them since (attendance, held, notes): that is refused, saying so."""

    def __init__(self, ctx, created: list, project_title: str, page):
        count = len(created)
        super().__init__(ngettext("Create {count} session", "Create {count} sessions", count).format(count=count),
                         project_title, page, created[0].project_id)
        self.ctx, self.page, self.saved = ctx, page, []
        self.created = sessions.read_sessions(s.id for s in created)  # as stored, to see later changes
        self._done = True

    def refusal(self) -> str | None:
        elsewhere = super().refusal()
        if elsewhere is not None:
            return elsewhere
        typed = typing_kept(self.page, [s.id for s in self.created], undo=True, step=self.text())
        if typed is not None:
            return typed
        changed = sessions.changed_since(self.created)
        if changed:
            return ngettext("“{step}” is not undone: {count} of these sessions has attendance or changes "
                            "entered since. Delete it yourself if it is no longer wanted.",
                            "“{step}” is not undone: {count} of these sessions have attendance or changes "
                            "entered since. Delete them yourself if they are no longer wanted.",
                            len(changed)).format(step=self.text(), count=len(changed))
        return None

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        sessions.restore_sessions(self.saved)
        self.ctx.signals.data_changed.emit("projects")

    def undo(self) -> None:
        self.saved = sessions.delete_sessions(s.id for s in self.created)
        self.ctx.signals.data_changed.emit("projects")


class DeleteSessionsCommand(CardCommand):
    """Delete several sessions of the project card of `page` at once; undo (with that project on
    screen) brings them back with their attendance."""

    def __init__(self, ctx, session_ids: list[int], project_id: int, project_title: str, page):
        count = len(session_ids)
        super().__init__(ngettext("Delete {count} session", "Delete {count} sessions", count).format(count=count),
                         project_title, page, project_id)
        self.ctx, self.page, self.ids, self.saved = ctx, page, list(session_ids), []

    def redo_refusal(self) -> str | None:
        return super().redo_refusal() or typing_kept(self.page, self.ids, undo=False, step=self.text())

    def redo(self) -> None:
        self.saved = sessions.delete_sessions(self.ids)
        self.ctx.signals.data_changed.emit("projects")

    def undo(self) -> None:
        sessions.restore_sessions(self.saved)
        self.ctx.signals.data_changed.emit("projects")


def typing_kept(page, session_ids, *, undo: bool, step: str) -> str | None:
    """Why a step deleting `session_ids` is not undone (or redone) now: the sessions page shows one of
    them with its form or attendance typed and not saved. None when nothing typed would be lost."""
    if page is None or not shiboken6.isValid(page) or page.shown_id() not in set(session_ids) or not page.is_dirty():
        return None
    session = sessions.get_session(page.shown_id())
    date = format_date(session.held_on) if session else ""
    if undo:
        return _("“{step}” is not undone: what is typed for the session of {date} is not saved. "
                 "Save it (Ctrl+S) or take it back first.").format(step=step, date=date)
    return _("“{step}” is not redone: what is typed for the session of {date} is not saved. "
             "Save it (Ctrl+S) or take it back first.").format(step=step, date=date)


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
