"""A restore killed at any step never brings back a person erased since the backup was taken: the
register kept beside the database is applied by the next opening, once."""

import signal

import pytest

from partnerdesk.domain.partners import PersonData
from partnerdesk.services import backups, data, partners, rgpd
from partnerdesk.store import database, register_carry
from tests.faults.helpers import run_killed
from tests.faults.test_restore_kills import STEPS


@pytest.mark.parametrize("step", STEPS)
def test_erasure_survives_a_restore_killed_at(step, paths):
    data.open_data(paths, daily_backup=False)
    pid = partners.create_person(PersonData(last_name="Le Goff", first_name="Erwan", emails=["erwan@x.fr"])).id
    old = backups.backup_now(paths)
    rgpd.anonymise(paths, pid)
    data.close_data()
    assert run_killed(step, lambda: backups.restore(paths, old.path, reopen=False)) == signal.SIGKILL
    data.open_data(paths, daily_backup=False)
    try:
        assert database.execute_sql("SELECT first_name, emails FROM person WHERE id = ?",
                                    (pid,)).fetchone() == ("", "[]")
        assert [(e.action, e.person_id) for e in rgpd.log_entries()] == [("erase", pid)]
    finally:
        data.close_data()
    assert not register_carry.carry_path(paths.db_path).exists()
