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
def read_only_view(tmp_path):
    """The same folder seen through a read-only bind mount (a read-only disk or share, which stops
    root too); skipped where it cannot be mounted."""
    @contextlib.contextmanager
    def make(folder):
        view = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
        view.mkdir()
        done = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("no read-only mount can be made here (needs root)")
        try:
            if subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], capture_output=True).returncode:
                pytest.skip("no read-only mount can be made here")
            yield view
        finally:
            subprocess.run(["umount", "-l", str(view)], capture_output=True)
    return make


@pytest.fixture
def small_disk(tmp_path):
    """A real, tiny filesystem (tmpfs) that fills up; skipped where it cannot be mounted."""
    def make(size_kb: int):
        return _mounted(tmp_path / "small", size_kb)
    return make


from tests.ui.conftest import ctx, window  # noqa: E402,F401  the main window for the start-up tests
