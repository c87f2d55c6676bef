import datetime as dt
import sqlite3

import pytest

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import backups, data, partners
from partnerdesk.store import backup as store_backup


def _fake_backup(folder, when: dt.datetime, kind="daily"):
    path = folder / f"partnerdesk-{when:%Y%m%d-%H%M%S}-{kind}.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    return path


def test_backup_uses_backup_api_and_is_checked(store):
    partners.create_organisation(OrganisationData(name="Médiathèque"))
    made = backups.backup_now(store)
    assert made.path.exists() and made.kind == "manual"
    assert store_backup.integrity_check(made.path) is None
    con = sqlite3.connect(made.path)
    assert con.execute("SELECT name FROM organisation").fetchall() == [("Médiathèque",)]
    con.close()


def test_daily_backup_once_a_day(paths):
    data.open_data(paths)
    data.close_data()
    data.open_data(paths)
    data.close_data()
    daily = [b for b in backups.list_all(paths) if b.kind == "daily"]
    assert len(daily) == 1


def test_rotation_keeps_seven_days_and_twelve_months(tmp_path):
    start = dt.datetime(2026, 11, 22, 9, 0)
    for days in range(0, 800, 1):
        _fake_backup(tmp_path, start - dt.timedelta(days=days))
    # two backups on the newest day: only the newest of that day is kept
    _fake_backup(tmp_path, start + dt.timedelta(hours=3), "manual")
    store_backup.rotate(tmp_path, now=start + dt.timedelta(hours=4))  # the test's own clock, not today's
    kept = store_backup.list_backups(tmp_path)
    days = {b.taken_at.date() for b in kept}
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    recent = [start.date() - dt.timedelta(days=d) for d in range(7)]
    assert set(recent) <= days
    assert len(months) == 12
    assert len(kept) <= 7 + 12
    assert kept[0].kind == "manual"
    assert (2024, 10) not in months


def test_restore_backs_up_current_first(store):
    partners.create_organisation(OrganisationData(name="Avant"))
    first = backups.backup_now(store)
    partners.create_organisation(OrganisationData(name="Après"))
    safety = backups.restore(store, first.path).safety
    assert safety is not None and safety.kind == "pre-restore"
    assert [o.name for o in partners.list_organisations()] == ["Avant"]
    con = sqlite3.connect(safety.path)
    assert {r[0] for r in con.execute("SELECT name FROM organisation")} == {"Avant", "Après"}
    con.close()


def test_restore_over_corrupt_database_keeps_it_aside(paths):
    data.open_data(paths, daily_backup=False)
    partners.create_organisation(OrganisationData(name="Sauvée"))
    good = backups.backup_now(paths)
    data.close_data()
    paths.db_path.write_bytes(b"garbage" * 1000)
    assert backups.check(paths) is not None
    assert backups.newest_good(paths).path == good.path
    backups.restore(paths, good.path, reopen=True)
    assert [o.name for o in partners.list_organisations()] == ["Sauvée"]
    data.close_data()
    assert list(paths.root.glob("partnerdesk.sqlite3.corrupt-*"))


def test_restore_refuses_a_broken_backup(store, tmp_path):
    broken = tmp_path / "partnerdesk-20260101-000000-manual.sqlite3"
    broken.write_bytes(b"nope" * 100)
    with pytest.raises(backups.BackupError):
        backups.restore(store, broken)
