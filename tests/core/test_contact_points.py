"""A person's addresses, websites, occupation, phone kinds and extensions, an affiliation's
department and an organisation's logo (migration 0010): cards, merges, exports, archive."""

from __future__ import annotations

import json
import zipfile

import pytest

from partnerdesk.domain.contact_points import Address, describe, parse_described
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.validation import ValidationError
from partnerdesk.paths import DataPaths
from partnerdesk.services import archive, data, imports, merge, org_logos, partners, photos
from partnerdesk.services.exports import selection, vcard
from partnerdesk.store import database

from tests.core.test_imports_real import DATA, count, person


def _import(name: str, store):
    return imports.apply_plan(imports.plan_for(imports.read_file(DATA / name)), store)


def test_described_values_round_trip():
    for value, label in [("+33123456789", {"kind": "work", "ext": "2212"}), ("06 12 34 56 78", {}),
                         ("a@exemple.fr", {"kind": "home"}), ("+4917623384942", {"kind": "mobile"})]:
        assert parse_described(describe(value, label)) == (value, label)
    french = {"work": "travail", "ext.": "poste"}.get
    assert parse_described("01 23 45 67 89 poste 12 (travail)", lambda s: french(s, s)) == \
        ("01 23 45 67 89", {"kind": "work", "ext": "12"})
    assert parse_described("01 23 (n'importe)") == ("01 23 (n'importe)", {})  # fails validation, visibly


def test_person_card_fields_round_trip_and_foreign_numbers_stay_savable(store):
    data = PersonData(last_name="Müller", first_name="Jörg", phones=["+4917623384942", "+33299001122"],
                      labels={"+33299001122": {"kind": "work", "ext": "12"}, "gone": {"kind": "home"}},
                      websites=["https://exemple.fr"], title="Traducteur",
                      addresses=[Address("home", "12 rue des Lilas", "35000", "Rennes", "", "France"), Address()])
    saved = partners.create_person(data)
    again = partners.get_person(saved.id)
    assert again.labels == {"+33299001122": {"kind": "work", "ext": "12"}}  # labels of absent values dropped
    assert again.addresses == [Address("home", "12 rue des Lilas", "35000", "Rennes", "", "France")]
    assert (again.websites, again.title) == (["https://exemple.fr"], "Traducteur")
    # an imported number kept as typed does not stop the card from being saved; a new bad one does
    database.execute_sql("UPDATE person SET phones = ? WHERE id = ?", (json.dumps(["905-555-1234"]), saved.id))
    card = partners.get_person(saved.id)
    card.notes = "modifié"
    partners.update_person(card)
    card.phones.append("12")
    with pytest.raises(ValidationError):
        partners.update_person(card)


def test_affiliation_department_editable(store):
    _import("vcard30_iphone.vcf", store)
    francois = person("François Minh Nguyen")
    aff = partners.affiliations_of(francois["id"])[0]
    assert aff.department == "Accounting / Dungeon"
    partners.update_affiliation(aff.id, aff.role, aff.start_date, aff.end_date, "Comptabilité")
    assert partners.affiliations_of(francois["id"])[0].department == "Comptabilité"
    partners.update_affiliation(aff.id, "Directeur", aff.start_date, aff.end_date)  # department untouched
    assert partners.affiliations_of(francois["id"])[0].department == "Comptabilité"


def test_merging_two_people_unites_addresses_websites_and_kinds(store):
    a = partners.create_person(PersonData(last_name="Martin", first_name="Léa", phones=["+33612345678"],
                                          labels={"+33612345678": {"kind": "mobile"}},
                                          addresses=[Address("home", "1 rue A", "35000", "Rennes")]))
    b = partners.create_person(PersonData(last_name="Martin", first_name="Lea", websites=["https://lea.exemple.fr"],
                                          phones=["+33299001122"], labels={"+33299001122": {"kind": "work"}},
                                          title="Graphiste",
                                          addresses=[Address("home", "1 rue A", "35000", "Rennes"),
                                                     Address("work", "2 rue B", "35000", "Rennes")]))
    database.execute_sql("UPDATE person SET phones = ? WHERE id = ?",
                         (json.dumps(["+33299001122", "905-555-1234"]), b.id))  # imported, kept as typed
    kept = merge.merge_people(a.id, b.id)
    assert [x.kind for x in kept.addresses] == ["home", "work"]
    assert kept.websites == ["https://lea.exemple.fr"] and kept.title == "Graphiste"
    assert kept.phones == ["+33612345678", "+33299001122", "905-555-1234"]
    assert kept.labels == {"+33612345678": {"kind": "mobile"}, "+33299001122": {"kind": "work"}}


def test_merging_organisations_keeps_a_logo(store, tmp_path):
    _import("vcard40_davx5.vcf", store)
    fablab = partners.get_organisation(database.execute_sql(
        "SELECT id FROM organisation WHERE name = 'Fablab des Landes'").fetchone()[0])
    other = partners.create_organisation(OrganisationData(name="FabLab des Landes (ancien)"))
    kept = merge.merge_organisations(other.id, fablab.id)
    assert kept.logo == fablab.logo and org_logos.logo_path(store, other.id).is_file()


def test_logo_refused_with_the_photo_pipeline_message(store, tmp_path):
    org = partners.create_organisation(OrganisationData(name="Asso"))
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(photos.PhotoError):
        org_logos.set_logo_from_file(store, org.id, bad)
    assert partners.get_organisation(org.id).logo == ""


def test_vcard_export_writes_the_fields_back(store):
    _import("vcard30_iphone.vcf", store)
    _import("vcard21_android.vcf", store)
    text = vcard.vcards(selection.people(), store)
    database.execute_sql("DELETE FROM affiliation")
    database.execute_sql("DELETE FROM person")
    database.execute_sql("DELETE FROM organisation")
    imports.apply_plan(imports.plan_for(imports.read_bytes(text, "export.vcf")), store)
    francois = person("François Minh Nguyen")
    assert francois["labels"]["+33123456789"] == {"kind": "work", "ext": "2212"}
    assert francois["labels"]["+33123456700"] == {"kind": "fax"}
    assert [a["kind"] for a in francois["addresses"]] == ["home", "work", "other"]
    assert francois["websites"] == ["https://www.ibm-exemple.com", "https://francois-nguyen.exemple.fr"]
    department = database.execute_sql("SELECT department FROM affiliation WHERE person_id = ?",
                                      (francois["id"],)).fetchone()[0]
    assert department == "Accounting / Dungeon"
    assert person("Anne Le Gall")["title"] == "Consultante indépendante"
    assert person("Jörg Müller")["phones"] == ["+4917623384942", "+492219999123"]


def test_csv_export_rows_hold_the_new_fields(store):
    _import("thunderbird_maison_bureau.csv", store)
    headers = selection.people_headers()
    rows = {r[1]: dict(zip(headers, r)) for r in selection.people_rows()}
    aurelie = rows["Guérin"]
    assert aurelie["Department"] == "Action sociale"
    assert "+33299370012 (fax)" in aurelie["Phones"]
    assert aurelie["Home address"].startswith("14 rue des Écoles, Appartement 3, 35410")
    assert aurelie["Work address"].startswith("2 rue de l'Hôtel-de-Ville")
    assert rows["Le Roux"]["Occupation"] == "Photographe"


def test_archive_round_trips_the_new_fields_and_logos(tmp_path):
    source = DataPaths(tmp_path / "source").ensure()
    data.open_data(source, daily_backup=False)
    try:
        imports.apply_plan(imports.plan_for(imports.read_file(DATA / "vcard30_iphone.vcf")), source)
        before = database.execute_sql("SELECT addresses, websites, labels, title FROM person ORDER BY id").fetchall()
        logo = database.execute_sql("SELECT logo FROM organisation").fetchone()[0]
        assert logo
        archive.export_all(source, tmp_path / "all.zip")
    finally:
        data.close_data()
    with zipfile.ZipFile(tmp_path / "all.zip") as z:
        assert f"files/logos/{logo}" in z.namelist()
    restored = DataPaths(tmp_path / "restored").ensure()
    data.open_data(restored, daily_backup=False)
    try:
        archive.import_all(restored, tmp_path / "all.zip")
        after = database.execute_sql("SELECT addresses, websites, labels, title FROM person ORDER BY id").fetchall()
        assert after == before
        assert count("affiliation") == 1 and org_logos.logo_path(restored, 1).is_file()
        assert database.execute_sql("SELECT department FROM affiliation").fetchone()[0] == "Accounting / Dungeon"
    finally:
        data.close_data()


def test_an_orphan_logo_is_a_leftover(store):
    from partnerdesk.services import leftovers

    _import("vcard40_davx5.vcf", store)
    used = database.execute_sql("SELECT logo FROM organisation WHERE logo <> ''").fetchone()[0]
    orphan = store.logos_dir / "0123456789abcdef.jpg"
    orphan.write_bytes(b"\xff\xd8\xff")
    assert leftovers.orphan_files(store) == [orphan]
    assert leftovers.clean(store, grace=0) == [orphan] and (store.logos_dir / used).is_file()
