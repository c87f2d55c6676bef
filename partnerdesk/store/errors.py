"""What kind of environment failure an exception is: a full disk, a locked database,
a read-only file or folder. Used to turn tracebacks into messages that say what to do."""

from __future__ import annotations

import errno
import sqlite3

DISK_FULL = "disk-full"
LOCKED = "locked"
READ_ONLY = "read-only"


def failure_kind(exc: BaseException) -> str | None:
    """DISK_FULL, LOCKED, READ_ONLY or None for anything else (a bug: keep the traceback in the log)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError):
            if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
                return DISK_FULL
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return READ_ONLY
        is_sqlite = isinstance(exc, sqlite3.Error) or exc.__class__.__module__.startswith("peewee")
        if is_sqlite:
            text = str(exc).lower()
            if "disk is full" in text or "disk i/o error" in text:
                return DISK_FULL
            if "locked" in text or "busy" in text:
                return LOCKED
            if "readonly" in text or "read-only" in text or "unable to open" in text:
                return READ_ONLY
        exc = exc.__cause__ or exc.__context__
    return None
