"""Hostile conventions: ten partners, names that test the grammar, the page breaks of the signatures."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import convention_output as output
from partnerdesk.services import conventions, partners, projects, settings
from partnerdesk.services.convention_templates import default_template

TEN = (("Hôtel de ville de Rennes", "service_municipal"), ("Halle aux grains", "association"),
       ("Hameau des Lilas", "association"), ("La Poste", "entreprise"), ("Les Amis du Quartier", "association"),
       ("L'Atelier", "association"), ("Orange", "entreprise"), ("Dupont & Fils <SARL>", "entreprise"),
       ("Université Rennes 2", "etablissement_scolaire"), ("Emmaüs", "association"))


def _pdftotext(path) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture
def ten_partners(store):
    settings.save_identity(EpnIdentity(name="Espace numérique de Saint-Aubin", address="2 rue de la Mairie",
                                       postcode="35000", city="Saint-Aubin", signatory_name="Marie Durand",
                                       signatory_title="Maire"))
    project = projects.create_project(ProjectData("Premiers clics", objectives="Rendre autonomes."))
    ids = [partners.create_organisation(OrganisationData(name, kind=kind)).id for name, kind in TEN]
    conv = conventions.create_convention("Convention à dix partenaires", ids, project_id=project.id,
                                         template=default_template("fr"))
    conv.start_date, conv.end_date, conv.signed_on = dt.date(2026, 1, 5), dt.date(2026, 6, 30), dt.date(2025, 12, 1)
    conv.sessions_count, conv.people_count, conv.place = 10, 4, "EPN"
    for party in conv.content.parties[1:]:
        party.signatory, party.signatory_title = "Jean Dupont", "président"
    return conventions.save_convention(conv)


def test_each_signature_box_is_on_the_page_of_its_party(ten_partners, tmp_path):
    pages = _pdftotext(output.export(ten_partners.id, tmp_path / "convention.pdf"))
    first = next(i for i, p in enumerate(pages) if "9. Signatures" in p)
    signing = [pages[first].split("9. Signatures", 1)[1], *pages[first + 1:]]
    assert sum(len(re.findall(r"Pour (?!chaque)", p)) for p in signing) == 11
    for page in signing:
        places = re.findall(r"Pour (?!chaque)", page)
        boxes = re.findall(r"Signature(?!s)", page)
        assert len(places) == len(boxes), page  # never "Pour X" on one page and its box on the next
        assert len(re.findall(r"Jean Dupont, président|Marie Durand, Maire", page)) == len(boxes), page
    assert "en onze exemplaires originaux" in signing[0]
    # the article's heading and its sentence are not left alone at the foot of a page
    assert "Pour l’Espace numérique de Saint-Aubin" in signing[0].split("Fait à Saint-Aubin", 1)[1]


def test_names_are_written_as_the_text_writes_them(ten_partners, tmp_path):
    text = " ".join("\n".join(_pdftotext(output.export(ten_partners.id, tmp_path / "convention.pdf"))).split())
    assert "L’Atelier s’engage" in text  # the body: typographic apostrophe
    assert "ci-après « L’Atelier »" in text and "Pour L’Atelier" in text  # and the parties and signatures too
    assert "ci-après « le Hameau des Lilas »" in text and "Engagements du Hameau des Lilas" in text
    assert "ci-après « la Halle aux grains »" in text and "ci-après « l’Hôtel de ville de Rennes »" in text
    assert "Engagements des Amis du Quartier" in text and "Les Amis du Quartier représentés par" in text


def _document(parties: int):
    from partnerdesk.domain.convention_document import ConventionDocument, DocParty, DocSection
    from partnerdesk.domain.rich_text import parse_blocks

    people = [DocParty("Espace numérique", signatory="Marie Durand", is_epn=True)]
    people += [DocParty(f"Partenaire {n}", signatory="Jean Dupont") for n in range(1, parties)]
    text = DocSection(1, "Objet", parse_blocks("<p>Une action commune.</p>"))
    signatures = DocSection(2, "Signatures", parse_blocks("<p>Fait à Saint-Aubin.</p>"), signatures=True)
    labels = {"between": "Entre", "and": "Et", "represented_by": "représenté par {name}, {title}",
              "hereafter": "ci-après « {name} »", "page": "page {page} / {pages}", "signature": "Signature",
              "for": "Pour {name}", "kind": "Convention"}
    return ConventionDocument("Convention courte", "", "Version 1", EpnIdentity(name="Espace numérique"), people,
                              [text, signatures], labels)


@pytest.mark.parametrize("parties", [2, 4])
def test_signatures_that_fit_stay_on_the_page_of_the_last_article(parties):
    from partnerdesk.export.convention import ConventionPdf

    pdf = ConventionPdf(_document(parties))
    pdf.render()
    assert len(pdf.page_fill) == 1  # a short convention is one page: the signatures do not start a new one


def test_the_odt_keeps_each_row_of_signatures_on_one_page(ten_partners, tmp_path):
    from odf.opendocument import load
    from odf.style import Style, TableRowProperties
    from odf.table import TableRow

    odt = load(str(output.export(ten_partners.id, tmp_path / "convention.odt")))
    kept = {s.getAttribute("name") for s in odt.automaticstyles.getElementsByType(Style)
            if any(p.getAttribute("keeptogether") == "always" for p in s.getElementsByType(TableRowProperties))}
    rows = odt.text.getElementsByType(TableRow)
    assert len(rows) == 6  # two parties a row
    assert all(row.getAttribute("stylename") in kept for row in rows)  # a word processor never splits a box
