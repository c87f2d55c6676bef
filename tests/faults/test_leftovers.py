"""Leftovers of killed work are cleaned at start (after a grace period, logged) and never
exported; files in backups are shared and hard-linked where the disk allows."""

import errno
import logging
import os
import time
import zipfile

import pytest

from partnerdesk.cli import main
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import archive, backups, data, leftovers, partners
from partnerdesk.store import backup as store_backup
from partnerdesk.store import database, filestore


def _age(path, seconds):
    old = time.time() - seconds
    os.utime(path, (old, old))


@pytest.fixture
def with_leftovers(paths):
    data.open_data(paths, daily_backup=False)
    person = partners.create_person(PersonData(last_name="Durand", first_name="Ana"))
    (paths.photos_dir / "used.jpg").write_bytes(b"used")
    database.execute_sql("INSERT INTO person_photo (person_id, file, width, height, source_name, added_at) "
                         "VALUES (?, 'used.jpg', 1, 1, '', '2026-01-01 10:00:00')", (person.id,))
    data.close_data()
    made = {
        "partial": paths.backups_dir / "partnerdesk-20261130-101010-daily.partial",
        "orphan": paths.photos_dir / "orphan.jpg",
        "orphan_proof": paths.proofs_dir / "orphan.pdf",
        "fresh_orphan": paths.photos_dir / "fresh.jpg",
        "export_partial": paths.root / "export.zip.partial",
    }
    for path in made.values():
        path.write_bytes(b"x" * 1000)
    for key in ("partial", "orphan", "orphan_proof", "export_partial"):
        _age(made[key], 2 * 24 * 3600)
    (paths.root / ".import-staging" / "photos").mkdir(parents=True)
    (paths.root / ".import-staging" / "photos" / "half.jpg").write_bytes(b"half")
    return made


def test_leftovers_cleaned_at_start_after_a_grace_period(paths, with_leftovers, caplog):
    with caplog.at_level(logging.INFO):
        folder = data.open_data(paths, daily_backup=False)
    try:
        for key in ("partial", "orphan", "orphan_proof", "export_partial"):
            assert not with_leftovers[key].exists(), key
        assert with_leftovers["fresh_orphan"].exists()  # maybe being added right now: kept for a day
        assert (paths.photos_dir / "used.jpg").exists()
        assert not (paths.root / ".import-staging").exists()
        assert len(folder.leftovers) == 4
        assert "removed leftover photos/orphan.jpg" in caplog.text
    finally:
        data.close_data()



def test_cleaning_walks_nested_folders_but_never_a_linked_folder(paths, with_leftovers, tmp_path):
    """Partial files and orphans deep in sub-folders are cleaned; a link to a folder elsewhere
    (a photos sub-folder pointing at the user's pictures) is never walked: nothing there is removed."""
    outside = tmp_path / "my-pictures"
    outside.mkdir()
    kept = outside / "holiday.jpg"
    kept.write_bytes(b"mine")
    _age(kept, 30 * 24 * 3600)
    try:
        (paths.photos_dir / "linked").symlink_to(outside, target_is_directory=True)
    except OSError:
        pytest.skip("no symbolic links here")
    nested = paths.photos_dir / "2026" / "11"
    nested.mkdir(parents=True)
    deep_orphan, deep_partial = nested / "deep.jpg", paths.logs_dir / "old" / "log.txt.part"
    deep_partial.parent.mkdir(parents=True)
    for path in (deep_orphan, deep_partial):
        path.write_bytes(b"x")
        _age(path, 2 * 24 * 3600)
    data.open_data(paths, daily_backup=False)
    try:
        assert not deep_orphan.exists() and not deep_partial.exists()
        assert kept.exists() and (paths.photos_dir / "linked").is_symlink()
        assert (paths.photos_dir / "used.jpg").exists()
    finally:
        data.close_data()


def test_an_unreadable_folder_does_not_stop_the_cleaning(paths, with_leftovers, monkeypatch):
    real_scandir = os.scandir

    def scandir(path="."):
        if isinstance(path, (str, os.PathLike)) and os.fspath(path) == os.fspath(paths.proofs_dir):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(leftovers.os, "scandir", scandir)
    data.open_data(paths, daily_backup=False)
    try:
        assert not with_leftovers["orphan"].exists() and not with_leftovers["partial"].exists()
        assert with_leftovers["orphan_proof"].exists()  # its folder could not be read: left alone
    finally:
        data.close_data()

def test_orphans_are_never_exported(paths, with_leftovers, tmp_path):
    data.open_data(paths, daily_backup=False)
    try:
        target = tmp_path / "all.zip"
        archive.export_all(paths, target)
    finally:
        data.close_data()
    with zipfile.ZipFile(target) as z:
        names = [n for n in z.namelist() if n.startswith("files/")]
    assert names == ["files/photos/used.jpg"]


def test_backup_files_are_hard_links_and_shared(store):
    (store.photos_dir / "a.jpg").write_bytes(b"photo A")
    first = store_backup.create_backup(store.db_path, store.backups_dir, "daily")
    second = backups.backup_now(store)
    assert first.path.exists()  # a manual backup never replaces the day's automatic one
    assert {k: v["sha"] for k, v in filestore.read_manifest(first.path).items()} == \
        {k: v["sha"] for k, v in filestore.read_manifest(second.path).items()}
    objects = list((store.backups_dir / "files").glob("*/*"))
    assert len(objects) == 1
    assert os.stat(objects[0]).st_ino == os.stat(store.photos_dir / "a.jpg").st_ino  # same disk: a hard link


def test_import_all_on_a_full_disk_is_a_message_and_leaves_nothing(paths, tmp_path, capsys, monkeypatch):
    source = tmp_path / "src"
    assert main(["--data-dir", str(source), "backup"]) == 0
    data.open_data(type(paths)(source), daily_backup=False)
    try:
        partners.create_organisation(OrganisationData(name="Médiathèque"))
        (source / "photos" / "a.jpg").write_bytes(b"a")
        person = partners.create_person(PersonData(last_name="Durand"))
        database.execute_sql("INSERT INTO person_photo (person_id, file, width, height, source_name, added_at) "
                             "VALUES (?, 'a.jpg', 1, 1, '', '2026-01-01 10:00:00')", (person.id,))
        archive.export_all(type(paths)(source), tmp_path / "all.zip")
    finally:
        data.close_data()
    capsys.readouterr()
    from partnerdesk.services import archive_import

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(archive_import, "StagingDatabase", full)
    code = main(["--data-dir", str(paths.root), "--lang", "fr", "import-all", str(tmp_path / "all.zip")])
    err = capsys.readouterr().err
    assert code == 1 and "disque est plein" in err and "Traceback" not in err
    assert not (paths.root / ".import-staging").exists()
    assert not list(paths.photos_dir.iterdir())


def test_earlier_photos_kept_for_undo_are_not_leftovers(store):
    person = partners.create_person(PersonData(last_name="Durand"))
    for name in ("old.jpg", "new.jpg"):
        (store.photos_dir / name).write_bytes(name.encode())
        _age(store.photos_dir / name, 2 * 24 * 3600)
    database.execute_sql("INSERT INTO person_photo (person_id, file, width, height, source_name, added_at) "
                         "VALUES (?, 'old.jpg', 1, 1, '', '2026-01-01 10:00:00')", (person.id,))
    database.execute_sql("UPDATE person_photo SET file = 'new.jpg' WHERE person_id = ?", (person.id,))
    assert leftovers.clean(store) == []
    assert (store.photos_dir / "old.jpg").exists()


def test_orphans_named_as_the_rows_name_them_whatever_the_data_folders_path(paths, with_leftovers, monkeypatch):
    """The data folder given as "." (or a drive root, "E:\\"): referenced files are never taken
    for orphans (each file is named from its own folder, not by cutting the data folder's path)."""
    from pathlib import Path

    from partnerdesk.paths import DataPaths

    (paths.photos_dir / "2026").mkdir()
    (paths.photos_dir / "2026" / "deep.jpg").write_bytes(b"used too")
    data.open_data(paths, daily_backup=False, clean_leftovers=False)
    try:
        other = partners.create_person(PersonData(last_name="Roux", first_name="Léa"))
        database.execute_sql("INSERT INTO person_photo (person_id, file, width, height, source_name, added_at) "
                             "VALUES (?, '2026/deep.jpg', 1, 1, '', '2026-01-01 10:00:00')", (other.id,))
        monkeypatch.chdir(paths.root)
        for root in (Path("."), Path(os.fspath(paths.root) + os.sep), paths.root):
            found = {p.name for p in leftovers.orphan_files(DataPaths(root))}
            assert found == {"orphan.jpg", "fresh.jpg", "orphan.pdf"}, (root, found)
    finally:
        data.close_data()


def test_a_windows_junction_counts_as_a_link():
    class Entry:
        def __init__(self, attributes):
            self.attributes = attributes

        def stat(self, follow_symlinks=True):
            return type("Stat", (), {"st_file_attributes": self.attributes})()

    import stat

    assert leftovers._is_junction(Entry(stat.FILE_ATTRIBUTE_REPARSE_POINT | stat.FILE_ATTRIBUTE_DIRECTORY))
    assert not leftovers._is_junction(Entry(stat.FILE_ATTRIBUTE_DIRECTORY))
