"""`partnerdesk --self-test`: one line per step, a French message and status 1 on the first failure."""

import io
import os
import subprocess
import sys

from partnerdesk import __version__, i18n
from partnerdesk.selftest import SelfTest, SelfTestFailure


def test_self_test_passes_in_a_fresh_process(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "xdg"))
    env.pop("PARTNERDESK_DATA_DIR", None)
    run = subprocess.run([sys.executable, "-m", "partnerdesk", "--lang", "fr", "--self-test"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == f"PartnerDesk {__version__} : auto-test"
    steps = [line for line in lines if line.startswith("[")]
    assert [line.split("]")[0] + "]" for line in steps] == [f"[{n}/5]" for n in range(1, 6)]
    assert all(" : OK (" in line for line in steps)
    assert "Bilan PDF exporté et relu" in steps[3] and "Fenêtre principale ouverte et fermée" in steps[4]
    assert lines[-1].startswith("Auto-test réussi en ")
    assert not (tmp_path / "xdg").exists()  # the user's data folder is never created


def test_first_failure_stops_with_a_french_message(tmp_path, qapp, monkeypatch):
    i18n.set_language("fr")
    reached = []

    def broken_bilan(self):
        raise SelfTestFailure("Le bilan PDF ne contient pas le titre du projet (Atelier).")

    monkeypatch.setattr(SelfTest, "bilan", broken_bilan)
    monkeypatch.setattr(SelfTest, "main_window", lambda self: reached.append("window") or "")
    out = io.StringIO()
    assert SelfTest(tmp_path, out).run() == 1
    lines = out.getvalue().splitlines()
    assert lines[-2] == "[4/5] Bilan PDF exporté et relu : ÉCHEC. Le bilan PDF ne contient pas le titre du projet (Atelier)."
    assert lines[-1].startswith("L'auto-test a échoué : cette installation de PartnerDesk est incomplète")
    assert reached == []


def test_unexpected_error_is_reported_not_raised(tmp_path, qapp, monkeypatch):
    i18n.set_language("fr")
    monkeypatch.setattr(SelfTest, "schema", lambda self: 1 / 0)
    out = io.StringIO()
    assert SelfTest(tmp_path, out).run() == 1
    assert "[2/5] Schéma de la base de données : ÉCHEC. ZeroDivisionError" in out.getvalue()
