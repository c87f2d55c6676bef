"""A second copy of the backups in a place the user chooses (a USB key, a network folder).

The copy mirrors `backups/` into `<chosen folder>/PartnerDesk-sauvegardes/`: the backups and
their manifests, and the content-addressed files they share (copied once). Backups the
rotation has dropped are removed from the copy too, so personal data does not outlive the
rotation there either. Every file is written as `.partial` then renamed; the newest database
copied is checked. The folder and the date of the last copy are kept in
`backups/outside-copy.json` (beside the backups, so a restore does not forget them).

"À faire" shows a line when the last outside copy is older than 30 days (or never made).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from partnerdesk.domain.todo import TodoItem
from partnerdesk.i18n import N_, _, format_date, ngettext
from partnerdesk.paths import DataPaths
from partnerdesk.services import data, todo
from partnerdesk.store import filestore
from partnerdesk.store.backup import integrity_check, list_backups

log = logging.getLogger(__name__)

SUBFOLDER = "PartnerDesk-sauvegardes"
STATE_FILE = "outside-copy.json"
DUE_AFTER_DAYS = 30
TODO_KIND = "outside_copy"
KIND_LABELS = {TODO_KIND: N_("Backup")}


class OutsideCopyError(Exception):
    """`str(exc)` is a translated message for the user."""


@dataclass(frozen=True)
class OutsideState:
    folder: Path | None
    copied_at: dt.datetime | None


@dataclass(frozen=True)
class CopyResult:
    target: Path
    copied: int
    removed: int


def state(paths: DataPaths) -> OutsideState:
    try:
        raw = json.loads((paths.backups_dir / STATE_FILE).read_text(encoding="utf-8"))
        folder = Path(raw["folder"]) if raw.get("folder") else None
        copied = dt.datetime.fromisoformat(raw["copied_at"]) if raw.get("copied_at") else None
        return OutsideState(folder, copied)
    except (OSError, ValueError, KeyError, TypeError):
        return OutsideState(None, None)


def _save_state(paths: DataPaths, value: OutsideState) -> None:
    target = paths.backups_dir / STATE_FILE
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps({"folder": str(value.folder) if value.folder else None,
                                   "copied_at": value.copied_at.isoformat(timespec="seconds")
                                   if value.copied_at else None}), encoding="utf-8")
    os.replace(partial, target)


def _copy_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(source, partial)
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


def copy_to(paths: DataPaths, folder: Path, report=None, now: dt.datetime | None = None) -> CopyResult:
    """Mirror the backups into `folder`/PartnerDesk-sauvegardes; raises OutsideCopyError."""
    folder = Path(folder)
    if not folder.is_dir():
        raise OutsideCopyError(_("This folder cannot be found: {path}").format(path=folder))
    try:
        if folder.resolve() == paths.root.resolve() or paths.root.resolve() in folder.resolve().parents:
            raise OutsideCopyError(_("Choose a place outside the data folder (a USB key, a network folder): a copy "
                                     "on the same disk does not survive the disk."))
    except OSError:
        pass
    backups = list_backups(paths.backups_dir)
    if not backups:
        raise OutsideCopyError(_("There is no backup to copy yet: make one first."))
    target = folder / SUBFOLDER
    wanted: dict[str, Path] = {}
    for b in backups:
        wanted[b.path.name] = b.path
        manifest = filestore.manifest_path(b.path)
        if manifest.exists():
            wanted[manifest.name] = manifest
            for entry in (filestore.read_manifest(b.path) or {}).values():
                obj = filestore.object_path(paths.backups_dir, entry["sha"])
                wanted[obj.relative_to(paths.backups_dir).as_posix()] = obj
    copied = removed = 0
    try:
        target.mkdir(exist_ok=True)
        todo_list = [(rel, src) for rel, src in wanted.items() if not _same(src, target / rel)]
        for done, (rel, src) in enumerate(todo_list):
            if report:
                report(done, len(todo_list))
            _copy_file(src, target / rel)
            copied += 1
        newest = target / backups[0].path.name
        reason = integrity_check(newest)
        if reason:
            raise OutsideCopyError(_("The copy on {path} is damaged ({reason}): try another place.")
                                   .format(path=folder, reason=reason))
        for path in sorted(target.rglob("*"), reverse=True):
            rel = path.relative_to(target).as_posix()
            if path.is_file() and rel not in wanted:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    except OSError as exc:
        from partnerdesk.services import health

        reason = health.describe_failure(exc) or (exc.strerror or str(exc))
        raise OutsideCopyError(_("The copy to {path} failed: {reason}").format(path=folder, reason=reason)) from exc
    _save_state(paths, OutsideState(folder, now or dt.datetime.now()))
    log.info("outside copy to %s: %d copied, %d removed", target, copied, removed)
    return CopyResult(target, copied, removed)


def _same(source: Path, target: Path) -> bool:
    try:
        return target.stat().st_size == source.stat().st_size
    except OSError:
        return False


def due(paths: DataPaths, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    last = state(paths).copied_at
    return last is None or (today - last.date()).days > DUE_AFTER_DAYS


@todo.register
def outside_copy_due(today: dt.date) -> list[TodoItem]:
    """One line when the last copy outside the computer is older than 30 days."""
    folder = data.current()
    if folder is None or folder.read_only or not list_backups(folder.paths.backups_dir):
        return []
    if not due(folder.paths, today):
        return []
    last = state(folder.paths).copied_at
    if last is None:
        detail = _("Never copied outside this computer")
    else:
        days = (today - last.date()).days
        detail = ngettext("Last outside copy {days} day ago ({date})", "Last outside copy {days} days ago ({date})",
                          days).format(days=days, date=format_date(last.date()))
    return [TodoItem(f"{TODO_KIND}:{last.date() if last else 'never'}", today, TODO_KIND,
                     _("Copy the backups to a USB key or a network folder (File → Backups)"), "backups", 0,
                     detail, _(KIND_LABELS[TODO_KIND]))]
