"""The one unsaved-changes mechanism of every editor (cards, project pages, conventions,
identity, the review window).

An editor has `is_dirty()`, `save() -> bool`, `revert()` and `display_name()`. A `DirtyTracker`
marks it modified on any change of the widgets it watches (not while it loads), and
`settle(editor)` is the question asked before navigating away (another row, "New", another
tab, closing, a restore, an import, the undo of an import): Save / Discard / Cancel. It returns
True when the editor may be left (nothing unsaved, saved, or discarded).
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
)

from partnerdesk.i18n import _
from partnerdesk.ui.tabs.partners import prompts


class DirtyTracker(QObject):
    """Watches widgets; `dirty_changed(bool)` when the editor becomes modified or clean."""

    dirty_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._dirty = False
        self._loading = 0

    def watch(self, *widgets) -> None:
        for w in widgets:
            if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
                w.textChanged.connect(self.mark)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self.mark)
                if w.isEditable():
                    w.editTextChanged.connect(self.mark)
            elif isinstance(w, QAbstractButton):
                w.toggled.connect(self.mark)
            elif isinstance(w, QDateEdit):
                w.dateChanged.connect(self.mark)
            elif isinstance(w, QSpinBox):
                w.valueChanged.connect(self.mark)
            elif hasattr(w, "changed"):  # tag picker, consent section, rich text...
                w.changed.connect(self.mark)

    @contextmanager
    def loading(self):
        """Changes made while loading do not count; the editor is clean afterwards."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1
        self.set_clean()

    def mark(self, *_args) -> None:
        if self._loading or self._dirty:
            return
        self._dirty = True
        self.dirty_changed.emit(True)

    def is_dirty(self) -> bool:
        return self._dirty

    def set_clean(self) -> None:
        if self._dirty:
            self._dirty = False
            self.dirty_changed.emit(False)


def settle(editor, parent=None) -> bool:
    """Before leaving `editor`: True when nothing is unsaved or the user saved or discarded it."""
    if editor is None or not editor.is_dirty():
        return True
    answer = prompts.ask_unsaved(parent or editor, editor.display_name())
    if answer == "save":
        return bool(editor.save())
    if answer == "discard":
        editor.revert()
        return True
    return False


def settle_all(editors, parent=None) -> bool:
    """Every editor in turn; stops at the first Cancel."""
    return all(settle(e, parent) for e in editors if e is not None)


def vanished_message() -> str:
    return _("This record no longer exists: it was deleted, or a backup was restored meanwhile. "
             "What you typed is still on screen: save it again to create it anew, or cancel.")
