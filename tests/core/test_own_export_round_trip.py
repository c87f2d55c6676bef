"""PartnerDesk's own organisations and people lists, exported then imported into an EMPTY data
folder, give back the same cards: every exported column is the same when exported again, and
the people's affiliations (past ones too) come back with their roles and dates."""

from __future__ import annotations

import pytest

from partnerdesk import i18n
from partnerdesk.paths import DataPaths
from partnerdesk.services import data, demo, imports
from partnerdesk.services.exports import files
from partnerdesk.services.exports.tabular import csv_bytes
from partnerdesk.services.imports import csvfile, decode
from partnerdesk.store import database


def _affiliations() -> set[tuple]:
    return set(database.execute_sql(
        "SELECT p.first_name, p.last_name, p.emails, o.name, a.role, a.department, a.start_date, a.end_date"
        " FROM affiliation a JOIN person p ON p.id = a.person_id JOIN organisation o ON o.id = a.organisation_id"
    ).fetchall())


PERSON_CARD = ("first_name", "last_name", "emails", "phones", "notes", "relais", "title", "civility", "addresses",
               "websites", "labels", "verified_on")
ORGANISATION_CARD = ("name", "kind", "status", "address", "postcode", "city", "country", "phone", "email", "website",
                     "publics", "contributions", "decision_circuit", "contact_cadence_days", "notes", "article",
                     "verified_on")


def _cards() -> tuple[list, list]:
    """The fields of every person's and organisation's card, in an order that does not depend on ids."""
    people = database.execute_sql(f"SELECT {', '.join(PERSON_CARD)} FROM person").fetchall()
    orgs = database.execute_sql(f"SELECT {', '.join(ORGANISATION_CARD)} FROM organisation").fetchall()
    return sorted(people, key=repr), sorted(orgs, key=repr)


def _enrich() -> None:
    """What the demo lacks: a job held without an organisation, a department, a past affiliation
    whose role holds a "|", an organisation whose name has a comma."""
    pid = database.execute_sql("SELECT id FROM person ORDER BY id LIMIT 1").fetchone()[0]
    database.execute_sql("UPDATE person SET title = 'Bénévole, conteuse' WHERE id = ?", (pid,))
    database.execute_sql("UPDATE person SET civility = CASE WHEN id % 3 = 0 THEN 'madame' WHEN id % 3 = 1"
                         " THEN 'monsieur' ELSE '' END")
    database.execute_sql("UPDATE organisation SET decision_circuit = 'Bureau le 1er lundi\nPuis CA', "
                         "contact_cadence_days = 90 WHERE id % 2 = 0")
    database.execute_sql("UPDATE affiliation SET department = 'Jeunesse' WHERE person_id = ?", (pid,))
    # every article form, NULL (proposed from the name) and "" (no article) too; checked on dates or none
    database.execute_sql("UPDATE organisation SET article = CASE id % 7 WHEN 0 THEN 'le' WHEN 1 THEN 'la'"
                         " WHEN 2 THEN 'l_m' WHEN 3 THEN 'l_f' WHEN 4 THEN 'les' WHEN 5 THEN '' ELSE NULL END")
    database.execute_sql("UPDATE organisation SET verified_on = CASE WHEN id % 3 = 0 THEN NULL"
                         " ELSE date('2025-01-01', '+' || id || ' days') END")
    database.execute_sql("UPDATE person SET verified_on = CASE WHEN id % 4 = 0 THEN NULL"
                         " ELSE date('2024-06-30', '+' || id || ' days') END")
    oid = database.execute_sql("SELECT id FROM organisation ORDER BY id DESC LIMIT 1").fetchone()[0]
    database.execute_sql("UPDATE organisation SET name = 'Sport, Loisirs | Culture' WHERE id = ?", (oid,))
    database.execute_sql(
        "INSERT INTO affiliation (person_id, organisation_id, role, department, start_date, end_date)"
        " VALUES (?, ?, 'Animatrice | référente', 'Pôle A', '2015-03-01', '2018-06-30')", (pid, oid))
    database.execute_sql(
        "INSERT INTO affiliation (person_id, organisation_id, role, department, start_date, end_date)"
        " VALUES (?, ?, '', '', NULL, '2014-01-31')", (pid, oid))


def _table(path) -> tuple[list[str], list[list[str]]]:
    if path.suffix == ".ods":
        from partnerdesk.services.imports import odsfile

        table = odsfile.read_table(path.read_bytes())
    else:
        table = csvfile.read_table(decode.decode_text(path.read_bytes()).text)
    return table.headers, sorted(cells for _line, cells in table.rows)


def _export_all(paths, folder, fmt) -> dict:
    out = {}
    for kind in ("organisations", "people"):
        target = folder / f"{kind}.{fmt}"
        files.export(kind, fmt, target, paths)
        out[kind] = target
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", ["csv", "ods"])
def test_own_lists_come_back_whole_in_an_empty_folder(fmt, lang, paths, tmp_path):
    i18n.set_language(lang)
    data.open_data(paths, daily_backup=False)
    try:
        demo.fill("small")
        _enrich()
        (tmp_path / "first").mkdir()
        first = _export_all(paths, tmp_path / "first", fmt)
        affiliations, cards = _affiliations(), _cards()
        relais = database.execute_sql("SELECT count(*) FROM person WHERE relais").fetchone()[0]
    finally:
        data.close_data()
    assert relais and any(end for *_x, end in affiliations)
    assert {o[ORGANISATION_CARD.index("article")] for o in cards[1]} == {"le", "la", "l_m", "l_f", "les", "", None}
    assert any(p[-1] for p in cards[0]) and any(p[-1] is None for p in cards[0])

    other = DataPaths(tmp_path / "other").ensure()
    data.open_data(other, daily_backup=False)
    try:
        for kind in ("organisations", "people"):
            parsed = imports.read_file(first[kind])
            assert parsed.header_set == "partnerdesk"
            plan = imports.plan_for(parsed)
            assert not plan.refused
            assert not [w for w in plan.warnings if "note" in w.casefold()], plan.warnings[:5]
            imports.apply_plan(plan, other)
        (tmp_path / "second").mkdir()
        second = _export_all(other, tmp_path / "second", fmt)
        assert _affiliations() == affiliations
        assert _cards() == cards
    finally:
        data.close_data()
    for kind in ("organisations", "people"):
        headers, rows = _table(first[kind])
        again_headers, again = _table(second[kind])
        assert again_headers == headers
        for before, after in zip(rows, again):
            assert dict(zip(headers, after)) == dict(zip(headers, before))
        assert len(again) == len(rows)


def test_an_older_people_list_without_the_new_columns_is_still_recognised(store):
    headers = ["Prénom", "Nom", "E-mails", "Téléphones", "Organisation", "Fonction", "Relais", "Étiquettes",
               "Notes", "Service", "Profession", "Sites web", "Adresse personnelle", "Adresse professionnelle",
               "Autre adresse"]
    i18n.set_language("fr")
    raw = csv_bytes(headers, [["Claire", "Martin", "claire@exemple.fr", "", "Mairie", "Élue", "oui", "", "", "",
                               "", "", "", "", ""]])
    parsed = imports.read_bytes(raw, "personnes.csv")
    assert parsed.header_set == "partnerdesk"
    assert parsed.contacts[0].relais is True


@pytest.mark.parametrize("fmt", ["csv", "ods"])
def test_own_lists_imported_back_into_their_folder_add_nothing(fmt, demo_store, tmp_path):
    _enrich()
    cards = ("SELECT first_name, last_name, emails, phones, notes, relais, title, addresses, websites, labels,"
             " verified_on FROM person ORDER BY id")
    orgs = ("SELECT name, kind, status, publics, contributions, notes, phone, email, article, verified_on"
            " FROM organisation ORDER BY id")
    before = [database.execute_sql(q).fetchall() for q in (cards, orgs)], _affiliations()
    count = database.execute_sql("SELECT count(*) FROM affiliation").fetchone()[0]
    for kind, target in _export_all(demo_store, tmp_path, fmt).items():
        plan = imports.plan_for(imports.read_file(target))
        assert not plan.creates and not plan.new_organisations
        imports.apply_plan(plan, demo_store)
    assert ([database.execute_sql(q).fetchall() for q in (cards, orgs)], _affiliations()) == before
    assert database.execute_sql("SELECT count(*) FROM affiliation").fetchone()[0] == count

