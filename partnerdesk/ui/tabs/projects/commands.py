"""Undoable pipeline moves: QUndoCommands that call the pipeline service."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from partnerdesk.domain.grammar import of_organisation
from partnerdesk.domain.projects import Stage
from partnerdesk.i18n import _
from partnerdesk.services import pipeline, projects
from partnerdesk.ui.tabs.projects import card_updates


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
        self.project_id: int | None = None

    def redo(self) -> None:
        card = projects.get_card(self.card_id)
        if card is None:  # removed since: nothing left to move
            self.setObsolete(True)
            return
        self.project_id = card.project_id
        self.result = pipeline.move_card(self.card_id, self.stage, position=self.row, reason=self.reason,
                                         translate=_)
        self._announce()

    def undo(self) -> None:
        if self.result is not None:
            pipeline.undo_move(self.result)
            self.result = None
        self._announce()

    def _announce(self) -> None:
        """data_changed("projects"), with the project's cards for the boards (they update only those)."""
        if self.project_id is None:
            self.ctx.signals.data_changed.emit("projects")
            return
        with card_updates.announcing(self.project_id, projects.list_cards(self.project_id)):
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
