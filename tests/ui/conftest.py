"""UI fixtures: an AppContext with a synchronous task runner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from partnerdesk.ui.context import AppContext
from partnerdesk.ui.tasks import SyncTaskRunner


@pytest.fixture
def ctx(store, qapp, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    context = AppContext(paths=store, tasks=SyncTaskRunner(), settings=settings, undo_stack=QUndoStack())
    yield context


@pytest.fixture
def window(ctx, qtbot):
    from partnerdesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


class Answers:
    """Stands for the user: answers the unsaved-changes question and records it."""

    def __init__(self, monkeypatch):
        from partnerdesk.ui.tabs.partners import prompts

        self.asked: list[str] = []
        self.next = "cancel"
        self.informed: list[str] = []
        monkeypatch.setattr(prompts, "ask_unsaved", self._ask)
        monkeypatch.setattr(prompts, "inform", lambda parent, title, text: self.informed.append(text))

    def _ask(self, parent, name):
        self.asked.append(name)
        return self.next


@pytest.fixture
def answers(monkeypatch):
    """The unsaved-changes question answered: `answers.next` ("cancel" first), `answers.asked`."""
    return Answers(monkeypatch)
