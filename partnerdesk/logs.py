"""Logging to a rotating file in the data folder's `logs/`."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILENAME = "partnerdesk.log"


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log line that cannot be written (full disk, read-only folder) is dropped: logging never
    prints a traceback to the user's console or window."""

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
    handler = _QuietFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._partnerdesk = True
    root.addHandler(handler)
    return path
