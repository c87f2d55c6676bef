"""Vocabulary and plain records of partner organisations and their people."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain.contact_points import Address
from partnerdesk.domain.labels import N_, LabelledEnum


class OrgKind(LabelledEnum):
    SERVICE_MUNICIPAL = "service_municipal"
    ETABLISSEMENT_SCOLAIRE = "etablissement_scolaire"
    ASSOCIATION = "association"
    ENTREPRISE = "entreprise"
    INSTITUTION_PUBLIQUE = "institution_publique"
    FONDATION = "fondation"
    AUTRE = "autre"

    @classmethod
    def _labels(cls):
        return {
            "service_municipal": N_("Municipal service / local authority"),
            "etablissement_scolaire": N_("School"),
            "association": N_("Association"),
            "entreprise": N_("Company"),
            "institution_publique": N_("Public institution"),
            "fondation": N_("Foundation"),
            "autre": N_("Other"),
        }


class OrgStatus(LabelledEnum):
    PROSPECT = "prospect"
    ACTIF = "actif"
    ANCIEN = "ancien"
    ECARTE = "ecarte"

    @classmethod
    def _labels(cls):
        return {
            "prospect": N_("Prospect"),
            "actif": N_("Active"),
            "ancien": N_("Former"),
            "ecarte": N_("Set aside"),
        }


class Public(LabelledEnum):
    JEUNES = "jeunes"
    SCOLAIRES = "scolaires"
    SENIORS = "seniors"
    DEMANDEURS_EMPLOI = "demandeurs_emploi"
    FAMILLES = "familles"
    ELOIGNES_NUMERIQUE = "eloignes_numerique"
    TOUT_PUBLIC = "tout_public"

    @classmethod
    def _labels(cls):
        return {
            "jeunes": N_("Young people"),
            "scolaires": N_("Pupils"),
            "seniors": N_("Seniors"),
            "demandeurs_emploi": N_("Job seekers"),
            "familles": N_("Families"),
            "eloignes_numerique": N_("People far from digital"),
            "tout_public": N_("General public"),
        }


class Contribution(LabelledEnum):
    FINANCEMENT = "financement"
    MATERIEL = "materiel"
    LOCAUX = "locaux"
    INTERVENANTS = "intervenants"
    PUBLIC = "public"
    NOTORIETE = "notoriete"
    COMPETENCES = "competences"
    RELAIS_COMMUNICATION = "relais_communication"

    @classmethod
    def _labels(cls):
        return {
            "financement": N_("Funding"),
            "materiel": N_("Equipment"),
            "locaux": N_("Premises"),
            "intervenants": N_("Speakers"),
            "public": N_("Audience"),
            "notoriete": N_("Reputation"),
            "competences": N_("Skills"),
            "relais_communication": N_("Communication relay"),
        }


class InteractionKind(LabelledEnum):
    RENCONTRE = "rencontre"
    APPEL = "appel"
    MAIL = "mail"
    EVENEMENT = "evenement"
    VOEUX = "voeux"
    COMITE = "comite"
    AUTRE = "autre"

    @classmethod
    def _labels(cls):
        return {
            "rencontre": N_("Meeting"),
            "appel": N_("Call"),
            "mail": N_("Email message"),
            "evenement": N_("Event"),
            "voeux": N_("Season's greetings"),
            "comite": N_("Committee"),
            "autre": N_("Other"),
        }


@dataclass
class OrganisationData:
    """An organisation card as the services hand it out and take it in."""

    name: str
    kind: str = OrgKind.AUTRE.value
    status: str = OrgStatus.PROSPECT.value
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    publics: list[str] = field(default_factory=list)
    contributions: list[str] = field(default_factory=list)
    decision_circuit: str = ""
    notes: str = ""
    contact_cadence_days: int | None = None
    verified_on: dt.date | None = None
    id: int | None = None
    article: str | None = None  # domain/grammar.py ARTICLES; None = proposed from the name and kind
    logo: str = ""  # file name in logos/ (set through services.org_logos, not by card saves)


@dataclass
class PersonData:
    last_name: str
    first_name: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    relais: bool = False
    notes: str = ""
    verified_on: dt.date | None = None
    id: int | None = None
    civility: str = ""  # "madame", "monsieur" or "" (domain/grammar.py)
    addresses: list[Address] = field(default_factory=list)  # home, work, other
    websites: list[str] = field(default_factory=list)
    labels: dict[str, dict] = field(default_factory=dict)  # email/phone/website -> {"kind", "ext"}
    title: str = ""  # a job title held without an organisation

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class AffiliationData:
    person_id: int
    organisation_id: int
    role: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    id: int | None = None
    department: str = ""

    @property
    def is_current(self) -> bool:
        return self.end_date is None


@dataclass
class OrganisationSummary:
    """One row of the organisations list."""

    id: int
    name: str
    kind: str
    city: str
    status: str
    tags: list[str] = field(default_factory=list)
    last_contact: dt.date | None = None
    next_action: str = ""


@dataclass
class OrganisationRow(OrganisationSummary):
    """A row of the Partenaires list: the summary plus what the filters and colours need."""

    publics: list[str] = field(default_factory=list)
    contributions: list[str] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    email: str = ""
    contact_cadence_days: int | None = None
    cadence: str = "none"
    next_due: dt.date | None = None


@dataclass
class Member:
    """A person seen from an organisation: the person and one affiliation (current or past)."""

    person: PersonData
    affiliation: AffiliationData

    @property
    def person_id(self) -> int:
        return self.person.id

    @property
    def full_name(self) -> str:
        return self.person.full_name

    @property
    def role(self) -> str:
        return self.affiliation.role

    @property
    def is_current(self) -> bool:
        return self.affiliation.is_current


@dataclass
class PersonRow:
    """A row of the people list."""

    id: int
    first_name: str
    last_name: str
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    relais: bool = False
    organisations: list[str] = field(default_factory=list)
    organisation_ids: list[int] = field(default_factory=list)  # current ones, for the filters
    organisation_kinds: list[str] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class TagData:
    name: str
    colour: str = "#7a8ca3"
    organisations: int = 0
    people: int = 0
    id: int | None = None


@dataclass
class DuplicateMatch:
    """An existing card that looks like the one being saved."""

    kind: str  # "organisation" or "person"
    id: int
    name: str
    reason: str  # "name" or "email"


@dataclass
class TrashItem:
    kind: str  # "organisation" or "person"
    id: int
    name: str
    deleted_at: dt.datetime


def unique_emails(emails) -> list[str]:
    """Emails without blanks or duplicates (ignoring case), in their first order."""
    seen, out = set(), []
    for email in emails:
        email = (email or "").strip()
        if email and email.casefold() not in seen:
            seen.add(email.casefold())
            out.append(email)
    return out


def mailto_bcc(emails) -> str:
    """A mailto: address with every email in Bcc (nothing in To)."""
    from urllib.parse import quote

    return "mailto:?bcc=" + ",".join(quote(e, safe="@.-_") for e in unique_emails(emails))
