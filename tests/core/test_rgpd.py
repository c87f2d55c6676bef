"""RGPD: the export of a person's data, anonymisation without a trace, the register."""

from __future__ import annotations

import datetime as dt

from partnerdesk.paths import DB_FILENAME
from partnerdesk.domain.consent import Consent
from partnerdesk.services import consent, imports, person_photos, rgpd, settings
from partnerdesk.store import database

from tests.core.test_imports import DATA, people


def _import_gwen(store) -> int:
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "vcard30.vcf")), store)
    return people()["Gwenaëlle Le Bihan"]["id"]


def _add_interaction(person_id: int, when: dt.date, summary: str) -> None:
    cursor = database.execute_sql("INSERT INTO interaction (kind, occurred_on, summary, created_at) VALUES (?,?,?,?)",
                                  ("rencontre", when.isoformat(), summary, dt.datetime.now().isoformat(sep=" ")))
    database.execute_sql("INSERT INTO interaction_person (interaction_id, person_id) VALUES (?, ?)",
                         (cursor.lastrowid, person_id))


def test_export_person_is_one_readable_file(store, tmp_path):
    pid = _import_gwen(store)
    _add_interaction(pid, dt.date(2026, 3, 1), "Devis des affiches")
    out = rgpd.export_person(store, pid, tmp_path / "gwen.html")
    page = out.read_text(encoding="utf-8")
    for expected in ("Gwenaëlle", "gwen@imprimerie-exemple.fr", "+33612345678", "Imprimerie Le Bihan",
                     "Devis des affiches", "data:image/jpeg;base64,", "Partenaires"):
        assert expected in page
    entry = rgpd.log_entries()[0]
    assert entry.action == "export" and entry.person_id == pid and "@" in entry.done_by


def test_anonymisation_leaves_no_trace(store):
    pid = _import_gwen(store)
    # the name written elsewhere, in free text: the journal, another card's notes
    _add_interaction(pid, dt.date(2026, 3, 1), "Rencontre avec Gwenaëlle Le Bihan (gwen@imprimerie-exemple.fr)")
    _add_interaction(pid, dt.date(2026, 4, 1), "Relance de Mme Le Bihan")
    database.execute_sql("UPDATE organisation SET notes = 'Voir Gwenaëlle Le Bihan, +33 6 12 34 56 78'")
    photo = person_photos.photo_path(store, pid)
    scan = store.root / "scan.pdf"
    scan.write_bytes(b"%PDF preuve de Gwen")
    consent.attach_proof(store, pid, scan)
    scan.unlink()
    preview = rgpd.erasure_preview(store, pid)
    text = preview.describe()
    assert "Gwenaëlle Le Bihan" in text and "photo" in text and "2 journal" in text

    rgpd.anonymise(store, pid)

    assert not photo.exists() and not list(store.proofs_dir.iterdir())
    assert list(store.photos_dir.iterdir()) == []
    row = database.execute_sql("SELECT first_name, last_name, emails, phones FROM person WHERE id = ?",
                               (pid,)).fetchone()
    assert row == ("", "Anonymised person", "[]", "[]")
    # kept: the card, its journal entries and its organisation history
    assert database.execute_sql("SELECT count(*) FROM interaction_person WHERE person_id = ?", (pid,)).fetchone()[0] == 2
    assert database.execute_sql("SELECT count(*) FROM affiliation WHERE person_id = ?", (pid,)).fetchone()[0] == 1
    # nothing left in the database file, its WAL, or free pages
    assert database.execute_sql("SELECT summary FROM interaction ORDER BY id").fetchall() == [
        ("Rencontre avec [anonymised] ([anonymised])",), ("Relance de Mme [anonymised]",)]
    for path in store.root.glob(DB_FILENAME + "*"):
        raw = path.read_bytes()
        for trace in ("Gwenaëlle", "gwenaelle", "gwen@imprimerie-exemple.fr", "gwenaelle.lebihan@gmail.com",
                      "+33 6 12 34 56 78"):
            assert trace.encode("utf-8") not in raw, (path.name, trace, raw[raw.find(trace.encode()) - 300:][:400])
    assert rgpd.log_entries()[0].action == "erase"
    assert "Le Bihan" not in rgpd.log_entries()[0].what
    from partnerdesk.services import search

    assert search.person_ids("gwenaelle") == [] and search.person_ids("anonymised") == [pid]


def test_anonymisation_with_a_search_index(store):
    """Another area's FTS5 index over people: no token of the name survives."""
    database.execute_sql("CREATE VIRTUAL TABLE person_fts USING fts5(name_norm, content='person', content_rowid='id')")
    database.execute_sql("CREATE TRIGGER person_fts_i AFTER INSERT ON person BEGIN "
                         "INSERT INTO person_fts(rowid, name_norm) VALUES (new.id, new.name_norm); END")
    database.execute_sql("CREATE TRIGGER person_fts_u AFTER UPDATE ON person BEGIN "
                         "INSERT INTO person_fts(person_fts, rowid, name_norm) VALUES ('delete', old.id, old.name_norm); "
                         "INSERT INTO person_fts(rowid, name_norm) VALUES (new.id, new.name_norm); END")
    pid = _import_gwen(store)
    database.execute_sql("INSERT INTO person_fts(person_fts) VALUES ('rebuild')")
    assert database.execute_sql("SELECT count(*) FROM person_fts WHERE person_fts MATCH 'gwenaelle'").fetchone()[0]
    rgpd.anonymise(store, pid)
    assert database.execute_sql("SELECT count(*) FROM person_fts WHERE person_fts MATCH 'gwenaelle'").fetchone()[0] == 0
    raw = b"".join(p.read_bytes() for p in store.root.glob(DB_FILENAME + "*"))
    assert b"gwenaelle" not in raw  # ("bihan" stays: the name of her organisation, kept)


def test_register(store):
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "vcard21.vcf")), store)
    ids = people()
    jo, loic = ids["Joséphine Clément"]["id"], ids["Loïc Béranger"]["id"]
    assert [r.person_id for r in rgpd.photos_without_consent(store)] == [jo]
    consent.save_consent(jo, Consent(True, dt.date.today(), ["interne"]))
    assert rgpd.photos_without_consent(store) == []
    old = dt.date.today() - dt.timedelta(days=4 * 366)
    database.execute_sql("UPDATE person SET created_at = ?", (old.isoformat() + " 09:00:00",))
    _add_interaction(jo, dt.date.today() - dt.timedelta(days=30), "Appel")
    assert [r.person_id for r in rgpd.inactive_people()] == [loic]
    settings.set_(settings.RGPD_INACTIVE_YEARS, 5)
    assert rgpd.inactive_people() == []
    assert [r.person_id for r in rgpd.inactive_people(years=3)] == [loic]
    rgpd.anonymise(store, loic)
    assert rgpd.inactive_people(years=3) == []  # done: no longer proposed


def test_anonymisation_finds_the_name_written_as_json_or_html(store):
    import json

    pid = _import_gwen(store)
    written = [json.dumps({"contact": "Gwenaëlle Le Bihan"}), "<p>Gwenaëlle Le Bihan &amp; co</p>"]
    for text in written:
        database.execute_sql("INSERT INTO interaction (kind, occurred_on, summary, created_at) VALUES "
                             "('autre', '2026-01-01', ?, '2026-01-01 09:00:00')", (text,))
    rgpd.anonymise(store, pid)
    summaries = " ".join(r[0] for r in database.execute_sql("SELECT summary FROM interaction"))
    assert "Gwena\\u00eblle" not in summaries and "Gwenaëlle Le Bihan" not in summaries


def test_addresses_websites_occupation_and_department_exported_then_erased(store, tmp_path):
    """The fields of migration 0010 (issue #19): in the RGPD export, gone after anonymisation."""
    imports.apply_plan(imports.plan_for(imports.read_file(DATA.parent / "imports" / "vcard30_iphone.vcf")), store)
    pid = people()["François Minh Nguyen"]["id"]
    page = rgpd.export_person(store, pid, tmp_path / "fn.html").read_text(encoding="utf-8")
    for expected in ("8 allée des Tilleuls", "https://francois-nguyen.exemple.fr", "Accounting / Dungeon",
                     "+33123456789"):
        assert expected in page
    anne = people()["Anne Le Gall"]["id"]
    assert "Consultante indépendante" in rgpd.export_person(store, anne, tmp_path / "a.html").read_text("utf-8")
    # his number and street written by hand elsewhere, in another form
    database.execute_sql("UPDATE organisation SET notes = 'Joindre au 07 81 23 45 67, 8 allée des Tilleuls'")
    rgpd.anonymise(store, pid)
    row = database.execute_sql("SELECT addresses, websites, labels, title, phones FROM person WHERE id = ?",
                               (pid,)).fetchone()
    assert row == ("[]", "[]", "{}", "", "[]")
    for path in store.root.glob(DB_FILENAME + "*"):
        raw = path.read_bytes()
        for trace in ("Tilleuls", "francois-nguyen.exemple.fr", "07 81 23 45 67", "+33781234567"):
            assert trace.encode("utf-8") not in raw, (path.name, trace)
