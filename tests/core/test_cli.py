import sqlite3

from partnerdesk.cli import main
from partnerdesk.lock import InstanceLock
from partnerdesk.paths import DataPaths
from partnerdesk.services import backups


def test_demo_backup_check_restore(tmp_path, capsys):
    folder = tmp_path / "d"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    assert "40" in capsys.readouterr().out
    assert main(["--data-dir", str(folder), "demo"]) == 1  # not empty any more
    assert main(["--data-dir", str(folder), "backup"]) == 0
    assert main(["--data-dir", str(folder), "check"]) == 0
    out = capsys.readouterr().out
    assert "manual" in out
    paths = DataPaths(folder)
    made = backups.list_all(paths)[0]
    con = sqlite3.connect(paths.db_path)
    con.execute("DELETE FROM organisation_tag")
    con.commit()
    con.close()
    assert main(["--data-dir", str(folder), "restore", str(made.path)]) == 0
    con = sqlite3.connect(paths.db_path)
    assert con.execute("SELECT count(*) FROM organisation_tag").fetchone()[0] > 0
    con.close()


def test_env_var_data_dir(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PARTNERDESK_DATA_DIR", str(tmp_path / "env"))
    assert main(["demo"]) == 0
    assert (tmp_path / "env" / "partnerdesk.sqlite3").exists()


def test_check_reports_damage(tmp_path, capsys):
    folder = tmp_path / "d"
    assert main(["--data-dir", str(folder), "backup"]) == 0
    (folder / "partnerdesk.sqlite3").write_bytes(b"x" * 5000)
    for side in ("-wal", "-shm"):
        (folder / f"partnerdesk.sqlite3{side}").unlink(missing_ok=True)
    assert main(["--data-dir", str(folder), "--lang", "fr", "check"]) == 1
    out = capsys.readouterr().out
    assert "endommagée" in out and "Sauvegarde valide" in out


def test_commands_refused_while_app_open(tmp_path, capsys):
    folder = tmp_path / "d"
    paths = DataPaths(folder).ensure()
    lock = InstanceLock(paths.lock_path)
    assert lock.acquire()
    try:
        assert main(["--data-dir", str(folder), "--lang", "fr", "backup"]) == 1
        assert "déjà ouvert" in capsys.readouterr().err
    finally:
        lock.release()


def test_restore_missing_file(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "restore", str(tmp_path / "nope.sqlite3")]) == 1
