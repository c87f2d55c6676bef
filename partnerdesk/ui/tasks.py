"""Background work: a plain callable runs in QThreadPool, its result or error
comes back on the GUI thread. Workers never touch widgets; database use is
wrapped in a per-thread connection. Tests swap in SyncTaskRunner."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised by a task that noticed its cancel flag."""


class TaskHandle(QObject):
    """What the caller keeps: progress and completion signals, and cancel()."""

    progress = Signal(int, int)  # done, total
    finished = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback

    def __init__(self):
        super().__init__()
        self._cancel = threading.Event()
        self._over = threading.Event()  # set by the worker once the result (or error) is sent
        # False for work nobody waits for (the background integrity check): `TaskRunner.busy()`
        # then ignores it.
        self.awaited = True

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, msecs: int) -> bool:
        """Wait (blocking) until the worker has sent the result; True when it has. The result
        reaches its callback through the event loop, or at once with
        `QCoreApplication.sendPostedEvents(handle, QEvent.Type.MetaCall)`."""
        return self._over.wait(msecs / 1000)

    def report(self, done: int, total: int) -> None:
        """Called from the worker; raises Cancelled when the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled()
        self.progress.emit(done, total)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskHandle], Any], handle: TaskHandle, db_context: Callable | None):
        super().__init__()
        self.fn, self.handle, self.db_context = fn, handle, db_context

    def run(self) -> None:
        try:
            if self.db_context is not None:
                with self.db_context():
                    result = self.fn(self.handle)
            else:
                result = self.fn(self.handle)
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread
            if not isinstance(exc, Cancelled):
                log.exception("background task failed")
            self.handle.failed.emit(exc, traceback.format_exc())
        else:
            self.handle.finished.emit(result)
        finally:
            self.handle._over.set()


#: How often the interpreter passes the GIL between threads (Python's default: every 5 ms).
#: The GUI thread calls into Python thousands of times per paint (every cell's data()); with a
#: worker running Python beside it, each call could wait for the whole 5 ms: a list that paints
#: in 15 ms of CPU took 70 ms on screen. Every millisecond keeps the window fluid.
SWITCH_INTERVAL_S = 0.001


class TaskRunner:
    """Runs `fn(handle)` in the thread pool. `db_context` opens a connection per
    worker thread (the services' `connection_context`). Creating one makes the interpreter
    switch threads every `SWITCH_INTERVAL_S`."""

    def __init__(self, db_context: Callable | None = None, pool: QThreadPool | None = None):
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.db_context = db_context
        self.pool = pool or QThreadPool.globalInstance()
        self._live: set[TaskHandle] = set()
        self._idle: list[Callable[[], None]] = []
        self._shut = False
        self._held: list[_Runnable] | None = None  # tasks waiting for `release()`

    def run(self, fn: Callable[[TaskHandle], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException, str], None] | None = None, *, unheld: bool = False) -> TaskHandle:
        """`unheld`: start at once even while tasks are held (`hold()`): an answer that changes the
        layout of the window's first paint (the review banner) is better there before it."""
        handle = TaskHandle()
        if self._shut:  # a timer firing after exit: its task would open whatever data is open then
            log.warning("task not started after shutdown: %s", getattr(fn, "__qualname__", fn))
            return handle
        self._live.add(handle)

        def done(result):
            self._live.discard(handle)
            if on_done:
                on_done(result)
            self._run_idle()

        def error(exc, details):
            self._live.discard(handle)
            if on_error:
                on_error(exc, details)
            self._run_idle()

        handle.finished.connect(done)
        handle.failed.connect(error)
        runnable = _Runnable(fn, handle, self.db_context)
        if self._held is not None and not unheld:
            self._held.append(runnable)
        else:
            self.pool.start(runnable)
        return handle

    def hold(self) -> None:
        """Keep the tasks asked for from now on until `release()` (they count as under way).
        Start-up holds the lists' queries until the window is painted: their Python would
        otherwise share the interpreter with the window being built and delay its first paint."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Start the held tasks, in the order they were asked for; no more holding."""
        held, self._held = self._held or [], None
        if self._shut:
            return
        for runnable in held:
            self.pool.start(runnable)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def busy(self) -> bool:
        """True while a task started here (and awaited) has not had its result applied yet."""
        return any(handle.awaited for handle in self._live)

    def when_idle(self, fn: Callable[[], None], after_ms: int = 0) -> None:
        """Call `fn` on the GUI thread once no awaited task is left (at once if none is), and
        `after_ms` later: start-up leaves its upkeep (full check, backup, cleaning) until the
        lists on show are filled and painted, so that the upkeep's threads do not slow them down."""
        if self._shut:
            return  # as `run`: nothing starts after the window's exit
        self._idle.append(fn if not after_ms else (lambda: QTimer.singleShot(after_ms, fn)))
        self._run_idle()

    def shutdown(self, msecs: int = 60000) -> bool:
        """At exit: start nothing more, and let the work under way (a backup being written, the
        check) finish before the interpreter goes away."""
        self._shut = True
        self._idle.clear()
        self._held = None  # never started: nothing waits for them any more
        return self.pool.waitForDone(msecs)

    def _run_idle(self) -> None:
        while self._idle and not self.busy():
            self._idle.pop(0)()


class SyncTaskRunner(TaskRunner):
    """Runs tasks at once on the calling thread (tests)."""

    def __init__(self):
        super().__init__(None, None)

    def run(self, fn, on_done=None, on_error=None, *, unheld: bool = False) -> TaskHandle:
        handle = TaskHandle()
        if self._shut:
            return handle
        try:
            result = fn(handle)
        except BaseException as exc:  # noqa: BLE001
            if on_error:
                on_error(exc, traceback.format_exc())
            else:
                raise
        else:
            if on_done:
                on_done(result)
        handle._over.set()
        return handle
