"""backup, restore, check, demo."""

from __future__ import annotations

from pathlib import Path

from partnerdesk.cli.common import CommandError, data_paths, locked, opened, run
from partnerdesk.i18n import _, format_datetime
from partnerdesk.lock import InstanceLock
from partnerdesk.paths import DataPaths, resolve_data_dir

# The sizes of services.demo.SIZES (tests/core/test_import_guard.py checks), named here so that
# building the parser does not import the demo generators.
DEMO_SIZES = ("large", "small")


def register(sub) -> None:
    p = sub.add_parser("backup", help="back up the database now (checked, rotated)")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="replace the database with a backup (the current one is backed up first)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("check", help="check the database's integrity and list the backups")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("demo", help="fill an empty data folder with demonstration data")
    p.add_argument("--size", choices=DEMO_SIZES, default="small")
    p.set_defaults(func=cmd_demo)


@run
def cmd_backup(args):
    from partnerdesk.services import backups

    with opened(args) as paths:
        try:
            made = backups.backup_now(paths)
        except backups.BackupError as exc:
            raise CommandError(backups.failure_text(exc, _("The backup failed: {reason}"))) from exc
    print(_("Backup written: {path}").format(path=made.path))


@run
def cmd_restore(args):
    from partnerdesk.services import backups

    paths = data_paths(args)
    source = args.file.expanduser().resolve()
    if not source.is_file():
        from partnerdesk.services.sentences import not_a_file

        raise CommandError(not_a_file(source))
    with locked(paths):
        try:
            restored = backups.restore(paths, source, reopen=False)
        except backups.BackupError as exc:
            raise CommandError(backups.failure_text(exc, _("This backup cannot be restored: {reason}"))) from exc
    if restored.safety:
        print(_("The previous data was backed up to {path}").format(path=restored.safety.path))
    print(_("Restored from {path}").format(path=source))
    if restored.notice():
        print(restored.notice())


@run
def cmd_check(args):
    from partnerdesk.services import backups, health

    paths = DataPaths(resolve_data_dir(args.data_dir))  # not created, not written: looked at
    lock = InstanceLock(paths.lock_path)
    try:
        mine = paths.root.is_dir() and lock.acquire()  # a restore is finished only when PartnerDesk is not open
    except OSError:  # read-only folder
        mine = False
    try:
        found = backups.state(paths, recover_first=mine)
    finally:
        lock.release()
    newer = backups.too_new(paths) if found.kind == "ok" else None
    print(newer or health.describe(found, paths))
    if newer:
        return 1
    if found.kind not in ("ok", "new"):
        good = backups.newest_good(paths) if found.needs_restore else None
        if good:
            print(_("Newest good backup: {path}").format(path=good.path))
            print(_("To restore it: partnerdesk restore {path}").format(path=good.path))
    for b in backups.list_all(paths):
        print(f"  {format_datetime(b.taken_at, seconds=True)}  {b.kind:<14} {b.path.name}")
    return 0 if found.kind in ("ok", "new") else 1


@run
def cmd_demo(args):
    from partnerdesk.services import data, demo, partners

    with opened(args) as paths:
        if not data.is_empty():
            raise CommandError(_("The data folder {path} is not empty: demonstration data is only loaded "
                                 "into an empty one.").format(path=paths.root))
        demo.fill(args.size, paths=paths)
        print(_("Demonstration data loaded: {orgs} organisations, {people} people.").format(
            orgs=partners.count_organisations(), people=partners.count_people()))
