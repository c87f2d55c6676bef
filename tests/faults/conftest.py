import contextlib
import subprocess
import uuid

import pytest


@contextlib.contextmanager
def _mounted(folder, size_kb: int):
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", f"pd-{uuid.uuid4().hex[:6]}",
                           str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("no small filesystem can be mounted here (needs root); the simulated ENOSPC tests cover it")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path):
    """A real, tiny filesystem (tmpfs) that fills up; skipped where it cannot be mounted."""
    def make(size_kb: int):
        return _mounted(tmp_path / "small", size_kb)
    return make
