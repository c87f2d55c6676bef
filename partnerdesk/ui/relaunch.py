"""Start another PartnerDesk process: the demo copy from the welcome page, or the app
again after a change of language."""

from __future__ import annotations

import sys


def command(extra: list[str]) -> tuple[str, list[str]]:
    """The program and arguments that start PartnerDesk with `extra` options."""
    if getattr(sys, "frozen", False):  # PyInstaller bundle: the executable is the app
        return sys.executable, list(extra)
    return sys.executable, ["-m", "partnerdesk", *extra]


def start(extra: list[str]) -> bool:
    """Start a detached PartnerDesk; False when the system refused."""
    program, arguments = command(extra)
    from PySide6.QtCore import QProcess  # on a restart only: not at every start (#15)

    result = QProcess.startDetached(program, arguments)
    return bool(result[0] if isinstance(result, tuple) else result)
