"""Shared by the fault-injection tests: a data folder with files, and a subprocess that
runs one operation and kills itself (SIGKILL, as a power cut or the task manager would) at a
named step of `store.restore`."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from partnerdesk.store import restore
    step = sys.argv[1]
    def checkpoint(name):
        if name == step:
            os.kill(os.getpid(), signal.SIGKILL)
    restore.checkpoint = checkpoint
""")


def run_killed(step: str, body: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run `body` (Python, after the kill hook is installed) in a subprocess; it dies at `step`."""
    code = KILLER.format(root=str(ROOT)) + textwrap.dedent(body)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code, step, *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def files_of(root: Path) -> dict[str, bytes]:
    from partnerdesk.store import filestore

    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in filestore.data_files(root, "partnerdesk.sqlite3")}
