"""Importing real-format samples (tests/data/imports) for each header set and vCard version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from partnerdesk.services import imports, person_photos
from partnerdesk.services.imports import ImportFileError, apply_plan, plan_for, read_file, undo_batch
from partnerdesk.store import database

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


def people() -> dict[str, dict]:
    rows = database.execute_sql("SELECT id, first_name, last_name, emails, phones, notes FROM person").fetchall()
    return {f"{r[1]} {r[2]}".strip(): dict(id=r[0], emails=json.loads(r[3]), phones=json.loads(r[4]), notes=r[5])
            for r in rows}


def organisations() -> dict[str, dict]:
    rows = database.execute_sql("SELECT id, name, city, postcode, email, website FROM organisation").fetchall()
    return {r[1]: dict(id=r[0], city=r[2], postcode=r[3], email=r[4], website=r[5]) for r in rows}


def role_of(person_id: int) -> tuple[str, str]:
    return database.execute_sql(
        "SELECT o.name, a.role FROM affiliation a JOIN organisation o ON o.id = a.organisation_id "
        "WHERE a.person_id = ?", (person_id,)).fetchone()


def run_import(path: Path, store) -> imports.ImportResult:
    parsed = read_file(path)
    return apply_plan(plan_for(parsed), store)


def test_google_contacts(store):
    parsed = read_file(DATA / "google.csv")
    assert parsed.header_set == "google" and parsed.delimiter == "," and not parsed.needs_mapping
    result = apply_plan(plan_for(parsed), store)
    assert result.people_created == 3
    helene = people()["Hélène Le Guérec"]
    assert helene["emails"] == ["helene.leguerec@mediatheque-exemple.fr", "h.leguerec@gmail.com"]
    assert helene["phones"] == ["+33299123456", "+33611223344", "+33698765432"]  # E.164 (issue #19)
    assert "forum des associations" in helene["notes"]
    assert role_of(helene["id"]) == ("Médiathèque Anne-Frank", "Directrice")
    assert organisations()["Médiathèque Anne-Frank"]["city"] == "Châteaugiron"
    tags = {r[0] for r in database.execute_sql("SELECT name FROM tag")}
    assert tags == {"Partenaires", "seniors"}  # "* myContacts" is Google's own, left out
    assert people()["Zoé Ærøskøbing-Müller"]["notes"] == '=HYPERLINK("http://exemple.fr")'  # stays text


def test_outlook_english_cp1252(store):
    parsed = read_file(DATA / "outlook_en.csv")
    assert parsed.header_set == "outlook_en" and parsed.encoding == "cp1252"
    apply_plan(plan_for(parsed), store)
    berenice = people()["Bérénice Lefèvre"]
    assert berenice["emails"] == ["berenice.lefevre@lire-ecrire-exemple.fr", "b.lefevre@orange.fr"]
    assert role_of(berenice["id"]) == ("Association Lire & Écrire 35", "Coordinatrice")
    assert "Noël Dupré-Çelik" in people()  # the "Title" column (M., Mme) is a civility, not a job
    assert {r[0] for r in database.execute_sql("SELECT name FROM tag")} == {"Partenaires", "Inclusion"}


def test_outlook_french_semicolon(store):
    parsed = read_file(DATA / "outlook_fr.csv")
    assert parsed.header_set == "outlook_fr" and parsed.delimiter == ";"
    apply_plan(plan_for(parsed), store)
    maelle = people()["Maëlle Kerbrat"]
    assert maelle["phones"] == ["+33299740203", "+33607080910"]
    assert role_of(maelle["id"]) == ("Mission locale du Pays de Vitré", "Conseillère insertion")
    assert organisations()["Mission locale du Pays de Vitré"]["postcode"] == "35500"


def test_thunderbird_person_and_organisation(store):
    parsed = read_file(DATA / "thunderbird.csv")
    assert parsed.header_set == "thunderbird"
    result = apply_plan(plan_for(parsed), store)
    assert result.people_created == 1
    assert people()["Aurélie Guérin"]["emails"] == ["aurelie.guerin@ccas-exemple.fr", "aurelie.g@free.fr"]
    radio = organisations()["Radio Rennes Campus"]  # display name = organisation: an organisation card
    assert radio["email"] == "antenne@radio-exemple.fr" and radio["website"] == "www.radio-exemple.fr"


def test_unknown_spreadsheet_guessed_mapping_refusals_and_notes(store):
    parsed = read_file(DATA / "tableur_fr.csv")
    assert parsed.needs_mapping and parsed.encoding == "cp1252"
    assert parsed.mapping[0] == "last_name" and parsed.mapping[1] == "first_name" and parsed.mapping[4] == "email"
    plan = plan_for(parsed)
    assert plan.refused == []  # the e-mail-only row gets a name derived from the address, flagged (issue #19)
    assert any("sans.nom@exemple.fr" in w and "Line 5" in w for w in plan.warnings)
    apply_plan(plan, store)
    assert "Sans Nom" in people()
    eric = people()["Éric Bouchard"]
    assert eric["emails"] == [] and "pas-une-adresse" in eric["notes"] and eric["phones"] == ["0299"]  # as typed
    assert '=HYPERLINK("http://piege.exemple";"cliquez")' in eric["notes"]
    assert role_of(people()["Élodie Martin"]["id"])[0] == "Centre social Les Champs-Manceaux"


def test_tab_separated_utf8_bom(store):
    parsed = read_file(DATA / "tabulations.csv")
    assert parsed.delimiter == "\t" and parsed.encoding == "utf-8-sig"
    assert parsed.headers[0] == "Prénom"
    apply_plan(plan_for(parsed), store)
    assert people()["Céline Renard"]["phones"] == ["+33612121212"]


def test_remembered_mapping(store):
    parsed = read_file(DATA / "tableur_fr.csv")
    mapping = dict(parsed.mapping)
    mapping[9] = ""  # the user chose to ignore "Remarques"
    imports.remember(parsed.headers, mapping)
    again = read_file(DATA / "tableur_fr.csv")
    assert again.header_set == "remembered" and 9 not in again.mapping
    assert not again.needs_mapping


def test_vcard_21_quoted_printable_and_photo(store):
    parsed = read_file(DATA / "vcard21.vcf")
    assert parsed.versions == {"2.1"}
    result = apply_plan(plan_for(parsed), store)
    assert result.people_created == 2 and result.photos == 1
    jo = people()["Joséphine Clément"]
    assert jo["emails"] == ["josephine.clement@ehpad-exemple.fr", "jo.clement@orange.fr"]
    assert "« Numérique pour tous ».\nDeuxième ligne." in jo["notes"]
    assert role_of(jo["id"]) == ("EHPAD Les Glycines", "Animatrice")
    assert person_photos.photo_path(store, jo["id"]).read_bytes()[:3] == b"\xff\xd8\xff"
    assert person_photos.has_photo_without_consent(store, jo["id"])  # imported WITHOUT consent
    assert "Loïc Béranger" in people()  # windows-1252 quoted-printable


def test_vcard_30_folding_escapes_organisation_card(store):
    parsed = read_file(DATA / "vcard30.vcf")
    assert parsed.versions == {"3.0"}
    result = apply_plan(plan_for(parsed), store)
    assert result.people_created == 2 and result.photos == 1
    gwen = people()["Gwenaëlle Le Bihan"]
    assert gwen["phones"] == ["+33612345678", "+33299001213"]
    assert "virgule ; ici" in gwen["notes"]
    assert role_of(gwen["id"]) == ("Imprimerie Le Bihan", "Gérante")  # ORG units: the department (issue #19)
    assert database.execute_sql("SELECT department FROM affiliation WHERE person_id = ?",
                                (gwen["id"],)).fetchone()[0] == "Atelier"
    assert organisations()["Recyclerie numérique L'Ordi Solidaire"]["email"] == "contact@ordi-solidaire-exemple.fr"


def test_vcard_40_data_uri_linked_and_online_photos(store, tmp_path):
    parsed = read_file(DATA / "vcard40.vcf")
    assert parsed.versions == {"4.0"}
    assert any("offline" in w for w in parsed.warnings)  # online photo: not downloaded, said so
    apply_plan(plan_for(parsed), store)
    anais = people()["Anaïs Rousseau-Lévêque"]
    assert anais["phones"] == ["+33299004455", "+33655443322"]
    assert person_photos.photo_path(store, anais["id"]).read_bytes()[:3] == b"\xff\xd8\xff"  # stored as JPEG
    assert person_photos.photo_path(store, people()["Théo Marchand"]["id"]) is not None  # linked file
    assert person_photos.photo_path(store, people()["Inès Lambert"]["id"]) is None


def test_matches_merge_or_skip_and_undo(store):
    run_import(DATA / "google.csv", store)
    before = people()
    # Same email -> match; same name ignoring accents -> match.
    text = ("Prénom;Nom;Courriel;Téléphone\n"
            "Helene;LE GUEREC;autre@exemple.fr;01 02 03 04 05\n"
            "Francois;Nguyen;;\n"
            "Personne;Nouvelle;nouvelle@exemple.fr;\n")
    parsed = imports.read_text(text, "maj.csv")
    plan = plan_for(parsed)
    assert [r.match_reason for r in plan.matches] == ["same name", "same name"]
    assert plan.matches[0].additions == ["autre@exemple.fr", "+33102030405"] and plan.matches[1].additions == []
    assert len(plan.creates) == 1
    plan.matches[1].merge = False  # skip François
    result = apply_plan(plan, store)
    assert (result.merged, result.skipped, result.people_created) == (1, 1, 1)
    helene = people()["Hélène Le Guérec"]
    assert "autre@exemple.fr" in helene["emails"] and "+33102030405" in helene["phones"]
    # Annuler cet import: everything back as it was.
    undo_batch(result.batch_id, store)
    assert people() == before
    with pytest.raises(imports.UndoError):
        undo_batch(result.batch_id, store)


def test_same_email_matches(store):
    run_import(DATA / "vcard30.vcf", store)
    parsed = imports.read_text("Nom,E-mail\nQuelqu'un d'autre,GWEN@imprimerie-exemple.fr\n", "x.csv")
    plan = plan_for(parsed)
    assert plan.matches[0].match_label == "Gwenaëlle Le Bihan"
    assert "same email" in plan.matches[0].match_reason


def test_duplicates_inside_the_file_are_folded(store):
    # the same phone says it is one person with two addresses (a name alone with another address
    # does not: tests/core/test_import_namesakes.py)
    parsed = imports.read_text("Prénom;Nom;Courriel;Téléphone\nAnne;Durand;a@exemple.fr;0612345678\n"
                               "Anne;Durand;anne@exemple.fr;06 12 34 56 78\n", "d.csv")
    plan = plan_for(parsed)
    assert len(plan.creates) == 1 and plan.creates[0].contact.emails == ["a@exemple.fr", "anne@exemple.fr"]
    assert any("line 2" in w for w in plan.warnings)


def test_undo_removes_photos_and_created_organisations(store):
    result = run_import(DATA / "vcard21.vcf", store)
    photo = Path(result.photo_files[0])
    assert photo.exists()
    undo_batch(result.batch_id, store)
    assert not photo.exists()
    assert people() == {} and "EHPAD Les Glycines" not in organisations()


def test_failed_write_leaves_nothing(store, monkeypatch):
    parsed = read_file(DATA / "vcard21.vcf")
    plan = plan_for(parsed)
    from partnerdesk.services.imports import writer

    calls = {"n": 0}
    real = writer._Writer.person

    def boom(self, contact):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(self, contact)

    monkeypatch.setattr(writer._Writer, "person", boom)
    with pytest.raises(RuntimeError):
        apply_plan(plan, store)
    assert people() == {} and organisations() == {}
    assert list(store.photos_dir.iterdir()) == []
    assert database.execute_sql("SELECT count(*) FROM import_batch").fetchone()[0] == 0


@pytest.mark.parametrize("content, words", [
    (b"PK\x03\x04" + b"\x00" * 100, "spreadsheet"),
    (bytes(range(256)) * 20, "not a text file"),
    (b"", "empty"),
    (b"\xef\xbb\xbf", "empty"),
    (b"juste une ligne sans separateur\n", "separator"),
    (b"Nom;Email\n\x00\x00\x00", "not a text file"),
])
def test_bad_files_get_a_message(store, tmp_path, content, words):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=words):
        read_file(path)


def test_unterminated_quote_is_a_clean_result(store):
    parsed = imports.read_text('Nom;Email\nMartin;m@exemple.fr\n"Dupont;a@b.fr\n', "x.csv")
    assert parsed.contacts[0].last_name == "Martin"
    assert parsed.contacts[1].last_name == "Dupont;a@b.fr"  # the rest of the file, kept as text


def test_truncated_vcard(store, tmp_path):
    text = (DATA / "vcard30.vcf").read_text(encoding="utf-8")
    path = tmp_path / "cut.vcf"
    path.write_bytes(text.encode("utf-8")[: len(text.encode("utf-8")) - 60])
    parsed = read_file(path)
    assert len(parsed.contacts) == 2
    assert parsed.refused and "truncated" in parsed.refused[0].reason


def test_truncated_utf8_in_the_middle_of_a_character(store, tmp_path):
    path = tmp_path / "cut.csv"
    path.write_bytes("Nom;Prénom\nDurand;Hél".encode("utf-8") + "è".encode("utf-8")[:1])
    parsed = read_file(path)
    assert parsed.encoding == "utf-8" and parsed.contacts[0].first_name == "Hél"


def test_huge_photo_is_left_out(store, tmp_path, monkeypatch):
    from partnerdesk.services.imports import vcard

    monkeypatch.setattr(vcard, "MAX_PHOTO_BYTES", 1000)
    big = "A" * 4000
    path = tmp_path / "big.vcf"
    path.write_text(f"BEGIN:VCARD\nVERSION:3.0\nFN:Paul Gros\nPHOTO;ENCODING=b;TYPE=JPEG:{big}\nEND:VCARD\n")
    parsed = read_file(path)
    assert parsed.contacts[0].photo is None and "too large" in parsed.warnings[0]


def test_too_many_rows(store, monkeypatch):
    from partnerdesk.services.imports import csvfile

    monkeypatch.setattr(csvfile, "MAX_ROWS", 10)
    with pytest.raises(ImportFileError, match="more than"):
        imports.read_text("Nom;Email\n" + "x;y\n" * 11, "big.csv")


def test_french_messages(store, tmp_path):
    from partnerdesk import i18n

    i18n.set_language("fr")
    path = tmp_path / "x.csv"
    path.write_bytes(b"%PDF-1.7 \x00\x01")
    with pytest.raises(ImportFileError, match="fichier texte"):
        read_file(path)


def test_copy_of_sample_folder_is_clean(tmp_path):
    # the linked photo of vcard40.vcf is found relative to the file
    shutil.copytree(DATA, tmp_path / "samples")
    parsed = read_file(tmp_path / "samples" / "vcard40.vcf")
    assert parsed.contacts[1].photo is not None


def test_cancel_during_the_write_leaves_nothing(store):
    class Stop(Exception):
        pass

    text = "Nom;Prénom;Courriel\n" + "".join(f"Nom{i};Prénom{i};p{i}@exemple.fr\n" for i in range(600))
    plan = plan_for(imports.read_text(text, "long.csv"))
    calls = []

    def report(done, total):
        calls.append(done)
        if done >= 250:
            raise Stop()

    with pytest.raises(Stop):
        apply_plan(plan, store, report)
    assert calls and people() == {}
    assert database.execute_sql("SELECT count(*) FROM import_batch").fetchone()[0] == 0


def test_vcard_with_a_20_mb_photo(store, tmp_path):
    import base64
    import os
    import time

    blob = base64.b64encode(b"\xff\xd8\xff" + os.urandom(20 * 1024 * 1024)).decode()
    folded = "\r\n ".join(blob[i:i + 75] for i in range(0, len(blob), 75))
    path = tmp_path / "lourd.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Gros;Paul;;;\r\nFN:Paul Gros\r\nEMAIL:paul@exemple.fr\r\n"
                    f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nEND:VCARD\r\n")
    started = time.perf_counter()
    parsed = read_file(path)
    assert time.perf_counter() - started < 5
    assert parsed.contacts[0].photo is None and "too large" in parsed.warnings[0]
    apply_plan(plan_for(parsed), store)
    assert people()["Paul Gros"]["emails"] == ["paul@exemple.fr"]


def test_google_contacts_older_export(store):
    parsed = read_file(DATA / "google_ancien.csv")
    assert parsed.header_set == "google"
    apply_plan(plan_for(parsed), store)
    solene = people()["Solène Kervella"]
    assert solene["emails"] == ["solene.kervella@free.fr", "s.kervella@orange.fr", "solene@amicale-exemple.fr"]
    assert role_of(solene["id"]) == ("Amicale laïque de Noyal-sur-Vilaine", "Trésorière")
    assert {r[0] for r in database.execute_sql("SELECT name FROM tag")} == {"Bénévoles"}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_excel_unicode_text_utf16(store, tmp_path, encoding):
    """Excel's "Texte Unicode": UTF-16 (with or without BOM), tab-separated."""
    path = tmp_path / "excel.txt"
    path.write_bytes("Prénom\tNom\tCourriel\nNoémie\tLe Dû\tnoemie@exemple.fr\n".encode(encoding))
    parsed = read_file(path)
    assert parsed.delimiter == "\t"
    assert (parsed.contacts[0].first_name, parsed.contacts[0].last_name) == ("Noémie", "Le Dû")


def test_imported_cards_are_searchable_and_undo_removes_them_from_the_index(store):
    from partnerdesk.services import search

    result = run_import(DATA / "google.csv", store)
    helene = people()["Hélène Le Guérec"]["id"]
    assert search.person_ids("guerec") == [helene]
    undo_batch(result.batch_id, store)
    assert search.person_ids("guerec") == []


def test_excel_sep_line_and_mac_line_endings(store):
    parsed = imports.read_text("sep=,\rNom,Prénom,Courriel\rDurand,Anne,anne@exemple.fr\r\rMartin,Luc,luc@exemple.fr\r",
                               "mac.csv")
    assert parsed.delimiter == "," and parsed.headers == ["Nom", "Prénom", "Courriel"]
    assert [(c.line, c.last_name) for c in parsed.contacts] == [(3, "Durand"), (5, "Martin")]


def test_organisation_rows_with_tags_and_several_contacts(store):
    text = ("Structure;Courriel;Téléphone;Étiquettes;Remarques\n"
            "FabLab de Vitré;contact@fablab.fr ::: atelier@fablab.fr;02 99 00 00 01;makers, jeunesse;Ouvert le mercredi\n")
    result = apply_plan(plan_for(imports.read_text(text, "orgs.csv")), store)
    assert result.organisations_created == 1
    org = organisations()["FabLab de Vitré"]
    assert org["email"] == "contact@fablab.fr"
    notes = database.execute_sql("SELECT notes FROM organisation WHERE id = ?", (org["id"],)).fetchone()[0]
    assert "Ouvert le mercredi" in notes and "atelier@fablab.fr" in notes
    tags = {r[0] for r in database.execute_sql(
        "SELECT t.name FROM tag t JOIN organisation_tag ot ON ot.tag_id = t.id WHERE ot.organisation_id = ?",
        (org["id"],))}
    assert tags == {"makers", "jeunesse"}
    undo_batch(result.batch_id, store)
    assert database.execute_sql("SELECT count(*) FROM tag").fetchone()[0] == 0


def test_notes_above_the_header_are_skipped(store):
    """LinkedIn's Connections.csv starts with a few lines of notes."""
    text = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses are '
            'missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
            "Yannick,Le Goff,https://www.linkedin.com/in/ylg,yannick@exemple.fr,Mission locale,Conseiller,01 Feb 2025\n")
    parsed = imports.read_text(text, "Connections.csv")
    assert parsed.headers[0] == "First Name"
    contact = parsed.contacts[0]
    assert (contact.first_name, contact.emails, contact.organisation, contact.title) == (
        "Yannick", ["yannick@exemple.fr"], "Mission locale", "Conseiller")
    assert contact.line == 5


def test_an_import_that_writes_nothing_leaves_the_undo_to_the_one_before(store, tmp_path):
    """Seen: importing a header-only file after a real import took the « undo »: the real one
    could no longer be undone."""
    real = tmp_path / "real.csv"
    real.write_text("Prénom;Nom;Courriel\nZoé;Durand;zoe@exemple.fr\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("Prénom;Nom;Courriel\n", encoding="utf-8")
    first = imports.apply_plan(plan_for(read_file(real)), store)
    nothing = imports.apply_plan(plan_for(read_file(empty)), store)
    assert first.undoable and not nothing.undoable
    assert imports.last_batch()[0] == first.batch_id
    imports.undo_batch(first.batch_id, store)
    assert database.execute_sql("SELECT count(*) FROM person").fetchone()[0] == 0
