"""One instance per data folder: an OS-level lock on a file, released by the OS
when the process dies, so a crash never leaves a stale lock behind."""

from __future__ import annotations

import os
import sys
from pathlib import Path


class InstanceLock:
    """`record_pid` writes the holder's pid into the file (not for a lock on a database file);
    `offset` is where the Windows byte-range lock sits (past the end of a database file, where
    SQLite never reads or locks)."""

    def __init__(self, path: Path, *, record_pid: bool = True, offset: int = 0):
        self.path = Path(path)
        self.record_pid = record_pid
        self.offset = offset
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another holds it."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        try:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(fd, self.offset, 0)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        if self.record_pid:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return True

    def holder_pid(self) -> int | None:
        try:
            return int(self.path.read_text().strip() or 0) or None
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._fd is None:
            return
        if sys.platform == "win32":
            import msvcrt

            try:
                os.lseek(self._fd, self.offset, 0)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            except OSError:
                pass
        os.close(self._fd)
        self._fd = None

    def __enter__(self):
        if not self.acquire():
            raise RuntimeError("locked")
        return self

    def __exit__(self, *exc):
        self.release()
