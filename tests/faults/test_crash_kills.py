"""The crash test: 30 random SIGKILLs of a writer working through the services (imports
included); every confirmed write is found afterwards, no import is half there, the database
passes its integrity check and opens at once."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from partnerdesk.services import data
from partnerdesk.store import database

KILLS = 30
WRITER = Path(__file__).resolve().parent / "crash_writer.py"


def _confirmed(journal: Path) -> list[list[str]]:
    if not journal.exists():
        return []
    return [line.split() for line in journal.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check(paths, confirmed) -> int:
    """Open the folder (integrity checked), count the confirmed writes missing."""
    data.open_data(paths, daily_backup=False)
    try:
        orgs = {r[0] for r in database.execute_sql("SELECT name FROM organisation")}
        people = {r[0] for r in database.execute_sql("SELECT last_name FROM person")}
        lost = 0
        for entry in confirmed:
            kind, key = entry[0], entry[1]
            if kind == "org":
                lost += f"Org {key}" not in orgs
            elif kind == "person":
                lost += f"P {key}" not in people
            elif kind == "batch":
                found = sum(1 for name in people if name.startswith(f"Batch {key} "))
                lost += found != int(entry[2])
        # all or nothing: no import is half there, confirmed or not
        batches = {}
        for name in people:
            if name.startswith("Batch "):
                batches[name.split()[1]] = batches.get(name.split()[1], 0) + 1
        assert all(count == 12 for count in batches.values()), batches
        return lost
    finally:
        data.close_data()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer forks (POSIX)")
def test_thirty_random_kills_lose_no_confirmed_write(paths, tmp_path, capsys):
    seed = int(os.environ.get("PARTNERDESK_CRASH_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    journal = tmp_path / "confirmed.txt"
    zygote = subprocess.Popen([sys.executable, str(WRITER), str(paths.root), str(journal)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    lost = 0
    try:
        for round_no in range(KILLS):
            zygote.stdin.write(f"go {round_no}\n")
            zygote.stdin.flush()
            before = journal.stat().st_size if journal.exists() else 0
            pid = int(zygote.stdout.readline())
            if rng.random() < 0.75:  # most rounds: once it writes, at a random point of its work
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline and (journal.stat().st_size if journal.exists() else 0) == before:
                    time.sleep(0.005)
                time.sleep(rng.uniform(0, 0.4))
            else:  # the others: anywhere from the start, opening and recovery included
                time.sleep(rng.uniform(0.02, 0.8))
            os.kill(pid, signal.SIGKILL)
            assert zygote.stdout.readline().strip() == "reaped"
            lost += _check(paths, _confirmed(journal))
    finally:
        zygote.stdin.close()
        zygote.kill()
        zygote.wait()
    confirmed = _confirmed(journal)
    with capsys.disabled():
        print(f"\ncrash test (seed {seed}): {KILLS} kills, {len(confirmed)} confirmed writes, {lost} lost")
    assert lost == 0, f"seed {seed}"
    assert len(confirmed) > KILLS
