"""A restore killed at every step: at every instant one complete state exists, and start-up
finishes or rolls it back. Nothing lost, nothing half-done."""

import signal

import pytest

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import backups, data, partners
from partnerdesk.store import restore
from tests.faults.helpers import files_of, run_killed

STEPS = ["safety-copy", "files-staged", "database-staged", "prepared", "files-moved", "files-pruned",
         "wal-removed", "renamed"]

@pytest.fixture
def before_and_after(paths):
    """A backup holding "Avant" and photos/a.jpg; then the live data moves on."""
    data.open_data(paths, daily_backup=False)
    partners.create_organisation(OrganisationData(name="Avant"))
    (paths.photos_dir / "a.jpg").write_bytes(b"photo A")
    (paths.proofs_dir / "p.pdf").write_bytes(b"%PDF proof")
    old = backups.backup_now(paths)
    old_files = files_of(paths.root)
    partners.create_organisation(OrganisationData(name="Après"))
    (paths.photos_dir / "a.jpg").unlink()
    (paths.photos_dir / "b.jpg").write_bytes(b"photo B")
    new_files = files_of(paths.root)
    data.close_data()
    return old, old_files, new_files


def _names():
    return sorted(o.name for o in partners.list_organisations())


@pytest.mark.parametrize("step", STEPS)
def test_restore_killed_at(step, paths, before_and_after):
    old, old_files, new_files = before_and_after
    assert run_killed(step, lambda: backups.restore(paths, old.path, reopen=False)) == signal.SIGKILL
    assert paths.db_path.exists() or restore.restoring_path(paths.db_path).exists()
    data.open_data(paths, daily_backup=False)
    try:
        names, files = _names(), files_of(paths.root)
    finally:
        data.close_data()
    if names == ["Avant"]:  # finished at start-up
        assert files == old_files
    else:  # rolled back: the live data as it was
        assert names == ["Après", "Avant"] and files == new_files
    assert step not in STEPS[STEPS.index("prepared"):] or names == ["Avant"]
    assert not (paths.root / restore.RESTORE_STAGING).exists()
    assert not list(paths.root.glob("*.restoring*"))
    safety = [b for b in backups.list_all(paths) if b.kind == "pre-restore"]
    assert len(safety) == 1  # taken before anything changed, and kept
    # the pre-restore copy holds what was live, files included
    restore.restore_backup(safety[0].path, paths.db_path, paths.backups_dir)
    data.open_data(paths, daily_backup=False)
    try:
        assert _names() == ["Après", "Avant"] and files_of(paths.root) == new_files
    finally:
        data.close_data()


def test_restore_brings_files_back_exactly(paths, before_and_after):
    old, old_files, _new = before_and_after
    backups.restore(paths, old.path, reopen=True)
    try:
        assert _names() == ["Avant"]
    finally:
        data.close_data()
    assert files_of(paths.root) == old_files


def test_backup_with_a_missing_file_object_is_refused_before_anything_changes(paths, before_and_after):
    old, _old_files, new_files = before_and_after
    for obj in (paths.backups_dir / "files").glob("*/*"):
        obj.unlink()
    with pytest.raises(backups.BackupError, match="files of this backup are missing"):
        backups.restore(paths, old.path, reopen=False)
    assert files_of(paths.root) == new_files
    assert not [b for b in backups.list_all(paths) if b.kind == "pre-restore"]
