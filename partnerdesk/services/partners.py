"""Organisations and their people: cards, affiliations, lists and duplicates.

Other areas call these functions rather than the models. The journal, tags, search,
trash and merges have their own modules (`journal`, `tags`, `search`, `trash`, `merge`).
"""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain import validation as v
from partnerdesk.domain.contact_points import addresses_from, clean_labels
from partnerdesk.domain.journal import cadence_state, next_contact_due
from partnerdesk.domain.partners import (
    AffiliationData,
    DuplicateMatch,
    Member,
    OrganisationData,
    OrganisationRow,
    PersonData,
    PersonRow,
    unique_emails,
)
from partnerdesk.domain.grammar import ARTICLES, CIVILITIES
from partnerdesk.domain.labels import N_
from partnerdesk.domain.text import name_key, normalize
from partnerdesk.store import database, partner_queries
from partnerdesk.store.models import Affiliation, Organisation, OrganisationTag, Person, PersonTag, Tag

_ORG_FIELDS = (
    "name kind status address postcode city country phone email website publics contributions "
    "decision_circuit notes contact_cadence_days verified_on"
).split()
_PERSON_FIELDS = "first_name last_name emails phones relais notes verified_on websites labels title".split()
_ORG_FIELDS += ["article"]  # 0008: the article form used by generated French (domain/grammar.py)
_PERSON_FIELDS += ["civility"]  # 0008: "madame" / "monsieur" / ""


class NotFound(LookupError):
    """The card does not exist (or is in the trash when a live one is needed)."""


# --- validation ---------------------------------------------------------------

ORGANISATION_LINES = ("name", "address", "postcode", "city", "country", "phone", "email", "website")
PERSON_LINES = ("last_name", "first_name", "title", "emails", "phones", "websites")


def validate_organisation(data: OrganisationData) -> None:
    """Check the card; its one-line fields are made one line first (a pasted address, an import)."""
    v.single_lines(data, ORGANISATION_LINES)
    v.collect(v.merge_checks(
        {
            "name": v.check_required(data.name),
            "email": v.check_email(data.email),
            "phone": v.check_phone(data.phone),
            "postcode": v.check_postcode(data.postcode, data.country),
            "website": v.check_url(data.website),
            "article": None if data.article is None or data.article in ARTICLES
            else N_("Choose an article from the list."),
        },
        v.length_checks(data, names=ORGANISATION_LINES, texts=("decision_circuit", "notes")),
    ))


def validate_person(data: PersonData, known_phones=None) -> None:
    """`known_phones`: numbers already stored on the card(s), not checked again (an imported number
    kept as typed, abroad, must not stop the card from being saved). By default, the card's own."""
    v.single_lines(data, PERSON_LINES)
    if known_phones is None:
        known_phones = stored_phones(data.id)
    known = set(known_phones)
    checks = {"last_name": v.check_required(data.last_name),
              "civility": None if (data.civility or "") in CIVILITIES else N_("Choose a civility from the list.")}
    for i, email in enumerate(data.emails):
        checks[f"emails.{i}"] = v.check_email(email)
    for i, phone in enumerate(data.phones):
        checks[f"phones.{i}"] = None if phone in known else v.check_phone(phone)
    for i, site in enumerate(data.websites):
        checks[f"websites.{i}"] = v.check_url(site)
    v.collect(v.merge_checks(checks, v.length_checks(data, names=("last_name", "first_name", "emails", "phones"),
                                                     texts=("notes",))))


def stored_phones(person_id: int | None) -> list[str]:
    row = Person.get_or_none(Person.id == person_id) if person_id else None
    return list(row.phones or []) if row else []


def _clean_person(data: PersonData) -> None:
    data.emails = unique_emails(data.emails)
    data.phones = [p.strip() for p in data.phones if p and p.strip()]
    data.websites = list(dict.fromkeys(w.strip() for w in data.websites if w and w.strip()))
    data.addresses = [a for a in data.addresses if not a.is_empty]
    data.labels = clean_labels(data.labels, [*data.emails, *data.phones, *data.websites])


def _person_values(data: PersonData) -> dict:
    values = {f: getattr(data, f) for f in _PERSON_FIELDS}
    values["addresses"] = [a.as_dict() for a in data.addresses]
    return values


# --- organisations --------------------------------------------------------------

def organisation_data(row: Organisation) -> OrganisationData:
    return OrganisationData(id=row.id, logo=row.logo or "", **{f: getattr(row, f) for f in _ORG_FIELDS})


def person_data(row: Person) -> PersonData:
    data = PersonData(id=row.id, **{f: getattr(row, f) for f in _PERSON_FIELDS})
    data.addresses = addresses_from(row.addresses)
    data.labels = dict(data.labels or {})
    data.websites = list(data.websites or [])
    return data


def create_organisation(data: OrganisationData) -> OrganisationData:
    """A new card, counted as checked today for the yearly review (unless it says otherwise)."""
    validate_organisation(data)
    data.verified_on = data.verified_on or dt.date.today()
    now = dt.datetime.now()
    with database.atomic():
        row = Organisation.create(
            **{f: getattr(data, f) for f in _ORG_FIELDS},
            name_norm=normalize(data.name),
            created_at=now,
            updated_at=now,
        )
    return organisation_data(row)


def update_organisation(data: OrganisationData, checked: bool = True) -> OrganisationData:
    """Save every field of an existing card; ValidationError leaves the database untouched.
    A card edited by hand counts as checked today (`checked=False` keeps `data.verified_on`)."""
    validate_organisation(data)
    if checked:
        data.verified_on = dt.date.today()
    with database.atomic():
        updated = (Organisation.update(**{f: getattr(data, f) for f in _ORG_FIELDS},
                                       name_norm=normalize(data.name), updated_at=dt.datetime.now())
                   .where(Organisation.id == data.id).execute())
        if not updated:
            raise NotFound(data.id)
    return get_organisation(data.id)


def get_organisation(org_id: int) -> OrganisationData | None:
    row = Organisation.get_or_none(Organisation.id == org_id)
    return organisation_data(row) if row else None


def is_deleted(kind: str, item_id: int) -> bool:
    """Gone or in the trash (asked at each card shown: one column read, not the whole card)."""
    model = Organisation if kind == "organisation" else Person
    found = model.select(model.deleted_at).where(model.id == item_id).tuples().first()
    return found is None or found[0] is not None


# --- people -----------------------------------------------------------------------

def create_person(data: PersonData, organisation_id: int | None = None, role: str = "",
                  start_date: dt.date | None = None) -> PersonData:
    """A new card, counted as checked today for the yearly review (unless it says otherwise)."""
    _clean_person(data)
    validate_person(data)
    data.verified_on = data.verified_on or dt.date.today()
    now = dt.datetime.now()
    with database.atomic():
        row = Person.create(
            **_person_values(data),
            name_norm=normalize(f"{data.first_name} {data.last_name}"),
            created_at=now,
            updated_at=now,
        )
        if organisation_id is not None:
            Affiliation.create(person=row, organisation=organisation_id, role=v.one_line(role or ""),
                               start_date=start_date)
    return person_data(row)


def update_person(data: PersonData, checked: bool = True, known_phones=None) -> PersonData:
    """Save an existing card; edited by hand, it counts as checked today (`checked=False` keeps
    `data.verified_on`)."""
    _clean_person(data)
    validate_person(data, known_phones)
    if checked:
        data.verified_on = dt.date.today()
    with database.atomic():
        updated = (Person.update(**_person_values(data),
                                 name_norm=normalize(f"{data.first_name} {data.last_name}"),
                                 updated_at=dt.datetime.now())
                   .where(Person.id == data.id).execute())
        if not updated:
            raise NotFound(data.id)
    return get_person(data.id)


def get_person(person_id: int) -> PersonData | None:
    row = Person.get_or_none(Person.id == person_id)
    return person_data(row) if row else None


def _affiliation_data(r: Affiliation) -> AffiliationData:
    return AffiliationData(r.person_id, r.organisation_id, r.role, r.start_date, r.end_date, r.id,
                           r.department or "")


def affiliations_of(person_id: int) -> list[AffiliationData]:
    """Every affiliation of a person, current ones first, then newest first."""
    rows = (Affiliation.select().where(Affiliation.person == person_id)
            .order_by(Affiliation.end_date.is_null(False), Affiliation.start_date.desc(nulls="LAST")))
    return [_affiliation_data(r) for r in rows]


def people_of(organisation_id: int, include_past: bool = True) -> list[Member]:
    """The people of an organisation with their affiliation: current ones first (by name),
    then past ones (most recently ended first). People in the trash are left out."""
    query = (Affiliation.select(Affiliation, Person).join(Person)
             .where(Affiliation.organisation == organisation_id, Person.deleted_at.is_null()))
    if not include_past:
        query = query.where(Affiliation.end_date.is_null())
    members = [Member(person_data(r.person), _affiliation_data(r)) for r in query]
    current = sorted((m for m in members if m.is_current), key=lambda m: normalize(m.person.last_name))
    past = sorted((m for m in members if not m.is_current), key=lambda m: m.affiliation.end_date, reverse=True)
    return current + past


def add_affiliation(person_id: int, organisation_id: int, role: str = "",
                    start_date: dt.date | None = None, end_date: dt.date | None = None) -> AffiliationData:
    if start_date and end_date and end_date < start_date:
        raise v.ValidationError({"end_date": v.N_("The end date is before the start date.")})
    with database.atomic():
        row = Affiliation.create(person=person_id, organisation=organisation_id, role=v.one_line(role),
                                 start_date=start_date, end_date=end_date)
    return _affiliation_data(row)


def close_affiliation(affiliation_id: int, end_date: dt.date | None = None) -> AffiliationData:
    """End an affiliation (the person left): kept as history, never overwritten."""
    end_date = end_date or dt.date.today()
    with database.atomic():
        row = Affiliation.get_by_id(affiliation_id)
        if row.start_date and end_date < row.start_date:
            raise v.ValidationError({"end_date": v.N_("The end date is before the start date.")})
        row.end_date = end_date
        row.save()
    return _affiliation_data(row)


def change_job(affiliation_id: int, organisation_id: int, role: str, on: dt.date | None = None) -> AffiliationData:
    """Close the old affiliation the day before `on` and open the new one on `on`."""
    on = on or dt.date.today()
    with database.atomic():
        old = close_affiliation(affiliation_id, on - dt.timedelta(days=1))
        return add_affiliation(old.person_id, organisation_id, role, on)


def update_affiliation(affiliation_id: int, role: str, start_date: dt.date | None,
                       end_date: dt.date | None, department: str | None = None) -> AffiliationData:
    if start_date and end_date and end_date < start_date:
        raise v.ValidationError({"end_date": v.N_("The end date is before the start date.")})
    values = {"role": v.one_line(role), "start_date": start_date, "end_date": end_date}
    if department is not None:
        values["department"] = v.one_line(department)
    with database.atomic():
        Affiliation.update(**values).where(Affiliation.id == affiliation_id).execute()
    return _affiliation_data(Affiliation.get_by_id(affiliation_id))


def delete_affiliation(affiliation_id: int) -> None:
    with database.atomic():
        Affiliation.delete().where(Affiliation.id == affiliation_id).execute()


# --- lists --------------------------------------------------------------------------

def last_contacts(organisation_ids=None) -> dict[int, dt.date]:
    """The date of the latest interaction ("dernier contact") of each organisation."""
    return partner_queries.last_contacts(organisation_ids)


def organisation_names() -> list[tuple[int, str]]:
    """(id, name) of every organisation not in the trash, by name: for pick lists (one light query;
    `list_organisations` also gathers tags and last contacts)."""
    return list(Organisation.select(Organisation.id, Organisation.name)
                .where(Organisation.deleted_at.is_null()).order_by(Organisation.name_norm).tuples())


def list_organisations(today: dt.date | None = None, ids=None) -> list[OrganisationRow]:
    """Every organisation not in the trash (or those of `ids`), with tags, last contact and
    cadence state."""
    today = today or dt.date.today()
    ids = None if ids is None else list(ids)
    tag_query = OrganisationTag.select(OrganisationTag.organisation, Tag.id, Tag.name).join(Tag).order_by(Tag.name)
    query = Organisation.select().where(Organisation.deleted_at.is_null()).order_by(Organisation.name_norm)
    if ids is not None:
        tag_query = tag_query.where(OrganisationTag.organisation.in_(ids))
        query = query.where(Organisation.id.in_(ids))
    tags: dict[int, list[tuple[int, str]]] = {}
    for org_id, tag_id, tag_name in tag_query.tuples():
        tags.setdefault(org_id, []).append((tag_id, tag_name))
    last = last_contacts(ids)
    rows = []
    columns = (Organisation.id, Organisation.name, Organisation.kind, Organisation.city, Organisation.status,
               Organisation.publics, Organisation.contributions, Organisation.email,
               Organisation.contact_cadence_days, Organisation.created_at)
    for (org_id, name, kind, city, status, publics, contributions, email, cadence,
         created) in query.select(*columns).tuples():
        created = Organisation.created_at.python_value(created)
        since = created.date() if isinstance(created, dt.datetime) else None
        contact = last.get(org_id)
        rows.append(OrganisationRow(
            org_id, name, kind, city, status,
            tags=[n for _, n in tags.get(org_id, [])], last_contact=contact,
            publics=publics, contributions=contributions, tag_ids=[i for i, _ in tags.get(org_id, [])],
            email=email, contact_cadence_days=cadence,
            cadence=cadence_state(contact, cadence, today, since).value,
            next_due=next_contact_due(contact, cadence, since),
        ))
    return rows


def organisation_row(org_id: int, today: dt.date | None = None) -> OrganisationRow | None:
    rows = list_organisations(today, ids=[org_id])
    return rows[0] if rows else None


def list_people() -> list[PersonRow]:
    """Every person not in the trash, with the names of their current organisations."""
    orgs: dict[int, list[str]] = {}
    for person_id, name in (Affiliation.select(Affiliation.person, Organisation.name).join(Organisation)
                            .where(Affiliation.end_date.is_null(), Organisation.deleted_at.is_null()).tuples()):
        orgs.setdefault(person_id, []).append(name)
    org_ids: dict[int, list[int]] = {}
    kinds: dict[int, list[str]] = {}
    for person_id, org_id, kind in (Affiliation.select(Affiliation.person, Organisation.id, Organisation.kind)
                                    .join(Organisation)
                                    .where(Affiliation.end_date.is_null(), Organisation.deleted_at.is_null())
                                    .tuples()):
        org_ids.setdefault(person_id, []).append(org_id)
        kinds.setdefault(person_id, []).append(kind)
    tag_ids = _person_tag_ids()
    query = (Person.select(Person.id, Person.first_name, Person.last_name, Person.emails, Person.phones,
                           Person.relais).where(Person.deleted_at.is_null()).order_by(Person.name_norm))
    return [PersonRow(pid, first, last, emails, phones, bool(relais), orgs.get(pid, []),
                      organisation_ids=org_ids.get(pid, []), organisation_kinds=kinds.get(pid, []),
                      tag_ids=tag_ids.get(pid, []))
            for pid, first, last, emails, phones, relais in query.tuples()]


def _person_tag_ids() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for person_id, tag_id in PersonTag.select(PersonTag.person, PersonTag.tag).tuples():
        found.setdefault(person_id, []).append(tag_id)
    return found


def count_organisations() -> int:
    return Organisation.select().where(Organisation.deleted_at.is_null()).count()


def count_people() -> int:
    return Person.select().where(Person.deleted_at.is_null()).count()


def emails_of(organisation_ids=(), person_ids=(), with_people: bool = True) -> list[str]:
    """Email addresses of organisations (their own and, with `with_people`, their current
    people's) and of people, without duplicates: ready to paste in Bcc."""
    organisation_ids, person_ids = list(organisation_ids), list(person_ids)
    emails: list[str] = []
    if organisation_ids:
        emails += [e for (e,) in Organisation.select(Organisation.email).where(
            Organisation.id.in_(organisation_ids), Organisation.deleted_at.is_null()).tuples()]
        if with_people:
            members = (Affiliation.select(Affiliation.person).join(Organisation)
                       .where(Affiliation.organisation.in_(organisation_ids), Affiliation.end_date.is_null(),
                              Organisation.deleted_at.is_null()))
            person_ids += [p for (p,) in members.tuples()]
    if person_ids:
        for (mails,) in Person.select(Person.emails).where(Person.id.in_(person_ids),
                                                           Person.deleted_at.is_null()).tuples():
            emails += mails[:1]
    return unique_emails(emails)


def relais_emails(organisation_ids=None, person_ids=None) -> list[str]:
    """Emails of the relais (people who carry the EPN's messages in their own network),
    for a message they will pass on: all of them, or those among `person_ids`, or the
    current people of `organisation_ids`."""
    query = Person.select(Person.id).where(Person.relais == True, Person.deleted_at.is_null())  # noqa: E712
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))
    if organisation_ids is not None:
        members = (Affiliation.select(Affiliation.person).join(Organisation)
                   .where(Affiliation.organisation.in_(list(organisation_ids)), Affiliation.end_date.is_null(),
                          Organisation.deleted_at.is_null()))
        query = query.where(Person.id.in_(members))
    return emails_of(person_ids=[pid for (pid,) in query.tuples()])


# --- duplicates ------------------------------------------------------------------------

def organisation_duplicates(data: OrganisationData) -> list[DuplicateMatch]:
    """Organisations (not in the trash) with the same name, ignoring case and accents, or email."""
    name = normalize(data.name)
    return [DuplicateMatch("organisation", r.id, r.name, "name" if name_key(r.name_norm) == name_key(name) else "email")
            for r in partner_queries.organisations_named_or_mailed(name, (data.email or "").strip(), data.id)]


def person_duplicates(data: PersonData) -> list[DuplicateMatch]:
    """People (not in the trash) with the same first and last name, ignoring case and accents,
    or sharing an email."""
    name = normalize(f"{data.first_name} {data.last_name}")
    emails = {e.strip() for e in data.emails if e and e.strip()}
    return [DuplicateMatch("person", r.id, f"{r.first_name} {r.last_name}".strip(),
                           "name" if name_key(r.name_norm) == name_key(name) else "email")
            for r in partner_queries.people_named_or_mailed(name, emails, data.id)]
