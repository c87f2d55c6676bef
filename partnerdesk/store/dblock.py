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
from pathlib import Path

from partnerdesk.lock import InstanceLock

WINDOWS_OFFSET = 1 << 40


class DatabaseFileLock(InstanceLock):
    def __init__(self, path: Path):
        super().__init__(path, record_pid=False, offset=WINDOWS_OFFSET)
        self._inode = None

    def acquire(self) -> bool:
        if not super().acquire():
            return False
        self._inode = os.fstat(self._fd).st_ino
        return True

    def current(self) -> bool:
        """Still the file under that name (a restore renames a new file over it)?"""
        try:
            return self._fd is not None and os.stat(self.path).st_ino == self._inode
        except OSError:
            return False
