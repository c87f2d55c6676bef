"""What the organisation and person cards share: header, Enregistrer / Annuler with a
modified marker, field errors, sections, and the guard against leaving unsaved changes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import _
from partnerdesk.services import partners
from partnerdesk.ui.style import comfort_tabs
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.unsaved import DirtyTracker, settle_all, vanished_message
from partnerdesk.ui.widgets.form import FieldErrors


class CardBase(QWidget):
    """A card: subclasses build the Fiche form and implement load / collect / write."""

    kind = ""
    saved = Signal(str, int)  # kind, id
    deleted = Signal(str, int)
    open_requested = Signal(str, int)
    dirty_changed = Signal(bool)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.item_id: int | None = None
        self.tracker = DirtyTracker(self)
        self.tracker.dirty_changed.connect(self._dirty_changed)
        self.errors = FieldErrors()
        # Sections holding typing of their own (Suivi's new exchange): editors settled with the card.
        self.typed_parts: list = []

        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("cardSubtitle")
        self.subtitle.setWordWrap(True)
        self.modified = QLabel("● " + _("Modified"))
        self.modified.setObjectName("modifiedMarker")
        self.modified.setStyleSheet("color: #b45309; font-weight: 600;")
        self.modified.hide()
        self.save_button = QPushButton(_("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreButton")
        self.more_button.setText(_("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self)
        self.more_button.setMenu(self.more_menu)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.revert)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.modified)
        head.addWidget(self.save_button)
        head.addWidget(self.cancel_button)
        head.addWidget(self.more_button)

        self.sections = comfort_tabs(QTabWidget())
        self.sections.setObjectName("cardSections")
        layout = QVBoxLayout(self)
        self.top = QVBoxLayout()
        layout.addLayout(self.top)
        layout.addLayout(head)
        layout.addWidget(self.sections, 1)
        self._update_buttons()

    def shows(self, item_id: int) -> bool:
        """This card shows that record (its undo steps are undone only then, `ui/undo.py`)."""
        return item_id is not None and item_id == self.item_id

    def set_title(self, text: str) -> None:
        """The card's name; a very long one is shortened (whole in the tooltip)."""
        self._full_title = text
        self.title.setText(text if len(text) <= 90 else text[:89] + "…")
        self.title.setToolTip(text if len(text) > 90 else "")

    # --- sections (other areas add theirs) --------------------------------------

    def add_card_section(self, title: str, widget_factory) -> QWidget:
        """Add a tab to the card: `widget_factory(card)` builds its widget once."""
        widget = widget_factory(self)
        self.sections.addTab(widget, title)
        return widget

    # --- dirty tracking -------------------------------------------------------------

    def watch(self, *widgets) -> None:
        self.tracker.watch(*widgets)

    def mark_dirty(self, *_args) -> None:
        self.tracker.mark()

    def is_dirty(self) -> bool:
        return self.tracker.is_dirty()

    def set_clean(self) -> None:
        self.tracker.set_clean()
        self._update_buttons()

    def _dirty_changed(self, dirty: bool) -> None:
        self._update_buttons()
        self.dirty_changed.emit(dirty)

    def _update_buttons(self) -> None:
        dirty = self.tracker.is_dirty()
        self.modified.setVisible(dirty)
        new = self.item_id is None
        self.save_button.setEnabled(dirty or new)
        self.cancel_button.setEnabled(dirty)
        self.more_button.setEnabled(not new)

    # --- load / save -----------------------------------------------------------------

    def show_item(self, item_id: int | None) -> None:
        with self.tracker.loading():
            self.item_id = item_id
            self.errors.clear()
            self.load()
        self._update_buttons()
        self.ctx.undo.changed.emit()  # another record on screen: the Edit menu names its steps
        if item_id is not None and partners.is_deleted(self.kind, item_id):
            self.subtitle.setText(_("This card is in the trash: restore it from “Trash…” under the list."))
            self.subtitle.setStyleSheet("color: #8a1c12;")

    def revert(self) -> None:
        """Annuler: back to the saved card (a new card is emptied)."""
        self.show_item(self.item_id)

    def can_leave(self) -> bool:
        """True when there is nothing unsaved (on the card or in its `typed_parts`), or the user
        saved or discarded it."""
        return settle_all([self, *self.typed_parts], self)

    def save(self) -> bool:
        """Validate and write; on bad input show messages next to the fields, keep the
        typing and write nothing. Returns True when saved."""
        data = self.collect()
        self.errors.clear()
        try:
            self.validate(data)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            widget = self.errors.first_invalid()
            if widget is not None:
                widget.setFocus()
            self.ctx.signals.status_message.emit(_("The card was not saved: check the fields in red."))
            return False
        if self.item_id is None:
            matches = self.duplicates(data)
            if matches:
                answer, match = prompts.ask_duplicates(self, matches)
                if answer == "cancel":
                    return False
                if answer == "open":
                    self.set_clean()
                    self.open_requested.emit(match.kind, match.id)
                    return False
        try:
            self.item_id = self.write(data)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        except partners.NotFound:
            # Deleted elsewhere, or a restore replaced the data: keep the typing, say so calmly.
            self.item_id = None
            self._update_buttons()
            prompts.inform(self, _("Card not found"), vanished_message())
            return False
        self.ctx.signals.status_message.emit(_("Saved."))
        self.show_item(self.item_id)
        self.saved.emit(self.kind, self.item_id)
        return True

    # --- for subclasses --------------------------------------------------------------

    def load(self) -> None:
        raise NotImplementedError

    def collect(self):
        raise NotImplementedError

    def validate(self, data) -> None:
        raise NotImplementedError

    def duplicates(self, data) -> list:
        return []

    def write(self, data) -> int:
        raise NotImplementedError

    def display_name(self) -> str:
        return getattr(self, "_full_title", self.title.text())
