"""The GUI-thread watchdog names the slot that blocked the event loop."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from partnerdesk.ui import watchdog as wd
from partnerdesk.ui.tasks import SyncTaskRunner, TaskRunner


class Sender(QObject):
    fired = Signal()


class Slots(QObject):
    def deliberately_slow_slot(self):
        end = time.perf_counter() + 0.15
        while time.perf_counter() < end:  # busy on the GUI thread, holding the GIL most of the time
            sum(range(1000))

    def quick_slot(self):
        pass


def _run_until(qtbot, watchdog, count, timeout=5000):
    qtbot.waitUntil(lambda: len(watchdog.blocks) >= count, timeout=timeout)


def test_slow_slot_is_reported_with_its_name(qtbot, caplog):
    watchdog = wd.GuiWatchdog(threshold_ms=50, interval_ms=5).start()
    try:
        sender, slots = Sender(), Slots()
        sender.fired.connect(slots.quick_slot)
        sender.fired.connect(slots.deliberately_slow_slot)
        qtbot.wait(30)
        with caplog.at_level(logging.WARNING, logger="partnerdesk.watchdog"):
            QTimer.singleShot(0, sender.fired.emit)
            _run_until(qtbot, watchdog, 1)
    finally:
        watchdog.stop()
    block = max(watchdog.blocks, key=lambda b: b.duration_ms)
    assert block.duration_ms >= 100
    assert "Slots.deliberately_slow_slot" in block.action
    assert "test_watchdog.py" in block.action
    assert block.cpu_ms > 0  # a busy slot: the GUI thread itself worked
    assert any("deliberately_slow_slot" in r.getMessage() and "blocked" in r.getMessage() for r in caplog.records)


def test_quiet_event_loop_reports_nothing(qtbot):
    watchdog = wd.GuiWatchdog(threshold_ms=50, interval_ms=5).start()
    try:
        for _ in range(10):
            QTimer.singleShot(0, Slots().quick_slot)
        qtbot.wait(200)
        watchdog.check()
    finally:
        watchdog.stop()
    assert [b for b in watchdog.blocks if "quick_slot" in b.action] == []


def test_task_callback_is_named_not_the_runner(qtbot):
    """A slow `on_done` of a background task is reported as that callback, not as the runner's wrapper."""
    runner = TaskRunner()
    watchdog = wd.GuiWatchdog(threshold_ms=50, interval_ms=5).start()
    try:
        def slow_on_done(_result):
            end = time.perf_counter() + 0.12
            while time.perf_counter() < end:
                sum(range(1000))

        runner.run(lambda handle: 42, slow_on_done)
        _run_until(qtbot, watchdog, 1)
    finally:
        watchdog.stop()
        runner.wait(5000)
    assert any("slow_on_done" in b.action for b in watchdog.blocks)


def test_debug_mode_keeps_the_sampled_stack(qtbot, caplog):
    watchdog = wd.GuiWatchdog(threshold_ms=40, interval_ms=5, debug=True).start()
    try:
        with caplog.at_level(logging.WARNING, logger="partnerdesk.watchdog"):
            QTimer.singleShot(0, Slots().deliberately_slow_slot)
            _run_until(qtbot, watchdog, 1)
    finally:
        watchdog.stop()
    block = watchdog.blocks[-1]
    assert any("deliberately_slow_slot" in line for line in block.stack)
    assert any("stack sampled" in r.getMessage() for r in caplog.records)


def test_switched_on_by_environment_or_setting(qapp, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert wd.from_settings(settings, environ={}) is None
    dog = wd.from_settings(settings, environ={wd.ENV_FLAG: "debug", wd.ENV_THRESHOLD: "80"})
    try:
        assert dog is not None and dog.debug and dog.threshold_ms == 80
    finally:
        dog.stop()
    settings.setValue(wd.SETTING, "on")
    dog = wd.from_settings(settings, environ={wd.ENV_THRESHOLD: "not a number"})
    try:
        assert dog is not None and not dog.debug and dog.threshold_ms == 50
    finally:
        dog.stop()
    assert SyncTaskRunner  # the synchronous runner needs no watchdog support


def test_time_before_the_window_is_shown_is_set_aside_not_counted(qtbot):
    """`restart_clock()`: the launch (nothing on screen yet) is returned apart; what follows counts."""
    watchdog = wd.GuiWatchdog(threshold_ms=50, interval_ms=5).start()
    set_aside = []
    try:
        def launch_then_show():
            Slots().deliberately_slow_slot()  # imports, data, window built: no window on screen
            set_aside.append(watchdog.restart_clock())
            Slots().deliberately_slow_slot()  # the window is shown: this one is a freeze

        qtbot.wait(30)
        QTimer.singleShot(0, launch_then_show)
        _run_until(qtbot, watchdog, 1)
        qtbot.wait(50)
        watchdog.check()
    finally:
        watchdog.stop()
    assert set_aside and set_aside[0] >= 140  # the first slow half, returned apart
    assert len(watchdog.blocks) == 1
    # the second half only: the two halves do the same work, so a block counting both would be
    # about twice what was set aside, however busy the machine
    assert 100 <= watchdog.blocks[0].duration_ms < 1.6 * set_aside[0]


def test_the_task_runner_hands_the_gil_back_every_millisecond():
    """The GUI thread calls into Python for every painted cell: with a worker computing, each call
    may wait a whole switch interval (Python's default is 5 ms). What that does to the window is
    measured by tests/perf/bench_day.py, not timed here."""
    import sys

    from partnerdesk.ui.tasks import SWITCH_INTERVAL_S, TaskRunner

    sys.setswitchinterval(0.005)
    TaskRunner()
    assert SWITCH_INTERVAL_S == 0.001 and sys.getswitchinterval() == SWITCH_INTERVAL_S
