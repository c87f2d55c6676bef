"""The yearly card review ("mise à jour annuelle") of people and organisations.

A review session is the list of due cards, oldest first, and the position reached;
it is saved in the settings so the user can stop and resume later where they stopped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from partnerdesk.domain import validation as v
from partnerdesk.domain.partners import AffiliationData, OrganisationData, PersonData
from partnerdesk.domain.review import CardKind
from partnerdesk.domain.text import normalize
from partnerdesk.services import partners, settings
from partnerdesk.store import database
from partnerdesk.store.models import Affiliation, Organisation, Person
from partnerdesk.services.review_due import _today, count_due, due, period_months  # noqa: F401 - the review's API

SESSION = settings.declare("review.session", dict, {})

PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "role")
ORGANISATION_FIELDS = ("name", "address", "postcode", "city", "phone", "email", "website")


def set_period(months: int) -> None:
    """Check each card every `months` months (1 to 120); the review starts again on the new due list."""
    if not 1 <= int(months) <= 120:
        raise v.ValidationError({"period": v.N_("The review period is a number of months between 1 and 120.")})
    settings.set_(settings.REVIEW_PERIOD_MONTHS, int(months))
    settings.set_(SESSION, {})


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
        data = partners.get_person(person_id)
        if data is None:
            raise partners.NotFound(person_id)
        data.first_name = values.get("first_name", data.first_name)
        data.last_name = values.get("last_name", data.last_name)
        if "email" in values:
            data.emails[:1] = [values["email"]] if values["email"] else []
        if "phone" in values:
            data.phones[:1] = [values["phone"]] if values["phone"] else []
        data.verified_on = today
        try:
            partners.update_person(data, checked=False)
        except v.ValidationError as exc:
            raise v.ValidationError({_person_field(k): msg for k, msg in exc.errors.items()}) from exc
        aff = _current_affiliation(person_id)
        if aff is not None and "role" in values and values["role"] != aff.role:
            partners.update_affiliation(aff.id, values["role"], aff.start_date, aff.end_date)


def _person_field(key: str) -> str:
    return {"emails.0": "email", "phones.0": "phone"}.get(key, key)


def _save_organisation(org_id: int, values: dict[str, str], today: dt.date) -> None:
    with database.atomic("IMMEDIATE"):
        data = partners.get_organisation(org_id)
        if data is None:
            raise partners.NotFound(org_id)
        for name in ORGANISATION_FIELDS:
            if name in values:
                setattr(data, name, values[name])
        data.verified_on = today
        partners.update_organisation(data, checked=False)


def left_organisation(person_id: int, today: dt.date | None = None, new_organisation_id: int | None = None,
                      new_role: str = "") -> None:
    """"Left the organisation": close the open affiliations today (history kept), optionally open a
    new one, and stamp the card. Raises ValidationError (nothing written) when an affiliation
    starts after today."""
    today = _today(today)
    with database.atomic("IMMEDIATE"):
        for affiliation in partners.affiliations_of(person_id):
            if affiliation.end_date is None:
                partners.close_affiliation(affiliation.id, today)
        if new_organisation_id is not None:
            partners.add_affiliation(person_id, new_organisation_id, new_role, today)
        _stamp(CardKind.PERSON.value, person_id, today)


def organisation_choices() -> list[tuple[int, str]]:
    """(id, name) of every organisation not in the trash, for "left for another organisation"."""
    query = (Organisation.select(Organisation.id, Organisation.name).where(Organisation.deleted_at.is_null())
             .order_by(Organisation.name_norm).tuples())
    return list(query)


# --- undo: a card as it was ------------------------------------------------------------

@dataclass
class Snapshot:
    """A card and (for a person) its affiliations, to put back on undo."""

    kind: str
    id: int
    card: PersonData | OrganisationData
    affiliations: list[AffiliationData] = field(default_factory=list)


def snapshot(kind: str, card_id: int) -> Snapshot:
    if kind == CardKind.PERSON.value:
        return Snapshot(kind, card_id, partners.get_person(card_id), partners.affiliations_of(card_id))
    return Snapshot(kind, card_id, partners.get_organisation(card_id))


def restore(snap: Snapshot) -> None:
    """Write the card back exactly as it was (no validation: it is a past state)."""
    fields = {k: v for k, v in asdict(snap.card).items() if k != "id"}
    with database.atomic("IMMEDIATE"):
        if snap.kind == CardKind.PERSON.value:
            Person.update(**fields, name_norm=normalize(snap.card.full_name),
                          updated_at=dt.datetime.now()).where(Person.id == snap.id).execute()
            kept = [a.id for a in snap.affiliations]
            Affiliation.delete().where(Affiliation.person == snap.id, Affiliation.id.not_in(kept)).execute()
            existing = {row.id for row in Affiliation.select(Affiliation.id).where(Affiliation.person == snap.id)}
            for a in snap.affiliations:
                values = dict(organisation=a.organisation_id, role=a.role, start_date=a.start_date,
                              end_date=a.end_date)
                if a.id in existing:
                    Affiliation.update(**values).where(Affiliation.id == a.id).execute()
                else:  # removed by an undo, back on redo
                    Affiliation.insert(id=a.id, person=snap.id, **values).execute()
        else:
            Organisation.update(**fields, name_norm=normalize(snap.card.name),
                                updated_at=dt.datetime.now()).where(Organisation.id == snap.id).execute()


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
    """Resume the saved session where the user stopped, else start on today's due cards.

    On resuming, cards still ahead that were checked meanwhile (on their card, by someone
    else) are dropped, and cards that became due since are added at the end.
    """
    saved = settings.get(SESSION) or {}
    queue = [(str(k), int(i)) for k, i in saved.get("queue", [])]
    position = min(int(saved.get("position", 0)), len(queue))
    due_now = [card.key for card in due(today)]
    still_due = set(due_now)
    ahead = [key for key in queue[position:] if key in still_due]
    known = set(queue)
    ahead += [key for key in due_now if key not in known]
    if queue and position < len(queue) and ahead:
        session = Session(queue[:position] + ahead, position)
    else:
        session = Session(due_now, 0)
    save_session(session)
    return session


def save_session(session: Session) -> None:
    settings.set_(SESSION, {"queue": [list(k) for k in session.queue], "position": session.position})


def advance(session: Session) -> Session:
    """Move to the next card (after an action or a skip) and remember the position."""
    session.position = min(session.position + 1, len(session.queue))
    save_session(session)
    return session

