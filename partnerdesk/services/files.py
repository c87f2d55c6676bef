"""Writing a document the user asked for: atomically, and with the mode any other program
would give it (the umask decides: 0644 typically), never a private 0600 temporary file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _umask() -> int:
    """The process umask; read from /proc on Linux (os.umask can only read it by setting it,
    which would race with other threads creating files)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file(target: str | os.PathLike, content: bytes) -> Path:
    """Write `content` to `target` through a temporary file in the same folder (never half a
    file), then give it the mode 0666 & ~umask, as `open()` would."""

    def write(temp: str) -> None:
        with open(temp, "wb") as out:
            out.write(content)

    return write_with(target, write)


def write_with(target: str | os.PathLike, write: Callable[[str], object]) -> Path:
    """`write(temporary path)` fills a temporary file next to `target`, which then replaces
    `target` with the mode 0666 & ~umask; the temporary file is removed on any error."""
    target = Path(target).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".partnerdesk-", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    try:
        write(temp)
        with open(temp, "rb+") as written:  # on the disk before it replaces anything
            os.fsync(written.fileno())
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
