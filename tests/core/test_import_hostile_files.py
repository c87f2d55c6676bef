"""Hostile CSV files: each gives a clear French message or a correct import, never a crash or a
half-written import. Covered elsewhere: a Latin-9 file with « € » and « Œuvre »
(test_imports_real.py::test_latin9_spreadsheet), a BOM with ";" separators (every file written by
`tabular.csv_bytes`, e.g. test_import_vocabulary.py), a failed or cancelled write
(test_imports.py::test_failed_write_leaves_nothing, test_cancel_during_the_write_leaves_nothing)."""

from __future__ import annotations

import pytest

from partnerdesk import i18n
from partnerdesk.services import imports
from partnerdesk.store import database


@pytest.fixture(autouse=True)
def _french():
    i18n.set_language("fr")


def _count(table: str) -> int:
    return database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_2000_character_name_refuses_its_row_and_writes_nothing_of_it(store):
    long = "Œuvre " + "très longue " * 167
    assert len(long) >= 2000
    text = ("Nom;Prénom;Structure;Courriel\n"
            f"{long};Claire;MJC;claire@exemple.fr\n"
            f"Martin;Paul;{long};paul@exemple.fr\n"
            f";;{long};contact@oeuvre.fr\n"
            "Durand;Zoé;Mairie;zoe@exemple.fr\n")
    plan = imports.plan_for(imports.read_text(text, "long.csv"))
    assert [(r.line, r.reason) for r in plan.refused] == [(n, "Un nom dépasse 300 caractères.") for n in (2, 3, 4)]
    result = imports.apply_plan(plan, store)
    assert result.refused == 3 and result.people_created == 1
    assert database.execute_sql("SELECT first_name, last_name FROM person").fetchall() == [("Zoé", "Durand")]
    assert database.execute_sql("SELECT name FROM organisation").fetchall() == [("Mairie",)]
    assert "3 lignes refusées" in imports.result_text(result)


@pytest.mark.parametrize("text", ["Nom;Prénom;Courriel\n", "\ufeffNom;Prénom;Courriel\r\n;;\r\n  ; ;\r\n"])
def test_a_file_with_only_its_header_says_there_is_nothing_to_import(store, text):
    parsed = imports.read_bytes(text.encode("utf-8"), "entete.csv")
    assert parsed.headers == ["Nom", "Prénom", "Courriel"] and parsed.contacts == []
    plan = imports.plan_for(parsed)
    assert plan.summary() == "Il n'y a rien à importer dans ce fichier : il n'a aucune ligne sous sa ligne d'en-tête."
    result = imports.apply_plan(plan, store)
    assert not result.undoable and _count("person") == 0 and _count("import_batch") == 0


def test_a_line_with_more_cells_than_headers_is_refused_alone(store):
    text = ("Nom;Prénom;Courriel\n"
            "Martin;Hélène;helene@exemple.fr;en trop;encore\n"
            "Durand;Paul;paul@exemple.fr;;\n"  # empty cells beyond the header: nothing lost, taken
            "Roche;Zoé;zoe@exemple.fr\n")
    parsed = imports.read_text(text, "trop.csv")
    assert [(r.line, r.reason) for r in parsed.refused] == [
        (2, "Cette ligne a plus de cellules (5) que l'en-tête n'a de colonnes (3).")]
    assert "en trop" in parsed.refused[0].text  # the review shows what the line held
    plan = imports.plan_for(parsed)
    assert "1 ligne est refusée." in plan.summary()
    imports.apply_plan(plan, store)
    assert sorted(r[0] for r in database.execute_sql("SELECT last_name FROM person")) == ["Durand", "Roche"]
