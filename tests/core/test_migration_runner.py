"""Upgrades and downgrades never harm data: the migration runner's refusals and its log."""

import hashlib
import logging
import shutil
import subprocess
import sys

import pytest

from partnerdesk import i18n
from partnerdesk.services import data
from partnerdesk.store import database, migrate
from partnerdesk.store.db import connect
from partnerdesk.store.migrate import MigrationGapError, NewerDatabaseError


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _made_by_newer_version(paths):
    """A data folder last opened by a PartnerDesk that knows one migration more."""
    data.open_data(paths, daily_backup=False)
    database.obj.execute_sql(
        "INSERT INTO schema_migration (version, name, applied_at) VALUES (9500, 'from_the_future', '2027-01-01T00:00:00')")
    data.close_data()


def test_newer_database_refused_and_left_untouched(paths):
    i18n.set_language("fr")
    _made_by_newer_version(paths)
    before = _digest(paths.db_path)
    with pytest.raises(NewerDatabaseError) as raised:
        data.open_data(paths)
    message = str(raised.value)
    assert "version plus récente de PartnerDesk" in message
    assert "restaurez une sauvegarde" in message and "9500" in message
    assert database.obj.is_closed()
    assert _digest(paths.db_path) == before
    assert list(paths.backups_dir.iterdir()) == []  # not even the daily backup


def test_newer_database_is_a_store_error(paths):
    """Callers that handle StoreError (CLI, start-up) handle it too."""
    _made_by_newer_version(paths)
    with pytest.raises(data.StoreError):
        data.open_data(paths)


def test_newer_database_refused_by_the_command_line(paths):
    _made_by_newer_version(paths)
    run = subprocess.run([sys.executable, "-m", "partnerdesk", "--data-dir", str(paths.root), "--lang", "fr", "find", "x"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "version plus récente de PartnerDesk" in run.stderr
    assert "Traceback" not in run.stderr


def _folder(tmp_path, numbers):
    folder = tmp_path / "migrations"
    folder.mkdir(exist_ok=True)
    for n in numbers:
        (folder / f"{n:04d}_step{n}.py").write_text(
            f"def up(db):\n    db.execute_sql('CREATE TABLE t{n} (id INTEGER PRIMARY KEY)')\n")
    return folder


def test_gap_below_highest_applied_refused(tmp_path):
    i18n.set_language("fr")
    db = connect(tmp_path / "gap.sqlite3")
    folder = _folder(tmp_path, [1, 2, 4])
    assert migrate.migrate(db, folder) == [1, 2, 4]
    _folder(tmp_path, [3, 5])  # 0003 arrives after 0004 was applied
    with pytest.raises(MigrationGapError) as raised:
        migrate.migrate(db, folder)
    assert "0003" in str(raised.value) and "0004" in str(raised.value)
    assert migrate.applied(db) == {1, 2, 4}
    assert "t3" not in db.get_tables() and "t5" not in db.get_tables()
    db.close()


def test_gap_above_highest_is_normal_upgrade(tmp_path):
    """Numbers need not be consecutive: 0001, 0002 then 0007 is fine while none is late."""
    db = connect(tmp_path / "ok.sqlite3")
    folder = _folder(tmp_path, [1, 2])
    migrate.migrate(db, folder)
    _folder(tmp_path, [7])
    assert migrate.migrate(db, folder) == [7]
    db.close()


def test_applied_migrations_and_backup_path_logged(paths, tmp_path, monkeypatch, caplog):
    data.open_data(paths, daily_backup=False)
    data.close_data()
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder)
    (folder / "9001_logged_step.py").write_text("def up(db):\n    db.execute_sql('CREATE TABLE logged (id INTEGER)')\n")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    with caplog.at_level(logging.INFO):
        data.open_data(paths, daily_backup=False)
    data.close_data()
    backup = next(p for p in paths.backups_dir.iterdir() if "pre-migration" in p.name and p.suffix == ".sqlite3")
    text = caplog.text
    assert "applied migration 9001_logged_step" in text
    assert str(backup) in text
