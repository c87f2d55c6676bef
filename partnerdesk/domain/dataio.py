"""Plain records of data brought in and out: contacts read from a file, the
fields a column can be mapped to, refused rows."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain.affiliation_cells import AffiliationLine
from partnerdesk.domain.contact_points import Address
from partnerdesk.domain.labels import N_

# Fields a column of a CSV file can be mapped to ("" = ignore the column).
# Multi-valued fields collect every column mapped to them. A "..._type" column names the kind
# (work, home, mobile...) of the value in the next column of that field (Google's "Phone 1 - Label").
TARGETS: dict[str, str] = {
    "": N_("(ignore)"),
    "first_name": N_("First name"),
    "middle_name": N_("Middle name"),
    "last_name": N_("Last name"),
    "full_name": N_("Full name"),
    "nickname": N_("Nickname"),
    "email": N_("Email"),
    "email_type": N_("Kind of the next email"),
    "phone": N_("Phone"),
    "mobile_phone": N_("Mobile phone"),
    "work_phone": N_("Work phone"),
    "home_phone": N_("Home phone"),
    "fax": N_("Fax"),
    "phone_type": N_("Kind of the next phone"),
    "organisation": N_("Organisation"),
    "department": N_("Department"),
    "title": N_("Job title"),
    "address": N_("Address"),
    "postcode": N_("Postcode"),
    "city": N_("City"),
    "region": N_("Region"),
    "country": N_("Country"),
    "address_type": N_("Kind of the address"),
    "address2": N_("Address 2"),
    "postcode2": N_("Postcode 2"),
    "city2": N_("City 2"),
    "region2": N_("Region 2"),
    "country2": N_("Country 2"),
    "address2_type": N_("Kind of address 2"),
    "work_address": N_("Work address"),
    "work_postcode": N_("Work postcode"),
    "work_city": N_("Work city"),
    "work_region": N_("Work region"),
    "work_country": N_("Work country"),
    "home_address": N_("Home address"),
    "home_postcode": N_("Home postcode"),
    "home_city": N_("Home city"),
    "home_region": N_("Home region"),
    "home_country": N_("Home country"),
    "website": N_("Website"),
    "website_type": N_("Kind of the next website"),
    "notes": N_("Notes"),
    "tags": N_("Tags"),
    "org_kind": N_("Kind of organisation"),
    "org_status": N_("Status of the organisation"),
    "publics": N_("Publics"),
    "contributions": N_("Contributions"),
    "relais": N_("Relay"),
    "occupation": N_("Occupation (without an organisation)"),
    "affiliation_start": N_("Start of the affiliation"),
    "other_affiliations": N_("Other affiliations"),
    "civility": N_("Civility"),
    "decision_circuit": N_("Decision circuit"),
    "contact_cadence": N_("Contact cadence (days)"),
    "article": N_("Article"),
    "verified_on": N_("Checked on"),
}
MULTI_TARGETS = {"email", "phone", "mobile_phone", "work_phone", "home_phone", "fax", "tags", "notes", "address",
                 "address2", "work_address", "home_address", "website"}
# target -> (address slot, part); a slot becomes one address of the contact
ADDRESS_TARGETS = {
    f"{prefix}{part}{suffix}": (slot, part)
    for slot, prefix, suffix in (("1", "", ""), ("2", "", "2"), ("work", "work_", ""), ("home", "home_", ""))
    for part in ("address", "postcode", "city", "region", "country")
}
ADDRESS_TARGETS.update({"address_type": ("1", "type"), "address2_type": ("2", "type")})
# The columns of PartnerDesk's own list exports (services/exports/selection.py) and, for each, the
# importer's target: the importer recognises these files, in English or French, and reads them back.
# Columns added after a release are in OPTIONAL_EXPORT_COLUMNS: a list written before them is still recognised.
PEOPLE_EXPORT = ((N_("First name"), "first_name"), (N_("Last name"), "last_name"), (N_("Emails"), "email"),
                 (N_("Phones"), "phone"), (N_("Organisation"), "organisation"), (N_("Job title"), "title"),
                 (N_("Relay"), "relais"), (N_("Tags"), "tags"), (N_("Notes"), "notes"),
                 (N_("Department"), "department"), (N_("Occupation"), "occupation"), (N_("Websites"), "website"),
                 (N_("Home address"), "home_address"), (N_("Work address"), "work_address"),
                 (N_("Other address"), "address"), (N_("Start of the affiliation"), "affiliation_start"),
                 (N_("Other affiliations"), "other_affiliations"), (N_("Civility"), "civility"),
                 (N_("Checked on"), "verified_on"))
ORGANISATION_EXPORT = ((N_("Name"), "organisation"), (N_("Kind"), "org_kind"), (N_("Status"), "org_status"),
                       (N_("Address"), "address"), (N_("Postcode"), "postcode"), (N_("City"), "city"),
                       (N_("Country"), "country"), (N_("Phone"), "phone"), (N_("Email"), "email"),
                       (N_("Website"), "website"), (N_("Publics"), "publics"), (N_("Contributions"), "contributions"),
                       (N_("Tags"), "tags"), (N_("Notes"), "notes"), (N_("Decision circuit"), "decision_circuit"),
                       (N_("Contact cadence (days)"), "contact_cadence"), (N_("Article"), "article"),
                       (N_("Checked on"), "verified_on"))
OPTIONAL_EXPORT_COLUMNS = {"affiliation_start", "other_affiliations", "civility", "decision_circuit", "contact_cadence",
                           "article", "verified_on"}
# How the exports join several values (and several addresses) in one cell.
EXPORT_SEPARATOR = ", "
EXPORT_ADDRESS_SEPARATOR = " / "
PHONE_TARGETS = {"phone": "", "mobile_phone": "mobile", "work_phone": "work", "home_phone": "home", "fax": "fax"}

MAX_PHOTO_BYTES = 15 * 1024 * 1024


@dataclass
class Contact:
    """One person or organisation read from a file, before anything is written."""

    line: int
    first_name: str = ""
    middle_name: str = ""
    last_name: str = ""
    full_name: str = ""
    nickname: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    labels: dict[str, dict] = field(default_factory=dict)  # value -> {"kind": ..., "ext": ...}
    organisation: str = ""
    department: str = ""
    title: str = ""
    addresses: list[Address] = field(default_factory=list)
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    photo: bytes | None = None
    photo_ext: str = ""
    logo: bytes | None = None  # the organisation's logo (or the photo of an organisation's card)
    logo_ext: str = ""
    noted: list[tuple[str, str]] = field(default_factory=list)  # (English label, value): kept in the notes
    remarks: list[str] = field(default_factory=list)  # for the review: what was changed, derived or left out
    left_out: list[str] = field(default_factory=list)  # pictures left out (already in the file's warnings)
    derived_name: bool = False
    notes_from_file: bool = False
    # what PartnerDesk's own lists carry (services/imports/vocabulary.py): codes of domain/partners.py
    kind: str = ""  # of an organisation
    status: str = ""
    publics: list[str] = field(default_factory=list)
    contributions: list[str] = field(default_factory=list)
    relais: bool | None = None
    occupation: str = ""  # a job held without an organisation (the person card's "title")
    since: dt.date | None = None  # start of the affiliation to `organisation`
    history: list[AffiliationLine] = field(default_factory=list)  # other affiliations, past ones too
    civility: str = ""  # "madame", "monsieur" (domain/grammar.py)
    decision_circuit: str = ""  # of an organisation
    cadence: int | None = None  # an organisation's contact cadence, in days
    article: str | None = None  # an organisation's article form (domain/grammar.ARTICLES); None = proposed
    verified_on: dt.date | None = None  # the card was last checked in the yearly review
    checked_column: bool = False  # the file has a "Checked on" column: an empty cell means never checked
    from_own_list: bool = False  # a row of PartnerDesk's own list: its phones are kept as they are written

    def copy(self) -> Contact:
        """A copy whose lists can be changed without touching this one (cheaper than deepcopy)."""
        twin = copy.copy(self)
        twin.emails, twin.phones, twin.tags = list(self.emails), list(self.phones), list(self.tags)
        twin.websites, twin.labels, twin.remarks = list(self.websites), dict(self.labels), list(self.remarks)
        twin.noted, twin.left_out = list(self.noted), list(self.left_out)
        twin.addresses = [copy.copy(a) for a in self.addresses]
        twin.publics, twin.contributions, twin.history = list(self.publics), list(self.contributions), list(self.history)
        return twin

    @property
    def website(self) -> str:
        return self.websites[0] if self.websites else ""

    def add_value(self, field_name: str, value: str, kind: str = "", ext: str = "") -> None:
        """Add an email, phone or website once, with its kind (work, home, mobile...) and extension."""
        values = getattr(self, field_name)
        value = value.strip()
        if not value:
            return
        known = value.casefold() if field_name == "emails" else value
        if known not in [v.casefold() if field_name == "emails" else v for v in values]:
            values.append(value)
        label = dict(self.labels.get(value, {}))
        if kind and kind != "other" and not label.get("kind"):
            label["kind"] = kind
        if ext and not label.get("ext"):
            label["ext"] = ext
        if label:
            self.labels[value] = label

    def add_address(self, address: Address) -> None:
        if address.is_empty or any(address.same_place(a) for a in self.addresses):
            return
        self.addresses.append(address)

    @property
    def is_person(self) -> bool:
        return bool(self.first_name or self.last_name or self.full_name)

    @property
    def display_name(self) -> str:
        name = f"{self.first_name} {self.last_name}".strip() or self.full_name
        return name or self.organisation

    def split_full_name(self) -> None:
        """Fill first/last name from a full name: "Hélène Martin" -> Hélène / Martin."""
        if self.full_name and not (self.first_name or self.last_name):
            parts = self.full_name.split()
            if len(parts) == 1:
                self.last_name = parts[0]
            else:
                self.first_name, self.last_name = parts[0], " ".join(parts[1:])


@dataclass
class Refusal:
    """A row that will not be imported: line number in the file, and why."""

    line: int
    reason: str
    text: str = ""


# Merge fields of a letter to a group, with what they hold.
LETTER_FIELDS: dict[str, str] = {
    "nom_complet": N_("full name of the person, or name of the organisation"),
    "prenom": N_("first name"),
    "nom": N_("last name"),
    "organisation": N_("organisation"),
    "fonction": N_("job title"),
    "adresse": N_("street address"),
    "code_postal": N_("postcode"),
    "ville": N_("city"),
    "date": N_("today's date"),
    "epn": N_("name of the EPN"),
    "salutation": N_("“Madame,” or “Monsieur,” by the person's civility (“Madame, Monsieur,” otherwise)"),
}


@dataclass
class Letter:
    """One addressed letter, merge fields already filled."""

    recipient: list[str]  # address block lines
    subject: str
    body: str
    place_date: str
    signatory: list[str] = field(default_factory=list)


@dataclass
class LetterTemplateData:
    name: str
    subject: str = ""
    body: str = ""
    id: int | None = None
