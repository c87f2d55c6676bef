"""A restore keeps the RGPD register of the present: the people erased since the backup was taken
are erased again in the restored data (photos included), and the register still lists every
export and erasure."""

from __future__ import annotations

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import backups, data, partners, person_photos, rgpd
from partnerdesk.store import database, register_carry

from tests.core.test_rgpd import _import_gwen


def _register() -> list[tuple]:
    return [(e.occurred_at, e.action, e.person_id, e.what) for e in rgpd.log_entries()]


def test_restore_erases_again_the_people_erased_since_the_backup(store, tmp_path):
    gwen = _import_gwen(store)
    photo = person_photos.photo_path(store, gwen)
    org = partners.create_organisation(OrganisationData(name="Club", notes="Voir Gwenaëlle Le Bihan")).id
    old = backups.backup_now(store)
    other = partners.create_person(PersonData(last_name="Morvan", first_name="Katell")).id
    rgpd.export_person(store, other, tmp_path / "katell.html")
    rgpd.anonymise(store, gwen)
    register = _register()
    assert not photo.exists()

    restored = backups.restore(store, old.path)

    assert "1 person erased since this backup was taken was erased again" in restored.notice()
    assert _register() == register  # same lines, same dates
    assert database.execute_sql("SELECT first_name, last_name, emails FROM person WHERE id = ?",
                                (gwen,)).fetchone() == ("", "Anonymised person", "[]")
    assert database.execute_sql("SELECT notes FROM organisation WHERE id = ?", (org,)).fetchone() == (
        "Voir [anonymised]",)
    assert person_photos.photo_path(store, gwen) is None and not photo.exists()
    assert not register_carry.carry_path(store.db_path).exists()
    assert rgpd.erased_ids() == {gwen}


def test_restore_closed_after_it_still_carries_the_register(paths):
    data.open_data(paths, daily_backup=False)
    pid = partners.create_person(PersonData(last_name="Le Goff", first_name="Erwan", emails=["e@x.fr"])).id
    old = backups.backup_now(paths)
    rgpd.anonymise(paths, pid)
    restored = backups.restore(paths, old.path, reopen=False)  # as the command line does
    assert restored.safety is not None and restored.register.erased_again == [pid]
    data.open_data(paths, daily_backup=False)
    try:
        assert rgpd.person(pid).emails == [] and [e.action for e in rgpd.log_entries()] == ["erase"]
    finally:
        data.close_data()


def test_a_backup_with_the_register_already_in_it_changes_nothing(store):
    pid = partners.create_person(PersonData(last_name="Le Goff", first_name="Erwan")).id
    rgpd.anonymise(store, pid)
    after = backups.backup_now(store)
    restored = backups.restore(store, after.path)
    assert restored.register.entries == 0 and restored.notice() is None
    assert len(rgpd.log_entries()) == 1


def test_a_number_given_to_another_card_is_not_erased(store):
    """The erased card's number belonged to someone else in the backup: that card stays whole, the
    register keeps the erasure without pointing at it."""
    first = partners.create_person(PersonData(last_name="Tanguy", first_name="Loïc")).id
    database.execute_sql("UPDATE person SET created_at = '2025-01-01 10:00:00' WHERE id = ?", (first,))
    old = backups.backup_now(store)
    database.execute_sql("DELETE FROM person WHERE id = ?", (first,))  # emptied from the trash
    again = partners.create_person(PersonData(last_name="Riou", first_name="Maëlle")).id
    assert again == first
    rgpd.anonymise(store, again)
    restored = backups.restore(store, old.path)
    assert restored.register.erased_again == [] and restored.register.entries == 1
    assert rgpd.person(first).full_name == "Loïc Tanguy"
    assert [(e.action, e.person_id) for e in rgpd.log_entries()] == [("erase", None)]
    assert not rgpd.is_anonymised(first) and first not in rgpd.erased_ids()
