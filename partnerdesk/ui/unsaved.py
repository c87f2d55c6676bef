"""The one unsaved-changes mechanism of every editor (cards, project pages, conventions,
identity, the review window).

An editor has `is_dirty()`, `save() -> bool`, `revert()` and `display_name()`. A `DirtyTracker`
marks it modified on any change of the widgets it watches (not while it loads), and
`settle(editor)` is the question asked before navigating away (another row, "New", another
tab, closing, a restore, an import, the undo of an import): Save / Discard / Cancel. It returns
True when the editor may be left (nothing unsaved, saved, or discarded). An editing dialog
subclasses `EditingDialog`: Escape, Annuler and the close box ask the same question.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
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
            elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
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


class EditingDialog(QDialog):
    """A dialog that edits: when a field it watches (`self.tracker.watch(...)`, once the fields
    are filled) was changed, Escape, Annuler and the close box ask Enregistrer / Ne pas
    enregistrer / Annuler instead of throwing the typing away. "Enregistrer" clicks the dialog's
    own OK button (a subclass with a `save() -> bool` of its own is used as is)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tracker = DirtyTracker(self)

    def is_dirty(self) -> bool:
        return self.tracker.is_dirty()

    def display_name(self) -> str:
        return self.windowTitle()

    def save(self) -> bool:
        for box in self.findChildren(QDialogButtonBox):
            for button in box.buttons():
                if box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole:
                    button.click()
                    return self.result() == QDialog.DialogCode.Accepted
        return False

    def revert(self) -> None:
        self.tracker.set_clean()  # the dialog closes: nothing to put back

    def reject(self) -> None:
        if settle(self) and self.result() != QDialog.DialogCode.Accepted:  # "Enregistrer" closed it already
            super().reject()
