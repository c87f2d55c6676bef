"""The trash ("Corbeille"): deleted cards wait here until restored or the trash is emptied."""

from __future__ import annotations

import datetime as dt
import logging

from partnerdesk.domain.partners import TrashItem
from partnerdesk.store import database
from partnerdesk.store.models import Interaction, InteractionOrganisation, InteractionPerson, Organisation, Person

log = logging.getLogger(__name__)

_MODELS = {"organisation": Organisation, "person": Person}


def delete(kind: str, item_id: int) -> None:
    """Move a card to the trash; its people, journal and links stay as they are."""
    model = _MODELS[kind]
    with database.atomic():
        model.update(deleted_at=dt.datetime.now()).where(model.id == item_id).execute()


def restore(kind: str, item_id: int) -> None:
    model = _MODELS[kind]
    with database.atomic():
        model.update(deleted_at=None).where(model.id == item_id).execute()


def items() -> list[TrashItem]:
    """Deleted cards, most recently deleted first."""
    found = [TrashItem("organisation", r.id, r.name, r.deleted_at)
             for r in Organisation.select().where(Organisation.deleted_at.is_null(False))]
    found += [TrashItem("person", r.id, f"{r.first_name} {r.last_name}".strip(), r.deleted_at)
              for r in Person.select().where(Person.deleted_at.is_null(False))]
    return sorted(found, key=lambda i: i.deleted_at, reverse=True)


def count() -> int:
    return (Organisation.select().where(Organisation.deleted_at.is_null(False)).count()
            + Person.select().where(Person.deleted_at.is_null(False)).count())


def _interactions_of(kind: str, item_id: int) -> list[int]:
    if kind == "organisation":
        query = InteractionOrganisation.select(InteractionOrganisation.interaction).where(
            InteractionOrganisation.organisation == item_id)
    else:
        query = InteractionPerson.select(InteractionPerson.interaction).where(InteractionPerson.person == item_id)
    return [i for (i,) in query.tuples()]


def _drop_orphans(interaction_ids: list[int]) -> None:
    """Interactions of a purged card left with no organisation and no person go with it."""
    linked_orgs = InteractionOrganisation.select(InteractionOrganisation.interaction)
    linked_people = InteractionPerson.select(InteractionPerson.interaction)
    for start in range(0, len(interaction_ids), 500):
        Interaction.delete().where(Interaction.id.in_(interaction_ids[start:start + 500]),
                                   Interaction.id.not_in(linked_orgs),
                                   Interaction.id.not_in(linked_people)).execute()


def purge(kind: str, item_id: int) -> bool:
    """Delete one card for good. False when another area still needs it (it stays in the trash)."""
    model = _MODELS[kind]
    try:
        with database.atomic():
            journal = _interactions_of(kind, item_id)
            model.delete().where(model.id == item_id, model.deleted_at.is_null(False)).execute()
            _drop_orphans(journal)
    except Exception as exc:  # an area's foreign key without ON DELETE
        if exc.__class__.__name__ != "IntegrityError":
            raise
        log.warning("cannot purge %s %s: %s", kind, item_id, exc)
        return False
    return True


def empty() -> list[TrashItem]:
    """Delete every card of the trash for good; returns the ones that had to be kept."""
    kept = []
    for item in items():
        if not purge(item.kind, item.id):
            kept.append(item)
    return kept
