"""Plain records of data brought in and out: contacts read from a file, the
fields a column can be mapped to, refused rows."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from partnerdesk.domain.labels import N_

# Fields a column of a CSV file can be mapped to ("" = ignore the column).
# Multi-valued fields collect every column mapped to them.
TARGETS: dict[str, str] = {
    "": N_("(ignore)"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "full_name": N_("Full name"),
    "email": N_("Email"),
    "phone": N_("Phone"),
    "organisation": N_("Organisation"),
    "title": N_("Job title"),
    "address": N_("Address"),
    "postcode": N_("Postcode"),
    "city": N_("City"),
    "country": N_("Country"),
    "website": N_("Website"),
    "notes": N_("Notes"),
    "tags": N_("Tags"),
}
MULTI_TARGETS = {"email", "phone", "tags", "notes", "address"}

MAX_PHOTO_BYTES = 15 * 1024 * 1024


@dataclass
class Contact:
    """One person or organisation read from a file, before anything is written."""

    line: int
    first_name: str = ""
    last_name: str = ""
    full_name: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    organisation: str = ""
    title: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    website: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    photo: bytes | None = None
    photo_ext: str = ""

    def copy(self) -> Contact:
        """A copy whose lists can be changed without touching this one (cheaper than deepcopy)."""
        twin = copy.copy(self)
        twin.emails, twin.phones, twin.tags = list(self.emails), list(self.phones), list(self.tags)
        return twin

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
