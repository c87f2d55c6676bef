"""PartnerDesk's own lists (people, organisations; CSV, English or French) read back by its
importer lose no e-mail, phone, website or address."""

from __future__ import annotations

import json

import pytest

from partnerdesk import i18n
from partnerdesk.domain.contact_points import Address
from partnerdesk.paths import DataPaths
from partnerdesk.services import data, demo, imports
from partnerdesk.services.exports import files
from partnerdesk.store import database


def _people_figures() -> dict:
    rows = database.execute_sql("SELECT emails, phones, websites, addresses FROM person").fetchall()
    return {"people": len(rows), **{name: sum(len(json.loads(r[i] or "[]")) for r in rows)
                                    for i, name in enumerate(("emails", "phones", "websites", "addresses"))}}


def _org_figures() -> dict:
    rows = database.execute_sql("SELECT email, phone, website, address, city FROM organisation").fetchall()
    return {"organisations": len(rows), **{name: sum(1 for r in rows if r[i])
                                           for i, name in enumerate(("email", "phone", "website", "address", "city"))}}


def _enrich() -> None:
    places = [Address("home", "Bât. A\n12 rue de la Paix", "35000", "Rennes", "", "France").as_dict(),
              Address("work", "3 place de la Mairie", "35510", "Cesson-Sévigné").as_dict(),
              Address("other", "Lieu-dit Kerbrat").as_dict()]
    for n, (pid, phones) in enumerate(database.execute_sql("SELECT id, phones FROM person LIMIT 6").fetchall()):
        phone = json.loads(phones)[0]
        database.execute_sql(
            "UPDATE person SET addresses = ?, websites = ?, labels = ? WHERE id = ?",
            (json.dumps(places[:n % 3 + 1]), json.dumps([f"https://exemple.fr/{n}", f"https://site{n}.fr"]),
             json.dumps({phone: {"kind": "work", "ext": "12"}}), pid))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", ["people", "organisations"])
def test_an_exported_list_imports_back_whole(kind, lang, paths, tmp_path):
    i18n.set_language(lang)
    data.open_data(paths, daily_backup=False)
    demo.fill("small")
    _enrich()  # the demo's people have no address or website
    figures = _people_figures if kind == "people" else _org_figures
    before = figures()
    target = tmp_path / f"{kind}.csv"
    files.export(kind, "csv", target, paths)
    data.close_data()

    other = DataPaths(tmp_path / "other").ensure()
    data.open_data(other, daily_backup=False)
    try:
        parsed = imports.read_file(target)
        assert parsed.header_set == "partnerdesk"
        imports.apply_plan(imports.plan_for(parsed), other)
        assert figures() == before
        if kind == "people":  # kinds and extensions too
            labels = [json.loads(r[0]) for r in database.execute_sql("SELECT labels FROM person")]
            assert sum(1 for la in labels for v in la.values() if v == {"kind": "work", "ext": "12"}) == 6
    finally:
        data.close_data()


def test_a_one_line_address_reads_back_into_its_parts():
    address = Address("home", "Bât. A\n12 rue de la Paix", "35000", "Rennes", "Bretagne", "France")
    assert Address.from_line("home", address.one_line()) == address
    assert Address.from_line("other", "Lieu-dit Kerbrat") == Address("other", "Lieu-dit Kerbrat")
