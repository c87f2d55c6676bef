"""An import on the Edit → Undo stack (pushed by the import wizard once the import is written)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from partnerdesk.i18n import _
from partnerdesk.services import imports


class ImportCommand(QUndoCommand):
    """The import on the Edit → Undo stack: Ctrl+Z undoes the whole batch, Ctrl+Shift+Z writes it again."""

    wide = True  # touches every list: unsaved changes everywhere are settled before its undo

    def __init__(self, ctx, plan: imports.ImportPlan, result: imports.ImportResult):
        super().__init__(_("Import of {name}").format(name=plan.source_name))
        self.ctx, self.plan, self.result = ctx, plan, result
        self.done = True
        self.error = ""

    def can_undo(self) -> bool:
        """Only the newest import not undone yet can be undone: an older one is not offered."""
        latest = imports.last_batch()
        return self.done and latest is not None and latest[0] == self.result.batch_id

    def redo(self) -> None:
        if not self.done:  # pushed already applied; later redos write the same plan again
            self.result = imports.apply_plan(self.plan, self.ctx.paths)
            self.done = True
            self.ctx.signals.data_changed.emit("*")

    def undo(self) -> None:
        try:
            imports.undo_batch(self.result.batch_id, self.ctx.paths)
        except imports.UndoError as exc:
            self.error = str(exc)
            self.ctx.signals.status_message.emit(self.error)
            self.setObsolete(True)
            return
        self.error = ""
        self.done = False
        self.ctx.signals.data_changed.emit("*")
