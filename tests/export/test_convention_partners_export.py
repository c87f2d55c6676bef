"""Conventions with one, two and three partners, exported and read back (pdftotext, odfpy)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from odf import teletype
from odf.opendocument import load
from odf.table import TableCell
from odf.text import P
from pypdf import PdfReader

from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import convention_output as output
from partnerdesk.services import conventions, partners, projects, settings
from partnerdesk.services.convention_templates import default_template

PARTNERS = (("Association Les Amis", "association", "l’Association Les Amis"),
            ("Mairie de Saint-Aubin", "service_municipal", "la Mairie de Saint-Aubin"),
            ("Café des Familles", "association", "le Café des Familles"))
PREAMBLE = {
    1: "L’Association Les Amis accompagne au quotidien",
    2: "L’Association Les Amis et la Mairie de Saint-Aubin accompagnent au quotidien",
    3: "L’Association Les Amis, la Mairie de Saint-Aubin et le Café des Familles accompagnent au quotidien",
}
PARTIES = {1: "les deux parties", 2: "les trois parties", 3: "les quatre parties"}


@pytest.fixture
def convention_with(store):
    settings.save_identity(EpnIdentity(name="Espace numérique de Saint-Aubin", address="2 rue de la Mairie",
                                       postcode="35000", city="Saint-Aubin", signatory_name="Marie Durand",
                                       signatory_title="Maire"))
    project = projects.create_project(ProjectData("Premiers clics", objectives="Rendre autonomes."))
    ids = [partners.create_organisation(OrganisationData(name, kind=kind)).id for name, kind, _form in PARTNERS]

    def make(count: int, language: str = "fr"):
        conv = conventions.create_convention(f"Convention à {count} partenaires", ids[:count],
                                             project_id=project.id, template=default_template(language))
        conv.start_date, conv.end_date, conv.signed_on = dt.date(2026, 1, 5), dt.date(2026, 6, 30), dt.date(2025,
                                                                                                             12, 15)
        conv.sessions_count, conv.people_count, conv.place = 10, 4, "EPN, 2 rue de la Mairie"
        for party in conv.content.parties[1:]:
            party.signatory, party.signatory_title = "Jean Dupont", "président"
        return conventions.save_convention(conv)

    return make


def _pdftotext(path) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1]  # one page per form feed, the last one closes the document


def _one_line(text: str) -> str:
    """The running text without the line breaks of the layout (two columns of signatures stay apart)."""
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("count", [1, 2, 3])
def test_every_partner_in_the_pdf(convention_with, tmp_path, count):
    conv = convention_with(count)
    path = output.export(conv.id, tmp_path / "convention.pdf")
    pages = _pdftotext(path)
    assert len(pages) == len(PdfReader(str(path)).pages)
    for n, page in enumerate(pages, 1):
        assert f"page {n} / {len(pages)}" in page
    text = _one_line("\n".join(pages))
    assert PREAMBLE[count] in text and f"; {PARTIES[count]} ont souhaité" in text
    named = PARTNERS[:count]
    parties_block = _one_line(pages[0].split("1. Préambule")[0])
    assert parties_block.count(" Et ") == count  # "Entre les soussignés … Et … Et …"
    for name, _kind, form in named:
        assert f"{name} " in parties_block and f"ci-après « {form} »" in parties_block
    signatures = [p for p in pages if "Signatures" in p and "Pour l’Espace" in p]
    assert len(signatures) == 1  # the signature blocks are kept together
    places = re.findall(r"Pour (l’Espace numérique de Saint-Aubin|l’Association Les Amis|la Mairie de "
                        r"Saint-Aubin|le Café des Familles)", signatures[0])
    assert len(places) == count + 1  # one place per party
    assert len(re.findall(r"Signature\b", signatures[0])) == count + 1  # and one box each
    headings = ("Engagements de l’Association Les Amis", "Engagements de la Mairie de Saint-Aubin",
                "Engagements du Café des Familles")[:count]
    for heading in headings:  # each party's commitments are not split from their heading
        page = next(p for p in pages if heading in p)
        assert "participer aux réunions de suivi" in page.split(heading, 1)[1], heading
    words = {1: "deux", 2: "trois", 3: "quatre"}[count]
    assert f"en {words} exemplaires originaux" in text
    assert ("bilan au partenaire ;" if count == 1 else "bilan aux partenaires ;") in text
    assert "{" not in text and "…………" not in text


@pytest.mark.parametrize("count", [1, 3])
def test_every_partner_in_the_odt(convention_with, tmp_path, count):
    conv = convention_with(count)
    odt = load(str(output.export(conv.id, tmp_path / "convention.odt")))
    paragraphs = [teletype.extractText(p) for p in odt.getElementsByType(P)]
    text = "\n".join(paragraphs).replace("\u00a0", " ")
    assert PREAMBLE[count] in text and PARTIES[count] in text
    assert paragraphs.count("Et") == count
    for name, _kind, form in PARTNERS[:count]:
        assert name in paragraphs and f"ci-après « {form} »" in text
    cells = [teletype.extractText(c) for c in odt.getElementsByType(TableCell)]
    signed = [c for c in cells if c.startswith("Pour ")]
    assert len(signed) == count + 1  # one box per party
    assert signed[-1].startswith(f"Pour {PARTNERS[count - 1][2]}")


FRENCH_LABELS = ("Entre les soussignés", "PROJET", "représenté", "ci-après", "Engagements", "Pour ", "Fait à")
ENGLISH_LABELS = ("Between the undersigned", "DRAFT", "represented by", "hereafter", "Commitments of", "For ",
                  "Signed in")


def test_an_english_convention_reads_back_in_english_only(convention_with, tmp_path):
    settings.set_(settings.DOCUMENT_LANGUAGE, "fr")  # the documents' language does not matter
    conv = convention_with(2, "en")
    pages = _pdftotext(output.export(conv.id, tmp_path / "agreement.pdf"))
    text = _one_line("\n".join(pages))
    for n, page in enumerate(pages, 1):
        assert f"page {n} / {len(pages)}" in page
    assert "Association Les Amis and Mairie de Saint-Aubin work every day" in text
    assert "the three parties have chosen" in text and "in three original copies" in text
    assert "between 5 January 2026 and 30 June 2026" in text
    for label in ENGLISH_LABELS:
        assert label in text, label
    for label in FRENCH_LABELS + ("accompagne", " le ", " et ", "parties ont"):
        assert label not in text, label
    odt = load(str(output.export(conv.id, tmp_path / "agreement.odt")))
    paragraphs = "\n".join(teletype.extractText(p) for p in odt.getElementsByType(P))
    assert "Association Les Amis and Mairie de Saint-Aubin work every day" in paragraphs
    assert "Between the undersigned" in paragraphs and "DRAFT — unsigned document" in paragraphs
    for label in FRENCH_LABELS:
        assert label not in paragraphs, label


def test_a_french_convention_reads_back_in_french_only_with_english_documents(convention_with, tmp_path):
    settings.set_(settings.DOCUMENT_LANGUAGE, "en")
    conv = convention_with(2)
    text = _one_line("\n".join(_pdftotext(output.export(conv.id, tmp_path / "convention.pdf"))))
    assert PREAMBLE[2] in text and "page 1 / " in text
    for label in FRENCH_LABELS:
        assert label in text, label
    for label in ENGLISH_LABELS:
        assert label not in text, label
    odt = load(str(output.export(conv.id, tmp_path / "convention.odt")))
    paragraphs = "\n".join(teletype.extractText(p) for p in odt.getElementsByType(P))
    assert "Entre les soussignés" in paragraphs and "Between" not in paragraphs
