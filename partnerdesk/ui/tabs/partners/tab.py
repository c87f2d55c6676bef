"""Partenaires: the list of organisations (or people) on the left, the open card on the right."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout

from partnerdesk.i18n import _, ngettext
from partnerdesk.services import partners
from partnerdesk.ui.dialogs.merge import MergeDialog
from partnerdesk.ui.dialogs.tags import TagsDialog
from partnerdesk.ui.dialogs.trash import TrashDialog
from partnerdesk.ui.tabs.base import Tab
from partnerdesk.ui.tabs.partners import OPENS, TITLE
from partnerdesk.ui.widgets.export_runner import ExportRunner
from partnerdesk.ui.tabs.partners import mailing
from partnerdesk.ui.tabs.partners.commands import MoveToTrash
from partnerdesk.ui.tabs.partners.list_panel import ListPanel
from partnerdesk.ui.tabs.partners.org_card import OrganisationCard
from partnerdesk.ui.tabs.partners.person_card import PersonCard
from partnerdesk.ui.widgets.empty_state import EmptyState
from partnerdesk.ui.widgets.splitters import keep_minimum_sizes


class PartnersTab(Tab):
    areas = ("organisations", "people", "tags", "interactions")
    object_name = "partnersTab"
    opens = OPENS

    def __init__(self, ctx, try_demo=None, parent=None):
        super().__init__(ctx, parent)
        self.list = ListPanel(ctx)
        # Kept for callers of the foundation's minimal tab.
        self.model, self.proxy, self.table = self.list.org_model, self.list.org_proxy, self.list.org_table

        self.empty = EmptyState(
            _("Create your first partner"),
            _("PartnerDesk keeps the cards of the organisations you work with, their people and your "
              "exchanges. Start with a partner, or try the app on sample data (nothing is saved)."),
        )
        self.empty.setObjectName("partnersEmptyState")
        self.empty.add_button(_("New organisation"), self.new_item, "firstPartnerButton")
        if try_demo is not None and not ctx.demo:
            self.empty.add_button(_("Try with sample data"), try_demo, "tryDemoButton")

        # The cards are built just after the tab, each in its own turn (see `org_card`).
        self._org_card: OrganisationCard | None = None
        self._person_card: PersonCard | None = None
        self._person_card_additions: list = []  # what other areas add to the person card (`when_person_card`)
        self.no_card = EmptyState(_("Choose a partner in the list"),
                                  _("Or create a new one with “New” (Ctrl+N)."))
        self.cards = QStackedWidget()
        self.cards.setObjectName("partnerCards")
        self.cards.addWidget(self.no_card)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.cards)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 800])  # an open card gets the room it needs on 1366 px
        keep_minimum_sizes(self.splitter, (360, 420))
        # The list takes the whole width while no card is open (1366 px screens).
        self.cards.currentChanged.connect(lambda _i: self.cards.setVisible(self.cards.currentWidget() is not self.no_card))
        self.cards.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list.current_changed.connect(self._open_from_list)
        self.list.new_requested.connect(self.new_item)
        self.list.delete_requested.connect(self.delete_cards)
        self.list.merge_requested.connect(self.merge)
        self.list.tags_requested.connect(self.show_tags)
        self.list.trash_requested.connect(self.show_trash)
        self.refresh()
        # The cards (forms of a hundred widgets) are built in their own turns of the event loop
        # once the list is filled (not beside its query: the two would share the interpreter),
        # or at once when something needs them.
        self.ctx.tasks.when_idle(lambda: shiboken6.isValid(self) and self.org_card, after_ms=50)
        self.ctx.tasks.when_idle(lambda: shiboken6.isValid(self) and self.person_card, after_ms=200)

    @property
    def org_card(self) -> OrganisationCard:
        if self._org_card is None:
            card = self._org_card = OrganisationCard(self.ctx)
            self.cards.insertWidget(1, card)
            card.saved.connect(self._saved)
            card.open_requested.connect(self.open_item)
            card.contacts.open_person.connect(lambda pid: self.open_item("person", pid))
            card.contacts.new_person.connect(self._new_person_in)
            self._build_organisation_menu()
        return self._org_card

    @property
    def person_card(self) -> PersonCard:
        if self._person_card is None:
            card = self._person_card = PersonCard(self.ctx)
            self.cards.addWidget(card)
            card.saved.connect(self._saved)
            card.open_requested.connect(self.open_item)
            self._build_person_menu()
            for addition in self._person_card_additions:
                addition(card)
        return self._person_card

    def when_person_card(self, addition) -> None:
        """Call `addition(card)` with the person card once it exists (at once if it does): what
        another area adds to it (the RGPD actions of its "More" menu)."""
        self._person_card_additions.append(addition)
        if self._person_card is not None:
            addition(self._person_card)

    @classmethod
    def title(cls) -> str:
        return _(TITLE)

    def _build_organisation_menu(self) -> None:
        menu = self.org_card.more_menu
        menu.addAction(_("Merge with another organisation…"), lambda: self.merge("organisation", self.org_card.item_id))
        menu.addAction(_("Copy the emails (for Bcc)"),
                       lambda: mailing.copy_emails(self, self.ctx, partners.emails_of([self.org_card.item_id])))
        menu.addAction(_("Write to all (Bcc)…"),
                       lambda: mailing.write_bcc(self, self.ctx, partners.emails_of([self.org_card.item_id])))
        menu.addAction(_("Partner sheet…"), self._export_partner_sheet)
        menu.addSeparator()
        menu.addAction(_("Move to the trash"), lambda: self.delete_cards("organisation", [self.org_card.item_id]))

    def _build_person_menu(self) -> None:
        menu = self.person_card.more_menu
        menu.addAction(_("Merge with another person…"), lambda: self.merge("person", self.person_card.item_id))
        menu.addSeparator()
        menu.addAction(_("Move to the trash"), lambda: self.delete_cards("person", [self.person_card.item_id]))

    def _export_partner_sheet(self) -> None:
        """The "Fiche partenaire" PDF of the organisation on the card (saved state)."""
        card = self.org_card
        if card.item_id is not None:
            ExportRunner(self.ctx, self).export("partner", card.item_id, title=card.name.text())

    # --- Tab ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.list.refresh()
        has_data = partners.count_organisations() > 0 or partners.count_people() > 0
        self.stack.setCurrentWidget(self.splitter if has_data else self.empty)
        card = self.current_card()
        if card is not None and card.item_id is not None and not card.is_dirty():
            if partners.is_deleted(card.kind, card.item_id):
                self.cards.setCurrentWidget(self.no_card)
                self.ctx.signals.status_message.emit(
                    _("The card “{name}” no longer exists: it was closed.").format(name=card.display_name()))
            else:
                card.show_item(card.item_id)

    def new_item(self) -> bool:
        if not self.can_leave():
            return False
        self.stack.setCurrentWidget(self.splitter)
        if self.list.view_kind() == "person":
            self.person_card.new_in(None)
            card = self.person_card
        else:
            self.org_card.show_item(None)
            card = self.org_card
        card.sections.setCurrentIndex(0)
        self.cards.setCurrentWidget(card)
        self.list.select(card.kind, -1)
        (card.last_name if card.kind == "person" else card.name).setFocus()
        return True

    def focus_search(self) -> None:
        self.stack.setCurrentWidget(self.splitter)
        self.list.search_box.setFocus()
        self.list.search_box.selectAll()

    def can_leave(self) -> bool:
        card = self.current_card()
        return card is None or card.can_leave()

    def open_item(self, kind: str, item_id: int) -> bool:
        """Show the card of an organisation or a person (other tabs ask through
        `ctx.signals.open_requested`)."""
        if kind not in ("organisation", "person"):
            return False
        if not self.can_leave():
            return True
        card = self.org_card if kind == "organisation" else self.person_card
        self.stack.setCurrentWidget(self.splitter)
        if kind == "person":
            card.new_organisation_id = None
        card.show_item(item_id)
        self.cards.setCurrentWidget(card)
        self.list.select(kind, item_id)
        return True

    def current_card(self):
        widget = self.cards.currentWidget()
        return widget if widget is not None and widget in (self._org_card, self._person_card) else None

    # --- reactions ---------------------------------------------------------------------

    def _open_from_list(self, kind: str, item_id: int) -> None:
        card = self.current_card()
        if card is not None and card.kind == kind and card.item_id == item_id:
            return
        if not self.can_leave():
            if card is not None:
                self.list.select(card.kind, card.item_id if card.item_id is not None else -1)
            return
        self.open_item(kind, item_id)

    def _new_person_in(self, organisation_id: int) -> None:
        if not self.can_leave():
            return
        self.person_card.new_in(organisation_id)
        self.person_card.sections.setCurrentIndex(0)
        self.cards.setCurrentWidget(self.person_card)
        self.person_card.last_name.setFocus()

    def _saved(self, kind: str, item_id: int) -> None:
        self.ctx.signals.data_changed.emit("organisations" if kind == "organisation" else "people")
        self.list.select(kind, item_id)

    def delete_cards(self, kind: str, ids: list[int]) -> None:
        """Move cards to the trash (Ctrl+Z, or restore them from "Trash…")."""
        ids = [i for i in ids if i is not None]
        if not ids:
            return
        card = self.current_card()
        if card is not None and card.kind == kind and card.item_id in ids:
            card.set_clean()
            self.cards.setCurrentWidget(self.no_card)
        self.ctx.undo_for(self).push(MoveToTrash(self.ctx, kind, ids))
        self.ctx.signals.status_message.emit(
            ngettext("{count} card moved to the trash (Ctrl+Z or Trash… to restore it).",
                     "{count} cards moved to the trash (Ctrl+Z or Trash… to restore them).",
                     len(ids)).format(count=len(ids)))

    def merge(self, kind: str, keep_id: int, drop_id: int | None = None) -> bool:
        if keep_id is None or not self.can_leave():
            return False
        dialog = MergeDialog(kind, keep_id, self)
        if drop_id is not None:
            dialog.set_other(drop_id)
        merged = self.run_dialog(dialog)
        if merged:
            # Irreversible (said in the dialog): earlier steps may concern the card merged away.
            self.ctx.undo.clear_context(self.undo_stack)
            self.ctx.signals.status_message.emit(_("Cards merged (a merge cannot be undone)."))
            self.ctx.signals.data_changed.emit("*" if kind == "organisation" else "people")
            self.open_item(kind, keep_id)
        return merged

    def show_tags(self) -> None:
        dialog = TagsDialog(self.ctx, self)
        self.run_dialog(dialog)

    def show_trash(self) -> None:
        dialog = TrashDialog(self.ctx, self)
        dialog.changed.connect(lambda: self.ctx.signals.data_changed.emit("*"))
        self.run_dialog(dialog)

    def run_dialog(self, dialog) -> bool:
        """Modal dialogs go through here (tests replace it to drive the dialog)."""
        self.last_dialog = dialog
        return bool(dialog.exec())
