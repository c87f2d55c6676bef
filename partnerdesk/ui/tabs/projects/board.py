"""The pipeline board: one column per stage plus the "abandonné / refusé" lane.

Cards move by drag and drop, by keyboard (Ctrl+→ / Ctrl+← next / previous stage,
←/→ alone to change column) or from the context menu; every move is a
`MoveCardCommand` on the undo stack. Reaching some stages offers the calendar's
next steps, which become milestones.
"""

from __future__ import annotations

import bisect

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QMenu, QScrollArea, QVBoxLayout, QWidget

from partnerdesk.domain.projects import PartnerCard, Stage
from partnerdesk.i18n import _
from partnerdesk.services import pipeline, projects
from partnerdesk.ui.models.roles import ObjectRole
from partnerdesk.ui.tabs.projects import card_updates, convention_offer
from partnerdesk.ui.tabs.projects.board_columns import StageColumn
from partnerdesk.ui.tabs.projects.commands import MoveCardCommand
from partnerdesk.ui.tabs.projects.dialogs import ProposalsDialog, ReasonDialog


def board_order(cross_project: bool):
    """The order of a column: by position (then id) on a project's board; by project title first
    on the all-projects board."""
    if cross_project:
        return lambda c: (c.project_title.casefold(), c.position, c.id)
    return lambda c: (c.position, c.id)


def _cards_by_stage(query, stages: list[str], cross_project: bool) -> dict[str, list[PartnerCard]]:
    """The cards of `query` ((project filter, person in charge) on the all-projects board,
    (project id,) on a project's, None for none), grouped by stage."""
    cards = [] if query is None else projects.list_cards(*query)
    by_stage: dict[str, list[PartnerCard]] = {s: [] for s in stages}
    for card in cards:
        by_stage.setdefault(card.stage, []).append(card)
    key = board_order(cross_project)
    for stage_cards in by_stage.values():
        stage_cards.sort(key=key)
    return by_stage


class PipelineBoard(QWidget):
    """The board of one project (`project_id`) or of every project (filters shown)."""

    card_selected = Signal(int)  # project_partner id, 0 when none

    def __init__(self, ctx, project_id: int | None = None, cross_project: bool = False, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.project_id = project_id
        self.cross_project = cross_project
        self.reason_dialog: ReasonDialog | None = None
        self.proposals_dialog: ProposalsDialog | None = None
        self.offer_proposals = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if cross_project:
            outer.addLayout(self._build_filters())
        self.hint = QLabel(_("Drag a card to another column, or select it and press Ctrl+→ / Ctrl+← "
                             "to move it to the next or previous stage. Ctrl+Z undoes a move."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        outer.addWidget(self.hint)
        row = QWidget()
        columns_layout = QHBoxLayout(row)
        columns_layout.setContentsMargins(0, 0, 0, 0)
        columns_layout.setSpacing(6)
        self.columns: dict[str, StageColumn] = {}
        for stage in list(Stage):
            column = StageColumn(stage, cross_project)
            column.model.move_requested.connect(self.request_move)
            column.view.customContextMenuRequested.connect(
                lambda pos, c=column: self._context_menu(c, pos))
            column.view.neighbour_requested.connect(lambda delta, s=stage: self._focus_neighbour(s, delta))
            column.view.doubleClicked.connect(self._open_card)
            column.view.activated.connect(self._open_card)
            column.view.selectionModel().currentChanged.connect(
                lambda current, _previous, c=column: self._current_changed(c, current))
            if stage.is_closed:
                columns_layout.addSpacing(12)
            columns_layout.addWidget(column)
            self.columns[stage.value] = column
        columns_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(row)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll = scroll
        outer.addWidget(scroll, 1)
        self._build_actions()
        self._stale = False  # changed while hidden: reloaded when shown
        self._generation = 0  # of the latest background read of the cards
        self._reading = False  # a background read has not been shown yet
        ctx.signals.data_changed.connect(self._on_data_changed)

    def shows(self, project_id: int) -> bool:
        """Whether this board shows that project's cards (the all-projects board shows every project's):
        a move is undone only then (`ui/undo.py`)."""
        return self.cross_project or project_id == self.project_id

    def hidden_in_shown_window(self) -> bool:
        """Nobody sees this board now, but its window is on screen: it can catch up when shown."""
        return self.window().isVisible() and not self.isVisible()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def reload_later(self) -> None:
        """Read the cards when the board is next shown (or `catch_up()` is called)."""
        self._stale = True

    def catch_up(self) -> None:
        if self._stale:
            self._stale = False
            if self.cross_project:
                self._fill_filters()
            self.reload()

    # --- loading ------------------------------------------------------------

    def _build_filters(self):
        bar = QHBoxLayout()
        self.project_filter = QComboBox()
        self.project_filter.setObjectName("boardProjectFilter")
        self.charge_filter = QComboBox()
        self.charge_filter.setObjectName("boardChargeFilter")
        bar.addWidget(QLabel(_("Project:")))
        bar.addWidget(self.project_filter, 2)
        bar.addWidget(QLabel(_("Person in charge:")))
        bar.addWidget(self.charge_filter, 1)
        self.project_filter.currentIndexChanged.connect(self.reload)
        self.charge_filter.currentIndexChanged.connect(self.reload)
        self._fill_filters()
        return bar

    def _fill_filters(self) -> None:
        for combo, items in ((self.project_filter, [(title, pid) for pid, title in projects.project_titles()]),
                             (self.charge_filter, [(n, n) for n in projects.people_in_charge()])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("All"), None)
            for text, value in items:
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def set_project(self, project_id: int | None) -> None:
        self.project_id = project_id
        self.reload()

    def reload(self) -> None:
        if self.hidden_in_shown_window():
            self._stale = True  # read when shown (the all-projects board holds every card)
            return
        # The cards are read and grouped in the background (every card of every project on the
        # all-projects board); the GUI thread only hands each column its list.
        self._generation += 1
        self._reading = True
        generation, stages, cross = self._generation, list(self.columns), self.cross_project
        if cross:
            query = (self.project_filter.currentData(), self.charge_filter.currentData())
        else:
            query = None if self.project_id is None else (self.project_id,)
        self.ctx.tasks.run(lambda _handle: _cards_by_stage(query, stages, cross),
                           lambda by_stage: self._show_cards(generation, by_stage))

    def _show_cards(self, generation: int, by_stage: dict[str, list[PartnerCard]]) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return  # a newer read is under way, or the board is gone
        self._reading = False
        selected = self.selected_card()
        for stage, column in self.columns.items():
            column.set_cards(by_stage[stage])
        if selected is not None:
            self.select_card(selected.id)

    def _on_data_changed(self, area: str) -> None:
        if area in ("projects", "organisations", "*"):
            moved = card_updates.announced() if area == "projects" else None
            if moved is not None and not self._stale and not self._reading:
                self.update_project_cards(*moved)  # a move: only that project's cards, even while hidden
                return
            if self.hidden_in_shown_window():
                self._stale = True
                return
            if self.cross_project:
                self._fill_filters()
            selected = self.selected_card()
            self.reload()
            if selected is not None:
                self.select_card(selected.id)

    def update_project_cards(self, project_id: int, cards: list[PartnerCard]) -> None:
        """Show `cards` as the cards of `project_id` now, keeping every other card in place."""
        if self.cross_project:
            shown_project, in_charge = self.project_filter.currentData(), self.charge_filter.currentData()
            if shown_project is not None and shown_project != project_id:
                return
            cards = [c for c in cards if not in_charge or c.in_charge == in_charge]
        elif self.project_id != project_id:
            return
        selected = self.selected_card()
        key = board_order(self.cross_project)
        for stage, column in self.columns.items():
            shown = column.model.cards()
            new = [c for c in cards if c.stage == stage]
            if not new and not any(c.project_id == project_id for c in shown):
                continue
            column_cards = [c for c in shown if c.project_id != project_id]
            for card in new:
                bisect.insort(column_cards, card, key=key)
            column.update_cards(column_cards)
        if selected is not None and ((now := self.selected_card()) is None or now.id != selected.id):
            self.select_card(selected.id)  # the selected card changed column: the selection follows it

    # --- selection and keyboard ------------------------------------------------

    def _build_actions(self) -> None:
        self.next_action = QAction(_("Move to the next stage"), self)
        self.next_action.setShortcut(QKeySequence("Ctrl+Right"))
        self.next_action.triggered.connect(lambda: self.move_selected(1))
        self.previous_action = QAction(_("Move to the previous stage"), self)
        self.previous_action.setShortcut(QKeySequence("Ctrl+Left"))
        self.previous_action.triggered.connect(lambda: self.move_selected(-1))
        self.abandon_action = QAction(_("Abandoned / refused…"), self)
        self.abandon_action.triggered.connect(lambda: self._move_selected_to(Stage.ABANDONNE.value))
        for action in (self.next_action, self.previous_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def selected_card(self) -> PartnerCard | None:
        focused = self.focusWidget()
        ordered = sorted(self.columns.values(), key=lambda c: c.view is not focused)
        for column in ordered:
            indexes = column.view.selectionModel().selectedIndexes()
            if indexes:
                return column.model.card_at(indexes[0].row())
        return None

    def select_card(self, card_id: int) -> bool:
        for column in self.columns.values():
            row = column.model.row_of(card_id)
            column.view.clearSelection()
            if row >= 0:
                index = column.model.index(row)
                column.view.setCurrentIndex(index)
                column.view.scrollTo(index)
                self.scroll.ensureWidgetVisible(column, 12, 0)  # a column off-screen on a 1366 px window
                column.view.setFocus()
                for other in self.columns.values():
                    if other is not column:  # one card is current on the whole board: a click on
                        other.view.clearSelection()  # another column's card is always a change
                        other.view.selectionModel().blockSignals(True)
                        other.view.selectionModel().clearCurrentIndex()
                        other.view.selectionModel().blockSignals(False)
                return True
        return False

    def _current_changed(self, column: StageColumn, current) -> None:
        if current.isValid():
            self.card_selected.emit(column.model.card_at(current.row()).id)

    def _focus_neighbour(self, stage: str, delta: int) -> None:
        order = list(self.columns)
        i = order.index(stage) + delta
        if 0 <= i < len(order):
            view = self.columns[order[i]].view
            view.setFocus()
            if view.model().rowCount() and not view.selectionModel().hasSelection():
                view.setCurrentIndex(view.model().index(0))

    def move_selected(self, delta: int) -> None:
        card = self.selected_card()
        if card is None:
            return
        stage = Stage(card.stage)
        target = stage.next() if delta > 0 else stage.previous()
        if stage.is_closed and delta < 0:
            target = Stage.IDENTIFIE
        if target is not None:
            self.request_move(card.id, target.value, -1)

    def _move_selected_to(self, stage: str) -> None:
        if (card := self.selected_card()) is not None:
            self.request_move(card.id, stage, -1)

    def _context_menu(self, column: StageColumn, pos) -> None:
        index = column.view.indexAt(pos)
        if not index.isValid():
            return
        column.view.setCurrentIndex(index)
        card = column.model.card_at(index.row())
        menu = QMenu(self)
        menu.addAction(self.next_action)
        menu.addAction(self.previous_action)
        move_to = menu.addMenu(_("Move to"))
        for stage in Stage.pipeline():
            action = move_to.addAction(_(stage.label))
            action.setEnabled(stage.value != card.stage)
            action.triggered.connect(lambda checked=False, s=stage.value: self.request_move(card.id, s, -1))
        menu.addAction(self.abandon_action)
        menu.addAction(_("Should we accept this partnership?…"), lambda: self._open_grid(card))
        menu.addSeparator()
        menu.addAction(_("Open the organisation"), lambda: self.ctx.signals.open_requested.emit(
            "organisation", card.organisation_id))
        if self.cross_project:
            menu.addAction(_("Open the project"), lambda: self.ctx.signals.open_requested.emit(
                "project_partner", card.id))
        menu.popup(column.view.viewport().mapToGlobal(pos))

    def _open_grid(self, card: PartnerCard) -> None:
        from partnerdesk.ui.tabs.balance.panel import open_grid

        if open_grid(self, card.organisation_id, card.project_id):
            self.ctx.signals.data_changed.emit("balance")
            self.reload()

    def _open_card(self, index) -> None:
        card = index.data(ObjectRole)
        if card is not None:
            kind, item = ("project_partner", card.id) if self.cross_project else ("organisation", card.organisation_id)
            self.ctx.signals.open_requested.emit(kind, item)

    # --- moves --------------------------------------------------------------------

    def find_card(self, card_id: int) -> PartnerCard | None:
        for column in self.columns.values():
            row = column.model.row_of(card_id)
            if row >= 0:
                return column.model.card_at(row)
        return None

    def request_move(self, card_id: int, stage: str, row: int = -1) -> None:
        """Move a card (from a drop, a key or a menu): asks a reason for the abandoned lane."""
        card = self.find_card(card_id) or projects.get_card(card_id)
        if card is None:
            return
        if self.cross_project:
            row = -1  # positions are per project: a drop on the combined board goes to the end
        if row is not None and row >= 0 and stage == card.stage:
            old = self.columns[stage].model.row_of(card_id)
            if old >= 0 and row > old:
                row -= 1
            if row == old:
                return
        elif stage == card.stage:
            return
        position = None if row is None or row < 0 else row
        if Stage(stage).is_closed:
            self.reason_dialog = ReasonDialog(card.organisation_name, self)
            self.reason_dialog.accepted.connect(
                lambda: self._push_move(card, stage, position, self.reason_dialog.reason()))
            self.reason_dialog.open()
            return
        self._push_move(card, stage, position, "")

    def _push_move(self, card: PartnerCard, stage: str, position: int | None, reason: str) -> None:
        self.ctx.undo.push(self, MoveCardCommand(self.ctx, card, stage, position, reason, board=self))
        if (selected := self.selected_card()) is None or selected.id != card.id:  # else already followed
            self.select_card(card.id)
        self.ctx.signals.status_message.emit(_("{name} moved to “{stage}”. Ctrl+Z to undo.").format(
            name=card.organisation_name, stage=_(Stage(stage).label)))
        offer = (lambda: setattr(self, "convention_box", convention_offer.check(self, self.ctx, card))) \
            if stage == Stage.CONVENTION_SIGNEE.value else (lambda: None)
        if self.offer_proposals and stage != card.stage:
            proposals = pipeline.proposals_for_card(card.id, stage)
            if proposals:
                self.proposals_dialog = ProposalsDialog(card.organisation_name, _(Stage(stage).label), proposals, self)
                self.proposals_dialog.accepted.connect(lambda: self._accept_proposals(card.id))
                self.proposals_dialog.finished.connect(lambda _result: offer())  # one question at a time
                self.proposals_dialog.open()
                return
        offer()

    def _accept_proposals(self, card_id: int) -> None:
        chosen = self.proposals_dialog.chosen() if self.proposals_dialog else []
        if chosen:
            pipeline.accept_proposals(card_id, chosen, translate=_)
            self.ctx.signals.data_changed.emit("projects")
