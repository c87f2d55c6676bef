"""The journal ("Suivi"): dated interactions with organisations and people.

Logging an interaction with an organisation makes it that partner's "dernier contact" and
restarts its contact cadence (the cadence is computed from the latest interaction).
"""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain import validation as v
from partnerdesk.domain.journal import InteractionData
from partnerdesk.domain.partners import InteractionKind
from partnerdesk.store import database
from partnerdesk.store.models import (
    Affiliation,
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    Person,
)

# Kept here too so callers can say journal.InteractionKind.
__all__ = ["InteractionData", "InteractionKind", "log_interaction", "update_interaction", "delete_interaction",
           "get_interaction", "journal_of_organisation", "journal_of_person", "current_organisations_of"]


def _validate(kind: str, occurred_on, organisation_ids, person_ids, summary: str = "") -> None:
    errors = {}
    if v.check_text_length(summary):
        errors["summary"] = v.check_text_length(summary)
    if InteractionKind.parse(kind) is None:
        errors["kind"] = v.N_("Choose the kind of exchange.")
    if not isinstance(occurred_on, dt.date):
        errors["occurred_on"] = v.N_("Enter a date (dd/mm/yyyy).")
    if not organisation_ids and not person_ids:
        errors["partners"] = v.N_("Choose at least one organisation or person.")
    if errors:
        raise v.ValidationError(errors)


def _link(interaction_id: int, organisation_ids, person_ids) -> None:
    for org_id in dict.fromkeys(organisation_ids):
        InteractionOrganisation.insert(interaction=interaction_id, organisation=org_id).on_conflict_ignore().execute()
    for person_id in dict.fromkeys(person_ids):
        InteractionPerson.insert(interaction=interaction_id, person=person_id).on_conflict_ignore().execute()


def log_interaction(kind: str, date: dt.date, summary: str, organisation_ids=(), person_ids=(),
                    project_id: int | None = None) -> InteractionData:
    """Record an exchange; returns it with its id."""
    organisation_ids, person_ids = list(organisation_ids), list(person_ids)
    _validate(kind, date, organisation_ids, person_ids, summary)
    with database.atomic():
        row = Interaction.create(kind=kind, occurred_on=date, summary=(summary or "").strip(),
                                 project_id=project_id, created_at=dt.datetime.now())
        _link(row.id, organisation_ids, person_ids)
    return get_interaction(row.id)


def update_interaction(data: InteractionData) -> InteractionData:
    _validate(data.kind, data.occurred_on, data.organisation_ids, data.person_ids, data.summary)
    with database.atomic():
        Interaction.update(kind=data.kind, occurred_on=data.occurred_on, summary=(data.summary or "").strip(),
                           project_id=data.project_id).where(Interaction.id == data.id).execute()
        InteractionOrganisation.delete().where(InteractionOrganisation.interaction == data.id).execute()
        InteractionPerson.delete().where(InteractionPerson.interaction == data.id).execute()
        _link(data.id, data.organisation_ids, data.person_ids)
    return get_interaction(data.id)


def delete_interaction(interaction_id: int) -> None:
    with database.atomic():
        Interaction.delete().where(Interaction.id == interaction_id).execute()


def _records(rows) -> list[InteractionData]:
    rows = list(rows)
    ids = [r.id for r in rows]
    orgs: dict[int, list[tuple[int, str]]] = {}
    people: dict[int, list[tuple[int, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for iid, oid, name in (InteractionOrganisation.select(InteractionOrganisation.interaction, Organisation.id,
                                                              Organisation.name)
                               .join(Organisation).where(InteractionOrganisation.interaction.in_(chunk)).tuples()):
            orgs.setdefault(iid, []).append((oid, name))
        for iid, pid, first, last in (InteractionPerson.select(InteractionPerson.interaction, Person.id,
                                                               Person.first_name, Person.last_name)
                                      .join(Person).where(InteractionPerson.interaction.in_(chunk)).tuples()):
            people.setdefault(iid, []).append((pid, f"{first} {last}".strip()))
    return [InteractionData(
        r.kind, r.occurred_on, r.summary,
        organisation_ids=[o for o, _ in orgs.get(r.id, [])], person_ids=[p for p, _ in people.get(r.id, [])],
        project_id=r.project_id, organisation_names=[n for _, n in orgs.get(r.id, [])],
        person_names=[n for _, n in people.get(r.id, [])], id=r.id) for r in rows]


def get_interaction(interaction_id: int) -> InteractionData | None:
    rows = _records(Interaction.select().where(Interaction.id == interaction_id))
    return rows[0] if rows else None


def _newest_first(query, limit):
    query = query.order_by(Interaction.occurred_on.desc(), Interaction.id.desc())
    return query.limit(limit) if limit else query


def journal_of_organisation(organisation_id: int, limit: int | None = None) -> list[InteractionData]:
    """Interactions with the organisation or with one of its people (any time), newest first."""
    members = Affiliation.select(Affiliation.person).where(Affiliation.organisation == organisation_id)
    with_org = InteractionOrganisation.select(InteractionOrganisation.interaction).where(
        InteractionOrganisation.organisation == organisation_id)
    with_people = InteractionPerson.select(InteractionPerson.interaction).where(
        InteractionPerson.person.in_(members))
    query = Interaction.select().where(Interaction.id.in_(with_org) | Interaction.id.in_(with_people))
    return _records(_newest_first(query, limit))


def journal_of_person(person_id: int, limit: int | None = None) -> list[InteractionData]:
    linked = InteractionPerson.select(InteractionPerson.interaction).where(InteractionPerson.person == person_id)
    return _records(_newest_first(Interaction.select().where(Interaction.id.in_(linked)), limit))


def journal_of_project(project_id: int, limit: int | None = None) -> list[InteractionData]:
    return _records(_newest_first(Interaction.select().where(Interaction.project_id == project_id), limit))


def current_organisations_of(person_id: int) -> list[int]:
    """Organisations where the person currently works: linked by default when logging with them."""
    return [a for (a,) in Affiliation.select(Affiliation.organisation).where(
        Affiliation.person == person_id, Affiliation.end_date.is_null()).tuples()]
