"""The trombinoscope PDF: names, roles, organisations, EPN header, consent respected."""

import datetime as dt
import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from partnerdesk.domain.consent import Consent
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import consent, partners, photos, settings, trombinoscope
from partnerdesk.services.trombinoscope import GridFilter
from tests.core.images import jpeg_bytes


@pytest.fixture
def people(store):
    settings.save_identity(EpnIdentity(name="EPN de Saint-Aubin", address="2 place de la Mairie",
                                       postcode="35000", city="Saint-Aubin", email="epn@saint-aubin.fr"))
    org = partners.create_organisation(OrganisationData("Dupont & Fils <SARL>"))
    other = partners.create_organisation(OrganisationData("Médiathèque"))
    ids = {}
    for key, (first, last, scopes) in {
        "partners": ("Hélène", "Abgrall", ["interne", "partenaires"]),
        "internal": ("Bruno", "Bellec", ["interne"]),
        "none": ("Chloé", "Cadiou", None),
    }.items():
        person = partners.create_person(PersonData(last, first), org.id, "Chargée d'accueil")
        photos.set_photo_from_bytes(store, person.id, jpeg_bytes(width=300, height=400, colour=(len(key) * 30, 80, 80)))
        if scopes:
            consent.save_consent(person.id, Consent(True, dt.date(2026, 2, 1), scopes))
        ids[key] = person.id
    partners.create_person(PersonData("Durand", "Denis"), other.id, "Bibliothécaire")
    return org.id


def test_text_header_and_escaping(store, people):
    reader = PdfReader(io.BytesIO(trombinoscope.export_pdf(store)))
    text = reader.pages[0].extract_text()
    for expected in ("EPN de Saint-Aubin", "Trombinoscope", "Hélène Abgrall", "Chloé Cadiou", "Denis Durand",
                     "Chargée d'accueil", "Dupont & Fils <SARL>", "Bibliothécaire", "35000 Saint-Aubin"):
        assert expected in text


def test_only_photos_with_consent_for_partners(store, people):
    reader = PdfReader(io.BytesIO(trombinoscope.export_pdf(store)))
    assert len(reader.pages[0].images) == 1  # Hélène only: the others show initials
    assert "BB" in reader.pages[0].extract_text() and "CC" in reader.pages[0].extract_text()


def test_filtered_and_many_pages(store, people):
    reader = PdfReader(io.BytesIO(trombinoscope.export_pdf(store, GridFilter(organisation_id=people))))
    assert "Denis Durand" not in reader.pages[0].extract_text()
    for n in range(40):
        partners.create_person(PersonData(f"Nom{n:02d}", "Prénom"))
    reader = PdfReader(io.BytesIO(trombinoscope.export_pdf(store)))
    total = len(reader.pages)
    assert total >= 2 and f"2 / {total}" in reader.pages[1].extract_text()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils missing")
def test_renders(store, people, tmp_path):
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(trombinoscope.export_pdf(store))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
    assert list(tmp_path.glob("page*.png"))
