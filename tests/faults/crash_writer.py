"""A writer for the crash test: a "zygote" process that imports PartnerDesk once, then forks
one writer per round on request (cheap: no import per kill). Each writer opens the data folder
and writes through the services in a loop; after each commit it appends a line
`kind key [count]` to the journal file with one write() (so it survives SIGKILL): a confirmed
write. The test kills the writer at a random moment and checks every confirmed write is there.

Protocol on stdin/stdout: the parent sends "go <round>\\n", the zygote answers "<pid>\\n", then
"reaped\\n" once that writer is dead (its locks released).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from partnerdesk.domain.partners import OrganisationData, PersonData  # noqa: E402
from partnerdesk.lock import InstanceLock  # noqa: E402
from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import backups, data, imports, journal, partners  # noqa: E402

BATCH = 12


def confirm(journal_fd: int, line: str) -> None:
    os.write(journal_fd, (line + "\n").encode())


def write_loop(paths: DataPaths, journal_path: Path, round_no: int) -> None:
    rng = random.Random(round_no)
    fd = os.open(journal_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    lock = InstanceLock(paths.lock_path)
    if not lock.acquire():
        os._exit(3)
    data.open_data(paths, daily_backup=rng.random() < 0.5)
    csv = paths.root.parent / f"batch-{round_no}.csv"
    seq = 0
    while True:
        seq += 1
        key = f"r{round_no}-{seq}"
        choice = rng.random()
        if choice < 0.45:
            partners.create_organisation(OrganisationData(name=f"Org {key}"))
            confirm(fd, f"org {key}")
        elif choice < 0.7:
            org = partners.create_organisation(OrganisationData(name=f"Org {key}"))
            person = partners.create_person(PersonData(last_name=f"P {key}", first_name="Ana"), org.id, "Rôle")
            journal.log_interaction("appel", dt.date.today(), f"Appel {key}", [org.id], [person.id])
            confirm(fd, f"org {key}")
            confirm(fd, f"person {key}")
        elif choice < 0.95:
            lines = ["Prénom;Nom;Structure;Courriel"]
            lines += [f"Léa;Batch {key} {i};Asso {key};lea{i}.{key.replace('-', '.')}@exemple.fr"
                      for i in range(BATCH)]
            csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
            imports.apply_plan(imports.plan_for(imports.read_file(csv)), paths)
            confirm(fd, f"batch {key} {BATCH}")
        else:
            backups.backup_now(paths)


def main() -> None:
    paths = DataPaths(Path(sys.argv[1])).ensure()
    journal_path = Path(sys.argv[2])
    for line in sys.stdin:
        round_no = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                write_loop(paths, journal_path, round_no)
            finally:
                os._exit(1)
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)


if __name__ == "__main__":
    main()
