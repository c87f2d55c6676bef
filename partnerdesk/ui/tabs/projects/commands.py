"""Undoable pipeline moves: QUndoCommands that call the pipeline service."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from partnerdesk.domain.grammar import of_organisation
from partnerdesk.domain.projects import Stage
from partnerdesk.i18n import _
from partnerdesk.services import pipeline, projects


class MoveCardCommand(QUndoCommand):
    """Move a card to a stage (and row); undo puts it back and removes the journal entry."""

    def __init__(self, ctx, card_id: int, organisation_name: str, stage: str, row: int | None = None,
                 reason: str = ""):
        super().__init__(_("Move {name} to “{stage}”").format(
            name=organisation_name, of_name=of_organisation(organisation_name), stage=_(Stage(stage).label)))
        self.ctx = ctx
        self.card_id = card_id
        self.stage = stage
        self.row = row
        self.reason = reason
        self.result = None

    def redo(self) -> None:
        if projects.get_card(self.card_id) is None:  # removed since: nothing left to move
            self.setObsolete(True)
            return
        self.result = pipeline.move_card(self.card_id, self.stage, position=self.row, reason=self.reason,
                                         translate=_)
        self.ctx.signals.data_changed.emit("projects")

    def undo(self) -> None:
        if self.result is not None:
            pipeline.undo_move(self.result)
            self.result = None
        self.ctx.signals.data_changed.emit("projects")


class DeleteProjectCommand(QUndoCommand):
    """Send a project to the trash (soft delete); undo brings it back with everything in it."""

    def __init__(self, ctx, project_id: int, title: str):
        super().__init__(_("Delete the project “{title}”").format(title=title))
        self.ctx = ctx
        self.project_id = project_id

    def redo(self) -> None:
        projects.delete_project(self.project_id)
        self.ctx.signals.data_changed.emit("projects")

    def undo(self) -> None:
        projects.restore_project(self.project_id)
        self.ctx.signals.data_changed.emit("projects")
