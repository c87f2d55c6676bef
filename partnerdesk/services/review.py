"""The yearly card review ("mise à jour annuelle") of people and organisations.

A review session is the list of due cards, oldest first, and the position reached;
it is saved in the settings so the user can stop and resume later where they stopped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain import review as rules
from partnerdesk.domain import validation as v
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.review import CardKind, CardRef
from partnerdesk.domain.text import normalize
from partnerdesk.services import partners, settings
from partnerdesk.store import database
from partnerdesk.store.models import Affiliation, Organisation, Person

SESSION = settings.declare("review.session", dict, {})

PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "role")
ORGANISATION_FIELDS = ("name", "address", "postcode", "city", "phone", "email", "website")


def period_months() -> int:
    return max(1, settings.get(settings.REVIEW_PERIOD_MONTHS))


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def due(today: dt.date | None = None) -> list[CardRef]:
    """Every card due for review, oldest first (never verified first)."""
    today = _today(today)
    limit = rules.cutoff(today, period_months())
    people = (Person.select(Person.id, Person.first_name, Person.last_name, Person.verified_on)
              .where(Person.deleted_at.is_null(), Person.verified_on.is_null() | (Person.verified_on <= limit)))
    orgs = (Organisation.select(Organisation.id, Organisation.name, Organisation.verified_on)
            .where(Organisation.deleted_at.is_null(),
                   Organisation.verified_on.is_null() | (Organisation.verified_on <= limit)))
    cards = [CardRef(CardKind.PERSON.value, p.id, f"{p.first_name} {p.last_name}".strip(), p.verified_on)
             for p in people]
    cards += [CardRef(CardKind.ORGANISATION.value, o.id, o.name, o.verified_on) for o in orgs]
    return rules.due_cards(cards, today, period_months())


def count_due(today: dt.date | None = None) -> int:
    return len(due(today))


# --- one card ---------------------------------------------------------------------------

@dataclass
class ReviewCard:
    """What the review shows of a card: its current values by field, and context."""

    kind: str
    id: int
    title: str
    verified_on: dt.date | None
    values: dict[str, str]
    organisation: str = ""  # a person's current organisation
    extra_emails: list[str] = field(default_factory=list)
    extra_phones: list[str] = field(default_factory=list)


def _current_affiliation(person_id: int) -> Affiliation | None:
    return (Affiliation.select().where(Affiliation.person == person_id, Affiliation.end_date.is_null())
            .order_by(Affiliation.start_date.desc(nulls="last"), Affiliation.id.desc()).first())


def load(kind: str, card_id: int) -> ReviewCard | None:
    if kind == CardKind.PERSON.value:
        person = Person.get_or_none(Person.id == card_id, Person.deleted_at.is_null())
        if person is None:
            return None
        aff = _current_affiliation(card_id)
        emails, phones = list(person.emails or []), list(person.phones or [])
        values = {"first_name": person.first_name, "last_name": person.last_name,
                  "email": emails[0] if emails else "", "phone": phones[0] if phones else "",
                  "role": aff.role if aff else ""}
        return ReviewCard(kind, card_id, f"{person.first_name} {person.last_name}".strip(), person.verified_on,
                          values, aff.organisation.name if aff else "", emails[1:], phones[1:])
    org = Organisation.get_or_none(Organisation.id == card_id, Organisation.deleted_at.is_null())
    if org is None:
        return None
    return ReviewCard(kind, card_id, org.name, org.verified_on, {f: getattr(org, f) for f in ORGANISATION_FIELDS})


def _stamp(kind: str, card_id: int, today: dt.date) -> None:
    model = Person if kind == CardKind.PERSON.value else Organisation
    model.update(verified_on=today, updated_at=dt.datetime.now()).where(model.id == card_id).execute()


def mark_unchanged(kind: str, card_id: int, today: dt.date | None = None) -> None:
    """"Nothing changed": the card is stamped verified today."""
    with database.atomic():
        _stamp(kind, card_id, _today(today))


def save_changes(kind: str, card_id: int, values: dict[str, str], today: dt.date | None = None) -> None:
    """Save the edited fields and stamp the card. Raises ValidationError, writing nothing."""
    today = _today(today)
    values = {k: (val or "").strip() for k, val in values.items()}
    if kind == CardKind.PERSON.value:
        _save_person(card_id, values, today)
    else:
        _save_organisation(card_id, values, today)


def _save_person(person_id: int, values: dict[str, str], today: dt.date) -> None:
    with database.atomic("IMMEDIATE"):
        person = Person.get_by_id(person_id)
        emails, phones = list(person.emails or []), list(person.phones or [])
        if "email" in values:
            emails[:1] = [values["email"]] if values["email"] else []
        if "phone" in values:
            phones[:1] = [values["phone"]] if values["phone"] else []
        data = PersonData(last_name=values.get("last_name", person.last_name),
                          first_name=values.get("first_name", person.first_name), emails=emails, phones=phones)
        errors = {}
        try:
            partners.validate_person(data)
        except v.ValidationError as exc:
            errors = {_person_field(k): msg for k, msg in exc.errors.items()}
        if errors:
            raise v.ValidationError(errors)
        Person.update(first_name=data.first_name, last_name=data.last_name, emails=emails, phones=phones,
                      name_norm=normalize(data.full_name), verified_on=today,
                      updated_at=dt.datetime.now()).where(Person.id == person_id).execute()
        aff = _current_affiliation(person_id)
        if aff is not None and "role" in values and values["role"] != aff.role:
            Affiliation.update(role=values["role"]).where(Affiliation.id == aff.id).execute()


def _person_field(key: str) -> str:
    return {"emails.0": "email", "phones.0": "phone"}.get(key, key)


def _save_organisation(org_id: int, values: dict[str, str], today: dt.date) -> None:
    with database.atomic("IMMEDIATE"):
        org = Organisation.get_by_id(org_id)
        data = partners.organisation_data(org)
        for name in ORGANISATION_FIELDS:
            if name in values:
                setattr(data, name, values[name])
        partners.validate_organisation(data)
        changes = {name: getattr(data, name) for name in ORGANISATION_FIELDS}
        Organisation.update(**changes, name_norm=normalize(data.name), verified_on=today,
                            updated_at=dt.datetime.now()).where(Organisation.id == org_id).execute()


def left_organisation(person_id: int, today: dt.date | None = None, new_organisation_id: int | None = None,
                      new_role: str = "") -> None:
    """"Left the organisation": close the open affiliations today, optionally open a new one, stamp the card."""
    today = _today(today)
    with database.atomic("IMMEDIATE"):
        (Affiliation.update(end_date=today)
         .where(Affiliation.person == person_id, Affiliation.end_date.is_null()).execute())
        if new_organisation_id is not None:
            Affiliation.create(person=person_id, organisation=new_organisation_id, role=new_role.strip(),
                               start_date=today)
        _stamp(CardKind.PERSON.value, person_id, today)


def organisation_choices() -> list[tuple[int, str]]:
    return [(o.id, o.name) for o in partners.list_organisations()]


# --- the session: queue and position, saved to resume later --------------------------------

@dataclass
class Session:
    queue: list[tuple[str, int]]
    position: int = 0

    @property
    def total(self) -> int:
        return len(self.queue)

    @property
    def finished(self) -> bool:
        return self.position >= len(self.queue)

    def current(self) -> tuple[str, int] | None:
        return None if self.finished else self.queue[self.position]


def start_session(today: dt.date | None = None) -> Session:
    """Resume the saved session when one is unfinished, else start on today's due cards."""
    saved = settings.get(SESSION) or {}
    queue = [(str(k), int(i)) for k, i in saved.get("queue", [])]
    position = int(saved.get("position", 0))
    if queue and position < len(queue):
        return Session(queue, position)
    session = Session([c.key for c in due(today)], 0)
    save_session(session)
    return session


def save_session(session: Session) -> None:
    settings.set_(SESSION, {"queue": [list(k) for k in session.queue], "position": session.position})


def advance(session: Session) -> Session:
    """Move to the next card (after an action or a skip) and remember the position."""
    session.position = min(session.position + 1, len(session.queue))
    save_session(session)
    return session


def clear_session() -> None:
    settings.set_(SESSION, {})
