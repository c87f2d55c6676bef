"""All peewee models, one module per area. Import models from here."""

from partnerdesk.store.models.base import BaseModel, JSONField
from partnerdesk.store.models.conventions import (
    Convention,
    ConventionParty,
    ConventionStep,
    ConventionTemplate,
    ConventionVersion,
)
from partnerdesk.store.models.partners import (
    Affiliation,
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    OrganisationTag,
    Person,
    PersonTag,
    Setting,
    Tag,
)

__all__ = [
    "Affiliation",
    "BaseModel",
    "Convention",
    "ConventionParty",
    "ConventionStep",
    "ConventionTemplate",
    "ConventionVersion",
    "Interaction",
    "InteractionOrganisation",
    "InteractionPerson",
    "JSONField",
    "Organisation",
    "OrganisationTag",
    "Person",
    "PersonTag",
    "Setting",
    "Tag",
]
