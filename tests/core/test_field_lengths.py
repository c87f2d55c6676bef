"""Field lengths are bounded in the domain: names 200 characters, free texts 20,000, with French messages."""

import datetime as dt

import pytest

from partnerdesk import i18n
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.domain.validation import NAME_MAX, TEXT_MAX, ValidationError
from partnerdesk.services import conventions, journal, partners, projects
from partnerdesk.services.documents import identity

LONG_NAME = "N" * (NAME_MAX + 1)
LONG_TEXT = "t" * (TEXT_MAX + 1)


def _refused(call) -> dict:
    with pytest.raises(ValidationError) as exc:
        call()
    return exc.value.errors


def test_bounds_accept_the_maximum_and_refuse_one_more(store):
    org = partners.create_organisation(OrganisationData("N" * NAME_MAX, notes="t" * TEXT_MAX))
    assert len(partners.get_organisation(org.id).name) == NAME_MAX
    assert _refused(lambda: partners.create_organisation(OrganisationData(LONG_NAME))) == {
        "name": "Too long: 200 characters at most."}
    errors = _refused(lambda: partners.create_person(
        PersonData(LONG_NAME, first_name=LONG_NAME, emails=["a@b.fr", LONG_NAME + "@b.fr"], notes=LONG_TEXT)))
    assert set(errors) >= {"last_name", "first_name", "emails.1", "notes"}
    assert set(_refused(lambda: projects.create_project(ProjectData(LONG_NAME, description=LONG_TEXT)))) == {
        "title", "description"}
    assert set(_refused(lambda: journal.log_interaction("appel", dt.date.today(), LONG_TEXT, [org.id]))) == {
        "summary"}
    assert set(_refused(lambda: conventions.create_convention(LONG_NAME, [org.id]))) == {"title"}
    assert set(_refused(lambda: identity.save_identity(EpnIdentity(name=LONG_NAME, address=LONG_TEXT)))) == {
        "name", "address"}
    assert partners.count_organisations() == 1  # nothing written by the refused ones


def test_messages_in_french(store):
    i18n.set_language("fr")
    errors = _refused(lambda: partners.create_organisation(OrganisationData(LONG_NAME, notes=LONG_TEXT)))
    assert i18n._(errors["name"]) == "Trop long : 200 caractères au plus."
    assert i18n._(errors["notes"]) == "Trop long : 20 000 caractères au plus."


def test_a_convention_section_is_bounded(store):
    org = partners.create_organisation(OrganisationData("Mairie"))
    conv = conventions.create_convention("Convention", [org.id])
    conv.content.sections[0].body = LONG_TEXT
    assert set(_refused(lambda: conventions.save_convention(conv))) == {f"sections.{conv.content.sections[0].key}"}
