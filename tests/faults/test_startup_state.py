"""Never a silent empty start; every state of the database its own message; `check` says what it sees."""

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from partnerdesk.cli import main
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import backups, data, health, partners
from partnerdesk.store import health as store_health
from tests.faults.helpers import ROOT


@pytest.fixture
def used(paths):
    """A data folder with a good backup holding one organisation."""
    data.open_data(paths, daily_backup=False)
    partners.create_organisation(OrganisationData(name="Sauvée"))
    good = backups.backup_now(paths)
    data.close_data()
    return good


def _check(paths, capsys):
    code = main(["--data-dir", str(paths.root), "check"])
    return code, capsys.readouterr()


@pytest.mark.parametrize("how", ["zero-bytes", "missing", "no-table"])
def test_missing_or_empty_database_is_not_a_first_run(how, paths, used, capsys):
    paths.db_path.unlink()
    for side in paths.root.glob("partnerdesk.sqlite3-*"):
        side.unlink()
    if how == "zero-bytes":
        paths.db_path.write_bytes(b"")
    elif how == "no-table":
        sqlite3.connect(paths.db_path).close()
        paths.db_path.write_bytes(b"")
        con = sqlite3.connect(paths.db_path)
        con.execute("PRAGMA user_version = 1")
        con.commit()
        con.close()
    with pytest.raises(data.DataUnusable) as caught:
        data.open_data(paths)
    assert caught.value.state.kind == ("missing" if how == "missing" else "empty")
    assert "Database OK" not in str(caught.value)
    # nothing was written over: the good backup is still the newest, no daily backup replaced it
    assert [b.path for b in backups.list_all(paths)] == [used.path]
    code, out = _check(paths, capsys)
    assert code == 1 and "Database OK" not in out.out
    assert ("missing" if how == "missing" else "empty") in out.out
    assert str(used.path) in out.out
    # and in French
    code = main(["--data-dir", str(paths.root), "--lang", "fr", "check"])
    out = capsys.readouterr().out
    assert code == 1 and ("absent" if how == "missing" else "vide") in out


def test_files_without_database_are_history_too(paths):
    (paths.photos_dir / "a.jpg").write_bytes(b"photo")
    assert health.startup_state(paths).kind == "missing"


def test_first_run_is_a_first_run(paths, capsys):
    assert health.startup_state(paths).kind == "new"
    code, out = _check(paths, capsys)
    assert code == 0 and "No database yet" in out.out


def test_damaged_database_says_damaged_and_offers_newest_good(paths, used, capsys):
    raw = paths.db_path.read_bytes()
    paths.db_path.write_bytes(raw[:100] + b"\xff" * 4000 + raw[4100:])
    code, out = _check(paths, capsys)
    assert code == 1 and "damaged" in out.out and str(used.path) in out.out


@pytest.mark.parametrize("damage", ["garbage", "header"])
def test_a_file_that_is_no_database_is_damaged_even_when_only_the_schema_is_read(paths, used, damage):
    """The window's start reads only the header and schema (the full check follows in the
    background): a file that is not a database still stops it there, with SQLite's reason."""
    raw = paths.db_path.read_bytes()
    paths.db_path.write_bytes(b"\0garbage" * 2000 if damage == "garbage" else b"\xff" * 100 + raw[100:])
    state = store_health.classify(paths.db_path, paths.backups_dir, full_check=None)
    assert state.kind == store_health.DAMAGED and state.reason
    with pytest.raises(data.DataUnusable):
        data.open_data(paths, full_check=None, daily_backup=False)


def test_locked_by_another_program(paths, used, capsys):
    other = sqlite3.connect(paths.db_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(data.DataUnusable) as caught:
            data.open_data(paths)
        assert caught.value.state.kind == "locked" and "damaged" not in str(caught.value)
        code, out = _check(paths, capsys)
        assert code == 1 and "locked" in out.out and "damaged" not in out.out
    finally:
        other.rollback()
        other.close()
    data.open_data(paths, daily_backup=False)
    data.close_data()


def test_read_only_folder_is_shown_not_called_damaged(paths, used, capsys, monkeypatch):
    monkeypatch.setattr(store_health, "folder_writable", lambda folder: False)
    with pytest.raises(data.DataUnusable) as caught:
        data.open_data(paths)
    assert caught.value.state.kind == "read-only-folder"
    code, out = _check(paths, capsys)
    assert code == 1 and "cannot be written" in out.out and "damaged" not in out.out
    folder = data.open_data(paths, read_only=True)
    try:
        assert folder.read_only
        assert [o.name for o in partners.list_organisations()] == ["Sauvée"]
    finally:
        data.close_data()


def test_read_only_file(paths, used, monkeypatch):
    monkeypatch.setattr(store_health, "_read_only_open", lambda path: True)
    state = health.startup_state(paths)
    assert state.kind == "read-only-file" and "read-only" in health.describe(state, paths)
    folder = data.open_data(paths, read_only=True)
    try:
        assert [o.name for o in partners.list_organisations()] == ["Sauvée"]
    finally:
        data.close_data()


HOLDER = """
import sys, time
sys.path.insert(0, {root!r})
from partnerdesk.paths import DataPaths
from partnerdesk.lock import InstanceLock
from partnerdesk.services import data
paths = DataPaths(__import__("pathlib").Path(sys.argv[1]))
lock = InstanceLock(paths.lock_path)
assert lock.acquire()
data.open_data(paths, daily_backup=False)
print("open", flush=True)
time.sleep(60)
"""


def test_deleting_the_lock_file_does_not_let_a_second_writer_in(paths, used, capsys):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT)), str(paths.root)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        paths.lock_path.unlink()
        (paths.root / ".restore-staging").mkdir()  # as if the first one were restoring
        code = main(["--data-dir", str(paths.root), "backup"])
        err = capsys.readouterr().err
        assert code == 1 and "already open" in err
        with pytest.raises(data.DatabaseBusy):
            data.open_data(paths)
        assert (paths.root / ".restore-staging").exists()  # the second one touched nothing
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    data.open_data(paths, daily_backup=False)
    data.close_data()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="permissions do not stop root: the simulated tests above cover it")
def test_really_read_only_file_and_folder(paths, used):
    paths.db_path.chmod(0o444)
    try:
        assert health.startup_state(paths).kind == "read-only-file"
    finally:
        paths.db_path.chmod(0o644)
    paths.root.chmod(0o555)
    try:
        assert health.startup_state(paths).kind == "read-only-folder"
        folder = data.open_data(paths, read_only=True)
        try:
            assert [o.name for o in partners.list_organisations()] == ["Sauvée"]
        finally:
            data.close_data()
    finally:
        paths.root.chmod(0o755)


def test_a_really_read_only_folder(paths, used, read_only_view, capsys):
    from partnerdesk.paths import DataPaths

    with read_only_view(paths.root) as view:
        seen = DataPaths(view)
        state = health.startup_state(seen)
        assert state.kind == "read-only-folder", state
        with pytest.raises(data.DataUnusable):
            data.open_data(seen)
        code, out = _check(seen, capsys)
        assert code == 1 and "cannot be written" in out.out and "damaged" not in out.out
        folder = data.open_data(seen, read_only=True)
        try:
            assert folder.read_only and [o.name for o in partners.list_organisations()] == ["Sauvée"]
        finally:
            data.close_data()


def test_a_really_read_only_database_file(paths, used, capsys):
    """The database file itself bind-mounted read-only over itself (stops root too)."""
    db = str(paths.db_path)
    if subprocess.run(["mount", "--bind", db, db], capture_output=True).returncode:
        pytest.skip("no read-only mount can be made here (needs root)")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", db], capture_output=True).returncode:
            pytest.skip("no read-only mount can be made here")
        assert health.startup_state(paths).kind == "read-only-file"
        code, out = _check(paths, capsys)
        assert code == 1 and "read-only" in out.out and "damaged" not in out.out
        folder = data.open_data(paths, read_only=True)
        try:
            assert folder.read_only and [o.name for o in partners.list_organisations()] == ["Sauvée"]
        finally:
            data.close_data()
    finally:
        subprocess.run(["umount", "-l", db], capture_output=True)


def test_the_early_quick_check_follows_the_file_it_is_asked_about(paths, used):
    """Started before the data is opened, it answers for the file as opened: a file replaced
    meanwhile (an interrupted restore finished at opening) or made since is checked again."""
    healthy = paths.db_path.read_bytes()
    assert health.QuickCheck(paths.db_path).result() is None

    raw = bytearray(healthy)
    raw[100:4100] = b"\xff" * 4000
    paths.db_path.write_bytes(bytes(raw))  # same file, damaged in place
    damaged = health.QuickCheck(paths.db_path).result()
    assert damaged is not None and damaged.kind == store_health.DAMAGED and damaged.reason

    check = health.QuickCheck(paths.db_path)  # started on the damaged file...
    check._thread.join()
    fresh = paths.db_path.with_name("restored.sqlite3")
    fresh.write_bytes(healthy)
    os.replace(fresh, paths.db_path)  # ...which a restore replaced before the window asked
    assert check.result() is None

    missing = paths.root / "first-run" / "partnerdesk.sqlite3"
    first = health.QuickCheck(missing)  # a first run: nothing to check yet
    missing.parent.mkdir()
    missing.write_bytes(healthy)
    assert first.result() is None
