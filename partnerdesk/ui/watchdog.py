"""A GUI-thread watchdog: who froze the window, and for how long.

A heartbeat timer ticks on the GUI thread every `interval` ms; a monitor thread
watches it. When a tick comes more than `threshold` ms late, the GUI thread was
blocked: the monitor samples the GUI thread's Python stack while the block lasts,
and the late tick records a `Block` with its length and the *action* running, the
slot or task callback that Qt (or the task runner) called, named
`module.Class.method (file:line)`. Blocks go to the log (logger
`partnerdesk.watchdog`, WARNING) and to `blocks`; in debug mode the sampled stack
is logged too.

In the app: `PARTNERDESK_WATCHDOG=1` (or `debug` for the stacks), optional
`PARTNERDESK_WATCHDOG_MS=50`; or the setting `diagnostics/watchdog` ("on" or
"debug") in the UI settings file. Benchmarks create one and read `blocks`,
`mark()` and `worst_since(mark)`.
"""

from __future__ import annotations

import linecache
import logging
import os
import re
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer

log = logging.getLogger("partnerdesk.watchdog")

ENV_FLAG = "PARTNERDESK_WATCHDOG"
ENV_THRESHOLD = "PARTNERDESK_WATCHDOG_MS"
SETTING = "diagnostics/watchdog"
# Frames that only hand work on (the task runner's completion wrappers): the action is
# the callback they call.
_DISPATCHERS = (os.path.join("partnerdesk", "ui", "tasks.py"), os.path.join("partnerdesk", "ui", "watchdog.py"))


@dataclass
class Block:
    started: float          # time.perf_counter() when the GUI thread stopped answering
    duration_ms: float
    action: str             # the slot or task callback running, or what Qt was doing
    stack: list[str] = field(default_factory=list)  # debug mode: the sampled stack, outermost first
    hot: str = ""           # the innermost PartnerDesk function seen most often under the slot
    cpu_ms: float = 0.0     # CPU time the GUI thread used meanwhile: far below duration_ms, the thread
    #                         waited (a busy machine, or the GIL held by a background task)


QT_WORK = "Qt work (layout, painting, events; no Python slot)"
_LOOP_CALL = re.compile(r"\.(exec_?|processEvents|sendPostedEvents|sendEvent|qWait\w*)\s*\(")


def _runs_event_loop(frame) -> bool:
    """True when the frame's current line calls into a Qt event loop (Qt then calls the slots)."""
    lineno = frame.f_lineno  # None while a frame is being set up
    return bool(lineno) and bool(_LOOP_CALL.search(linecache.getline(frame.f_code.co_filename, lineno)))


def _name(frame) -> str:
    code = frame.f_code
    module = frame.f_globals.get("__name__", "?")
    qualname = getattr(code, "co_qualname", code.co_name)
    return f"{module}.{qualname} ({os.path.basename(code.co_filename)}:{frame.f_lineno or '?'})"


class GuiWatchdog(QObject):
    """Heartbeat on the GUI thread plus a monitor thread. Create it on the GUI thread."""

    def __init__(self, threshold_ms: float = 50.0, interval_ms: int = 10, debug: bool = False,
                 parent=None, keep: int = 1000):
        super().__init__(parent)
        self.threshold_ms = float(threshold_ms)
        self.interval_ms = int(interval_ms)
        self.debug = debug
        self.keep = keep
        self.blocks: list[Block] = []
        self._gui_ident = threading.get_ident()
        self._lock = threading.Lock()
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._base: frozenset[int] = frozenset()  # ids of the frames under the running event loop
        # What the monitor saw during the current block: samples per action (a Python slot seen
        # in most samples names the block), and the first stack sampled for each.
        self._seen: dict[str, int] = {}
        self._stacks: dict[str, list[str]] = {}
        self._hot: dict[str, dict[str, int]] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(self.interval_ms)
        self.timer.timeout.connect(self._tick)

    # --- control ------------------------------------------------------------

    def start(self) -> GuiWatchdog:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._stop.clear()
        self.timer.start()
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._monitor, name="gui-watchdog", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self.timer.stop()

        self._stop.set()
        if self._thread is not None:
            self._thread.join(1.0)
            self._thread = None

    # --- what benchmarks read -----------------------------------------------

    def mark(self) -> int:
        """A position in `blocks`; `worst_since(mark)` looks at the blocks recorded after it."""
        return len(self.blocks)

    def blocks_since(self, mark: int) -> list[Block]:
        return self.blocks[mark:]

    def worst_since(self, mark: int) -> Block | None:
        return max(self.blocks[mark:], key=lambda b: b.duration_ms, default=None)

    def check(self) -> None:
        """Account for a block that has not been followed by a tick yet (call before reading)."""
        self._tick()

    def restart_clock(self) -> float:
        """The GUI thread's time since the last heartbeat was no freeze (no window was on screen
        yet: the launch, before the main window is shown); the next block counts from now.
        Returns the milliseconds so set aside, for the benchmark to report on their own."""
        now = time.perf_counter()
        with self._lock:
            spent = (now - self._last) * 1000
            self._last, self._last_cpu = now, time.thread_time()
            self._seen, self._stacks, self._hot = {}, {}, {}
        return spent

    # --- GUI thread ---------------------------------------------------------

    @staticmethod
    def _frames_under(frame) -> frozenset[int]:
        ids = set()
        while frame is not None:
            ids.add(id(frame))
            frame = frame.f_back
        return frozenset(ids)

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        base = self._frames_under(sys._getframe(1))
        with self._lock:
            late_ms = (now - self._last) * 1000 - self.interval_ms
            started = self._last
            action = max(self._seen, key=lambda a: (not a.startswith(QT_WORK), self._seen[a]), default=None)
            stack = self._stacks.get(action, [])
            hot = self._hot.get(action) or {}
            hot = max(hot, key=hot.get, default="")
            cpu_ms, self._last_cpu = (cpu - self._last_cpu) * 1000, cpu
            self._last, self._base, self._seen, self._stacks, self._hot = now, base, {}, {}, {}
        if late_ms > self.threshold_ms:
            block = Block(started, late_ms, action or QT_WORK + " (no sample taken)", stack, hot, cpu_ms)
            self.blocks.append(block)
            del self.blocks[:-self.keep]
            log.warning("GUI thread blocked %.0f ms (%.0f ms of its CPU) by %s%s", late_ms, cpu_ms, block.action,
                        f", mostly in {hot}" if hot else "")
            if self.debug and stack:
                log.warning("stack sampled during the block:\n%s", "\n".join(stack))

    # --- monitor thread -----------------------------------------------------

    def _monitor(self) -> None:
        period = max(self.interval_ms, 5) / 2000
        while not self._stop.wait(period):
            with self._lock:
                late_ms = (time.perf_counter() - self._last) * 1000 - self.interval_ms
                if late_ms <= self.threshold_ms / 2:
                    continue
                base = self._base
            frame = sys._current_frames().get(self._gui_ident)
            if frame is None:
                continue
            try:
                action, stack, hot = self._describe(frame, base)
            except Exception:  # noqa: BLE001 - the GUI thread's frames change under us: skip this sample
                continue
            with self._lock:
                if action is not None:
                    self._seen[action] = self._seen.get(action, 0) + 1
                    self._stacks.setdefault(action, stack)
                    if hot:
                        counts = self._hot.setdefault(action, {})
                        counts[hot] = counts.get(hot, 0) + 1

    def _describe(self, top, base: set[int]) -> tuple[str | None, list[str], str]:
        frames = []
        frame = top
        while frame is not None:
            frames.append(frame)
            frame = frame.f_back
        frames.reverse()  # outermost first
        # The slot is the frame that Qt called: the one above the innermost frame that runs an
        # event loop (app.exec(), dialog.exec(), processEvents...). Without such a frame, the
        # frames that were not under the event loop at the last heartbeat.
        loops = [i for i, f in enumerate(frames) if _runs_event_loop(f)]
        fresh = frames[loops[-1] + 1:] if loops else [f for f in frames if id(f) not in base]
        candidates = [f for f in fresh if not f.f_code.co_filename.endswith(_DISPATCHERS)] or fresh
        if candidates:
            action = _name(candidates[0])
        elif frames:  # no Python slot running: Qt's own work (layout, painting, events)
            action = f"{QT_WORK} under {_name(frames[-1])}"
        else:
            action = None
        ours = [f for f in fresh if f.f_globals.get("__name__", "").startswith("partnerdesk.")
                and not f.f_code.co_filename.endswith(_DISPATCHERS)]
        hot = ""
        if ours:
            code = ours[-1].f_code
            hot = f"{ours[-1].f_globals['__name__']}.{getattr(code, 'co_qualname', code.co_name)}"
        stack = []
        if self.debug:
            stack = [line.rstrip() for line in traceback.format_stack(top)]
        return action, stack, hot


def from_settings(settings=None, environ=None) -> GuiWatchdog | None:
    """The watchdog asked for by the environment or the UI settings, started; None when off."""
    env = os.environ if environ is None else environ
    mode = (env.get(ENV_FLAG) or "").strip().lower()
    if not mode and settings is not None:
        mode = str(settings.value(SETTING, "") or "").strip().lower()
    if mode in ("", "0", "off", "no", "false"):
        return None
    try:
        threshold = float(env.get(ENV_THRESHOLD) or 50)
    except ValueError:
        threshold = 50.0
    watchdog = GuiWatchdog(threshold_ms=threshold, debug=mode == "debug")
    log.info("GUI watchdog on: blocks over %.0f ms are logged%s", threshold,
             " with their stack" if watchdog.debug else "")
    return watchdog.start()
