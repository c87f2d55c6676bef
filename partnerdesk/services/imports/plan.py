"""The review before anything is written: what will be created, what matches
an existing card (same email, or same name ignoring accents) and will be
merged or skipped, which rows are refused and why."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from partnerdesk.domain import validation as v
from partnerdesk.domain.dataio import Contact, Refusal
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import _
from partnerdesk.store import database

MAX_NAME = 300


@dataclass
class PlanRow:
    contact: Contact
    kind: str  # "person" or "organisation"
    match_id: int | None = None
    match_label: str = ""
    match_reason: str = ""
    merge: bool = True  # for a match: merge into the existing card, or skip the row
    additions: list[str] = field(default_factory=list)  # what a merge adds to the existing card

    @property
    def is_match(self) -> bool:
        return self.match_id is not None


@dataclass
class ImportPlan:
    source_name: str
    format: str
    creates: list[PlanRow] = field(default_factory=list)
    matches: list[PlanRow] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    new_organisations: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[PlanRow]:
        return self.creates + self.matches

    def set_all_matches(self, merge: bool) -> None:
        for row in self.matches:
            row.merge = merge


def _clean(contact: Contact, warnings: list[str]) -> str | None:
    """Tidy a contact in place; return a refusal reason or None."""
    if contact.full_name and not (contact.first_name or contact.last_name) \
            and normalize(contact.full_name) == normalize(contact.organisation):
        contact.full_name = ""  # the card of an organisation, not of a person
    contact.split_full_name()
    if contact.first_name and not contact.last_name:
        contact.last_name, contact.first_name = contact.first_name, ""
    if not (contact.is_person or contact.organisation):
        return _("No name and no organisation.")
    if any(len(x) > MAX_NAME for x in (contact.first_name, contact.last_name, contact.organisation)):
        return _("A name is longer than {limit} characters.").format(limit=MAX_NAME)
    extra = []
    emails = []
    for email in contact.emails:
        if v.check_email(email):
            extra.append(_("Email not recognised: {value}").format(value=email))
        elif email.casefold() not in {e.casefold() for e in emails}:
            emails.append(email)
    phones = []
    for phone in contact.phones:
        if v.check_phone(phone):
            extra.append(_("Phone not recognised: {value}").format(value=phone))
        elif phone not in phones:
            phones.append(phone)
    contact.emails, contact.phones = emails, phones
    if contact.website and v.check_url(contact.website):
        extra.append(_("Website not recognised: {value}").format(value=contact.website))
        contact.website = ""
    if contact.postcode and v.check_postcode(contact.postcode, contact.country):
        extra.append(_("Postcode not recognised: {value}").format(value=contact.postcode))
        contact.postcode = ""
    if extra:
        contact.notes = "\n".join([contact.notes] + extra if contact.notes else extra)
        warnings.extend(_("Line {line}: {what} (kept in the notes).").format(line=contact.line, what=what)
                        for what in extra)
    return None


class _Index:
    """Existing cards, loaded once, to match rows against."""

    def __init__(self):
        self.by_email: dict[str, tuple[int, str]] = {}
        self.by_name: dict[str, tuple[int, str]] = {}
        self.orgs: dict[str, tuple[int, str]] = {}
        cursor = database.execute_sql(
            "SELECT id, first_name, last_name, name_norm, emails FROM person WHERE deleted_at IS NULL")
        for pid, first, last, name_norm, emails in cursor:
            label = f"{first} {last}".strip()
            self.by_name.setdefault(name_norm, (pid, label))
            try:
                for email in json.loads(emails or "[]"):
                    self.by_email.setdefault(str(email).casefold(), (pid, label))
            except (ValueError, TypeError):
                pass
        for oid, name, name_norm in database.execute_sql(
                "SELECT id, name, name_norm FROM organisation WHERE deleted_at IS NULL"):
            self.orgs.setdefault(name_norm, (oid, name))

    def contacts_of(self, person_id: int) -> tuple[set[str], set[str]]:
        row = database.execute_sql("SELECT emails, phones FROM person WHERE id = ?", (person_id,)).fetchone()
        try:
            return {str(e).casefold() for e in json.loads(row[0] or "[]")}, set(json.loads(row[1] or "[]"))
        except (ValueError, TypeError):
            return set(), set()

    def person(self, contact: Contact) -> tuple[tuple[int, str] | None, str]:
        for email in contact.emails:
            if email.casefold() in self.by_email:
                return self.by_email[email.casefold()], _("same email ({email})").format(email=email)
        key = normalize(f"{contact.first_name} {contact.last_name}")
        if key in self.by_name:
            return self.by_name[key], _("same name")
        return None, ""


def _fold(into: Contact, other: Contact) -> None:
    """A second row of the same file about the same card: union of the values."""
    into.emails += [e for e in other.emails if e.casefold() not in {x.casefold() for x in into.emails}]
    into.phones += [p for p in other.phones if p not in into.phones]
    into.tags += [t for t in other.tags if t not in into.tags]
    for name in ("organisation", "title", "address", "postcode", "city", "country", "website"):
        if not getattr(into, name):
            setattr(into, name, getattr(other, name))
    if other.notes and other.notes not in into.notes:
        into.notes = "\n".join(x for x in (into.notes, other.notes) if x)
    if into.photo is None and other.photo is not None:
        into.photo, into.photo_ext = other.photo, other.photo_ext


def build_plan(contacts: list[Contact], refused: list[Refusal] = (), warnings: list[str] = (),
               source_name: str = "", format: str = "") -> ImportPlan:
    plan = ImportPlan(source_name, format, refused=list(refused), warnings=list(warnings))
    index = _Index()
    seen_email: dict[str, Contact] = {}
    seen_name: dict[str, Contact] = {}
    seen_org: dict[str, Contact] = {}
    new_orgs: dict[str, str] = {}
    for contact in contacts:
        reason = _clean(contact, plan.warnings)
        if reason:
            plan.refused.append(Refusal(contact.line, reason, contact.display_name))
            continue
        if contact.is_person:
            key = normalize(f"{contact.first_name} {contact.last_name}")
            earlier = next((seen_email[e.casefold()] for e in contact.emails if e.casefold() in seen_email), None) \
                or seen_name.get(key)
            if earlier is not None:
                _fold(earlier, contact)
                plan.warnings.append(_("Line {line}: same person as line {first}, merged into it.").format(
                    line=contact.line, first=earlier.line))
                continue
            seen_name[key] = contact
            for email in contact.emails:
                seen_email[email.casefold()] = contact
            match, why = index.person(contact)
            row = PlanRow(contact, "person")
        else:
            key = normalize(contact.organisation)
            if key in seen_org:
                _fold(seen_org[key], contact)
                plan.warnings.append(_("Line {line}: same organisation as line {first}, merged into it.").format(
                    line=contact.line, first=seen_org[key].line))
                continue
            seen_org[key] = contact
            match = index.orgs.get(key)
            why = _("same name") if match else ""
            row = PlanRow(contact, "organisation")
        if match:
            row.match_id, row.match_label, row.match_reason = match[0], match[1], why
            plan.matches.append(row)
            if row.kind == "person":
                known_emails, known_phones = index.contacts_of(match[0])
                row.additions = [e for e in contact.emails if e.casefold() not in known_emails] + \
                    [p for p in contact.phones if p not in known_phones]
        else:
            plan.creates.append(row)
        org_key = normalize(contact.organisation)
        if contact.is_person and contact.organisation and org_key not in index.orgs:
            new_orgs.setdefault(org_key, contact.organisation)
    plan.new_organisations = sorted((name for key, name in new_orgs.items() if key not in seen_org), key=normalize)
    plan.refused.sort(key=lambda r: r.line)
    return plan
