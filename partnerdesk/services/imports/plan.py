"""The review before anything is written: what will be created, what matches
an existing card (same email, or same name ignoring accents) and will be
merged or skipped, which rows are refused and why, and per row what goes where
(card fields, notes, the review's remarks)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from partnerdesk.domain.grammar import of
from partnerdesk.domain.contact_points import Address, addresses_from
from partnerdesk.domain.dataio import TARGETS, Contact, Refusal
from partnerdesk.domain.partners import OrgKind
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import N_, _, ngettext
from partnerdesk.services.imports import cleaning, placement
from partnerdesk.services.imports.orgkeys import organisation_key
from partnerdesk.store import database

MAX_NAME = cleaning.MAX_NAME


@dataclass
class PlanRow:
    contact: Contact
    kind: str  # "person" or "organisation"
    match_id: int | None = None
    match_label: str = ""
    match_reason: str = ""
    merge: bool = True  # for a match: merge into the existing card, or skip the row
    additions: list[str] = field(default_factory=list)  # what a merge adds to the existing card
    org_address: Address | None = None  # a work address proposed for an organisation that has none
    placements: list[str] = field(default_factory=list)  # what goes where, in words

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

    @property
    def people_to_create(self) -> int:
        return sum(1 for r in self.creates if r.kind == "person")

    @property
    def organisations_to_create(self) -> int:
        return sum(1 for r in self.creates if r.kind == "organisation") + len(self.new_organisations)

    def summary(self) -> str:
        """"8 cards will be created: 4 people and 4 organisations. …" with French plurals by count."""
        if not self.rows and not self.refused:
            if self.format == "csv":  # a header line alone, or empty rows under it
                return _("There is nothing to import in this file: it holds no row under its header line.")
            return _("There is nothing to import in this file.")
        people, orgs = self.people_to_create, self.organisations_to_create
        parts = [_("{cards}: {people} and {organisations}.").format(
            cards=ngettext("{count} card will be created", "{count} cards will be created", people + orgs)
            .format(count=people + orgs),
            people=ngettext("{count} person", "{count} people", people).format(count=people),
            organisations=ngettext("{count} organisation", "{count} organisations", orgs).format(count=orgs))]
        parts.append(ngettext("{count} row matches a card you already have.",
                              "{count} rows match a card you already have.", len(self.matches))
                     .format(count=len(self.matches)))
        parts.append(ngettext("{count} row is refused.", "{count} rows are refused.", len(self.refused))
                     .format(count=len(self.refused)))
        return " ".join(parts)


class _Index:
    """Existing cards, loaded once, to match rows against."""

    def __init__(self):
        self.by_email: dict[str, tuple[int, str]] = {}
        self.by_name: dict[str, tuple[int, str]] = {}
        self.orgs: dict[str, tuple[int, str]] = {}
        self.orgs_with_address: set[int] = set()
        self.kinds: dict[int, str] = {}
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
        for oid, name, address, city, postcode, kind in database.execute_sql(
                "SELECT id, name, address, city, postcode, kind FROM organisation WHERE deleted_at IS NULL"
                " ORDER BY id"):
            self.orgs.setdefault(organisation_key(name), (oid, name))
            self.kinds[oid] = kind
            if address or city or postcode:
                self.orgs_with_address.add(oid)

    def contacts_of(self, person_id: int) -> tuple[set[str], set[str], set[str], list[Address]]:
        row = database.execute_sql("SELECT emails, phones, websites, addresses FROM person WHERE id = ?",
                                   (person_id,)).fetchone()
        try:
            return ({str(e).casefold() for e in json.loads(row[0] or "[]")}, set(json.loads(row[1] or "[]")),
                    set(json.loads(row[2] or "[]")), addresses_from(json.loads(row[3] or "[]")))
        except (ValueError, TypeError):
            return set(), set(), set(), []

    def person(self, contact: Contact) -> tuple[tuple[int, str] | None, str]:
        for email in contact.emails:
            if email.casefold() in self.by_email:
                return self.by_email[email.casefold()], _("same email ({email})").format(email=email)
        key = normalize(f"{contact.first_name} {contact.last_name}")
        if key in self.by_name:
            return self.by_name[key], _("same name")
        return None, ""


_PLACE_FIELDS = (("organisation", N_("Organisation")), ("department", N_("Department")), ("title", N_("Job title")))


def _fold(into: Contact, other: Contact) -> None:
    """A second row of the same file about the same card: union of the values."""
    for email in other.emails:
        into.add_value("emails", email, other.labels.get(email, {}).get("kind", ""))
    for phone in other.phones:
        label = other.labels.get(phone, {})
        into.add_value("phones", phone, label.get("kind", ""), label.get("ext", ""))
    for site in other.websites:
        into.add_value("websites", site, other.labels.get(site, {}).get("kind", ""))
    into.tags += [t for t in other.tags if t not in into.tags]
    for address in other.addresses:
        into.add_address(address)
    for name, label in _PLACE_FIELDS:
        mine, theirs = getattr(into, name), getattr(other, name)
        if not mine:
            setattr(into, name, theirs)
        elif theirs and normalize(theirs) != normalize(mine):  # kept in the notes, said in the review
            into.notes = "\n".join(x for x in (into.notes, f"{_(label)} : {theirs}") if x)
            into.remarks.append(_("{field} « {value} » of line {line} kept in the notes (the card has « {kept} »).")
                                .format(line=other.line, field=_(label), value=theirs, kept=mine))
    if other.notes and other.notes not in into.notes:
        into.notes = "\n".join(x for x in (into.notes, other.notes) if x)
    if into.article is None:
        into.article = other.article
    if other.verified_on and (into.verified_on is None or other.verified_on > into.verified_on):
        into.verified_on = other.verified_on
    if into.photo is None and other.photo is not None:
        into.photo, into.photo_ext = other.photo, other.photo_ext
    if into.logo is None and other.logo is not None:
        into.logo, into.logo_ext = other.logo, other.logo_ext
    into.remarks += [r for r in other.remarks if r not in into.remarks]


def _contradiction(earlier: Contact, contact: Contact) -> str:
    """Why two rows bearing the same name are not the same person: another e-mail address or
    another organisation ("" when nothing says so)."""
    mine, theirs = {e.casefold() for e in earlier.emails}, {e.casefold() for e in contact.emails}
    if mine and theirs and not mine & theirs:
        return _("another email address")
    if earlier.organisation and contact.organisation and \
            organisation_key(earlier.organisation) != organisation_key(contact.organisation):
        return _("another organisation")
    return ""


class _SeenPeople:
    """The people rows of the file so far: a row is folded into an earlier one sharing an e-mail
    or a phone, or bearing the same name with nothing that contradicts it."""

    def __init__(self):
        self.by_email: dict[str, Contact] = {}
        self.by_phone: dict[str, Contact] = {}
        self.by_name: dict[str, list[Contact]] = {}

    def same_as(self, contact: Contact) -> tuple[Contact | None, str]:
        """(the earlier row it is, None), or (None, the remark when a namesake was kept apart)."""
        for email in contact.emails:
            if email.casefold() in self.by_email:
                return self.by_email[email.casefold()], ""
        for phone in contact.phones:
            if phone in self.by_phone:
                return self.by_phone[phone], ""
        if contact.derived_name:
            return None, ""
        namesakes = self.by_name.get(_name_key(contact), [])
        for earlier in namesakes:
            if not _contradiction(earlier, contact):
                return earlier, ""
        if namesakes:
            return None, _("same name as line {first} but {why}: kept as a separate card; check whether it is the "
                           "same person.").format(first=namesakes[0].line, why=_contradiction(namesakes[0], contact))
        return None, ""

    def add(self, contact: Contact) -> None:
        self.by_name.setdefault(_name_key(contact), []).append(contact)
        for email in contact.emails:
            self.by_email.setdefault(email.casefold(), contact)
        for phone in contact.phones:
            self.by_phone.setdefault(phone, contact)


def _name_key(contact: Contact) -> str:
    return normalize(f"{contact.first_name} {contact.last_name}")


def _kind_kept(contact: Contact, index: _Index, organisation: tuple[int, str] | None) -> None:
    """A kind of organisation the existing card does not take (it has another than "other"): in the
    notes, said in the review."""
    current = index.kinds.get(organisation[0]) if organisation else None
    if not contact.kind or current in (None, OrgKind.AUTRE.value, contact.kind):
        return
    field, value = _(TARGETS["org_kind"]), _(OrgKind(contact.kind).label)
    contact.notes = "\n".join(x for x in (contact.notes, f"{field} : {value}") if x)
    contact.remarks.append(_("{field} « {value} »: the organisation « {name} » is already « {kept} »; kept in the "
                             "notes.").format(field=field, value=value, name=organisation[1],
                                              kept=_(OrgKind(current).label) if OrgKind.parse(current) else current))
    contact.kind = ""


def _work_address(contact: Contact) -> Address | None:
    return next((a for a in contact.addresses if a.kind == "work"), None)


def build_plan(contacts: list[Contact], refused: list[Refusal] = (), warnings: list[str] = (),
               source_name: str = "", format: str = "") -> ImportPlan:
    plan = ImportPlan(source_name, format, refused=list(refused), warnings=list(warnings))
    index = _Index()
    seen = _SeenPeople()
    seen_org: dict[str, Contact] = {}
    new_orgs: dict[str, str] = {}
    proposed: set[str] = set()  # organisations that already get an address from this file
    for contact in contacts:
        reason = cleaning.clean(contact)
        if reason:
            plan.refused.append(Refusal(contact.line, reason, contact.display_name))
            continue
        if contact.is_person:
            earlier, apart = seen.same_as(contact)
            if earlier is not None:
                _fold(earlier, contact)
                plan.warnings.append(_("Line {line}: same person as line {first}, merged into it.").format(
                    line=contact.line, first=earlier.line))
                continue
            if apart:
                contact.remarks.append(apart)
            seen.add(contact)
            match, why = index.person(contact)
            row = PlanRow(contact, "person")
        else:
            key = organisation_key(contact.organisation)
            if key in seen_org:
                _fold(seen_org[key], contact)
                plan.warnings.append(_("Line {line}: same organisation as line {first}, merged into it.").format(
                    line=contact.line, first=seen_org[key].line))
                continue
            seen_org[key] = contact
            match = index.orgs.get(key)
            why = _("same name") if match else ""
            row = PlanRow(contact, "organisation")
            if contact.addresses:
                proposed.add(key)
        _kind_kept(contact, index, index.orgs.get(organisation_key(contact.organisation))
                   if contact.organisation else None)
        if match:
            row.match_id, row.match_label, row.match_reason = match[0], match[1], why
            plan.matches.append(row)
            if row.kind == "person":
                known_emails, known_phones, known_sites, known_places = index.contacts_of(match[0])
                row.additions = [e for e in contact.emails if e.casefold() not in known_emails] + \
                    [p for p in contact.phones if p not in known_phones] + \
                    [w for w in contact.websites if w not in known_sites] + \
                    [a.one_line() for a in contact.addresses if not any(a.same_place(b) for b in known_places)]
        else:
            plan.creates.append(row)
        if contact.is_person:
            for line in contact.history:
                if organisation_key(line.organisation) not in index.orgs:
                    new_orgs.setdefault(organisation_key(line.organisation), line.organisation)
        org_key = organisation_key(contact.organisation)
        if contact.is_person and contact.organisation:
            if org_key not in index.orgs:
                new_orgs.setdefault(org_key, contact.organisation)
            existing = index.orgs.get(org_key)
            work = _work_address(contact)
            if work is not None and org_key not in proposed and (existing is None
                                                                 or existing[0] not in index.orgs_with_address):
                row.org_address = work
                proposed.add(org_key)
                contact.remarks.append(_("The work address of {who} becomes the address of the organisation "
                                         "« {name} », which has none.").format(
                    who=contact.display_name, of_who=of(contact.display_name), name=existing[1] if existing else contact.organisation))
    plan.new_organisations = sorted((name for key, name in new_orgs.items() if key not in seen_org), key=normalize)
    for row in plan.rows:
        row.placements = placement.describe(row)
        plan.warnings += [_("Line {line}: {what}").format(line=row.contact.line, what=r) for r in row.contact.remarks]
    plan.refused.sort(key=lambda r: r.line)
    return plan
