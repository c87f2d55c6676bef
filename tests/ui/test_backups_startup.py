from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.lock import InstanceLock
from partnerdesk.services import backups, data, partners
from partnerdesk.ui.dialogs import startup
from partnerdesk.ui.dialogs.backups import BackupsDialog


def test_backup_now_and_restore_through_dialog(ctx, qtbot):
    partners.create_organisation(OrganisationData(name="Avant"))
    dialog = BackupsDialog(ctx.paths, confirm=lambda text: True)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1
    partners.create_organisation(OrganisationData(name="Après"))
    with qtbot.waitSignal(dialog.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [o.name for o in partners.list_organisations()] == ["Avant"]
    assert dialog.model.rowCount() == 2  # the pre-restore backup is listed


def test_corrupt_database_offers_newest_good_backup(paths):
    data.open_data(paths, daily_backup=False)
    partners.create_organisation(OrganisationData(name="Gardée"))
    backups.backup_now(paths)
    data.close_data()
    paths.db_path.write_bytes(b"\0garbage" * 2000)
    asked = []
    assert startup.offer_restore(paths, "file is not a database", ask=lambda t: asked.append(t) or True)
    assert "file is not a database" in asked[0]
    data.open_data(paths, daily_backup=False)
    assert [o.name for o in partners.list_organisations()] == ["Gardée"]
    data.close_data()


def test_corrupt_database_without_backup_is_left_untouched(paths, monkeypatch):
    paths.db_path.write_bytes(b"garbage" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    assert not startup.offer_restore(paths, "bad")
    assert shown and paths.db_path.read_bytes() == b"garbage" * 100


def test_gui_refuses_second_instance(paths, qapp, monkeypatch):
    from partnerdesk.app import run_gui
    from partnerdesk.cli import build_parser

    lock = InstanceLock(paths.lock_path)
    assert lock.acquire()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    try:
        args = build_parser().parse_args(["--data-dir", str(paths.root), "--lang", "fr"])
        assert run_gui(args) == 1
    finally:
        lock.release()
    assert "déjà ouvert" in shown[0]


def test_gui_recovers_corrupt_database_at_start(paths, qapp, monkeypatch):
    from partnerdesk import app as app_module
    from partnerdesk.cli import build_parser

    data.open_data(paths, daily_backup=False)
    partners.create_organisation(OrganisationData(name="Gardée"))
    backups.backup_now(paths)
    data.close_data()
    paths.db_path.write_bytes(b"garbage" * 2000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert app_module.open_with_recovery(paths)
    assert [o.name for o in partners.list_organisations()] == ["Gardée"]
    data.close_data()
