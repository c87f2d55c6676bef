"""Backups with SQLite's online backup API, checked and rotated.

Never a file copy of the open database: the `-wal` file holds committed data.
File names: `partnerdesk-YYYYMMDD-HHMMSS-<kind>.sqlite3`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

KINDS = ("daily", "manual", "pre-migration", "pre-restore")
_NAME = re.compile(r"^partnerdesk-(\d{8})-(\d{6})(?:-(\d+))?-([a-z-]+)\.sqlite3$")
KEEP_DAILY = 7
KEEP_MONTHLY = 12


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    kind: str
    size: int


def integrity_check(path: Path) -> str | None:
    """None when `path` is a healthy database, else the reason."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])


def _copy(src: Path, dst: Path) -> None:
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(str(dst))
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()


def create_backup(db_path: Path, backups_dir: Path, kind: str = "manual", now: dt.datetime | None = None) -> BackupFile:
    """Copy the live database with the backup API and check the copy."""
    if kind not in KINDS:
        raise ValueError(kind)
    now = now or dt.datetime.now()
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"partnerdesk-{stamp}-{kind}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"partnerdesk-{stamp}-{counter}-{kind}.sqlite3"
    partial = target.with_suffix(".partial")
    try:
        _copy(Path(db_path), partial)
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(str(exc)) from exc
    reason = integrity_check(partial)
    if reason:
        partial.unlink(missing_ok=True)
        raise BackupError(reason)
    os.replace(partial, target)
    return BackupFile(target, now.replace(microsecond=0), kind, target.stat().st_size)


def list_backups(backups_dir: Path) -> list[BackupFile]:
    """Newest first."""
    found = []
    if not backups_dir.is_dir():
        return found
    for path in backups_dir.iterdir():
        match = _NAME.match(path.name)
        if not match:
            continue
        taken = dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
        found.append(BackupFile(path, taken, match.group(4), path.stat().st_size))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def to_keep(backups: list[BackupFile]) -> set[Path]:
    """The newest backup of each of the 7 newest days, and of each of the 12 newest months."""
    keep: set[Path] = set()
    days: dict[dt.date, BackupFile] = {}
    months: dict[tuple[int, int], BackupFile] = {}
    for b in backups:  # newest first, so the first seen per bucket is the newest
        days.setdefault(b.taken_at.date(), b)
        months.setdefault((b.taken_at.year, b.taken_at.month), b)
    for day in sorted(days, reverse=True)[:KEEP_DAILY]:
        keep.add(days[day].path)
    for month in sorted(months, reverse=True)[:KEEP_MONTHLY]:
        keep.add(months[month].path)
    return keep


def rotate(backups_dir: Path) -> list[Path]:
    """Delete backups outside the rotation; return what was deleted."""
    backups = list_backups(backups_dir)
    keep = to_keep(backups)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def daily_backup_due(backups_dir: Path, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return not any(b.taken_at.date() == today for b in list_backups(backups_dir))


def restore_backup(backup_path: Path, db_path: Path, backups_dir: Path) -> BackupFile | None:
    """Replace the database (closed by the caller) with `backup_path`.

    The current database is backed up first when it is readable; when it is
    not, it is moved aside as `*.corrupt-<stamp>` so nothing is ever deleted.
    Returns the pre-restore backup, if one was made.
    """
    backup_path = Path(backup_path)
    db_path = Path(db_path)
    reason = integrity_check(backup_path)
    if reason:
        raise BackupError(reason)
    safety = None
    if db_path.exists():
        if integrity_check(db_path) is None:
            safety = create_backup(db_path, backups_dir, kind="pre-restore")
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
        if safety is None:
            aside = db_path.with_name(f"{db_path.name}.corrupt-{stamp}")
        os.replace(db_path, aside)
        if safety is not None:
            aside.unlink()
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                if safety is None:
                    os.replace(side, aside.with_name(aside.name + suffix))
                else:
                    side.unlink()
    partial = db_path.with_name(db_path.name + ".restoring")
    _copy(backup_path, partial)
    os.replace(partial, db_path)
    return safety

