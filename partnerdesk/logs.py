"""Logging to a rotating file in the data folder's `logs/`."""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_FILENAME = "partnerdesk.log"


class _LogFile(logging.FileHandler):
    """A log file of at most `max_bytes`, with its `backups` older ones beside it
    (partnerdesk.log.1 the newest). A line that cannot be written (full disk, read-only folder)
    is dropped: logging never prints a traceback to the user's console or window.
    (logging.handlers.RotatingFileHandler would do, but importing it costs a hundredth of a
    second at every start: it loads the socket and pickle modules.)"""

    def __init__(self, path: Path, max_bytes: int, backups: int):
        self.max_bytes, self.backups = max_bytes, backups
        super().__init__(path, encoding="utf-8", delay=True)

    def emit(self, record) -> None:
        try:
            if self.stream is None:
                self.stream = self._open()
            if self.stream.tell() >= self.max_bytes:
                self._roll_over()
        except (OSError, ValueError):  # a full disk, a folder gone, a stream closed under it
            return
        super().emit(record)

    def _roll_over(self) -> None:
        self.stream.close()
        self.stream = None
        base = self.baseFilename
        for number in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{number}"):
                os.replace(f"{base}.{number}", f"{base}.{number + 1}")
        os.replace(base, f"{base}.1")
        self.stream = self._open()

    def flush(self) -> None:
        try:
            super().flush()
        except (OSError, ValueError):
            pass

    def close(self) -> None:
        try:
            super().close()
        except (OSError, ValueError):  # closing flushes: on a full disk that fails too
            self.stream = None

    def handleError(self, record) -> None:  # noqa: N802 - logging's naming
        pass


def setup_logging(logs_dir: Path | None, level: int = logging.INFO) -> Path | None:
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_partnerdesk", False):
            root.removeHandler(handler)
            handler.close()
    if logs_dir is None:
        return None
    logs_dir.mkdir(parents=True, exist_ok=True)
    path = logs_dir / LOG_FILENAME
    handler = _LogFile(path, max_bytes=1_000_000, backups=5)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._partnerdesk = True
    root.addHandler(handler)
    return path
