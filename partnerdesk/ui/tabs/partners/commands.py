"""Undoable actions of the Partenaires tab (Ctrl+Z): moving cards to the trash."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from partnerdesk.i18n import ngettext
from partnerdesk.services import trash


class MoveToTrash(QUndoCommand):
    """Redo moves the cards to the trash, undo restores them."""

    def __init__(self, ctx, kind: str, ids: list[int]):
        super().__init__(ngettext("Move {count} card to the trash", "Move {count} cards to the trash", len(ids)).format(
            count=len(ids)))
        self.ctx, self.kind, self.ids = ctx, kind, list(ids)

    def _changed(self) -> None:
        self.ctx.signals.data_changed.emit("organisations" if self.kind == "organisation" else "people")

    def redo(self) -> None:
        for item_id in self.ids:
            trash.delete(self.kind, item_id)
        self._changed()

    def undo(self) -> None:
        for item_id in self.ids:
            trash.restore(self.kind, item_id)
        self._changed()
