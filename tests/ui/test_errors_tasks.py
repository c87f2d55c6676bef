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
