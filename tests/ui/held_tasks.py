"""A task runner for UI tests that holds the background tasks until the test lets them run:
what a real background runner looks like to the GUI (the widget shows, its data arrives later)."""

from __future__ import annotations

from partnerdesk.ui.tasks import SyncTaskRunner, TaskHandle


class HeldTasks(SyncTaskRunner):
    """Runs nothing until `finish()` (the tasks held now, in order, on this thread) or
    `finish_all()` (also those the finished ones asked for)."""

    def __init__(self):
        super().__init__()
        self.held = []

    def run(self, fn, on_done=None, on_error=None, *, unheld=False):
        self.held.append((fn, on_done, on_error))
        return TaskHandle()

    def finish(self, only=None):
        tasks, self.held = self.held, []
        for n, (fn, on_done, on_error) in enumerate(tasks):
            if only is None or n in only:
                SyncTaskRunner.run(self, fn, on_done, on_error)
            else:
                self.held.append((fn, on_done, on_error))

    def finish_all(self):
        while self.held:
            self.finish()
