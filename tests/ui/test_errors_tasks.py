from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from partnerdesk.ui import errors
from partnerdesk.ui.tasks import TaskRunner


def test_unexpected_error_dialog_copies_details(qapp, qtbot, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        details = errors.report_unexpected(type(exc), exc, exc.__traceback__)
    assert "boom" in details and "boom" in caplog.text
    box = shown[0]
    copy = next(b for b in box.findChildren(QPushButton) if b.text() == "Copy details")
    copy.click()
    assert "ValueError: boom" in QApplication.clipboard().text()


def test_task_runner_returns_on_gui_thread(qapp, qtbot):
    runner = TaskRunner()
    results = []
    runner.run(lambda h: 6 * 7, results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)


def test_task_runner_reports_errors(qapp, qtbot):
    runner = TaskRunner()
    failures = []

    def fail(handle):
        raise RuntimeError("nope")

    handle = runner.run(fail, on_error=lambda exc, details: failures.append(exc))
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=5000)
    assert isinstance(failures[0], RuntimeError)


def test_held_tasks_start_at_release_and_count_as_under_way(qapp, qtbot):
    runner = TaskRunner()
    ran, idle = [], []
    runner.hold()
    runner.run(lambda h: ran.append("first") or 1)
    runner.run(lambda h: ran.append("second") or 2)
    runner.when_idle(lambda: idle.append(sorted(ran)))  # the pool runs them side by side
    qtbot.wait(100)
    assert ran == [] and runner.busy() and idle == []  # held: not started, but waited for
    runner.release()
    qtbot.waitUntil(lambda: idle == [["first", "second"]], timeout=5000)  # idle only once both are done
    runner.run(lambda h: ran.append("after") or 3)  # no more holding
    qtbot.waitUntil(lambda: ran[-1:] == ["after"], timeout=5000)


def test_an_unheld_task_starts_at_once_while_others_are_held(qapp, qtbot):
    runner = TaskRunner()
    ran = []
    runner.hold()
    runner.run(lambda h: ran.append("held"))
    runner.run(lambda h: ran.append("now"), unheld=True)
    qtbot.waitUntil(lambda: ran == ["now"], timeout=5000)
    qtbot.wait(50)
    assert ran == ["now"] and runner.busy()
    runner.release()
    qtbot.waitUntil(lambda: ran == ["now", "held"], timeout=5000)


def test_held_tasks_never_start_after_shutdown(qapp, qtbot):
    runner = TaskRunner()
    ran = []
    runner.hold()
    runner.run(lambda h: ran.append(1))
    runner.shutdown(1000)
    runner.release()
    qtbot.wait(100)
    assert ran == []


def test_on_first_paint_runs_once_after_the_first_paint(qapp, qtbot):
    from PySide6.QtWidgets import QWidget

    from partnerdesk.ui.first_paint import on_first_paint

    widget = QWidget()
    qtbot.addWidget(widget)
    calls = []
    on_first_paint(widget, lambda: calls.append(widget.isVisible()))
    qtbot.wait(50)
    assert calls == []  # not shown, not painted: nothing yet
    widget.show()
    qtbot.waitUntil(lambda: calls == [True], timeout=5000)
    widget.update()
    widget.repaint()
    qtbot.wait(50)
    assert calls == [True]


def test_on_first_paint_gives_up_waiting_after_its_limit(qapp, qtbot):
    from PySide6.QtWidgets import QWidget

    from partnerdesk.ui.first_paint import on_first_paint

    widget = QWidget()  # never shown (a window started minimised)
    qtbot.addWidget(widget)
    calls = []
    on_first_paint(widget, lambda: calls.append("run"), limit_ms=100)
    qtbot.waitUntil(lambda: calls == ["run"], timeout=5000)
    qtbot.wait(150)
    assert calls == ["run"]
