"""AppContext: what every tab is handed instead of globals."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from partnerdesk.paths import DataPaths
from partnerdesk.ui.tasks import TaskRunner


class AppSignals(QObject):
    """Cross-tab notifications, wired in the main window.

    `data_changed(area)` tells every tab that something of `area` changed
    ("organisations", "people", "projects", "*" after a restore or import...).
    `open_requested(kind, id)` asks the main window to show a card.
    """

    data_changed = Signal(str)
    open_requested = Signal(str, int)
    status_message = Signal(str)


@dataclass
class AppContext:
    paths: DataPaths
    tasks: TaskRunner
    settings: QSettings
    undo_stack: QUndoStack
    signals: AppSignals = field(default_factory=AppSignals)
    demo: bool = False
