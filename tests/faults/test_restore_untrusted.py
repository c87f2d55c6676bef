"""A backup brought back from a USB key is untrusted input: its file list may not send a file
outside the data folder, and a sound SQLite file that is not PartnerDesk's (another program's,
an empty one, one a newer PartnerDesk updated) is refused before anything changes."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest

from partnerdesk.cli import main
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import backups, data, partners
from tests.faults.helpers import files_of


@pytest.fixture
def usb(paths, tmp_path):
    """A data folder holding "Avant" and a photo, its backup copied "on a USB key"."""
    data.open_data(paths, daily_backup=False)
    partners.create_organisation(OrganisationData(name="Avant"))
    (paths.photos_dir / "a.jpg").write_bytes(b"photo A")
    made = backups.backup_now(paths)
    data.close_data()
    key = tmp_path / "usb"
    shutil.copytree(paths.backups_dir, key)
    return key / made.path.name


def _manifest(backup):
    return backup.with_name(backup.name.replace(".sqlite3", ".files.json"))


def _add_entry(backup, rel, payload=b"outside\n", sha=None):
    sha = sha or hashlib.sha256(payload).hexdigest()
    obj = backup.parent / "files" / sha[:2] / sha
    obj.parent.mkdir(parents=True, exist_ok=True)
    obj.write_bytes(payload)
    content = json.loads(_manifest(backup).read_text())
    content["files"][rel] = {"sha": sha, "size": len(payload)}
    _manifest(backup).write_text(json.dumps(content))


@pytest.mark.parametrize("rel", ["../../ESCAPED.txt", "photos/../../ESCAPED.txt", "{abs}", "backups/x.sqlite3",
                                 "partnerdesk.sqlite3", "photos\\..\\..\\ESCAPED.txt", "C:/ESCAPED.txt"])
def test_a_file_list_cannot_write_outside_the_data_folder(rel, paths, usb, tmp_path):
    rel = rel.format(abs=tmp_path / "ESCAPED.txt")
    _add_entry(usb, rel)
    before = files_of(paths.root)
    with pytest.raises(backups.BackupError, match="altered"):
        backups.restore(paths, usb, reopen=False)
    assert not list(tmp_path.rglob("ESCAPED.txt")) and files_of(paths.root) == before


@pytest.mark.parametrize("entry", [{"size": 7}, {"sha": "../../../../etc/hostname", "size": 7},
                                   {"sha": "ab" * 32, "size": "7"}, "not a dict"])
def test_a_damaged_entry_is_refused_with_words_not_a_key_error(entry, paths, usb):
    content = json.loads(_manifest(usb).read_text())
    content["files"]["photos/a.jpg"] = entry
    _manifest(usb).write_text(json.dumps(content))
    with pytest.raises(backups.BackupError, match="damaged or was altered"):
        backups.restore(paths, usb, reopen=False)


def _foreign(path, versions=None, tables=("foo",)):
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    for table in tables:
        con.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    if versions is not None:
        con.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
        con.executemany("INSERT INTO schema_migration VALUES (?, 'x', '2026-01-01')", [(v,) for v in versions])
    con.commit()
    con.close()


@pytest.mark.parametrize("kind", ["other program", "empty", "newer"])
def test_a_database_that_is_not_a_restorable_partnerdesk_backup_is_refused(kind, paths, usb):
    if kind == "other program":
        _foreign(usb)
    elif kind == "empty":
        _foreign(usb, tables=())
    else:  # a backup made after an update this PartnerDesk does not know
        con = sqlite3.connect(usb)
        con.execute("INSERT INTO schema_migration VALUES (99, 'future', '2027-01-01')")
        con.commit()
        con.close()
    before = files_of(paths.root)
    with pytest.raises(backups.BackupError, match="newer version" if kind == "newer" else "not a PartnerDesk"):
        backups.restore(paths, usb, reopen=False)
    assert files_of(paths.root) == before
    assert not [b for b in backups.list_all(paths) if b.kind == "pre-restore"]  # refused before the safety copy
    data.open_data(paths, daily_backup=False)
    try:
        assert [o.name for o in partners.list_organisations()] == ["Avant"]
    finally:
        data.close_data()


def test_check_says_a_newer_database_cannot_be_opened(paths, usb, capsys):
    con = sqlite3.connect(paths.db_path)
    con.execute("INSERT INTO schema_migration VALUES (99, 'future', '2027-01-01')")
    con.commit()
    con.close()
    assert "newer version" in backups.check(paths)
    assert main(["--data-dir", str(paths.root), "--lang", "fr", "check"]) == 1
    assert "version plus récente" in capsys.readouterr().out  # where check prints its verdict


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_a_full_disk_says_so_in_french(command, paths, usb, capsys, monkeypatch):
    """Seen: « La sauvegarde a échoué : database or disk is full », and for a restore « Cette
    sauvegarde ne peut pas être restaurée : database or disk is full » (as if the backup were bad)."""
    from partnerdesk.store import backup as store_backup
    from partnerdesk.store import restore

    def full(*_a, **_k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_backup, "copy_database", full)
    monkeypatch.setattr(restore, "copy_database", full)
    monkeypatch.setattr(restore, "create_backup", lambda *a, **k: None)
    args = ["restore", str(usb)] if command == "restore" else ["backup"]
    assert main(["--data-dir", str(paths.root), "--lang", "fr", *args]) == 1
    err = capsys.readouterr().err
    assert "Le disque est plein" in err and "disk is full" not in err and "Traceback" not in err


def test_a_command_piped_into_head_ends_quietly(paths, capsys, monkeypatch):
    """`partnerdesk projects | head -1`: the reader stops early; no « Something went wrong »."""
    import builtins

    def closed(*_a, **_k):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(builtins, "print", closed)
    monkeypatch.setattr("partnerdesk.cli.common._quiet_stdout", lambda: None)
    assert main(["--data-dir", str(paths.root), "projects"]) == 1
    monkeypatch.undo()
    assert capsys.readouterr().err == ""
