"""Merging two organisations or two people that are the same partner ("Fusionner…").

The kept card takes the field values chosen in the preview; every affiliation,
interaction, tag and link of the other card (including other areas' tables that
reference it by foreign key) moves to the kept card; the other card is then deleted.
"""

from __future__ import annotations

import dataclasses

from partnerdesk.domain.partners import OrganisationData, PersonData, unique_emails
from partnerdesk.services import partners, projects
from partnerdesk.store import database, partner_queries
from partnerdesk.store.models import Affiliation, Organisation, Person

# Areas that point at a card with a plain integer column (no foreign key) register it here:
# {"organisation": [(table, column)], "person": [...]}.
EXTRA_REFERENCES: dict[str, list[tuple[str, str]]] = {"organisation": [], "person": []}

ORGANISATION_FIELDS = ["name", "kind", "status", "address", "postcode", "city", "country", "phone", "email",
                       "website", "publics", "contributions", "decision_circuit", "notes",
                       "contact_cadence_days", "verified_on"]
PERSON_FIELDS = ["first_name", "last_name", "emails", "phones", "relais", "notes", "verified_on", "title", "websites",
                 "addresses"]
_UNION = {"publics", "contributions", "emails", "phones", "websites"}
_JOINED = {"notes", "decision_circuit"}


def _default(field: str, keep, drop):
    a, b = getattr(keep, field), getattr(drop, field)
    if field in _UNION:
        return unique_emails([*a, *b]) if field in ("emails", "phones") else list(dict.fromkeys([*a, *b]))
    if field in _JOINED:
        parts = [p for p in (a.strip(), b.strip()) if p]
        return "\n\n".join(dict.fromkeys(parts))
    if field == "addresses":
        return [*a, *(x for x in b if not any(x.same_place(y) for y in a))]
    if field == "relais":
        return bool(a or b)
    if field == "verified_on":
        return max((d for d in (a, b) if d), default=None)
    return a if a not in ("", None) else b


def preview(kind: str, keep_id: int, drop_id: int):
    """(kept card, other card, proposed merged card): the side-by-side preview. The proposal
    keeps the kept card's values, fills its blanks from the other, joins notes and lists."""
    get = partners.get_organisation if kind == "organisation" else partners.get_person
    keep, drop = get(keep_id), get(drop_id)
    fields = ORGANISATION_FIELDS if kind == "organisation" else PERSON_FIELDS
    merged = dataclasses.replace(keep, **{f: _default(f, keep, drop) for f in fields})
    if kind == "person":  # kinds and extensions of emails/phones/websites follow their values
        merged.labels = {**drop.labels, **keep.labels}
    elif not merged.logo:
        merged.logo = drop.logo
    return keep, drop, merged


def merge_organisations(keep_id: int, drop_id: int, merged: OrganisationData | None = None) -> OrganisationData:
    """Merge `drop_id` into `keep_id`; `merged` carries the chosen field values."""
    if keep_id == drop_id:
        raise ValueError("cannot merge a card with itself")
    merged = merged or preview("organisation", keep_id, drop_id)[2]
    merged.id = keep_id
    partners.validate_organisation(merged)
    with database.atomic("IMMEDIATE"):
        # Pipeline cards first: two cards of one project become one, nothing cascades away.
        projects.reassign_organisation(drop_id, keep_id)
        partner_queries.move_references("organisation", keep_id, drop_id, EXTRA_REFERENCES["organisation"])
        Organisation.delete().where(Organisation.id == drop_id).execute()
        _collapse_affiliations(Affiliation.organisation == keep_id)
        result = partners.update_organisation(merged, checked=False)
        if merged.logo and not result.logo:  # the other card's logo, when this one had none
            Organisation.update(logo=merged.logo).where(Organisation.id == keep_id).execute()
            result.logo = merged.logo
    return result


def merge_people(keep_id: int, drop_id: int, merged: PersonData | None = None) -> PersonData:
    if keep_id == drop_id:
        raise ValueError("cannot merge a card with itself")
    merged = merged or preview("person", keep_id, drop_id)[2]
    merged.id = keep_id
    known = partners.stored_phones(keep_id) + partners.stored_phones(drop_id)  # imported abroad, kept as typed
    partners.validate_person(merged, known_phones=known)
    with database.atomic("IMMEDIATE"):
        partner_queries.move_references("person", keep_id, drop_id, EXTRA_REFERENCES["person"])
        _collapse_affiliations(Affiliation.person == keep_id)
        Person.delete().where(Person.id == drop_id).execute()
        result = partners.update_person(merged, checked=False, known_phones=known)
    return result


def _collapse_affiliations(where) -> None:
    """Two identical affiliations (same person, organisation, role and dates) become one."""
    seen = set()
    for row in Affiliation.select().where(where).order_by(Affiliation.id):
        key = (row.person_id, row.organisation_id, row.role.casefold(), row.start_date, row.end_date)
        if key in seen:
            row.delete_instance()
        seen.add(key)
