"""Undo you can predict: one QUndoStack per context (each tab, the review window, each dialog
that edits), gathered in a QUndoGroup whose active stack is the one on screen.

- `ctx.undo.active()` is the active context's stack (a tab's, a dialog's): push there what is
  not a card's step; `ctx.undo_stack` is the stack on screen last acted on (`current()`: the
  active one, or the stack of a record its card shows);
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

A change to one record of a card (a project's sessions, a person's photo) is a `CardCommand`,
pushed with `ctx.undo.push(widget, command)`: it goes to a stack of its own for that card and that
record (`card_stack`), beside its tab's stack. Ctrl+Z undoes the newest step among the active
stack and the stacks of the records shown on screen (`undo_target`), so that a step of a card that
is not on screen neither blocks nor is undone: Ctrl+Z on card A undoes A's last change even when
B was changed since, and B's steps wait for B. When no step on screen is left, the newest step of
a card not on screen is named, and Ctrl+Z says to open that card (`refusal`).
"""

from __future__ import annotations

import shiboken6
from itertools import count

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget

from partnerdesk.i18n import _


class UndoContexts(QObject):
    """The QUndoGroup of the application: `fallback` is the window-wide stack, active when no
    context is. `changed` fires when any stack moves (a card's stack is not the group's active one)."""

    changed = Signal()

    def __init__(self, fallback: QUndoStack | None = None, parent=None):
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self.fallback = fallback if fallback is not None else QUndoStack(self)
        self._clock = count(1)
        self._cards: list[tuple[QWidget, int, QUndoStack, QUndoStack]] = []  # card, record, stack, context
        self._follow(self.fallback)
        self.group.addStack(self.fallback)
        self.group.setActiveStack(self.fallback)

    def new_stack(self, owner: QObject) -> QUndoStack:
        stack = QUndoStack(owner)
        self._follow(stack)
        self.group.addStack(stack)
        return stack

    def _follow(self, stack: QUndoStack) -> None:
        """Stamp each step when it is done (`done_at`) or undone (`undone_at`): the newest step
        among several stacks is the one Ctrl+Z (or Ctrl+Shift+Z) acts on."""
        stack.setProperty("last_index", stack.index())

        def moved(index: int) -> None:
            if not shiboken6.isValid(stack):  # emptied while its card is destroyed
                return
            last = stack.property("last_index") or 0
            if index > last and stack.command(index - 1) is not None:
                stack.command(index - 1).done_at = next(self._clock)
            elif index < last and stack.command(index) is not None:
                stack.command(index).undone_at = next(self._clock)
            stack.setProperty("last_index", index)
            self._moved()

        stack.indexChanged.connect(moved)
        stack.cleanChanged.connect(lambda *_a: self._moved())

    def _moved(self) -> None:
        if shiboken6.isValid(self):  # a card's stack outlives the window's contexts at closing
            self.changed.emit()

    # --- the stacks of the records a card shows ------------------------------------------------

    def push(self, widget: QObject, command: QUndoCommand) -> None:
        """Push `command` where it belongs: a `CardCommand` on its card's stack for its record,
        anything else on the stack of the context holding `widget`."""
        card = getattr(command, "card", None)
        if isinstance(command, CardCommand) and card is not None:
            self.card_stack(card, command.record_id, self.stack_of(card)).push(command)
        else:
            self.stack_of(widget).push(command)

    def card_stack(self, card: QWidget, record_id: int, context: QUndoStack) -> QUndoStack:
        self._cards = [entry for entry in self._cards if shiboken6.isValid(entry[0]) and shiboken6.isValid(entry[2])]
        for held, rid, stack, _context in self._cards:
            if held is card and rid == record_id:
                return stack
        stack = QUndoStack(card)
        self._follow(stack)
        self.group.addStack(stack)  # cleared with the others after a restore
        self._cards.append((card, record_id, stack, context))
        return stack

    def card_stacks(self, context: QUndoStack, shown: bool | None = None) -> list[QUndoStack]:
        """The stacks of the records of cards in `context`: all, or those shown (or not) now."""
        found = []
        for card, rid, stack, held_in in self._cards:
            if held_in is not context or not (shiboken6.isValid(card) and shiboken6.isValid(stack)):
                continue
            if shown is None or shown == shows(card, rid):
                found.append(stack)
        return found

    def clear_context(self, context: QUndoStack) -> None:
        """`context` and the stacks of its cards emptied (after a merge)."""
        context.clear()
        for stack in self.card_stacks(context):
            stack.clear()

    def current(self) -> QUndoStack:
        """Of the active stack and the stacks of the records shown on screen, the one whose last
        step was done or undone last (the active stack when none has moved)."""
        active = self.active()
        candidates = [active] + self.card_stacks(active, shown=True)
        return max(candidates, key=_last_moved) if len(candidates) > 1 else active

    def undo_target(self) -> QUndoStack:
        """The stack whose next undo is the newest step on screen; else the newest step of a card
        not on screen (refused, naming it); else the active stack."""
        active = self.active()
        return (_newest(offered_steps([active] + self.card_stacks(active, shown=True)))
                or _newest(offered_steps(self.card_stacks(active, shown=False))) or active)

    def redo_target(self) -> QUndoStack:
        """The stack whose next redo was undone last, on screen first (as `undo_target`)."""
        active = self.active()
        return (_last_undone([active] + self.card_stacks(active, shown=True))
                or _last_undone(self.card_stacks(active, shown=False)) or active)

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


def offered_steps(stacks) -> list[tuple[QUndoStack, object]]:
    return [(stack, next_undo(stack)) for stack in stacks if offered(next_undo(stack))]


def _newest(steps) -> QUndoStack | None:
    return max(steps, key=lambda pair: getattr(pair[1], "done_at", 0), default=(None, None))[0]


def _last_moved(stack: QUndoStack) -> int:
    done = stack.command(stack.index() - 1) if stack.index() > 0 else None
    undone = stack.command(stack.index()) if stack.canRedo() else None
    return max(getattr(done, "done_at", 0), getattr(undone, "undone_at", 0))


def _last_undone(stacks) -> QUndoStack | None:
    steps = [(stack, stack.command(stack.index())) for stack in stacks if stack.canRedo()]
    return max(steps, key=lambda pair: getattr(pair[1], "undone_at", 0), default=(None, None))[0]


def shows(card: QWidget, record_id: int) -> bool:
    """`card` is on screen showing that record."""
    return shiboken6.isValid(card) and card.shows(record_id) and on_screen(card)


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
        return self.card is not None and shows(self.card, self.record_id)

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
        stack = self.ctx.undo.undo_target() if self.ctx.undo.active() is self.stack else self.stack
        if can_undo(stack):
            stack.undo()

    def redo(self) -> None:
        stack = self.ctx.undo.redo_target() if self.ctx.undo.active() is self.stack else self.stack
        if stack.canRedo() and redo_refusal(stack.command(stack.index())) is None:
            stack.redo()

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
