"""Undoable pipeline moves: QUndoCommands that call the pipeline service."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from partnerdesk.domain.projects import Stage
from partnerdesk.i18n import _
from partnerdesk.services import pipeline


class MoveCardCommand(QUndoCommand):
    """Move a card to a stage (and row); undo puts it back and removes the journal entry."""

    def __init__(self, ctx, card_id: int, organisation_name: str, stage: str, row: int | None = None,
                 reason: str = ""):
        super().__init__(_("Move {name} to “{stage}”").format(name=organisation_name, stage=_(Stage(stage).label)))
        self.ctx = ctx
        self.card_id = card_id
        self.stage = stage
        self.row = row
        self.reason = reason
        self.result = None

    def redo(self) -> None:
        self.result = pipeline.move_card(self.card_id, self.stage, position=self.row, reason=self.reason,
                                         translate=_)
        self.ctx.signals.data_changed.emit("projects")

    def undo(self) -> None:
        if self.result is not None:
            pipeline.undo_move(self.result)
            self.result = None
        self.ctx.signals.data_changed.emit("projects")
