"""CLI commands on a full disk or a locked database: a message, never a traceback, nothing half-written."""

import errno
import sqlite3

import pytest

from partnerdesk.cli import main
from partnerdesk.paths import DataPaths
from partnerdesk.services import data, imports, partners


def _csv(path, count):
    lines = ["Prénom;Nom;Structure;Courriel;Remarques"]
    lines += [f"Ana{i};Durand {i};Asso {i % 50};a{i}@exemple.fr;{'note ' * 300}{i}" for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _no_traceback(out):
    assert "Traceback" not in out.err and "Traceback" not in out.out


def test_import_on_a_full_disk(tmp_path, small_disk, capsys):
    source = tmp_path / "contacts.csv"
    _csv(source, 1500)
    with small_disk(1600) as disk:
        folder = disk / "data"
        assert main(["--data-dir", str(folder), "backup"]) == 0
        capsys.readouterr()
        code = main(["--data-dir", str(folder), "--lang", "fr", "import", str(source)])
        out = capsys.readouterr()
        _no_traceback(out)
        assert code == 1 and "disque est plein" in out.err
        paths = DataPaths(folder)
        data.open_data(paths, daily_backup=False)
        try:
            assert partners.count_people() == 0  # one transaction: nothing half-imported
        finally:
            data.close_data()


def test_import_disk_full_simulated(tmp_path, paths, capsys, monkeypatch):
    source = tmp_path / "contacts.csv"
    _csv(source, 5)

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(imports, "apply_plan", full)
    code = main(["--data-dir", str(paths.root), "--lang", "fr", "import", str(source)])
    out = capsys.readouterr()
    _no_traceback(out)
    assert code == 1 and "disque est plein" in out.err


def test_import_on_a_locked_database(tmp_path, paths, capsys):
    source = tmp_path / "contacts.csv"
    _csv(source, 5)
    assert main(["--data-dir", str(paths.root), "backup"]) == 0
    other = sqlite3.connect(paths.db_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        code = main(["--data-dir", str(paths.root), "--lang", "fr", "import", str(source)])
        out = capsys.readouterr()
        _no_traceback(out)
        assert code == 1 and "verrouill" in out.err
    finally:
        other.rollback()
        other.close()


def test_unexpected_error_is_a_message(paths, capsys, monkeypatch, tmp_path):
    source = tmp_path / "contacts.csv"
    _csv(source, 3)
    monkeypatch.setattr(imports, "apply_plan", lambda *a, **k: 1 / 0)
    code = main(["--data-dir", str(paths.root), "import", str(source)])
    out = capsys.readouterr()
    _no_traceback(out)
    assert code == 1 and "ZeroDivisionError" in out.err
    assert "Traceback" in (paths.logs_dir / "partnerdesk.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["backup"], ["export-all", "-o", "{out}"]])
def test_backup_and_export_on_a_full_disk_simulated(command, paths, tmp_path, capsys, monkeypatch):
    import shutil

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", full)
    from partnerdesk.store import backup as store_backup

    monkeypatch.setattr(store_backup, "copy_database", full)
    args = [a.format(out=tmp_path / "a.zip") for a in command]
    code = main(["--data-dir", str(paths.root), "--lang", "fr", *args])
    out = capsys.readouterr()
    _no_traceback(out)
    assert code in (0, 1)
    if code == 1:
        assert "plein" in out.err or "écrite" in out.err or "échoué" in out.err


def test_daily_backup_on_a_really_full_disk(small_disk):
    from partnerdesk.services import backups as backups_service

    with small_disk(1100) as disk:  # the 0.2 schema fits (~540 KB), its backup copy does not
        paths = DataPaths(disk / "data").ensure()
        data.open_data(paths, daily_backup=False)
        data.close_data()
        folder = data.open_data(paths, daily_backup=True)  # the copy does not fit
        try:
            assert folder.warnings and "automatic backup failed" in folder.warnings[0]
            partners.count_people()  # the data is still usable
        finally:
            data.close_data()
        assert not list(paths.backups_dir.glob("*.partial")) and not backups_service.list_all(paths)
