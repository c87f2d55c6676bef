"""The log file: rotated by size, five older ones kept, never a traceback when it cannot be written."""

from __future__ import annotations

import logging

from partnerdesk import logs


def _handler():
    return next(h for h in logging.getLogger().handlers if getattr(h, "_partnerdesk", False))


def test_the_log_rolls_over_and_keeps_five_older_files(tmp_path):
    path = logs.setup_logging(tmp_path / "logs")
    try:
        handler = _handler()
        handler.max_bytes = 2_000
        log = logging.getLogger("partnerdesk.test")
        for n in range(400):
            log.info("line %04d %s", n, "é" * 40)
        handler.flush()
        names = sorted(p.name for p in (tmp_path / "logs").iterdir())
        assert names == ["partnerdesk.log", *(f"partnerdesk.log.{n}" for n in range(1, 6))]
        assert all(p.stat().st_size <= 2_000 + 200 for p in (tmp_path / "logs").iterdir())
        newest = path.read_text(encoding="utf-8")
        assert "line 0399" in newest and "é" in newest
        assert "line 03" in (tmp_path / "logs" / "partnerdesk.log.1").read_text(encoding="utf-8")
    finally:
        logs.setup_logging(None)


def test_a_log_that_cannot_be_written_is_silent(tmp_path, capsys):
    logs.setup_logging(tmp_path / "logs")
    try:
        handler = _handler()
        logging.getLogger("partnerdesk.test").error("first line")

        class FullDisk:
            def tell(self):
                return 0

            def write(self, *_args):
                raise OSError(28, "No space left on device")

            flush = close = write

        handler.stream.close()
        handler.stream = FullDisk()
        logging.getLogger("partnerdesk.test").error("lost line")
        handler.max_bytes = 0  # the roll-over fails too
        logging.getLogger("partnerdesk.test").error("lost line")
        assert capsys.readouterr().err == ""
    finally:
        logs.setup_logging(None)
