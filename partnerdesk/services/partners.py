"""Organisations and their people: the basic use cases.

The partner cards issue grows this area (journal, tags, search, duplicates,
merges, trash); other areas call these functions rather than the models.
"""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain import validation as v
from partnerdesk.domain.partners import (
    AffiliationData,
    OrganisationData,
    OrganisationSummary,
    PersonData,
)
from partnerdesk.domain.text import normalize
from partnerdesk.store import database
from partnerdesk.store.models import Affiliation, Organisation, Person

_ORG_FIELDS = (
    "name kind status address postcode city country phone email website publics contributions "
    "decision_circuit notes contact_cadence_days verified_on"
).split()
_PERSON_FIELDS = "first_name last_name emails phones relais notes verified_on".split()


def validate_organisation(data: OrganisationData) -> None:
    v.collect(
        {
            "name": v.check_required(data.name),
            "email": v.check_email(data.email),
            "phone": v.check_phone(data.phone),
            "postcode": v.check_postcode(data.postcode, data.country),
            "website": v.check_url(data.website),
        }
    )


def validate_person(data: PersonData) -> None:
    checks = {"last_name": v.check_required(data.last_name)}
    for i, email in enumerate(data.emails):
        checks[f"emails.{i}"] = v.check_email(email)
    for i, phone in enumerate(data.phones):
        checks[f"phones.{i}"] = v.check_phone(phone)
    v.collect(checks)


def organisation_data(row: Organisation) -> OrganisationData:
    return OrganisationData(id=row.id, **{f: getattr(row, f) for f in _ORG_FIELDS})


def person_data(row: Person) -> PersonData:
    return PersonData(id=row.id, **{f: getattr(row, f) for f in _PERSON_FIELDS})


def create_organisation(data: OrganisationData) -> OrganisationData:
    validate_organisation(data)
    now = dt.datetime.now()
    with database.atomic():
        row = Organisation.create(
            **{f: getattr(data, f) for f in _ORG_FIELDS},
            name_norm=normalize(data.name),
            created_at=now,
            updated_at=now,
        )
    return organisation_data(row)


def get_organisation(org_id: int) -> OrganisationData | None:
    row = Organisation.get_or_none(Organisation.id == org_id)
    return organisation_data(row) if row else None


def create_person(data: PersonData, organisation_id: int | None = None, role: str = "",
                  start_date: dt.date | None = None) -> PersonData:
    validate_person(data)
    now = dt.datetime.now()
    with database.atomic():
        row = Person.create(
            **{f: getattr(data, f) for f in _PERSON_FIELDS},
            name_norm=normalize(f"{data.first_name} {data.last_name}"),
            created_at=now,
            updated_at=now,
        )
        if organisation_id is not None:
            Affiliation.create(person=row, organisation=organisation_id, role=role, start_date=start_date)
    return person_data(row)


def affiliations_of(person_id: int) -> list[AffiliationData]:
    rows = Affiliation.select().where(Affiliation.person == person_id).order_by(Affiliation.start_date.desc())
    return [
        AffiliationData(r.person_id, r.organisation_id, r.role, r.start_date, r.end_date, r.id) for r in rows
    ]


def list_organisations() -> list[OrganisationSummary]:
    rows = (
        Organisation.select(Organisation.id, Organisation.name, Organisation.kind, Organisation.city,
                            Organisation.status)
        .where(Organisation.deleted_at.is_null())
        .order_by(Organisation.name_norm)
    )
    return [OrganisationSummary(r.id, r.name, r.kind, r.city, r.status) for r in rows]


def count_organisations() -> int:
    return Organisation.select().where(Organisation.deleted_at.is_null()).count()


def count_people() -> int:
    return Person.select().where(Person.deleted_at.is_null()).count()
