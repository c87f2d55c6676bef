"""A background task shown by a progress bar and a Stop button (export, archive, import)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QProgressBar, QPushButton


class StoppableTask:
    """Runs `fn(handle)` through `ctx.tasks`; the bar and the button show while it runs.

    `handle` is the running task: None when idle, or when the task ended before `start`
    returned (the synchronous runner of the tests). `busy(True/False)` greys out and back
    the buttons that would start another run."""

    def __init__(self, progress: QProgressBar, stop_button: QPushButton,
                 busy: Callable[[bool], None] | None = None):
        self.progress, self.stop_button, self.busy = progress, stop_button, busy
        self.handle = None
        stop_button.clicked.connect(self.stop)

    def start(self, tasks, fn, on_done, on_error, stoppable: bool = True) -> None:
        """`stoppable=False`: a short step, with a busy bar but no Stop button and no figures."""
        if self.busy is not None:
            self.busy(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.stop_button.setVisible(stoppable)
        finished = []

        def finish():
            finished.append(True)
            self.handle = None
            self.progress.hide()
            self.stop_button.hide()
            if self.busy is not None:
                self.busy(False)

        def done(result):
            finish()
            on_done(result)

        def failed(exc, details):
            finish()
            on_error(exc, details)

        handle = tasks.run(fn, done, failed)
        if finished or handle is None:
            return
        self.handle = handle
        if stoppable:
            handle.progress.connect(self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def stop(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
