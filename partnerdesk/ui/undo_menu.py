"""Édition → Annuler / Rétablir: acts on the newest step on screen, in the active context's stack
or the stack of a record a card shows (`UndoContexts.undo_target`, `ui/undo.py`), and names it in
full; a step that can no longer be undone (an import overtaken since) is not offered;
a step refused for now (a card not on screen) is named, and Ctrl+Z says why in the status bar;
a step that touches data beyond its context (an import) settles unsaved changes everywhere first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from partnerdesk.i18n import _
from partnerdesk.ui.undo import next_undo, offered, redo_refusal, refusal


class _Activation(QObject):
    """Back in the main window (from the review window, say): the shown tab's stack is active again."""

    def __init__(self, window, menu):
        super().__init__(window)
        self.window, self.menu = window, menu
        window.installEventFilter(self)
        window.ctx.undo.changed.connect(self.refresh)
        QApplication.instance().focusChanged.connect(self.refresh)  # another card opened: its steps

    def refresh(self, *_args) -> None:
        """Connected through this QObject, so that it ends with the window."""
        self.menu.update()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.WindowActivate:
            shown = self.window.tabs.currentWidget()
            self.window.ctx.undo.activate(getattr(shown, "undo_stack", None))
        return False


class UndoMenu:
    def __init__(self, window, menu):
        self.window, self.ctx = window, window.ctx
        self.undo_action = QAction(window)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(window)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Y and Ctrl+Shift+Z alike
        self.redo_action.triggered.connect(self.redo)
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.aboutToShow.connect(self.update)
        group = self.ctx.undo.group
        for signal in (group.activeStackChanged, group.indexChanged, group.canUndoChanged, group.canRedoChanged,
                       group.undoTextChanged, group.redoTextChanged):
            signal.connect(self.update)
        self.ctx.signals.data_changed.connect(self.update)
        self.filter = _Activation(window, self)
        self.update()

    def update(self, *_args) -> None:
        stack = self.ctx.undo.undo_target()
        if offered(next_undo(stack)):
            self.undo_action.setText(_("&Undo: {step}").format(step=stack.undoText()))
            self.undo_action.setEnabled(True)
        else:
            self.undo_action.setText(_("&Undo"))
            self.undo_action.setEnabled(False)
        stack = self.ctx.undo.redo_target()
        if stack.canRedo():
            self.redo_action.setText(_("&Redo: {step}").format(step=stack.redoText()))
            self.redo_action.setEnabled(True)
        else:
            self.redo_action.setText(_("&Redo"))
            self.redo_action.setEnabled(False)

    def undo(self) -> bool:
        stack = self.ctx.undo.undo_target()
        command = next_undo(stack)
        if not offered(command):
            self.update()
            return False
        why = refusal(command)
        if why is not None:
            self.ctx.signals.status_message.emit(why)
            return False
        if getattr(command, "wide", False) and not self.window.settle_all():
            return False
        stack.undo()
        self.update()
        return True

    def redo(self) -> bool:
        stack = self.ctx.undo.redo_target()
        if not stack.canRedo():
            return False
        command = stack.command(stack.index())
        why = redo_refusal(command)
        if why is not None:  # a step of a card that is not on screen
            self.ctx.signals.status_message.emit(why)
            return False
        if getattr(command, "wide", False) and not self.window.settle_all():
            return False
        stack.redo()
        self.update()
        return True
