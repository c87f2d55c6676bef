"""Undoable pipeline moves: QUndoCommands that call the pipeline service."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from partnerdesk.domain.grammar import of_organisation
from partnerdesk.domain.projects import PartnerCard, Stage
from partnerdesk.i18n import _
from partnerdesk.services import pipeline, projects
from partnerdesk.ui.tabs.projects import card_updates
from partnerdesk.ui.undo import CardCommand


class MoveCardCommand(CardCommand):
    """Move a card to a stage (and row); undo puts it back and removes the journal entry. Undone
    only while a board showing that project is on screen (its own card, or the all-projects board)."""

    def __init__(self, ctx, card: PartnerCard, stage: str, row: int | None = None, reason: str = "",
                 board: QWidget | None = None):
        step = _("Move {name} to “{stage}”").format(name=card.organisation_name,
                                                    of_name=of_organisation(card.organisation_name),
                                                    stage=_(Stage(stage).label))
        super().__init__(step, card.project_title, board, card.project_id)
        self.ctx = ctx
        self.card_id = card.id
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
