"""The second copy of the backups, in a place the user chooses, and its "À faire" line."""

import datetime as dt
import errno
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import backups, data, outside_copy, partners, todo
from partnerdesk.store import backup as store_backup
from partnerdesk.store import filestore


@pytest.fixture
def backed_up(store):
    partners.create_organisation(OrganisationData(name="Médiathèque"))
    (store.photos_dir / "a.jpg").write_bytes(b"photo A")
    backups.backup_now(store)
    return store


def test_copy_mirrors_backups_and_their_files(backed_up, tmp_path):
    key = tmp_path / "usb"
    key.mkdir()
    result = outside_copy.copy_to(backed_up, key)
    target = key / outside_copy.SUBFOLDER
    made = backups.list_all(backed_up)[0]
    assert (target / made.path.name).read_bytes() == made.path.read_bytes()
    assert (target / filestore.manifest_path(made.path).name).exists()
    sha = filestore.sha256_of(backed_up.photos_dir / "a.jpg")
    assert (target / "files" / sha[:2] / sha).read_bytes() == b"photo A"
    assert result.copied == 3
    again = outside_copy.copy_to(backed_up, key)
    assert again.copied == 0  # shared files are not copied twice
    # what the rotation dropped here is dropped there too (personal data never outlives the rotation)
    made.path.unlink()
    filestore.manifest_path(made.path).unlink()
    filestore.collect_garbage(backed_up.backups_dir)
    store_backup.create_backup(backed_up.db_path, backed_up.backups_dir, "manual",
                               made.taken_at + dt.timedelta(minutes=1))
    outside_copy.copy_to(backed_up, key)
    assert not (target / made.path.name).exists()
    assert sorted(p.name for p in target.glob("*.sqlite3")) == [b.path.name for b in backups.list_all(backed_up)]


def test_a_folder_inside_the_data_folder_is_refused(backed_up):
    with pytest.raises(outside_copy.OutsideCopyError, match="outside the data folder"):
        outside_copy.copy_to(backed_up, backed_up.photos_dir)


def test_full_key_is_a_message(backed_up, tmp_path, monkeypatch):
    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(outside_copy.OutsideCopyError, match="disk is full"):
        outside_copy.copy_to(backed_up, tmp_path)
    assert outside_copy.state(backed_up).copied_at is None


def test_todo_line_after_thirty_days(backed_up, tmp_path):
    today = dt.date.today()
    lines = [i for i in todo.items(today) if i.kind == outside_copy.TODO_KIND]
    assert len(lines) == 1 and "Never" in lines[0].detail and lines[0].open_kind == "backups"
    outside_copy.copy_to(backed_up, tmp_path, now=dt.datetime.now() - dt.timedelta(days=10))
    assert not [i for i in todo.items(today) if i.kind == outside_copy.TODO_KIND]
    outside_copy.copy_to(backed_up, tmp_path, now=dt.datetime.now() - dt.timedelta(days=31))
    lines = [i for i in todo.items(today) if i.kind == outside_copy.TODO_KIND]
    assert len(lines) == 1 and "31 days ago" in lines[0].detail


def test_no_todo_line_without_any_backup(store):
    assert not [i for i in todo.items(dt.date.today()) if i.kind == outside_copy.TODO_KIND]


def test_copy_from_the_backups_dialog(backed_up, tmp_path, qtbot, monkeypatch):
    from partnerdesk import i18n
    from partnerdesk.ui.dialogs.backups import BackupsDialog
    from partnerdesk.ui.tasks import SyncTaskRunner

    i18n.set_language("fr")
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    key = tmp_path / "usb"
    key.mkdir()
    dialog = BackupsDialog(backed_up, tasks=SyncTaskRunner(), choose_folder=lambda: str(key))
    qtbot.addWidget(dialog)
    assert "Pas encore de copie" in dialog.outside_label.text()
    qtbot.mouseClick(dialog.outside_button, Qt.MouseButton.LeftButton)
    assert shown and "copiées" in shown[0]
    assert str(key) in dialog.outside_label.text()
    assert list((key / outside_copy.SUBFOLDER).glob("*.sqlite3"))
    dialog.resize(720, 460)
    dialog.show()
    dialog.grab().save(str(tmp_path.parent / "backups-dialog.png"))
    # the list shows the seconds: two backups of the same minute are told apart
    assert dialog.model.index(0, 0).data().count(":") == 2


def test_the_todo_line_opens_the_backups_dialog(window, monkeypatch):
    from partnerdesk.ui.dialogs import backups as dialog_module

    opened = []
    monkeypatch.setattr(dialog_module.BackupsDialog, "exec", lambda self: opened.append(self) or 0)
    window.ctx.signals.open_requested.emit("backups", 0)
    assert opened and opened[0].tasks is window.ctx.tasks


def test_the_copy_on_the_key_restores_everything_after_losing_the_computer(backed_up, tmp_path, capsys):
    from partnerdesk.cli import main

    key = tmp_path / "usb"
    key.mkdir()
    outside_copy.copy_to(backed_up, key)
    data.close_data()
    shutil.rmtree(backed_up.root)  # the disk is gone
    copy = sorted((key / outside_copy.SUBFOLDER).glob("*.sqlite3"))[-1]
    new = tmp_path / "new-pc"
    assert main(["--data-dir", str(new), "restore", str(copy)]) == 0
    assert (new / "photos" / "a.jpg").read_bytes() == b"photo A"
    assert main(["--data-dir", str(new), "check"]) == 0
    data.open_data(type(backed_up)(new), daily_backup=False)
    assert [o.name for o in partners.list_organisations()] == ["Médiathèque"]


def test_every_todo_source_is_loaded_before_the_first_gathering():
    """A module that registers an "À faire" source is loaded by `todo.items()` itself: the window
    gathers "À faire" at start before any screen imports the backups' service (the line asking
    for an outside copy used to appear only after the Backups dialog had been opened)."""
    import re
    from pathlib import Path

    import partnerdesk

    root = Path(partnerdesk.__file__).parent
    registering = sorted(
        "partnerdesk." + ".".join(path.relative_to(root).with_suffix("").parts)
        for path in root.rglob("*.py")
        if re.search(r"^@todo\.register", path.read_text("utf-8"), re.MULTILINE))
    assert registering == sorted(todo.SOURCE_MODULES)


def test_a_fresh_start_shows_the_outside_copy_line(backed_up):
    """In a fresh interpreter, as the window at start: only `todo.items()`, nothing else imported."""
    import os
    import subprocess
    import sys
    import textwrap

    data.close_data()
    probe = textwrap.dedent(f"""
        from pathlib import Path
        from partnerdesk.paths import DataPaths
        from partnerdesk.services import data, todo
        data.open_data(DataPaths(Path({str(backed_up.root)!r})), daily_backup=False)
        print("KINDS", sorted({{item.kind for item in todo.items()}}))
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ))
    assert "'outside_copy'" in done.stdout, done.stdout + done.stderr[-2000:]
