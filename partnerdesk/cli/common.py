"""What every command shares: the data folder, opened under the instance lock."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback

from partnerdesk.i18n import _
from partnerdesk.lock import InstanceLock
from partnerdesk.logs import setup_logging
from partnerdesk.paths import DataPaths, resolve_data_dir

log = logging.getLogger(__name__)


class CommandError(Exception):
    """A message for the user; the command exits with status 1."""


def data_paths(args) -> DataPaths:
    return DataPaths(resolve_data_dir(args.data_dir)).ensure()


@contextlib.contextmanager
def locked(paths: DataPaths):
    lock = InstanceLock(paths.lock_path)
    if not lock.acquire():
        raise CommandError(_("PartnerDesk is already open on this data folder ({path}). "
                             "Close it first.").format(path=paths.root))
    try:
        yield paths
    finally:
        lock.release()


@contextlib.contextmanager
def opened(args, *, daily_backup: bool = False, full_check: bool | None = False):
    """The data folder, locked and opened; closed on exit. The database gets SQLite's quick check
    (a full integrity check of a large file takes most of a second: `partnerdesk check` runs it,
    and every backup checks its copy); `full_check=None` for a command that only reads (a damaged
    page then fails the read, with the same message). Leftover files are cleaned by the window."""
    from partnerdesk.services import data  # peewee and the store load only for commands that open data

    paths = data_paths(args)
    setup_logging(paths.logs_dir)
    with locked(paths):
        try:
            data.open_data(paths, daily_backup=daily_backup, full_check=full_check, clean_leftovers=False)
        except data.NewerDatabaseError as exc:  # complete French message of its own
            raise CommandError(str(exc)) from exc
        except data.DatabaseBusy as exc:
            raise CommandError(_("PartnerDesk is already open on this data folder ({path}). "
                                 "Close it first.").format(path=paths.root)) from exc
        except data.DataUnusable as exc:
            hint = _("Use 'partnerdesk check' to see the backups, then 'partnerdesk restore FILE'.") \
                if exc.state.needs_restore else ""
            raise CommandError(f"{exc} {hint}".strip()) from exc
        except data.StoreError as exc:
            raise CommandError(_("The database cannot be read: {reason}. "
                                 "Use 'partnerdesk restore FILE' with a backup.").format(reason=exc)) from exc
        try:
            yield paths
        finally:
            data.close_data()


def _quiet_stdout() -> None:
    """Python flushes stdout at exit: into a closed pipe, that is one more BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run(fn):
    """Decorator: turn CommandError into a message on stderr and exit status 1; a full disk, a
    locked database or a read-only place into a message that says so; anything else into a short
    message, the traceback going to the log file only."""

    def wrapper(args) -> int:
        try:
            return fn(args) or 0
        except CommandError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        except BrokenPipeError:  # `partnerdesk projects | head -1`: the reader stopped, nothing went wrong
            _quiet_stdout()
            return 1
        except Exception as exc:  # noqa: BLE001 - no traceback reaches the user
            if logging.getLogger().handlers:  # never the stderr fallback: the user sees a message only
                log.error("command failed\n%s", "".join(traceback.format_exception(exc)))
            from partnerdesk.services import health

            message = health.describe_failure(exc) or _(
                "Something went wrong: {error}. Your data is safe: the last saved state is kept. "
                "The details were written to the log file.").format(error=exc.__class__.__name__)
            print(message, file=sys.stderr)
            return 1

    return wrapper


def project_option(text: str | None) -> int | None:
    """`--project P`: a project by number or part of its title; None when not given."""
    if not text:
        return None
    from partnerdesk.services import documents

    try:
        return documents.resolve_project(text)
    except documents.DocumentError as exc:
        raise CommandError(str(exc)) from exc
