"""The consent gate: a photo without consent for a use is never used for it."""

import datetime as dt

import pytest

from partnerdesk.domain.consent import Consent, ConsentScope, may_use, missing_items
from partnerdesk.domain.partners import PersonData
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import consent, partners, photos, trombinoscope
from tests.core.images import jpeg_bytes

ALL = [s.value for s in ConsentScope]


def test_may_use_needs_a_photo_and_a_consent_covering_the_use():
    assert may_use("a.jpg", Consent(True, None, ALL), ConsentScope.PARTENAIRES)
    assert not may_use(None, Consent(True, None, ALL), ConsentScope.INTERNE)
    assert not may_use("a.jpg", None, ConsentScope.INTERNE)
    assert not may_use("a.jpg", Consent(False, None, ALL), ConsentScope.INTERNE)
    assert not may_use("a.jpg", Consent(True, None, ["interne"]), ConsentScope.PARTENAIRES)
    assert not may_use("a.jpg", Consent(True, None, ["interne"]), ConsentScope.PUBLICATION)


def test_missing_items():
    assert missing_items([], [""], None, None) == ["email", "phone", "photo"]
    assert missing_items(["a@b.fr"], ["0102030405"], "x.jpg", None) == ["consent"]
    assert missing_items(["a@b.fr"], ["0102030405"], "x.jpg", Consent(False)) == ["consent"]
    assert missing_items(["a@b.fr"], ["0102030405"], "x.jpg", Consent(True, None, ["interne"])) == []


def _person_with_photo(paths, name="Durand"):
    person = partners.create_person(PersonData(last_name=name, first_name="Hélène"))
    photos.set_photo_from_bytes(paths, person.id, jpeg_bytes(colour=(len(name) * 20 % 255, 90, 40)))
    return person.id


def test_gate_in_services(store):
    internal_only = _person_with_photo(store, "Interne")
    everything = _person_with_photo(store, "Partout")
    refused = _person_with_photo(store, "Refus")
    unknown = _person_with_photo(store, "Inconnu")
    consent.save_consent(internal_only, Consent(True, dt.date(2026, 1, 5), ["interne"]))
    consent.save_consent(everything, Consent(True, dt.date(2026, 1, 5), ALL))
    consent.save_consent(refused, Consent(False, None, ALL))

    assert consent.photo_for_use(internal_only, "interne")
    assert consent.photo_for_use(internal_only, "partenaires") is None
    assert consent.photo_for_use(everything, "publication")
    assert consent.photo_for_use(refused, "interne") is None
    assert consent.photo_for_use(unknown, "interne") is None
    assert set(consent.usable_photos("partenaires")) == {everything}
    assert set(consent.usable_photos("interne")) == {everything, internal_only}

    on_paper = {c.id: c for c in trombinoscope.list_cards(scope="partenaires")}
    assert on_paper[everything].photo and on_paper[internal_only].photo is None
    assert on_paper[internal_only].has_photo and on_paper[refused].photo is None


def test_refused_consent_keeps_no_scopes_and_validation(store):
    pid = _person_with_photo(store)
    saved = consent.save_consent(pid, Consent(False, None, ["interne"]))
    assert saved.scopes == [] and consent.get_consent(pid).scopes == []
    with pytest.raises(ValidationError) as err:
        consent.save_consent(pid, Consent(True, dt.date(2026, 1, 1), []))
    assert "scopes" in err.value.errors
    with pytest.raises(ValidationError) as err:
        consent.save_consent(pid, Consent(True, dt.date(2099, 1, 1), ["interne"]), today=dt.date(2026, 11, 22))
    assert "given_on" in err.value.errors
    assert consent.get_consent(pid).given is False


def test_proof_is_copied_into_the_data_folder(store, tmp_path):
    pid = _person_with_photo(store)
    scan = tmp_path / "autorisation signée.pdf"
    scan.write_bytes(b"%PDF-1.4 fake scan")
    name = consent.attach_proof(store, pid, scan)
    assert consent.proof_path(store, name).read_bytes() == scan.read_bytes()
    assert consent.get_consent(pid).proof == name
    empty = tmp_path / "vide.pdf"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError):
        consent.attach_proof(store, pid, empty)
    with pytest.raises(ValidationError):
        consent.attach_proof(store, pid, tmp_path / "notes.docx")
    assert consent.get_consent(pid).proof == name
