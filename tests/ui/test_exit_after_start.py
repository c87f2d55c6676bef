"""`--exit-after-start` (used by the start-up benchmark and the bundle's checks) reports and quits,
on an empty data folder (welcome page) as on a filled one."""

import os
import subprocess
import sys


def _start(folder):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "partnerdesk", "--data-dir", str(folder), "--exit-after-start"],
                          capture_output=True, text=True, timeout=120, env=env)


def test_reports_and_quits_on_the_welcome_page(tmp_path):
    done = _start(tmp_path / "empty")
    assert done.returncode == 0, done.stderr
    assert "painted_at=" in done.stdout and "usable_at=" in done.stdout
