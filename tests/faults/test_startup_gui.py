"""Start-up faults get a French window, not a traceback; read-only data can still be shown."""

import errno
import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from partnerdesk import app as app_module
from partnerdesk import i18n
from partnerdesk.cli import build_parser
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import backups, data, partners
from partnerdesk.store import backup as store_backup
from partnerdesk.store import health as store_health


@pytest.fixture
def dialogs(monkeypatch):
    """Every message box answered Yes and recorded."""
    shown = []

    def record(kind):
        def box(parent, title, text, *a, **k):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Yes
        return box

    for kind in ("critical", "question", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


@pytest.fixture
def filled(paths):
    data.open_data(paths, daily_backup=False)
    for name in ("Médiathèque Anne-Frank", "Mairie de Saint-Aubin", "Collège Jean-Moulin"):
        partners.create_organisation(OrganisationData(name=name))
    backups.backup_now(paths)
    data.close_data()
    return paths


def _start(paths, *extra):
    hooks = []
    args = build_parser().parse_args(["--data-dir", str(paths.root), "--lang", "fr", "--exit-after-start", *extra])
    original = sys.excepthook
    try:
        code = app_module.run_gui(args)
        hooks.append(sys.excepthook)
    finally:
        sys.excepthook = original
        i18n.set_language("en")
    return code, hooks


def test_read_only_folder_opens_read_only_with_a_notice(filled, qapp, dialogs, monkeypatch, qtbot):
    monkeypatch.setattr(store_health, "folder_writable", lambda folder: False)
    i18n.set_language("fr")
    folder = app_module.open_with_recovery(filled)
    try:
        assert folder is not None and folder.read_only
        assert dialogs[0][0] == "question" and "lecture seule" in dialogs[0][1]
        assert "endommag" not in dialogs[0][1]
        from PySide6.QtCore import QSettings
        from PySide6.QtGui import QUndoStack

        from partnerdesk.ui.context import AppContext
        from partnerdesk.ui.dialogs import startup
        from partnerdesk.ui.main_window import MainWindow
        from partnerdesk.ui.tasks import SyncTaskRunner

        ctx = AppContext(paths=filled, tasks=SyncTaskRunner(), undo_stack=QUndoStack(),
                         settings=QSettings(str(filled.root.parent / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(ctx)  # nothing writes while the tabs are built: the database really is read-only
        qtbot.addWidget(window)
        startup.show_folder_notices(window, folder)
        assert any("Lecture seule" in t for t in window.notices.texts())
        assert partners.count_organisations() > 0
        window.resize(1366, 768)
        window.show()
        window.grab().save(str(filled.root.parent / "read-only.png"))
    finally:
        data.close_data()
        i18n.set_language("en")


def test_the_whole_start_on_a_read_only_folder(filled, qapp, dialogs, monkeypatch):
    monkeypatch.setattr(store_health, "folder_writable", lambda folder: False)
    code, _hooks = _start(filled)
    assert code == 0
    assert [k for k, _t in dialogs] == ["question"]


def test_locked_by_another_program_is_explained(filled, qapp, dialogs):
    import sqlite3

    other = sqlite3.connect(filled.db_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, _hooks = _start(filled)
    finally:
        other.rollback()
        other.close()
    assert code == 1
    assert dialogs[0][0] == "critical" and "verrouill" in dialogs[0][1] and "endommag" not in dialogs[0][1]


def test_missing_database_offers_the_newest_good_backup(filled, qapp, dialogs):
    filled.db_path.unlink()
    code, _hooks = _start(filled)
    assert code == 0
    assert dialogs[0][0] == "question" and "absent" in dialogs[0][1]
    data.open_data(filled, daily_backup=False)
    try:
        assert partners.count_organisations() > 0
    finally:
        data.close_data()


def test_full_disk_at_start_is_a_message(filled, qapp, dialogs, monkeypatch):
    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(data, "open_data", full)
    code, _hooks = _start(filled)
    assert code == 1 and dialogs[0][0] == "critical" and "disque est plein" in dialogs[0][1]


def _damage_the_organisations_table(paths) -> None:
    """Garbage over the organisation table's root page: the header and schema still read fine."""
    con = sqlite3.connect(paths.db_path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'organisation'").fetchone()[0]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    raw = bytearray(paths.db_path.read_bytes())
    raw[(root - 1) * page_size + 8: root * page_size] = b"\xa5" * (page_size - 8)
    paths.db_path.write_bytes(bytes(raw))


def test_pages_damaged_past_the_header_are_caught_before_the_window_is_shown(filled, qapp, dialogs, monkeypatch):
    """The start reads the header and schema, and runs the quick check while the window is built:
    the window is not shown on damaged data; the newest good backup is offered as at start."""
    from partnerdesk.ui.main_window import MainWindow

    _damage_the_organisations_table(filled)
    shown = []
    real_show = MainWindow.show
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(len(dialogs)) or real_show(self))
    code, _hooks = _start(filled)
    assert code == 0
    assert dialogs[0][0] == "question" and "endommagée" in dialogs[0][1] and "page" in dialogs[0][1]
    assert shown == [1]  # shown once, after the offer was answered
    data.open_data(filled, daily_backup=False)
    try:
        assert len(partners.list_organisations()) == 3  # the backup's data, whole
    finally:
        data.close_data()


def test_refusing_the_backup_at_start_stops_before_the_window(filled, qapp, dialogs, monkeypatch):
    from partnerdesk.ui.main_window import MainWindow

    _damage_the_organisations_table(filled)
    damaged = filled.db_path.read_bytes()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: dialogs.append(("question", a[2])) or
                        QMessageBox.StandardButton.No)
    monkeypatch.setattr(MainWindow, "show", lambda self: pytest.fail("a window shown on damaged data"))
    code, _hooks = _start(filled)
    assert code == 1 and dialogs and dialogs[0][0] == "question"
    assert filled.db_path.read_bytes() == damaged  # left as it was


def test_failed_daily_backup_never_stops_the_start(filled, qapp, dialogs, monkeypatch, qtbot):
    """The day's backup runs after the window is up (its notice: tests/ui/test_integrity_watch.py);
    failing, it neither stops the start nor asks anything."""
    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_backup, "create_backup", full)
    code, _hooks = _start(filled)
    assert code == 0 and dialogs == []


def test_the_window_is_shown_before_the_days_backup_is_made(filled, qapp, dialogs, monkeypatch):
    """Copying and checking the whole database no longer holds the window back."""
    from partnerdesk.ui.main_window import MainWindow

    order = []
    real_show, real_backup = MainWindow.show, data.make_daily_backup
    monkeypatch.setattr(MainWindow, "show", lambda self: order.append("window shown") or real_show(self))
    monkeypatch.setattr(data, "make_daily_backup", lambda folder, today=None: order.append("backup") or
                        real_backup(folder, today))
    code, _hooks = _start(filled)
    assert code == 0 and order[0] == "window shown"


def test_excepthook_is_installed_before_anything_can_fail(paths, qapp, dialogs, monkeypatch):
    installed = []
    monkeypatch.setattr(app_module, "install_excepthook", lambda getter: installed.append(getter))
    monkeypatch.setattr(i18n, "set_language", lambda lang: (_ for _ in ()).throw(RuntimeError("boom")))
    args = build_parser().parse_args(["--data-dir", str(paths.root)])
    with pytest.raises(RuntimeError):
        app_module.run_gui(args)
    assert installed  # the hook was in place when the language failed


def test_writing_in_read_only_mode_is_a_message_not_a_crash(filled, qapp, monkeypatch):
    from partnerdesk.ui import errors

    data.open_data(filled, read_only=True)
    try:
        with pytest.raises(Exception) as caught:
            partners.create_organisation(OrganisationData(name="Refusée"))
    finally:
        data.close_data()
    shown = []
    monkeypatch.setattr(errors, "show_error", lambda parent, message, details="": shown.append(message) or
                        type("B", (), {"exec": lambda self: 0})())
    errors.report_unexpected(type(caught.value), caught.value, caught.value.__traceback__)
    assert "read-only" in shown[0]


def test_the_whole_start_on_a_really_read_only_folder(filled, qapp, dialogs, read_only_view):
    from partnerdesk.paths import DataPaths

    with read_only_view(filled.root) as view:
        code, _hooks = _start(DataPaths(view))
    assert code == 0
    assert [k for k, _t in dialogs] == ["question"] and "endommag" not in dialogs[0][1]
