"""The files of a data folder (photos, consent proofs, templates...) in the backups.

Content-addressed: every file is stored once under `backups/files/<sha[:2]>/<sha256>`,
shared by every backup that holds it, hard-linked from the data folder where the
filesystem allows (only for `photos/` and `proofs/`, written once under a new name and
never rewritten in place) and copied otherwise. Each backup has a manifest
`<backup name>.files.json` mapping the relative path of each file to its hash and size.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
from pathlib import Path, PurePosixPath

from partnerdesk.paths import DB_FILENAME

log = logging.getLogger(__name__)

OBJECTS = "files"
MANIFEST_SUFFIX = ".files.json"
# Folders and names of a data folder that are never data files.
SKIPPED_DIRS = {"backups", "logs", "cache", ".import-staging", ".restore-staging"}
LINKABLE_DIRS = {"photos", "proofs"}


class FileStoreError(Exception):
    pass


_SHA = re.compile(r"^[0-9a-f]{64}$")


def confined(rel: str, db_name: str) -> bool:
    """A data file's path read from an archive or a backup's file list (untrusted): relative,
    inside a folder (photos/, proofs/, templates/...), never the database, backups, logs,
    caches or a staging folder, nothing that climbs out ("..") or names a drive."""
    if not isinstance(rel, str) or not rel or "\\" in rel or ":" in rel or "\0" in rel or rel.startswith("/"):
        return False
    parts = PurePosixPath(rel).parts
    if len(parts) < 2 or any(p in ("", ".", "..") for p in parts) or rel != "/".join(parts):
        return False
    return parts[0] not in SKIPPED_DIRS and not parts[0].startswith(".") and not parts[0].startswith(db_name)


def is_data_file(rel: Path, db_name: str) -> bool:
    """Whether `rel` (relative to the data folder) belongs in a backup or an archive."""
    if not rel.parts or rel.parts[0] in SKIPPED_DIRS:
        return False
    name = rel.name
    if name.endswith((".partial", ".part", ".lock")) or ".restoring" in name:
        return False
    return not (len(rel.parts) == 1 and name.startswith(db_name))


def data_files(root: Path, db_name: str) -> list[Path]:
    """Files of the data folder that belong in a backup, sorted."""
    found = []
    root = Path(root)
    for top in sorted(root.iterdir()) if root.is_dir() else []:
        if top.name in SKIPPED_DIRS:  # never walk backups/ (thousands of stored files) or caches
            continue
        for path in ([top] if not top.is_dir() else sorted(top.rglob("*"))):
            rel = path.relative_to(root)
            if is_data_file(rel, db_name) and path.is_file() and not path.is_symlink():
                found.append(path)
    return found


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def object_path(backups_dir: Path, sha: str) -> Path:
    return Path(backups_dir) / OBJECTS / sha[:2] / sha


def manifest_path(backup_path: Path) -> Path:
    return backup_path.with_name(backup_path.name.removesuffix(".sqlite3") + MANIFEST_SUFFIX)


def read_manifest(backup_path: Path) -> dict[str, dict] | None:
    """{rel: {"sha": ..., "size": ...}} or None when the backup has no manifest (made before 0.2)."""
    path = manifest_path(backup_path)
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise FileStoreError(_damaged(path)) from exc
    files = content.get("files") if isinstance(content, dict) else None
    if not isinstance(files, dict):
        raise FileStoreError(_damaged(path))
    for rel, entry in files.items():  # a file list from a USB key is untrusted: nothing may land outside
        if not confined(rel, DB_FILENAME) or not isinstance(entry, dict) \
                or not _SHA.match(str(entry.get("sha", ""))) or not isinstance(entry.get("size"), int):
            log.warning("backup file list %s: refused entry %r", path, rel[:200])
            raise FileStoreError(_damaged(path))
    return files


def _damaged(path: Path) -> str:
    from partnerdesk.i18n import _

    return _("its list of files ({name}) is damaged or was altered.").format(name=path.name)


def _previous_hashes(backups_dir: Path) -> dict[tuple[str, int, int], str]:
    """(rel, size, mtime_ns) -> sha from the newest manifest, so unchanged files are not hashed again."""
    manifests = sorted(Path(backups_dir).glob("*" + MANIFEST_SUFFIX), reverse=True)
    for path in manifests:
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
            return {(rel, e["size"], e["mtime_ns"]): e["sha"] for rel, e in content["files"].items()
                    if "mtime_ns" in e}
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return {}


def _store_object(source: Path, target: Path, linkable: bool) -> None:
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    if linkable:
        try:
            partial.unlink(missing_ok=True)
            os.link(source, partial)
            os.replace(partial, target)
            return
        except OSError:
            partial.unlink(missing_ok=True)
    shutil.copyfile(source, partial)
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


def save_files(root: Path, db_name: str, backups_dir: Path, backup_path: Path) -> dict[str, dict]:
    """Store the data folder's files for the backup `backup_path` and write its manifest."""
    known = _previous_hashes(backups_dir)
    files: dict[str, dict] = {}
    for path in data_files(root, db_name):
        rel = path.relative_to(root)
        stat = path.stat()
        key = (rel.as_posix(), stat.st_size, stat.st_mtime_ns)
        sha = known.get(key)
        target = object_path(backups_dir, sha) if sha else None
        if target is None or not target.exists():
            sha = sha256_of(path)
            target = object_path(backups_dir, sha)
            _store_object(path, target, rel.parts[0] in LINKABLE_DIRS)
        files[rel.as_posix()] = {"sha": sha, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    manifest = manifest_path(backup_path)
    partial = manifest.with_name(manifest.name + ".partial")
    partial.write_text(json.dumps({"format": 1, "files": files}, indent=0), encoding="utf-8")
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, manifest)
    return files


def check_files(backups_dir: Path, files: dict[str, dict]) -> list[str]:
    """The relative paths whose stored object is missing or of the wrong size."""
    bad = []
    for rel, entry in files.items():
        target = object_path(backups_dir, entry["sha"])
        try:
            if target.stat().st_size != entry["size"]:
                bad.append(rel)
        except OSError:
            bad.append(rel)
    return bad


def stage_files(backups_dir: Path, files: dict[str, dict], staging: Path) -> None:
    """Copy the objects of a manifest into `staging` (a copy: the backup stays unchanged)."""
    for rel, entry in files.items():
        source = object_path(backups_dir, entry["sha"])
        out = staging / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, out)
        if sha256_of(out) != entry["sha"]:
            raise FileStoreError(f"{rel}: content differs from the backup's record")


def collect_garbage(backups_dir: Path) -> int:
    """Delete stored objects no manifest names any more; return how many."""
    used: set[str] = set()
    folder = Path(backups_dir)
    for path in folder.glob("*" + MANIFEST_SUFFIX):
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
            used.update(e["sha"] for e in content["files"].values())
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("unreadable manifest %s: its files are kept", path)
            return 0
    removed = 0
    objects = folder / OBJECTS
    if not objects.is_dir():
        return 0
    for path in objects.glob("*/*"):
        if path.name not in used:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
