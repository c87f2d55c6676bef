"""Searching partners: organisations and people, ignoring case and French accents.

The matching itself lives in `store/search.py` (FTS5 today); this module turns hits
into plain records for the list, the CLI and the other areas.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerdesk.domain.partners import PersonRow
from partnerdesk.store import search as _store
from partnerdesk.store.models import Affiliation, Organisation, Person

web_query = _store.web_query


@dataclass
class OrganisationHit:
    id: int
    name: str
    city: str
    email: str


@dataclass
class FindResult:
    organisations: list[OrganisationHit] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)


def organisation_ids(text: str) -> set[int] | None:
    """Ids of organisations matching by their own name, city, email or notes, or through one
    of their current people (name, emails, notes). None when the text is empty: no filter."""
    return _store.organisation_ids(text)


def person_ids(text: str) -> list[int] | None:
    hits = _store.search(text)
    return None if hits is None else hits.people


def find(text: str, limit: int = 50) -> FindResult:
    """Best matching organisations and people, each list at most `limit` long."""
    hits = _store.search(text)
    result = FindResult()
    if hits is None:
        return result
    # Like the search box: organisations matching by their own text (best first), then those
    # matching through one of their current people (by name).
    through_people = (_store.organisation_ids(text) or set()) - set(hits.organisations)
    person_ids_ = hits.people[:limit]
    wanted = hits.organisations + list(through_people)
    orgs = {r.id: r for r in Organisation.select().where(Organisation.id.in_(wanted),
                                                        Organisation.deleted_at.is_null())}
    ordered = [orgs[i] for i in hits.organisations if i in orgs]
    ordered += sorted((orgs[i] for i in through_people if i in orgs), key=lambda o: o.name_norm)
    result.organisations = [OrganisationHit(o.id, o.name, o.city, o.email) for o in ordered[:limit]]
    names: dict[int, list[str]] = {}
    for pid, name in (Affiliation.select(Affiliation.person, Organisation.name).join(Organisation)
                      .where(Affiliation.person.in_(person_ids_), Affiliation.end_date.is_null(),
                             Organisation.deleted_at.is_null()).tuples()):
        names.setdefault(pid, []).append(name)
    people = {r.id: r for r in Person.select().where(Person.id.in_(person_ids_), Person.deleted_at.is_null())}
    result.people = [PersonRow(p.id, p.first_name, p.last_name, p.emails, p.phones, p.relais, names.get(p.id, []))
                     for p in (people.get(i) for i in person_ids_) if p]
    return result


def pick_organisations(text: str, limit: int = 15) -> list[OrganisationHit]:
    """Organisations for a picker: matching by their own text, ignoring case and accents
    ("ecole" finds "École"), best first. Empty text: none."""
    hits = _store.search(text)
    if hits is None:
        return []
    wanted = hits.organisations[: limit * 2]
    rows = {r.id: r for r in Organisation.select().where(Organisation.id.in_(wanted),
                                                        Organisation.deleted_at.is_null())}
    ordered = [rows[i] for i in wanted if i in rows][:limit]
    return [OrganisationHit(o.id, o.name, o.city, o.email) for o in ordered]


def rebuild_index() -> None:
    _store.rebuild()
