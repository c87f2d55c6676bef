"""Undo you can predict: one QUndoStack per context (each tab, the review window, each dialog
that edits), gathered in a QUndoGroup whose active stack is the one on screen.

- `ctx.undo_stack` is the active context's stack (what Ctrl+Z acts on);
- `ctx.undo_for(widget)` is the stack of the context `widget` belongs to (a tab or an
  editing dialog): push commands there, so an action lands in its own context even when
  triggered from elsewhere;
- `UndoScope(dialog, ctx)` gives a dialog its own stack while it is open, with Ctrl+Z /
  Ctrl+Shift+Z inside it, and gives the previous context back when it closes.

A command that touches data beyond its context (an import) sets `wide = True`: the main window
asks about unsaved changes everywhere before undoing it. A command that may no longer be
undoable (an import overtaken by later changes) answers `can_undo()`; the Edit menu then does
not offer it. A command that may not be undone now but could be later answers `refusal()`: the
Edit menu still names it, and Ctrl+Z says why instead of undoing.

A change to one record of a card (a project's sessions, a person's photo) is a `CardCommand`:
its text names the record, and it is undone only while its card shows that record, so that
Ctrl+Z never changes a card that is not on screen.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget

from partnerdesk.i18n import _


class UndoContexts(QObject):
    """The QUndoGroup of the application: `fallback` is the window-wide stack, active when no
    context is."""

    def __init__(self, fallback: QUndoStack | None = None, parent=None):
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self.fallback = fallback if fallback is not None else QUndoStack(self)
        self.group.addStack(self.fallback)
        self.group.setActiveStack(self.fallback)

    def new_stack(self, owner: QObject) -> QUndoStack:
        stack = QUndoStack(owner)
        self.group.addStack(stack)
        return stack

    def active(self) -> QUndoStack:
        return self.group.activeStack() or self.fallback

    def activate(self, stack: QUndoStack | None) -> None:
        self.group.setActiveStack(stack if stack is not None else self.fallback)

    def stacks(self) -> list[QUndoStack]:
        return list(self.group.stacks())

    def clear_all(self) -> None:
        """After a restore: no command may act on data that was replaced."""
        for stack in self.stacks():
            stack.clear()

    def stack_of(self, widget: QObject | None) -> QUndoStack:
        """The stack of the context (tab or dialog) that holds `widget`, else the active one."""
        node = widget
        while node is not None:
            stack = getattr(node, "undo_stack", None)
            if isinstance(stack, QUndoStack):
                return stack
            node = node.parent()
        return self.active()


def next_undo(stack: QUndoStack):
    """The command Ctrl+Z would undo, or None."""
    return stack.command(stack.index() - 1) if stack.canUndo() else None


def can_undo(stack: QUndoStack) -> bool:
    """Ctrl+Z would undo something now."""
    command = next_undo(stack)
    return offered(command) and refusal(command) is None


def offered(command) -> bool:
    """The Edit menu offers `command` (it may still refuse, saying why)."""
    if command is None:
        return False
    check = getattr(command, "can_undo", None)
    return bool(check()) if callable(check) else True


def refusal(command) -> str | None:
    """Why `command` may not be undone now (a message for the user), or None."""
    check = getattr(command, "refusal", None)
    return check() if callable(check) else None


def redo_refusal(command) -> str | None:
    """Why `command` may not be redone now (a message for the user), or None."""
    check = getattr(command, "redo_refusal", None)
    return check() if callable(check) else None


def card_of(widget: QWidget) -> QWidget | None:
    """The card holding `widget`: its outermost ancestor (or itself) that answers `shows(record_id)`
    (a person card holding a photo section that answers it too)."""
    card, node = None, widget
    while node is not None:
        if callable(getattr(node, "shows", None)):
            card = node
        node = node.parentWidget()
    return card


def on_screen(widget: QWidget) -> bool:
    """`widget` is shown whenever its context (tab or dialog) is: not on a hidden page of it."""
    node = widget
    while node is not None and not isinstance(getattr(node, "undo_stack", None), QUndoStack):
        if node.isHidden() and node.parentWidget() is not None:
            return False
        node = node.parentWidget()
    return True


class CardCommand(QUndoCommand):
    """A change to the record a card shows, named after it ("Create 3 sessions (Ateliers tablette)"),
    undone only while that card shows that record (`card.shows(record_id)`, card on screen)."""

    def __init__(self, step: str, name: str, widget: QWidget, record_id: int):
        super().__init__(_("{step} ({name})").format(step=step, name=name) if name else step)
        self.card, self.record_id = card_of(widget), record_id

    def shown(self) -> bool:
        card = self.card
        return card is not None and shiboken6.isValid(card) and card.shows(self.record_id) and on_screen(card)

    def refusal(self) -> str | None:
        if self.shown():
            return None
        return _("“{step}”: this card is not on screen. Open it to undo this step.").format(step=self.text())

    def redo_refusal(self) -> str | None:
        """Redo too changes only the card on screen."""
        if self.shown():
            return None
        return _("“{step}”: this card is not on screen. Open it to redo this step.").format(step=self.text())


class UndoScope(QObject):
    """A dialog's own undo context while it is open."""

    def __init__(self, dialog: QWidget, ctx):
        super().__init__(dialog)
        self.ctx = ctx
        self.previous = ctx.undo.active()
        self.stack = ctx.undo.new_stack(dialog)
        dialog.undo_stack = self.stack
        ctx.undo.activate(self.stack)
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo), (QKeySequence.StandardKey.Redo, self.redo)):
            shortcut = QShortcut(keys, dialog, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if hasattr(dialog, "finished"):
            dialog.finished.connect(self.close)
        dialog.destroyed.connect(self.close)
        dialog.installEventFilter(self)  # a window that is not modal: active again when it is

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.WindowActivate and self.stack in self.ctx.undo.group.stacks():
            self.ctx.undo.activate(self.stack)
        return False

    def undo(self) -> None:
        if can_undo(self.stack):
            self.stack.undo()

    def redo(self) -> None:
        if self.stack.canRedo() and redo_refusal(self.stack.command(self.stack.index())) is None:
            self.stack.redo()

    def close(self, *_args) -> None:
        """Give the previous context back (the dialog's commands go with it)."""
        if not shiboken6.isValid(self):
            return
        group = self.ctx.undo.group
        if self.stack in group.stacks():
            group.removeStack(self.stack)
        if self.previous in group.stacks():
            self.ctx.undo.activate(self.previous)
        else:
            self.ctx.undo.activate(None)
