"""A lock held on the database file itself, beside the `partnerdesk.lock` instance lock.

Deleting `partnerdesk.lock` while PartnerDesk runs lets a second instance take a new lock
file; it cannot take this one. POSIX: `flock` on the database file (independent of the
`fcntl` byte-range locks SQLite uses). Windows: a byte-range lock far past the end of the
file, where SQLite never reads or locks (its own locks sit at 1 GiB).

The descriptor stays open until `release()`: closing another descriptor of the database
file would drop SQLite's own POSIX locks, so nothing else here opens the live file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

WINDOWS_OFFSET = 1 << 40


class DatabaseFileLock:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None
        self._inode = None

    def acquire(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        try:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(fd, WINDOWS_OFFSET, 0)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        self._inode = os.fstat(fd).st_ino
        return True

    def current(self) -> bool:
        """Still the file under that name (a restore renames a new file over it)?"""
        try:
            return self._fd is not None and os.stat(self.path).st_ino == self._inode
        except OSError:
            return False

    def release(self) -> None:
        if self._fd is None:
            return
        if sys.platform == "win32":
            import msvcrt

            try:
                os.lseek(self._fd, WINDOWS_OFFSET, 0)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            except OSError:
                pass
        os.close(self._fd)
        self._fd = None
