"""A signed convention is a legal document: its text is frozen at signature."""

import datetime as dt

import pytest
from odf import teletype
from odf.opendocument import load
from odf.text import P
from pypdf import PdfReader

from partnerdesk.domain.conventions import CircuitStep
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import convention_output as output
from partnerdesk.services import conventions, partners, settings
from tests.conventions_helpers import make_convention


def _text(path):
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _odt_text(path):
    return "\n".join(teletype.extractText(p) for p in load(str(path)).getElementsByType(P))


def _sign(conv):
    conventions.set_steps(conv.id, [CircuitStep("Direction", status="valide")])
    conventions.set_status(conv.id, "en_validation")
    return conventions.set_status(conv.id, "signee")


def test_a_signed_convention_prints_the_same_text_whatever_changed_since(store, tmp_path):
    conv = make_convention(kinds=("association",))
    draft = _text(output.export(conv.id, tmp_path / "draft.pdf"))
    assert "PROJET — document non signé" in draft
    conv = _sign(conv)
    before = _text(output.export(conv.id, tmp_path / "signed.pdf"))
    before_odt = _odt_text(output.export(conv.id, tmp_path / "signed.odt"))
    assert "PROJET" not in before and "PROJET" not in before_odt
    assert "EPN de Saint-Aubin" in before and "Fait à Saint-Aubin-des-Prés, le 15 décembre 2025" in before
    # everything the text was merged from changes afterwards
    settings.save_identity(EpnIdentity(name="Médiathèque Numérique de Rennes", address="9 quai Duguay-Trouin",
                                       postcode="35000", city="Rennes", signatory_name="Paul Neuf",
                                       signatory_title="Directeur"))
    org_id = conv.content.parties[1].organisation_id
    partners.update_organisation(OrganisationData(**{**partners.get_organisation(org_id).__dict__,
                                                     "name": "Nouveau nom SARL"}))
    with pytest.raises(conventions.SignedDateLocked):  # the signing date itself is locked once signed
        conventions.set_dates(conv.id, signed_on=dt.date(2026, 3, 3))
    conventions.set_dates(conv.id, end_date=dt.date(2026, 3, 3))
    after = _text(output.export(conv.id, tmp_path / "again.pdf"))
    after_odt = _odt_text(output.export(conv.id, tmp_path / "again.odt"))

    def body(text):  # the page header and footer show the EPN of today; the contract's text does not
        return [line for line in text.splitlines() if "Rennes" not in line and "Saint-Aubin · " not in line
                and "02 99" not in line and not line.startswith("EPN de Saint-Aubin")]

    assert body(after) == body(before)
    assert after_odt == before_odt
    for changed in ("Médiathèque Numérique", "Nouveau nom SARL", "Paul Neuf"):
        assert changed not in after.replace("Médiathèque Numérique de Rennes ·", "")


def test_an_amendment_is_merged_again_and_frozen_at_its_own_signature(store, tmp_path):
    conv = _sign(make_convention(kinds=("association",)))
    settings.save_identity(EpnIdentity(name="EPN de Rennes", city="Rennes", signatory_name="Paul Neuf"))
    conv = conventions.start_amendment(conv.id, "nouvelle durée")
    draft = _text(output.export(conv.id, tmp_path / "amendment.pdf", accept_blanks=True))
    assert "PROJET — document non signé" in draft and "ci-après « l’EPN de Rennes »" in draft
    assert "EPN de Saint-Aubin" not in draft  # the parties block follows the identity like the text
    conventions.set_dates(conv.id, signed_on=dt.date(2026, 4, 1))
    conv = _sign(conventions.get_convention(conv.id))
    signed = _text(output.export(conv.id, tmp_path / "amendment-signed.pdf"))
    assert "PROJET" not in signed and "ci-après « l’EPN de Rennes »" in signed


def test_a_convention_signed_before_texts_were_kept_is_kept_as_first_printed(store, tmp_path):
    """Signed before migration 0008 (or marked signed by the demo): no text was frozen. The text
    printed the first time is kept from then on, whatever changes afterwards."""
    from partnerdesk.store.models import Convention, ConventionFrozen

    conv = make_convention(kinds=("association",))
    conventions.set_steps(conv.id, [CircuitStep("Direction", status="valide")])
    Convention.update(status="signee").where(Convention.id == conv.id).execute()  # as an older version did
    assert not ConventionFrozen.select().where(ConventionFrozen.convention == conv.id).exists()
    first = _text(output.export(conv.id, tmp_path / "first.pdf"))
    assert "PROJET" not in first and "Pour l’EPN de Saint-Aubin" in first
    settings.save_identity(EpnIdentity(name="Médiathèque Numérique de Rennes", city="Rennes",
                                       signatory_name="Paul Neuf"))
    org_id = conv.content.parties[1].organisation_id
    partners.update_organisation(OrganisationData(**{**partners.get_organisation(org_id).__dict__,
                                                     "name": "Nouveau nom SARL"}))
    again = _text(output.export(conv.id, tmp_path / "again.pdf"))
    assert "Pour l’EPN de Saint-Aubin" in again
    for changed in ("Nouveau nom SARL", "Paul Neuf", "Pour la Médiathèque"):
        assert changed not in again
