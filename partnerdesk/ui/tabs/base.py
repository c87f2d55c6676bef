"""What the main window expects of a tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from partnerdesk.ui.context import AppContext


class Tab(QWidget):
    """One tab of the main window.

    `areas` lists the data areas whose changes make this tab refresh ("*" is
    always included). The main window routes Ctrl+N to `new_item()` and Ctrl+F
    to `focus_search()` of the current tab, and asks `can_leave()` (unsaved changes,
    `ui/unsaved.py`) before another tab is shown, the window closes, a backup is restored or
    an import is made or undone. Each tab has its own `undo_stack` (`ui/undo.py`), active while
    it is shown. After a restore, `refresh()` reloads every card it shows or closes it.
    """

    areas: tuple[str, ...] = ()
    object_name = "tab"
    # The kinds `open_item` answers; a tab not built yet is built to be asked only
    # when the kind is listed (None: always built to be asked).
    opens: tuple[str, ...] | None = None

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(self.object_name)
        self.undo_stack = ctx.undo.new_stack(self)

    @classmethod
    def title(cls) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload from the services."""

    def on_data_changed(self, area: str) -> None:
        if area == "*" or area in self.areas:
            self.refresh()

    def new_item(self) -> bool:
        """Ctrl+N. True when a new record is now on screen; False when nothing changed (the user kept
        unsaved typing with « Annuler », or closed a dialog): a caller filling the new record stops then."""
        return False

    def focus_search(self) -> None:
        """Ctrl+F."""

    def can_leave(self) -> bool:
        return True

    def open_item(self, kind: str, item_id: int) -> bool:
        """Show the card `kind`/`item_id` if this tab owns that kind; True when it did."""
        return False
