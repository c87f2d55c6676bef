"""AppContext: what every tab is handed instead of globals."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from partnerdesk.paths import DataPaths
from partnerdesk.ui.tasks import TaskRunner
from partnerdesk.ui.undo import UndoContexts


class AppSignals(QObject):
    """Cross-tab notifications, wired in the main window.

    `data_changed(area)` tells every tab that something of `area` changed
    ("organisations", "people", "projects", "*" after a restore or import...).
    `open_requested(kind, id)` asks the main window to show a card.
    """

    data_changed = Signal(str)
    open_requested = Signal(str, int)
    status_message = Signal(str)


class AppContext:
    """Paths, background tasks, settings, signals and the undo contexts (`ui/undo.py`).

    `undo_stack` is the stack on screen last acted on (each tab, each editing dialog, each record
    a card shows has its own: `ui/undo.py`); `undo_for(widget)` the stack of the context holding
    `widget`. The stack given to the
    constructor is the window-wide fallback."""

    def __init__(self, paths: DataPaths, tasks: TaskRunner, settings: QSettings,
                 undo_stack: QUndoStack | None = None, signals: AppSignals | None = None, demo: bool = False):
        self.paths = paths
        self.tasks = tasks
        self.settings = settings
        self.signals = signals if signals is not None else AppSignals()
        self.demo = demo
        self.undo = UndoContexts(undo_stack)

    @property
    def undo_stack(self) -> QUndoStack:
        return self.undo.current()

    def undo_for(self, widget) -> QUndoStack:
        return self.undo.stack_of(widget)
