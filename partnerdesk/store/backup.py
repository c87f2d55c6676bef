"""Backups with SQLite's online backup API, checked and rotated, with the data folder's files.

Never a file copy of the open database: the `-wal` file holds committed data.
File names: `partnerdesk-YYYYMMDD-HHMMSS[-N]-<kind>.sqlite3`, plus a manifest
`....files.json` naming the files of the data folder kept in `backups/files/`
(see `filestore`).

Rotation by kind: a copy taken *before* something (restore, migration, archive
import) is kept 30 days whatever happens; daily (start-up) and manual backups are
rotated separately (a manual backup never replaces the day's automatic one); of each,
the newest of the 7 newest days and the newest of each of the 12 calendar months up
to this one are kept. Nothing older than those 12 calendar months survives a rotation.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from partnerdesk.store import filestore

log = logging.getLogger(__name__)

SAFETY_KINDS = ("pre-restore", "pre-migration", "pre-import-all")
KINDS = ("daily", "manual") + SAFETY_KINDS
_NAME = re.compile(r"^partnerdesk-(\d{8})-(\d{6})(?:-(\d+))?-([a-z-]+)\.sqlite3$")
KEEP_DAILY = 7
KEEP_MONTHLY = 12
KEEP_SAFETY_DAYS = 30


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    kind: str
    size: int

    @property
    def is_safety_copy(self) -> bool:
        return self.kind in SAFETY_KINDS


def integrity_check(path: Path, pragma: str = "integrity_check", *, immutable: bool = False) -> str | None:
    """None when `path` is a healthy database, else the reason. `pragma="quick_check(1)"`
    reads the header and structure only (fast on a large file). `immutable` reads a file in a
    folder that cannot be written (no -shm can be made there)."""
    try:
        con = sqlite3.connect(f"file:{path}?{'immutable=1' if immutable else 'mode=ro'}", uri=True)
        try:
            rows = con.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])


def copy_database(src: Path, dst: Path) -> None:
    """Copy with the backup API into a self-contained file (no -wal), synced to disk."""
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(str(dst))
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()
    fsync_file(dst)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_backup(db_path: Path, backups_dir: Path, kind: str = "manual", now: dt.datetime | None = None,
                  *, with_files: bool = True) -> BackupFile:
    """Copy the live database with the backup API, check the copy (full integrity check), and
    record the data folder's files beside it."""
    if kind not in KINDS:
        raise ValueError(kind)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    backups_dir = Path(backups_dir)
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"partnerdesk-{stamp}-{kind}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"partnerdesk-{stamp}-{counter}-{kind}.sqlite3"
    partial = target.with_suffix(".partial")
    try:
        copy_database(Path(db_path), partial)
        reason = integrity_check(partial)
        if reason:
            raise BackupError(reason)
        if with_files:
            filestore.save_files(Path(db_path).parent, Path(db_path).name, backups_dir, target)
        os.replace(partial, target)
        fsync_dir(backups_dir)
    except sqlite3.DatabaseError as exc:
        raise BackupError(str(exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
    return BackupFile(target, now, kind, target.stat().st_size)


def list_backups(backups_dir: Path) -> list[BackupFile]:
    """Newest first (to the second, then by counter)."""
    found = []
    if not Path(backups_dir).is_dir():
        return found
    for path in Path(backups_dir).iterdir():
        match = _NAME.match(path.name)
        if not match:
            continue
        d, t = match.group(1), match.group(2)
        try:
            taken = dt.datetime(int(d[:4]), int(d[4:6]), int(d[6:]), int(t[:2]), int(t[2:4]), int(t[4:]))
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append((taken, int(match.group(3) or 1), BackupFile(path, taken, match.group(4), size)))
    found.sort(key=lambda item: item[:2], reverse=True)
    return [item[2] for item in found]


def oldest_kept_month(now: dt.datetime) -> dt.datetime:
    """The first instant of the oldest of the 12 calendar months a rotation keeps."""
    months = now.year * 12 + now.month - 1 - (KEEP_MONTHLY - 1)
    return dt.datetime(months // 12, months % 12 + 1, 1)


def _newest_per_bucket(backups: list[BackupFile]) -> set[Path]:
    keep: set[Path] = set()
    days: dict[dt.date, BackupFile] = {}
    months: dict[tuple[int, int], BackupFile] = {}
    for b in backups:  # newest first, so the first seen per bucket is the newest
        days.setdefault(b.taken_at.date(), b)
        months.setdefault((b.taken_at.year, b.taken_at.month), b)
    for day in sorted(days, reverse=True)[:KEEP_DAILY]:
        keep.add(days[day].path)
    keep.update(b.path for b in months.values())
    return keep


def to_keep(backups: list[BackupFile], now: dt.datetime | None = None) -> set[Path]:
    """What a rotation keeps of `backups` (newest first) at `now`."""
    now = now or dt.datetime.now()
    cutoff = oldest_kept_month(now)
    safety_since = now - dt.timedelta(days=KEEP_SAFETY_DAYS)
    keep = {b.path for b in backups if b.is_safety_copy and b.taken_at >= safety_since}
    recent = [b for b in backups if b.taken_at >= cutoff]
    keep |= _newest_per_bucket([b for b in recent if b.kind == "daily"])
    keep |= _newest_per_bucket([b for b in recent if b.kind == "manual"])
    if backups and not keep:
        keep.add(backups[0].path)  # never rotate away the only copy there is
    return keep


def rotate(backups_dir: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete backups outside the rotation (and their files no other backup shares);
    return what was deleted."""
    backups = list_backups(backups_dir)
    keep = to_keep(backups, now)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            filestore.manifest_path(b.path).unlink(missing_ok=True)
            removed.append(b.path)
    if removed:
        log.info("rotation removed %d backup(s)", len(removed))
        filestore.collect_garbage(backups_dir)
    return removed


def daily_backup_due(backups_dir: Path, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return not any(b.taken_at.date() == today and b.kind == "daily" for b in list_backups(backups_dir))
