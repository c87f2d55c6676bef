"""Rotation over two years of simulated days: gaps, manual backups, restores, migrations."""

import datetime as dt
import random

from partnerdesk.store import backup as store_backup
from partnerdesk.store import filestore


def _make(folder, when: dt.datetime, kind: str):
    stamp = when.strftime("%Y%m%d-%H%M%S")
    path = folder / f"partnerdesk-{stamp}-{kind}.sqlite3"
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"partnerdesk-{stamp}-{counter}-{kind}.sqlite3"
    path.write_bytes(b"x")
    return path


def test_two_years_of_days(tmp_path):
    rng = random.Random(13)
    start = dt.datetime(2025, 1, 1, 9, 0, 0)
    made: dict = {}
    created = 0
    for day in range(730):
        today = start + dt.timedelta(days=day)
        if 200 <= day < 290 or rng.random() < 0.15:  # a summer closed, and random days off
            continue
        now = today
        made[_make(tmp_path, now, "daily")] = (now, "daily")
        created += 1
        store_backup.rotate(tmp_path, now)
        for kind in ("manual", "pre-restore", "pre-import-all", "pre-migration"):
            if rng.random() < (0.3 if kind == "manual" else 0.05):
                now += dt.timedelta(seconds=rng.randint(1, 3000))
                made[_make(tmp_path, now, kind)] = (now, kind)
                created += 1
                store_backup.rotate(tmp_path, now)
        kept = {b.path: b for b in store_backup.list_backups(tmp_path)}
        # safety copies: all of the last 30 days
        for path, (when, kind) in made.items():
            if kind in store_backup.SAFETY_KINDS and now - when <= dt.timedelta(days=30):
                assert path in kept, (day, path.name)
        # nothing older than the 12 calendar months (the RGPD text says "at most 12 months")
        cutoff = store_backup.oldest_kept_month(now)
        assert all(b.taken_at >= cutoff for b in kept.values())
        assert all(now - b.taken_at < dt.timedelta(days=366) for b in kept.values())
        # a manual backup never replaces the automatic one: today's daily is always there
        assert any(b.kind == "daily" and b.taken_at.date() == now.date() for b in kept.values())
        # the newest automatic backup of each of the 7 newest days with one
        automatic = sorted((b for b in made.values() if b[1] == "daily" and b[0] >= cutoff),
                           reverse=True)
        days = []
        for when, _kind in automatic:
            if when.date() not in days:
                days.append(when.date())
        for d in days[:7]:
            assert any(b.taken_at.date() == d and b.kind == "daily" for b in kept.values())
        # one daily backup in every calendar month of the window that had one
        months = {(w.year, w.month) for w, _k in automatic}
        assert months == {(b.taken_at.year, b.taken_at.month) for b in kept.values()
                          if b.kind == "daily"}
        assert len(kept) <= 2 * (7 + 12) + 20
        made = {p: v for p, v in made.items() if now - v[0] < dt.timedelta(days=400)}  # older: checked gone
    assert len(list(tmp_path.iterdir())) < 60
    assert created > 700


def test_restore_then_backup_keeps_the_pre_restore_copy(tmp_path):
    now = dt.datetime(2026, 11, 30, 9, 0, 0)
    daily = _make(tmp_path, now, "daily")
    safety = _make(tmp_path, now + dt.timedelta(minutes=5), "pre-restore")
    manual = _make(tmp_path, now + dt.timedelta(minutes=6), "manual")
    manual2 = _make(tmp_path, now + dt.timedelta(minutes=6), "manual")  # same second: a distinct name
    store_backup.rotate(tmp_path, now + dt.timedelta(minutes=7))
    names = {b.path for b in store_backup.list_backups(tmp_path)}
    assert {daily, safety, manual2} <= names and manual2 != manual
    assert [b.path for b in store_backup.list_backups(tmp_path)][0] == manual2


def test_gap_longer_than_a_year_drops_old_backups(tmp_path):
    old = _make(tmp_path, dt.datetime(2024, 1, 5, 9), "daily")
    old_safety = _make(tmp_path, dt.datetime(2024, 1, 5, 10), "pre-restore")
    now = dt.datetime(2026, 3, 1, 9)
    new = _make(tmp_path, now, "daily")
    store_backup.rotate(tmp_path, now)
    assert {b.path for b in store_backup.list_backups(tmp_path)} == {new}
    assert not old.exists() and not old_safety.exists()


def test_rotation_collects_files_no_backup_needs(tmp_path):
    data = tmp_path / "data"
    (data / "photos").mkdir(parents=True)
    backups = data / "backups"
    db = data / "partnerdesk.sqlite3"
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    (data / "photos" / "a.jpg").write_bytes(b"A" * 100)
    first = store_backup.create_backup(db, backups, "daily", dt.datetime(2025, 1, 1, 9))
    (data / "photos" / "a.jpg").unlink()
    (data / "photos" / "b.jpg").write_bytes(b"B" * 100)
    store_backup.create_backup(db, backups, "daily", dt.datetime(2026, 6, 1, 9))
    assert len(list((backups / "files").glob("*/*"))) == 2
    store_backup.rotate(backups, dt.datetime(2026, 6, 1, 9))
    assert not first.path.exists() and not filestore.manifest_path(first.path).exists()
    assert [p.name for p in (backups / "files").glob("*/*")] == [filestore.sha256_of(data / "photos" / "b.jpg")]
