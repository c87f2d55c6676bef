"""Contact files shaped like real software's (issue #19): every field of every card is on
the right record, in the notes with its name, or listed in the review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partnerdesk.services import org_logos, person_photos
from partnerdesk.services.imports import apply_plan, plan_for, read_file, undo_batch
from partnerdesk.store import database

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"


def person(name: str) -> dict:
    rows = database.execute_sql(
        "SELECT id, first_name, last_name, emails, phones, notes, addresses, websites, labels, title FROM person"
    ).fetchall()
    for r in rows:
        if f"{r[1]} {r[2]}".strip() == name:
            return dict(id=r[0], emails=json.loads(r[3]), phones=json.loads(r[4]), notes=r[5],
                        addresses=json.loads(r[6]), websites=json.loads(r[7]), labels=json.loads(r[8]), title=r[9])
    raise AssertionError(f"{name} not found among {[f'{r[1]} {r[2]}' for r in rows]}")


def organisation(name: str) -> dict:
    row = database.execute_sql("SELECT id, address, postcode, city, country, phone, email, website, notes, logo "
                               "FROM organisation WHERE name = ?", (name,)).fetchone()
    assert row is not None, name
    return dict(zip(("id", "address", "postcode", "city", "country", "phone", "email", "website", "notes", "logo"),
                    row))


def affiliation(person_id: int) -> list[tuple[str, str, str]]:
    return database.execute_sql(
        "SELECT o.name, a.role, a.department FROM affiliation a JOIN organisation o ON o.id = a.organisation_id "
        "WHERE a.person_id = ? ORDER BY a.id", (person_id,)).fetchall()


def count(table: str) -> int:
    return database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


def imported(name: str, store):
    parsed = read_file(DATA / name)
    assert parsed.confident, parsed.encoding_candidates
    plan = plan_for(parsed)
    result = apply_plan(plan, store)
    return parsed, plan, result


def test_vcard21_android_quoted_printable_charsets_and_broken_soft_breaks(store):
    parsed, plan, result = imported("vcard21_android.vcf", store)
    assert (result.people_created, result.organisations_created, result.photos) == (5, 2, 1)
    helene = person("Hélène Marie Le Guérec")  # the middle name kept after the first name
    assert helene["phones"] == ["+33611223344", "+33299123456", "+33299123457"]  # "+33 6 11..." twice: once
    assert helene["labels"]["+33299123457"] == {"kind": "fax"} and helene["labels"]["+33611223344"]["kind"] == "mobile"
    assert helene["labels"]["helene.lg@free.fr"] == {"kind": "home"}
    assert [(a["kind"], a["city"]) for a in helene["addresses"]] == [("home", "Rennes"), ("work", "Châteaugiron")]
    assert "Très partante pour les ateliers seniors, à rappeler en septembre.\nDeuxième ligne." in helene["notes"]
    assert "1978-04-12" in helene["notes"] and "Lili" in helene["notes"]  # birthday, Android nickname
    assert affiliation(helene["id"]) == [("Médiathèque Anne-Frank", "Bibliothécaire", "Secteur jeunesse")]
    media = organisation("Médiathèque Anne-Frank")  # the WORK address, never the home one
    assert (media["address"], media["city"]) == ("3 place de la Mairie", "Châteaugiron")
    assert person_photos.photo_path(store, helene["id"]) is not None
    jorg = person("Jörg Müller")  # ISO-8859-1 quoted-printable
    assert jorg["phones"] == ["+4917623384942", "+492219999123"]  # German numbers, from the address's country
    assert jorg["notes"] == "Partenaire du jumelage"  # the broken soft break did not swallow the EMAIL line
    assert jorg["emails"] == ["joerg.mueller@stadtbib-beispiel.de"]
    assert organisation("Stadtbibliothek Köln GmbH")["city"] == "Köln"
    zaza = person("Zaza")  # nickname only: a derived name, flagged
    assert zaza["phones"] == ["+33781234567"]
    assert person("Jean Baptiste Kerherve")["emails"] == ["jean-baptiste.kerherve@asso-exemple.fr"]
    assert any("nickname « Zaza »" in w for w in plan.warnings)
    assert any("derived from the email" in w for w in plan.warnings)
    yannick = person("Yannick Le Floc'h")  # N holds only the given name, FN says more
    assert yannick["title"] == "Bénévole"  # a job title without an organisation is kept
    assert any("Yannick Le Floc'h" in w and "damaged" in w for w in plan.warnings)  # dropped photo, with why


def test_vcard30_iphone_item_groups_types_and_photo_without_encoding(store):
    parsed, plan, result = imported("vcard30_iphone.vcf", store)
    francois = person("François Minh Nguyen")
    assert affiliation(francois["id"]) == [("IBM", "Chef de projet", "Accounting / Dungeon")]
    assert francois["labels"]["francois.nguyen@ibm-exemple.com"] == {"kind": "work"}  # X-ABLabel of item1
    assert francois["websites"] == ["https://www.ibm-exemple.com", "https://francois-nguyen.exemple.fr"]
    assert francois["phones"] == ["+33781234567", "+33123456789", "+33123456700"]  # same mobile twice: once
    assert francois["labels"]["+33123456789"] == {"kind": "work", "ext": "2212"}
    assert [a["kind"] for a in francois["addresses"]] == ["home", "work", "other"]
    assert francois["addresses"][1]["city"] == "Rennes"  # an ADR without a street is not overwritten
    for text in ("linkedin.com/in/fnguyen-exemple", "1985-06-03", "M."):
        assert text in francois["notes"]
    assert person_photos.photo_path(store, francois["id"]) is not None  # base64 without ENCODING
    ibm = organisation("IBM")  # the company card: the same organisation, with its logo
    assert count("organisation") == 1 and ibm["phone"] == "+33140000000"
    assert ibm["logo"] and org_logos.logo_path(store, ibm["id"]).is_file()
    anne = person("Anne Le Gall")
    assert anne["title"] == "Consultante indépendante" and anne["addresses"][0]["kind"] == "home"
    assert {r[0] for r in database.execute_sql("SELECT name FROM tag")} == {"Partenaires", "Entreprises"}


def test_vcard30_second_file_with_units_matches_the_same_organisation(store):
    from partnerdesk.services.imports import read_text

    apply_plan(plan_for(read_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Diaz\nN:Diaz;Ana;;;\nORG:IBM\nEND:VCARD\n",
                                  "gmail.vcf")), store)
    apply_plan(plan_for(read_file(DATA / "vcard30_iphone.vcf")), store)
    apply_plan(plan_for(read_text("BEGIN:VCARD\nVERSION:3.0\nFN:Bo Li\nN:Li;Bo;;;\nORG:I.B.M. Corp.;Sales\n"
                                  "END:VCARD\n", "x.vcf")), store)
    assert count("organisation") == 1  # units, case, punctuation and legal suffixes ignored


def test_vcard40_tel_uris_and_data_uris(store):
    parsed, plan, result = imported("vcard40_davx5.vcf", store)
    smith = person("Jennifer Smith")
    assert smith["phones"] == ["+12015550123", "+19055551234", "+14165550199"]
    assert smith["labels"]["+12015550123"] == {"kind": "work", "ext": "1234"}
    assert "Dr." in smith["notes"] and "PhD" in smith["notes"]
    assert person_photos.photo_path(store, smith["id"]) is not None
    assert affiliation(smith["id"]) == [("Maple Library Foundation Inc.", "Program Director", "")]
    fablab = organisation("Fablab des Landes")
    assert (fablab["phone"], fablab["city"]) == ("+33558001122", "Mont-de-Marsan") and fablab["logo"]
    undo_batch(result.batch_id, store)
    assert count("person") == count("organisation") == 0
    assert not any(store.logos_dir.glob("*.jpg"))  # the logo file goes with the undo


def test_owncloud_folds_cutting_utf8_characters(store):
    parsed, plan, result = imported("owncloud_folds.vcf", store)
    assert parsed.encoding == "utf-8"
    assert "accents: àâäéèêëîïôöùûüÿœæ" in person("Jörg Müller")["notes"]
    assert person("Ærøskøbing Åse Østergård-Søndergaard")["emails"] == ["ærøskøbing@owncloud-beispiel.de"]


def test_thunderbird_shift_jis_home_and_work(store):
    parsed, plan, result = imported("thunderbird_shiftjis.csv", store)
    assert parsed.encoding in ("shift_jis", "cp932") and parsed.header_set == "thunderbird"
    taro = person("太郎 山田")
    assert taro["phones"] == ["+81312345678", "+81459876543", "+819012345678"]  # Japan, from the addresses
    assert [(a["kind"], a["city"]) for a in taro["addresses"]] == [("home", "横浜市"), ("work", "千代田区")]
    assert taro["addresses"][1]["street"] == "丸の内2-7-2\nJPタワー"
    assert affiliation(taro["id"]) == [("株式会社サンプル", "営業部長", "国際営業部")]
    assert "たろう" in taro["notes"] and "1970" in taro["notes"]
    assert person("花子 佐藤")["phones"] == ["080-9876-5432"]  # no country known: kept as typed, said so
    assert any("080-9876-5432" in w and "kept as typed" in w for w in plan.warnings)


def test_thunderbird_home_and_work_columns(store):
    imported("thunderbird_maison_bureau.csv", store)
    aurelie = person("Aurélie Guérin")
    assert [a["kind"] for a in aurelie["addresses"]] == ["home", "work"]
    assert aurelie["addresses"][0]["street"] == "14 rue des Écoles\nAppartement 3"
    assert aurelie["websites"] == ["www.saint-aubin-exemple.fr", "aurelie-guerin.exemple.fr"]  # Web Page 2
    assert aurelie["labels"]["+33299370012"] == {"kind": "fax"}
    mairie = organisation("Mairie de Saint-Aubin-des-Prés")
    assert mairie["address"] == "2 rue de l'Hôtel-de-Ville"  # the work address, not "14 rue des Écoles"
    marc = person("Marc Le Roux")
    assert marc["title"] == "Photographe" and marc["addresses"][0]["city"] == "Cancale"
    assert count("organisation") == 1


def test_latin9_spreadsheet(store):
    parsed, plan, result = imported("tableur_latin9.csv", store)
    assert parsed.encoding == "iso8859_15"
    cecile = person("Cécile Bœuf")
    assert cecile["notes"] == "Cotisation 15 € réglée"
    assert person("Gaël Lœillet")["notes"] == "Œnologue amateur"
    assert organisation("Œuvre des Écoles")["city"] == "Rennes"


def test_google_additional_name_and_address_2(store):
    parsed, plan, result = imported("google_additional_address2.csv", store)
    jp = person("Jean Paul Marie Lefort")
    assert [(a["kind"], a["street"]) for a in jp["addresses"]] == [("home", "5 rue du Stade"),
                                                                  ("work", "1 place de la Mairie")]
    assert jp["phones"] == ["+33670809010", "+33299000001"]  # the same number twice, punctuated differently
    assert jp["labels"]["jp.lefort@free.fr"] == {"kind": "home"}
    assert affiliation(jp["id"]) == [("Amicale laïque de Noyal", "Trésorier", "Section informatique")]
    assert "Birthday : 1969-02-14" in jp["notes"] and "JP" in jp["notes"]
    assert organisation("Amicale laïque de Noyal")["address"] == "1 place de la Mairie"
    assert {r[0] for r in database.execute_sql("SELECT name FROM tag")} == {"Bénévoles"}
    lucie = person("Lucie Bernard")
    assert lucie["title"] == "Formatrice indépendante" and lucie["addresses"][0]["city"] == "Vitré"


def test_outlook_name_column(store):
    parsed, plan, result = imported("outlook_name.csv", store)
    assert parsed.header_set == "outlook_en" and (result.people_created, result.organisations_created) == (3, 2)
    pierre = person("Pierre Martin")
    assert pierre["emails"] == ["pierre.martin@exemple.fr"] and pierre["notes"] == "Rencontré au forum"
    assert [a["kind"] for a in pierre["addresses"]] == ["home", "work"]
    espace = organisation("Espace Jeunes de Rennes")
    assert espace["email"] == "" and espace["address"] == "1 avenue du Général-Leclerc"
    assert person("Sophie Durand")["phones"] == ["+33781223344"]
    assert affiliation(person("Karim Benali")["id"]) == [("Régie de quartier Maurepas", "Coordinateur", "")]


def test_truncated_last_row_formulas_and_nul_bytes(store):
    parsed, plan, result = imported("tronque.csv", store)
    assert not plan.refused and result.people_created == 3
    anne = person("Anne Morel")
    assert anne["notes"] == '=HYPERLINK("http://piege.exemple";"cliquez")'  # kept as text
    theo = person("Théo Nul")
    assert theo["notes"] == "Texte avec un octet nul"
    assert any("Line 2" in w and "formula" in w for w in plan.warnings)
    assert any("Line 3" in w and "NUL" in w for w in plan.warnings)
    assert any("Line 4" in w and "ends in the middle" in w for w in plan.warnings)
    assert "\x00" not in json.dumps(database.execute_sql("SELECT * FROM person").fetchall())


def test_import_summary_counts_people_and_organisations_exactly(store):
    from partnerdesk import i18n
    from partnerdesk.services.imports import read_text

    plan = plan_for(read_text("Nom;Prénom;Structure\nA;Anne;Org 1\nB;Bob;Org 2\nC;Cléo;Org 3\nD;Dan;Org 4\n",
                              "x.csv", recall=False))
    assert plan.summary().startswith("8 cards will be created: 4 people and 4 organisations.")
    i18n.set_language("fr")
    try:
        text = plan.summary()
        assert text.startswith("8 fiches vont être créées : 4 personnes et 4 organisations.") and "(s)" not in text
        one = plan_for(read_text("Nom;Prénom\nA;Anne\n", "y.csv", recall=False)).summary()
        assert one.startswith("1 fiche va être créée : 1 personne et 0 organisation.")
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("encoding", ["iso8859_15", "cp1252", "shift_jis", "utf-16", "utf-8"])
def test_encodings_come_out_right(store, tmp_path, encoding):
    names = {"shift_jis": ("山田", "太郎")}.get(encoding, ("Bœuf", "Hélène"))
    path = tmp_path / "x.csv"
    path.write_bytes(f"Nom;Prénom;Courriel\n{names[0]};{names[1]};a@exemple.fr\n".replace(
        "Prénom", "Prenom" if encoding == "shift_jis" else "Prénom").encode(encoding))
    parsed = read_file(path, recall=False)
    assert parsed.confident
    assert [(c.last_name, c.first_name) for c in parsed.contacts] == [names]


def test_not_confident_shows_candidates_and_the_choice_is_used(store, tmp_path):
    path = tmp_path / "pl.csv"
    path.write_bytes("Nom;Prénom\nWałęsa;Łucja\n".encode("cp1250"))
    parsed = read_file(path, recall=False)
    assert not parsed.confident and parsed.needs_encoding
    candidates = dict(parsed.encoding_candidates)
    assert "cp1250" in candidates and candidates["cp1250"] == ["Wałęsa;Łucja"]
    chosen = read_file(path, recall=False, encoding="cp1250")
    assert chosen.confident and chosen.contacts[0].last_name == "Wałęsa"


def test_decompression_bomb_photo_is_listed_with_its_reason(store, tmp_path):
    import base64
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")  # 100 megapixels in a few kilobytes
    payload = base64.b64encode(buffer.getvalue()).decode()
    path = tmp_path / "bombe.vcf"
    path.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bombe;Léo;;;\r\nFN:Léo Bombe\r\nPHOTO;TYPE=PNG:{payload}\r\n"
                    "END:VCARD\r\n", encoding="utf-8")
    parsed = read_file(path)
    plan = plan_for(parsed)
    assert parsed.contacts[0].photo is None
    assert any("Léo Bombe" in w and "too large" in w for w in plan.warnings)
    result = apply_plan(plan, store)
    assert result.people_created == 1 and result.photos == 0


def test_a_photo_refused_at_write_time_is_listed(store, monkeypatch):
    from partnerdesk.services import photos
    from partnerdesk.services.imports import result_text

    def refuse(*_args, **_kwargs):
        raise photos.PhotoError(photos.DAMAGED)

    monkeypatch.setattr(person_photos, "save_imported", refuse)
    result = apply_plan(plan_for(read_file(DATA / "vcard30_iphone.vcf")), store)
    assert result.photos == 0 and len(result.left_out) == 1
    assert "François Minh Nguyen" in result.left_out[0] and "damaged" in result.left_out[0]
    assert result.left_out[0] in result_text(result)


def test_cli_asks_for_the_encoding_when_not_sure(tmp_path, capsys):
    from partnerdesk.cli import main

    path = tmp_path / "pl.csv"
    path.write_bytes("Nom;Prénom;Courriel\nWałęsa;Łucja;l@exemple.pl\n".encode("cp1250"))
    folder = str(tmp_path / "data")
    assert main(["--data-dir", folder, "import", str(path)]) == 1
    assert "--encoding cp1250: Wałęsa;Łucja" in capsys.readouterr().err
    assert main(["--data-dir", folder, "import", "--encoding", "cp1250", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 card will be created: 1 person and 0 organisation" in out and "Import done: 1 person" in out


def test_address_book_groups_are_not_tags(store):
    from partnerdesk.services.imports import read_text

    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Roux;Lou;;;\r\nFN:Lou Roux\r\nCATEGORIES:My Contacts,Bénévoles,"
            "Starred in Android\r\nTEL;TYPE=FAX:02 99 00 00 09\r\nEND:VCARD\r\n")
    plan = plan_for(read_text(text, "android.vcf"))
    contact = plan.rows[0].contact
    assert contact.tags == ["Bénévoles"]
    assert contact.phones == ["+33299000009"] and contact.labels["+33299000009"] == {"kind": "fax"}


def test_an_organisation_keeps_a_phone_its_card_accepts(store):
    from partnerdesk.services import partners
    from partnerdesk.services.imports import read_text

    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Radio Campus\r\nORG:Radio Campus\r\nTEL:555-1234\r\n"
            "TEL:02 99 14 00 00\r\nEND:VCARD\r\n")
    apply_plan(plan_for(read_text(text, "radio.vcf")), store)
    radio = organisation("Radio Campus")
    assert radio["phone"] == "+33299140000" and "555-1234" in radio["notes"]
    partners.update_organisation(partners.get_organisation(radio["id"]))  # still savable


def test_company_card_without_org_is_an_organisation(store):
    from partnerdesk.services.imports import read_text

    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Boulangerie Dupont\r\nX-ABShowAs:COMPANY\r\n"
            "TEL;TYPE=WORK:02 99 00 00 10\r\nGEO:48.11;-1.68\r\nEND:VCARD\r\n")
    result = apply_plan(plan_for(read_text(text, "mac.vcf")), store)
    assert (result.people_created, result.organisations_created) == (0, 1)
    bakery = organisation("Boulangerie Dupont")
    assert bakery["phone"] == "+33299000010" and "48.11;-1.68" in bakery["notes"]
