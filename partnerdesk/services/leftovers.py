"""Leftovers of interrupted work, cleaned at start: `*.partial` files (killed backups,
exports), staging folders (killed imports, handled by `store.restore.recover`), and photo or
proof files that no row references (a killed vCard import, an erased person).

Orphan files are removed only after a grace period (a file being added right now is not yet
referenced) and each removal is logged. They are never exported in an archive.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from partnerdesk.paths import DataPaths
from partnerdesk.store import database

log = logging.getLogger(__name__)

GRACE_SECONDS = 24 * 3600
PARTIAL_SUFFIXES = (".partial", ".part")


def referenced_files() -> set[str]:
    """Paths relative to the data folder of every photo and proof a row references."""
    used = set()
    for (name,) in database.execute_sql("SELECT file FROM person_photo"):
        used.add(f"photos/{name}")
    for (name,) in database.execute_sql("SELECT file FROM project_photo"):
        used.add(f"photos/{name}")
    for (name,) in database.execute_sql("SELECT proof FROM photo_consent WHERE proof <> ''"):
        used.add(f"proofs/{name}")
    # earlier photos and proofs of a person, kept on disk for undo until an RGPD erasure
    for kind, name in database.execute_sql("SELECT kind, file FROM person_file_history"):
        used.add(f"{'proofs' if kind == 'proof' else 'photos'}/{name}")
    for (name,) in database.execute_sql("SELECT logo FROM organisation WHERE logo <> ''"):
        used.add(f"logos/{name}")
    return used


def _files_under(folder: Path) -> Iterator[os.DirEntry]:
    """Every file under `folder`, at any depth, without going through a link to a folder (a
    symbolic link, or a Windows junction): one `scandir` per folder (a walk of 10,000 photos
    with pathlib took a fifth of a second of the interpreter, shared with the window, at each
    start)."""
    pending = [os.fspath(folder)]
    while pending:
        try:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):  # a symbolic link is not, a junction is
                        if not _is_junction(entry):
                            pending.append(entry.path)
                    elif entry.is_file():
                        yield entry
        except OSError:  # gone meanwhile, or not readable: nothing to clean there
            continue


def _is_junction(entry: os.DirEntry) -> bool:
    """A Windows junction (a reparse point) to a folder elsewhere."""
    attributes = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
    return bool(attributes & getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0))


def orphan_files(paths: DataPaths) -> list[Path]:
    """Files under photos/, proofs/ and logos/ that no row references."""
    used = referenced_files()
    found = []
    for folder in (paths.photos_dir, paths.proofs_dir, paths.logos_dir):
        # "photos/2026/a.jpg" as the rows name it: the folder's name, then the rest of the path
        # below it (whatever the data folder's own path looks like: a drive root "E:\\", ".")
        prefix = folder.relative_to(paths.root).as_posix() + "/"
        skip = len(os.path.join(os.fspath(folder), ""))
        found += sorted(Path(entry.path) for entry in _files_under(folder)
                        if prefix + entry.path[skip:].replace(os.sep, "/") not in used
                        and not entry.name.endswith(PARTIAL_SUFFIXES))
    return found


def clean(paths: DataPaths, now: float | None = None, grace: float = GRACE_SECONDS) -> list[Path]:
    """Remove leftovers older than `grace` seconds; return what was removed."""
    now = now if now is not None else time.time()
    removed = []
    candidates = [Path(entry.path) for entry in _files_under(paths.root) if entry.name.endswith(PARTIAL_SUFFIXES)]
    candidates += orphan_files(paths)
    for path in candidates:
        try:
            if now - path.stat().st_mtime >= grace:
                path.unlink()
                removed.append(path)
                log.info("removed leftover %s", path.relative_to(paths.root))
        except OSError as exc:
            log.warning("could not remove leftover %s: %s", path, exc)
    return removed
