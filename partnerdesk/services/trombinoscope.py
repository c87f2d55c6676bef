"""The people grid ("trombinoscope"): who, in which organisation, with which photo.

Photos go through the consent gate: a card carries `photo` only when the person's
consent covers the use asked for (`interne` on screen, `partenaires` in the PDF
handed to partners). `has_photo` tells whether a photo exists at all.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from partnerdesk.domain.consent import Consent, ConsentScope, missing_items, usable_photo
from partnerdesk.domain.text import initials, normalize
from partnerdesk.i18n import document_language
from partnerdesk.paths import DataPaths
from partnerdesk.services import settings
from partnerdesk.services.files import write_with
from partnerdesk.store import people_grid
from partnerdesk.store.models import Affiliation, Organisation, Tag


@dataclass(slots=True)
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
    has_email: bool = False
    has_phone: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def initials(self) -> str:
        return initials(self.first_name, self.last_name)

    @property
    def missing(self) -> list[str]:
        """What the card lacks ("fiches incomplètes"): email, phone, photo, consent for the photo."""
        return missing_items(["@"] if self.has_email else [], ["0"] if self.has_phone else [],
                             "photo" if self.has_photo else None, self.consent)


@dataclass
class GridFilter:
    organisation_id: int | None = None
    tag_id: int | None = None
    project_id: int | None = None
    search: str = ""
    incomplete_only: bool = False


_NO_AFFILIATION = (None, "", "")


def _json_list(text: str | None) -> list[str]:
    return json.loads(text) if text and text != "[]" else []


def _consent(given, given_on, scopes, proof) -> Consent | None:
    if given is None:
        return None
    day = dt.date.fromisoformat(given_on) if given_on else None
    return Consent(bool(given), day, _json_list(scopes), proof or "")


def list_cards(filters: GridFilter | None = None, scope: str = ConsentScope.INTERNE.value) -> list[PersonCard]:
    """Every person of the grid, sorted by name, with the photo usable for `scope` only."""
    filters = filters or GridFilter()
    current = people_grid.current_affiliations()
    allowed = people_grid.tagged_people(filters.tag_id) if filters.tag_id else None
    if filters.project_id:
        involved = people_grid.project_people(filters.project_id)
        allowed = involved if allowed is None else allowed & involved
    needle = normalize(filters.search)
    norm = functools.lru_cache(maxsize=None)(normalize)
    cards = []
    for pid, first, last, name_norm, has_email, has_phone, photo, given, given_on, scopes, proof \
            in people_grid.people_rows():
        org_id, org_name, role = current.get(pid, _NO_AFFILIATION)
        if filters.organisation_id is not None and org_id != filters.organisation_id:
            continue
        if allowed is not None and pid not in allowed:
            continue
        if needle and needle not in f"{name_norm} {norm(org_name)} {norm(role)}":
            continue
        consent = _consent(given, given_on, scopes, proof) if given is not None else None
        card = PersonCard(pid, first, last, role, org_name, org_id, usable_photo(photo, consent, scope),
                          photo is not None, consent, bool(has_email), bool(has_phone))
        if filters.incomplete_only and not card.missing:
            continue
        cards.append(card)
    cards.sort(key=lambda c: (norm(c.last_name), norm(c.first_name), c.id))
    return cards


def organisations_with_people() -> list[tuple[int, str]]:
    """(id, name) of organisations that have at least one current member, for the filter."""
    query = (Organisation.select(Organisation.id, Organisation.name).join(Affiliation)
             .where(Affiliation.end_date.is_null(), Organisation.deleted_at.is_null())
             .distinct().order_by(Organisation.name_norm).tuples())
    return list(query)


def tags() -> list[tuple[int, str]]:
    return list(Tag.select(Tag.id, Tag.name).order_by(Tag.name).tuples())


def projects() -> list[tuple[int, str]]:
    """(id, title) of the projects, for the filter."""
    return people_grid.projects()


def _entries(paths: DataPaths, filters: GridFilter | None):
    from partnerdesk.export import trombinoscope as renderer

    cards = list_cards(filters, scope=ConsentScope.PARTENAIRES.value)
    return [renderer.Entry(card.full_name, card.role, card.organisation,
                           str(paths.photos_dir / card.photo) if card.photo else None, card.initials)
            for card in cards]


def export_pdf(paths: DataPaths, filters: GridFilter | None = None, title: str = "") -> bytes:
    """The trombinoscope as an A4 PDF for partners: photos only where consent covers it."""
    from partnerdesk.export import trombinoscope as renderer

    with document_language(settings.document_language()):
        return renderer.render(_entries(paths, filters), settings.identity(), title)


def export_pdf_to(paths: DataPaths, target, filters: GridFilter | None = None, title: str = "") -> Path:
    """Write the trombinoscope PDF to `target` (through a temporary file in its folder, mode from the
    umask), rendered straight to disk: 10,000 people stay within ~150 MB of memory."""
    from partnerdesk.export import trombinoscope as renderer

    target = Path(target).expanduser()
    with document_language(settings.document_language()):
        return write_with(target, lambda temp: renderer.render_to(temp, _entries(paths, filters),
                                                                 settings.identity(), title))
