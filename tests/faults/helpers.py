"""Shared by the fault-injection tests: a child process that runs one operation and is killed
(SIGKILL, as a power cut or the task manager would) at a named step of `store.restore`.

The child is forked from the test process (everything already imported: a kill costs
milliseconds, not an interpreter start). It touches no Qt object and leaves by SIGKILL or
os._exit, so nothing of the parent's state is run twice."""

from __future__ import annotations

import os
import signal
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_killed(step: str, operation: Callable[[], object]) -> int:
    """Run `operation` in a forked child that kills itself at checkpoint `step`; returns the
    signal that ended it (SIGKILL) or -exit status when it ended otherwise."""
    if not hasattr(os, "fork"):
        pytest.skip("needs fork (POSIX)")
    from partnerdesk.store import restore

    pid = os.fork()
    if pid == 0:  # the child
        code = 0
        try:
            def checkpoint(name: str) -> None:
                if name == step:
                    os.kill(os.getpid(), signal.SIGKILL)

            restore.checkpoint = checkpoint
            operation()
        except BaseException:  # noqa: BLE001
            traceback.print_exc()
            code = 2
        finally:
            os._exit(code)
    _pid, status = os.waitpid(pid, 0)
    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else -os.WEXITSTATUS(status)


def files_of(root: Path) -> dict[str, bytes]:
    from partnerdesk.store import filestore

    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in filestore.data_files(root, "partnerdesk.sqlite3")}
