"""The people grid ("trombinoscope"): who, in which organisation, with which photo.

Photos go through the consent gate: a card carries `photo` only when the person's
consent covers the use asked for (`interne` on screen, `partenaires` in the PDF
handed to partners). `has_photo` tells whether a photo exists at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerdesk.domain.consent import Consent, ConsentScope, missing_items
from partnerdesk.domain.text import initials, normalize
from partnerdesk.paths import DataPaths
from partnerdesk.services import consent as consent_service
from partnerdesk.services import settings
from partnerdesk.store.models import (
    Affiliation,
    Organisation,
    OrganisationTag,
    Person,
    PersonPhoto,
    PersonTag,
    PhotoConsent,
    Tag,
)


@dataclass
class PersonCard:
    id: int
    first_name: str
    last_name: str
    role: str = ""
    organisation: str = ""
    organisation_id: int | None = None
    photo: str | None = None  # usable for the requested scope only
    has_photo: bool = False
    consent: Consent | None = None
    missing: list[str] = field(default_factory=list)
    search_key: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def initials(self) -> str:
        return initials(self.first_name, self.last_name)


@dataclass
class GridFilter:
    organisation_id: int | None = None
    tag_id: int | None = None
    search: str = ""
    incomplete_only: bool = False


def _current_affiliations() -> dict[int, tuple[int, str, str]]:
    """{person id: (organisation id, organisation name, role)} of each person's latest open affiliation."""
    query = (Affiliation.select(Affiliation.person, Affiliation.organisation, Affiliation.role,
                                Affiliation.start_date, Organisation.name)
             .join(Organisation)
             .where(Affiliation.end_date.is_null(), Organisation.deleted_at.is_null())
             .order_by(Affiliation.start_date.asc(nulls="first"), Affiliation.id)
             .tuples())
    return {pid: (oid, name, role) for pid, oid, role, _start, name in query}


def list_cards(filters: GridFilter | None = None, scope: str = ConsentScope.INTERNE.value) -> list[PersonCard]:
    """Every person of the grid, sorted by name, with the photo usable for `scope`."""
    filters = filters or GridFilter()
    current = _current_affiliations()
    photos = dict(PersonPhoto.select(PersonPhoto.person, PersonPhoto.file).tuples())
    consents = {row.person_id: Consent(bool(row.given), row.given_on, list(row.scopes or []), row.proof)
                for row in PhotoConsent.select()}
    usable = consent_service.usable_photos(scope)
    allowed = _tag_people(filters.tag_id, current) if filters.tag_id else None
    needle = normalize(filters.search)
    query = (Person.select(Person.id, Person.first_name, Person.last_name, Person.name_norm, Person.emails,
                           Person.phones)
             .where(Person.deleted_at.is_null()))
    cards = []
    for row in query:
        org_id, org_name, role = current.get(row.id, (None, "", ""))
        if filters.organisation_id is not None and org_id != filters.organisation_id:
            continue
        if allowed is not None and row.id not in allowed:
            continue
        key = f"{row.name_norm} {normalize(org_name)} {normalize(role)}"
        if needle and needle not in key:
            continue
        photo = photos.get(row.id)
        consent = consents.get(row.id)
        missing = missing_items(row.emails, row.phones, photo, consent)
        if filters.incomplete_only and not missing:
            continue
        cards.append(PersonCard(row.id, row.first_name, row.last_name, role, org_name, org_id, usable.get(row.id),
                                photo is not None, consent, missing, key))
    cards.sort(key=lambda c: (normalize(c.last_name), normalize(c.first_name), c.id))
    return cards


def _tag_people(tag_id: int, current: dict[int, tuple[int, str, str]]) -> set[int]:
    """People tagged with `tag_id`, or working in an organisation tagged with it."""
    people = {pid for (pid,) in PersonTag.select(PersonTag.person).where(PersonTag.tag == tag_id).tuples()}
    orgs = {oid for (oid,) in OrganisationTag.select(OrganisationTag.organisation)
            .where(OrganisationTag.tag == tag_id).tuples()}
    people.update(pid for pid, (oid, _name, _role) in current.items() if oid in orgs)
    return people


def organisations_with_people() -> list[tuple[int, str]]:
    """(id, name) of organisations that have at least one current member, for the filter."""
    query = (Organisation.select(Organisation.id, Organisation.name).join(Affiliation)
             .where(Affiliation.end_date.is_null(), Organisation.deleted_at.is_null())
             .distinct().order_by(Organisation.name_norm).tuples())
    return list(query)


def tags() -> list[tuple[int, str]]:
    return list(Tag.select(Tag.id, Tag.name).order_by(Tag.name).tuples())


def export_pdf(paths: DataPaths, filters: GridFilter | None = None, title: str = "") -> bytes:
    """The trombinoscope as an A4 PDF for partners: photos only where consent covers it."""
    from partnerdesk.export import trombinoscope as renderer

    cards = list_cards(filters, scope=ConsentScope.PARTENAIRES.value)
    entries = [
        renderer.Entry(card.full_name, card.role, card.organisation,
                       str(paths.photos_dir / card.photo) if card.photo else None, card.initials)
        for card in cards
    ]
    return renderer.render(entries, settings.identity(), title)
