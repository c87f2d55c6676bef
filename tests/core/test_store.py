import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from partnerdesk.services import data, partners
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.store import StoreError, close_store, database, migrate, open_store


def test_pragmas(store):
    db = database.obj
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_fresh_database_is_at_head(store):
    assert data.schema_version() == migrate.head()
    assert {"organisation", "person", "affiliation", "tag", "setting", "interaction"} <= set(database.obj.get_tables())


def _extra_migrations(tmp_path) -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder)
    (folder / "9001_add_test_column.py").write_text(
        "def up(db):\n"
        "    db.execute_sql(\"ALTER TABLE organisation ADD COLUMN test_note TEXT NOT NULL DEFAULT 'x'\")\n"
    )
    return folder


def test_upgrade_from_first_migration_keeps_data(tmp_path):
    """A database made by an older migration set is upgraded to head with its data."""
    db_path = tmp_path / "old.sqlite3"
    from partnerdesk.store.db import connect

    db = connect(db_path)
    migrate.migrate(db, target=1)
    db.execute_sql(
        "INSERT INTO organisation (name, name_norm, created_at, updated_at) VALUES (?, ?, ?, ?)",
        ("Médiathèque d'Été", "mediatheque d'ete", "2026-01-01", "2026-01-01"))
    db.close()

    folder = _extra_migrations(tmp_path)
    db = connect(db_path)
    applied = migrate.migrate(db, folder)
    assert applied and applied[-1] == 9001
    assert set(range(2, migrate.head() + 1)) & set(m.version for m in migrate.discover()) <= set(applied)
    row = db.execute_sql("SELECT name, test_note FROM organisation").fetchone()
    assert row == ("Médiathèque d'Été", "x")
    assert migrate.pending(db, folder) == []
    db.close()


def test_backup_before_pending_migration(paths, monkeypatch, tmp_path):
    data.open_data(paths, daily_backup=False)
    data.close_data()
    folder = _extra_migrations(tmp_path)
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    data.open_data(paths, daily_backup=False)
    data.close_data()
    kinds = [p.name for p in paths.backups_dir.iterdir()]
    assert any("pre-migration" in k for k in kinds)


def test_corrupt_database_raises_store_error(paths):
    paths.db_path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        data.open_data(paths)
    close_store()


def test_truncated_database_raises_store_error(paths):
    data.open_data(paths, daily_backup=False)
    partners.create_organisation(OrganisationData(name="Mairie"))
    data.close_data()
    raw = paths.db_path.read_bytes()
    paths.db_path.write_bytes(raw[:100] + b"\0" * 50 + raw[150:4096 * 2])
    with pytest.raises(StoreError):
        data.open_data(paths)
    close_store()


def test_basic_partner_round_trip(store):
    org = partners.create_organisation(OrganisationData(name="Collège Jean-Moulin", kind="etablissement_scolaire",
                                                        publics=["scolaires"], postcode="35000"))
    person = partners.create_person(PersonData(last_name="N'Diaye", first_name="Aïcha",
                                               emails=["aicha@exemple.fr"]), org.id, "Principale adjointe")
    assert partners.get_organisation(org.id).publics == ["scolaires"]
    assert partners.affiliations_of(person.id)[0].role == "Principale adjointe"
    assert [o.name for o in partners.list_organisations()] == ["Collège Jean-Moulin"]
