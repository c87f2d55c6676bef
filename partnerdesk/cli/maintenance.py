"""backup, restore, check, demo."""

from __future__ import annotations

from pathlib import Path

from partnerdesk.cli.common import CommandError, data_paths, locked, opened, run
from partnerdesk.i18n import _, format_datetime
from partnerdesk.services import backups, data, demo, health, partners


def register(sub) -> None:
    p = sub.add_parser("backup", help="back up the database now (checked, rotated)")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="replace the database with a backup (the current one is backed up first)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("check", help="check the database's integrity and list the backups")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("demo", help="fill an empty data folder with demonstration data")
    p.add_argument("--size", choices=sorted(demo.SIZES), default="small")
    p.set_defaults(func=cmd_demo)


@run
def cmd_backup(args):
    with opened(args) as paths:
        try:
            made = backups.backup_now(paths)
        except backups.BackupError as exc:
            raise CommandError(_("The backup failed: {reason}").format(reason=exc)) from exc
    print(_("Backup written: {path}").format(path=made.path))


@run
def cmd_restore(args):
    paths = data_paths(args)
    source = args.file.expanduser().resolve()
    if not source.is_file():
        raise CommandError(_("No such file: {path}").format(path=source))
    with locked(paths):
        try:
            safety = backups.restore(paths, source, reopen=False)
        except backups.BackupError as exc:
            raise CommandError(_("This backup cannot be restored: {reason}").format(reason=exc)) from exc
    if safety:
        print(_("The previous data was backed up to {path}").format(path=safety.path))
    print(_("Restored from {path}").format(path=source))


@run
def cmd_check(args):
    paths = data_paths(args)
    found = backups.state(paths)
    print(health.describe(found, paths))
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
    with opened(args) as paths:
        if not data.is_empty():
            raise CommandError(_("The data folder {path} is not empty: demonstration data is only loaded "
                                 "into an empty one.").format(path=paths.root))
        demo.fill(args.size, paths=paths)
        print(_("Demonstration data loaded: {orgs} organisations, {people} people.").format(
            orgs=partners.count_organisations(), people=partners.count_people()))
