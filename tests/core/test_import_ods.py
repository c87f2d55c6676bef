""".ods files (LibreOffice Calc) import like CSV files: the same header detection, mapping and
review; damaged, hostile or renamed files are refused quickly with a French message."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from partnerdesk import i18n
from partnerdesk.services import imports
from partnerdesk.services.imports import odsfile
from partnerdesk.store import database
from tests.core import ods_samples as s

NOTE = ("Rencontrée au forum des associations. " * 60)[:1999] + "."


def _calc_file() -> bytes:
    """A list as a user types it in Calc: a merged title above the header, empty rows, a date, a
    formula, a 2,000-character cell, a merged cell in the data, Calc's trailing empty rows."""
    title = '<table:table-cell table:number-columns-spanned="4" office:value-type="string"><text:p>Contacts ' \
            '2026</text:p></table:table-cell>' + '<table:covered-table-cell/>' * 3
    return s.ods(s.content(
        s.sheet("Contacts",
                s.row(title),
                s.row(s.cell(repeat=1024), repeat=2),
                s.row("Prénom", "Nom", "Courriel", "Structure", "Arrivée", "Notes", s.cell(repeat=1018)),
                s.row("Hélène", "Le Guérec", "helene@exemple.fr", "Mairie de Rennes",
                      s.cell("01/09/19", kind="date", attrs='office:date-value="2019-09-01"'), NOTE),
                s.row(s.cell(repeat=1024)),
                s.row(s.cell("Jean", kind="string", attrs='table:formula="of:=PROPER(&quot;jean&quot;)"'),
                      "Martin", "jean@exemple.fr",
                      '<table:table-cell table:number-rows-spanned="2" office:value-type="string">'
                      '<text:p>MJC</text:p><text:p>du Bourg</text:p></table:table-cell>',
                      s.cell("45000", kind="float", attrs='office:value="45000"'), "Tél. : 02 99  00 00 00"),
                s.row("Zoé", "Müller", "zoe@exemple.fr", "<table:covered-table-cell/>", "", ""),
                s.row(s.cell(repeat=1024), repeat=1048560)),
        s.sheet("Vide", s.row(s.cell(repeat=1024), repeat=1048576))))


def test_a_calc_file_is_read_with_the_same_preview_and_header_detection(store, tmp_path):
    i18n.set_language("fr")
    path = tmp_path / "contacts.ods"
    path.write_bytes(_calc_file())
    parsed = imports.read_file(path)
    assert parsed.kind == "csv" and parsed.sheet == "Contacts" and parsed.needs_mapping
    assert parsed.headers == ["Prénom", "Nom", "Courriel", "Structure", "Arrivée", "Notes"]
    assert parsed.how_read() == "classeur LibreOffice, feuille « Contacts »"
    assert parsed.preview()[0][:5] == ["Hélène", "Le Guérec", "helene@exemple.fr", "Mairie de Rennes", "01/09/2019"]
    assert parsed.preview()[0][5] == NOTE and len(NOTE) == 2000
    assert [line for line, _cells in parsed.table.rows] == [5, 7, 8]  # the spreadsheet's row numbers
    assert parsed.preview()[1][:4] == ["Jean", "Martin", "jean@exemple.fr", "MJC\ndu Bourg"]
    assert parsed.preview()[1][5] == "Tél. : 02 99  00 00 00"
    assert parsed.preview()[2][3] == ""
    assert "1 cellule contient une formule : c'est son résultat" in " ".join(parsed.warnings)
    assert {i: t for i, t in parsed.mapping.items()} == {0: "first_name", 1: "last_name", 2: "email",
                                                          3: "organisation", 5: "notes"}


def test_a_calc_file_imports_and_nothing_is_lost(store, tmp_path):
    parsed = imports.read_bytes(_calc_file(), "contacts.ods")
    parsed.remap({**parsed.mapping, 4: "affiliation_start"})
    plan = imports.plan_for(parsed)
    assert not plan.refused
    assert "45000" in " ".join(plan.warnings)  # not a date: kept in the notes, said
    imports.apply_plan(plan, store)
    notes = dict(database.execute_sql("SELECT last_name, notes FROM person"))
    assert notes["Le Guérec"] == NOTE and "45000" in notes["Martin"]
    assert database.execute_sql("SELECT start_date FROM affiliation a JOIN person p ON p.id = a.person_id"
                                " WHERE p.last_name = 'Le Guérec'").fetchone()[0] == "2019-09-01"


def test_other_sheets_with_data_are_named_in_the_review():
    i18n.set_language("fr")
    raw = s.ods(s.content(s.sheet("Vide"), s.sheet("Bénévoles", s.row("Prénom", "Nom"), s.row("Ana", "Lopes")),
                          s.sheet("Élus", s.row("Prénom", "Nom"), s.row("Marc", "Olive"))))
    parsed = imports.read_bytes(raw, "liste.ods")
    assert parsed.sheet == "Bénévoles" and parsed.preview() == [["Ana", "Lopes"]]
    assert "Seule la feuille « Bénévoles » est importée ; ce fichier a d'autres feuilles remplies : « Élus »." \
        in parsed.warnings[0]


def test_a_first_sheet_of_notes_is_passed_over_for_the_sheet_holding_the_list():
    """Seen in the hostile pass: a « Lisez-moi » sheet first (a line or two of text in column A), the
    contacts on the second sheet: the file was refused as having a single column."""
    i18n.set_language("fr")
    raw = s.ods(s.content(s.sheet("Lisez-moi", s.row("Liste tenue par Claire"), s.row("Mise à jour : mars 2026")),
                          s.sheet("Contacts", s.row("Prénom", "Nom", "Courriel"), s.row("Ana", "Lopes", "ana@x.fr")),
                          s.sheet("Élus", s.row("Prénom", "Nom"), s.row("Marc", "Olive"))))
    parsed = imports.read_bytes(raw, "liste.ods")
    assert parsed.sheet == "Contacts" and parsed.preview() == [["Ana", "Lopes", "ana@x.fr"]]
    assert "Seule la feuille « Contacts » est importée ; ce fichier a d'autres feuilles remplies : « Lisez-moi », " \
           "« Élus »." in parsed.warnings[0]
    # a file of a single one-column sheet, or of one-column sheets only, is still refused for it
    only_notes = s.ods(s.content(s.sheet("Noms", s.row("Nom"), s.row("Ana")), s.sheet("Autres", s.row("Marc"))))
    assert "La feuille « Noms » n'a qu'une seule colonne" in _refused(only_notes)


def _refused(raw: bytes, name: str = "contacts.ods", seconds: float = 3.0) -> str:
    i18n.set_language("fr")
    tracemalloc.start()
    began = time.monotonic()
    try:
        with pytest.raises(imports.ImportFileError) as caught:
            imports.read_bytes(raw, name)
        took = time.monotonic() - began
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert took < seconds, took
    assert peak < 20 * 1024 * 1024, peak
    return str(caught.value)


def test_a_zip_bomb_is_refused_quickly_without_filling_the_memory():
    raw = s.bomb(300)  # 300 MB of blanks in a 300 KB file
    assert len(raw) < 2 * 1024 * 1024
    assert "trop volumineux" in _refused(raw, seconds=8)


def test_a_cell_of_megabytes_is_refused_quickly():
    assert "plus de 100\u202f000 caractères" in _refused(s.bomb(50, in_a_cell=True))
    spaces = '<text:s text:c="1000"/>' * 200  # 4 KB of XML saying 200,000 blanks
    big = s.cell(attrs="").replace("<table:table-cell/>", f"<table:table-cell><text:p>{spaces}</text:p></table:table-cell>")
    assert "plus de 100\u202f000 caractères" in _refused(s.ods(s.content(s.sheet("A", s.row("a", "b"), s.row(big)))))


def test_an_entity_bomb_is_refused():
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{n} "{("&lol%s;" % (n - 1 if n > 1 else "")) * 10}">' for n in range(1, 10))
              + ']><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
              '&lol9;</office:document-content>')
    assert "endommagé" in _refused(s.ods(laughs))


@pytest.mark.parametrize("rows", [
    s.row("a", "b", repeat=1_000_000_000),  # one row said a billion times
    s.row(s.cell("x", repeat=2_000_000_000)),  # one cell said two billion times
    s.row("a", s.cell("é" * 90_000, repeat=1000)),  # 90 MB of text said in 90 KB
    s.row("a", s.cell("é" * 90_000), repeat=90_000),
])
def test_repeated_rows_or_cells_are_not_expanded_without_limit(rows):
    message = _refused(s.ods(s.content(s.sheet("A", s.row("Prénom", "Nom"), rows))))
    assert any(words in message for words in ("100\u202f000 lignes", "colonnes", "trop volumineux"))


@pytest.mark.parametrize("raw, name", [
    (b"Prenom;Nom\nJean;Martin\n", "contacts.ods"),  # a CSV file renamed .ods
    (b"\x89PNG\r\n\x1a\n" + bytes(300), "contacts.ods"),
    (s.ods("<x/>", mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "contacts.ods"),
    (s.ods(s.content(), mimetype="application/vnd.oasis.opendocument.text"), "lettre.ods"),
    (b"PK\x03\x04" + bytes(100), "contacts.ods"),
    (b"", "contacts.ods"),
])
def test_a_file_that_is_not_a_spreadsheet_is_refused_in_french(raw, name):
    assert "n'est pas un classeur LibreOffice (.ods)" in _refused(raw, name)


def test_a_cut_or_damaged_spreadsheet_is_refused_in_french():
    whole = s.ods(s.content(s.sheet("A", s.row("Prénom", "Nom"), *[s.row("Ana", f"Lopes {n}") for n in range(500)])))
    for raw in (whole[:len(whole) // 2], whole[:-30], whole.replace(b"content.xml", b"contenu.xml")):
        message = _refused(raw)
        assert "endommagé" in message or "n'est pas un classeur" in message
    broken = s.ods(s.content(s.sheet("A", s.row("Prénom", "Nom"))).replace("</table:table>", ""))
    assert "endommagé" in _refused(broken)


def test_a_password_protected_spreadsheet_is_said_so():
    manifest = s.MANIFEST.replace('media-type="text/xml"/>', 'media-type="text/xml"><manifest:encryption-data/>'
                                                              '</manifest:file-entry>')
    assert "protégé par un mot de passe" in _refused(s.ods("\x00garbage", manifest=manifest))


def test_a_zip_with_thousands_of_entries_is_refused():
    raw = s.ods(s.content(), extra=[(f"x/{n}", b"") for n in range(odsfile.MAX_ENTRIES + 1)])
    assert "trop de fichiers" in _refused(raw)


def test_a_sheet_of_one_column_or_nothing_says_so():
    assert "n'a qu'une seule colonne" in _refused(s.ods(s.content(s.sheet("Noms", s.row("Nom"), s.row("Ana")))))
    assert "vide" in _refused(s.ods(s.content(s.sheet("Vide", s.row(s.cell(repeat=5), repeat=9)))))


def test_an_excel_file_is_refused_with_the_formats_that_are_read():
    raw = s.ods("<x/>", mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    message = _refused(raw, "contacts.xlsx")
    assert "Enregistrer sous » → CSV ou LibreOffice (.ods)" in message
