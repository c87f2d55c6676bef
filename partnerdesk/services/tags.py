"""Tags: thematic lists of organisations and people ("jeunesse", "seniors"...)."""

from __future__ import annotations

import re
from dataclasses import replace

from partnerdesk.domain import validation as v
from partnerdesk.domain.partners import TagData
from partnerdesk.domain.text import normalize
from partnerdesk.services import partners
from partnerdesk.store import database
from partnerdesk.store.models import Organisation, OrganisationTag, Person, PersonTag, Tag
from partnerdesk.store.query import fn

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_COLOUR = "#7a8ca3"


def _check_name(name: str, exclude_id: int | None = None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise v.ValidationError({"name": v.N_("This field is required.")})
    for tag in Tag.select():
        if tag.id != exclude_id and normalize(tag.name) == normalize(name):
            raise v.ValidationError({"name": v.N_("A tag with this name already exists.")})
    return name


def _check_colour(colour: str) -> str:
    if not _COLOUR.match(colour or ""):
        raise v.ValidationError({"colour": v.N_("This colour is not valid (expected: #3b82f6).")})
    return colour.lower()


def tag_choices() -> list[TagData]:
    """Every tag, by name, without the counts (what a card's tag picker offers: asked at each card
    shown, where counting every tagged card cost 6 ms at 10,000 people)."""
    tags = [TagData(name, colour, id=tag_id) for tag_id, name, colour in
            Tag.select(Tag.id, Tag.name, Tag.colour).tuples()]
    return sorted(tags, key=lambda t: normalize(t.name))


def list_tags() -> list[TagData]:
    """Every tag with how many live organisations and people carry it, by name."""
    orgs = {t: n for t, n in _counts(OrganisationTag, OrganisationTag.organisation, Organisation)}
    people = {t: n for t, n in _counts(PersonTag, PersonTag.person, Person)}
    return [replace(t, organisations=orgs.get(t.id, 0), people=people.get(t.id, 0)) for t in tag_choices()]


def _counts(link, column, model):
    """(tag id, number of live cards carrying it), counted by SQLite."""
    return (link.select(link.tag, fn.COUNT(column)).join(model).where(model.deleted_at.is_null())
            .group_by(link.tag).tuples())


def get_tag(tag_id: int) -> TagData | None:
    return next((t for t in list_tags() if t.id == tag_id), None)


def create_tag(name: str, colour: str = DEFAULT_COLOUR) -> TagData:
    with database.atomic("IMMEDIATE"):
        row = Tag.create(name=_check_name(name), colour=_check_colour(colour))
    return TagData(row.name, row.colour, id=row.id)


def rename_tag(tag_id: int, name: str) -> None:
    with database.atomic("IMMEDIATE"):
        Tag.update(name=_check_name(name, tag_id)).where(Tag.id == tag_id).execute()


def set_colour(tag_id: int, colour: str) -> None:
    with database.atomic():
        Tag.update(colour=_check_colour(colour)).where(Tag.id == tag_id).execute()


def delete_tag(tag_id: int) -> None:
    """Remove the tag from every card, then the tag itself (the cards stay)."""
    with database.atomic():
        Tag.delete().where(Tag.id == tag_id).execute()


def merge_tags(keep_id: int, drop_id: int) -> None:
    """Every card tagged `drop_id` gets `keep_id`; `drop_id` disappears."""
    if keep_id == drop_id:
        return
    with database.atomic("IMMEDIATE"):
        for link, column in ((OrganisationTag, OrganisationTag.organisation), (PersonTag, PersonTag.person)):
            ids = [i for (i,) in link.select(column).where(link.tag == drop_id).tuples()]
            _add(link, column, keep_id, ids)
        Tag.delete().where(Tag.id == drop_id).execute()


def _add(link, column, tag_id: int, ids) -> None:
    rows = [{column.name: i, "tag": tag_id} for i in dict.fromkeys(ids)]
    for start in range(0, len(rows), 400):
        link.insert_many(rows[start:start + 400]).on_conflict_ignore().execute()


def tags_of_organisation(organisation_id: int) -> list[TagData]:
    rows = Tag.select().join(OrganisationTag).where(OrganisationTag.organisation == organisation_id)
    return sorted((TagData(t.name, t.colour, id=t.id) for t in rows), key=lambda t: normalize(t.name))


def tags_of_person(person_id: int) -> list[TagData]:
    rows = Tag.select().join(PersonTag).where(PersonTag.person == person_id)
    return sorted((TagData(t.name, t.colour, id=t.id) for t in rows), key=lambda t: normalize(t.name))


def set_organisation_tags(organisation_id: int, tag_ids) -> None:
    with database.atomic():
        OrganisationTag.delete().where(OrganisationTag.organisation == organisation_id).execute()
        for tag_id in dict.fromkeys(tag_ids):
            OrganisationTag.insert(organisation=organisation_id, tag=tag_id).execute()


def set_person_tags(person_id: int, tag_ids) -> None:
    with database.atomic():
        PersonTag.delete().where(PersonTag.person == person_id).execute()
        for tag_id in dict.fromkeys(tag_ids):
            PersonTag.insert(person=person_id, tag=tag_id).execute()


def tag_organisations(tag_id: int, organisation_ids) -> None:
    """Add the tag to a selection of organisations (those that have it already keep it)."""
    with database.atomic():
        _add(OrganisationTag, OrganisationTag.organisation, tag_id, organisation_ids)


def tag_people(tag_id: int, person_ids) -> None:
    with database.atomic():
        _add(PersonTag, PersonTag.person, tag_id, person_ids)


def members_of(tag_id: int) -> tuple[list[int], list[int]]:
    """(organisation ids, person ids) carrying the tag, not in the trash."""
    orgs = [o for (o,) in OrganisationTag.select(OrganisationTag.organisation).join(Organisation)
            .where(OrganisationTag.tag == tag_id, Organisation.deleted_at.is_null()).tuples()]
    people = [p for (p,) in PersonTag.select(PersonTag.person).join(Person)
              .where(PersonTag.tag == tag_id, Person.deleted_at.is_null()).tuples()]
    return orgs, people


def emails_of_tag(tag_id: int) -> list[str]:
    """Emails of the tagged organisations, their current people and the tagged people."""
    orgs, people = members_of(tag_id)
    return partners.emails_of(orgs, people)
