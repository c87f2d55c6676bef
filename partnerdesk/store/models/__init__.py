"""All peewee models, one module per area. Import models from here."""

from partnerdesk.store.models.base import BaseModel, JSONField
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
from partnerdesk.store.models.projects import (
    BudgetLine,
    PartnerContribution,
    Milestone,
    Project,
    ProjectNeed,
    ProjectPartner,
    ProjectPhoto,
    ProjectPhotoPerson,
    ProjectSession,
    Realization,
    SessionParticipant,
    StaffTime,
    StageMove,
    TodoState,
)
from partnerdesk.store.models.review import PersonPhoto, PhotoConsent

__all__ = [
    "Affiliation",
    "BaseModel",
    "Interaction",
    "InteractionOrganisation",
    "InteractionPerson",
    "JSONField",
    "Organisation",
    "OrganisationTag",
    "Person",
    "PersonPhoto",
    "PersonTag",
    "PhotoConsent",
    "Setting",
    "Tag",
    # projects
    "BudgetLine",
    "PartnerContribution",
    "Milestone",
    "Project",
    "ProjectNeed",
    "ProjectPartner",
    "ProjectPhoto",
    "ProjectPhotoPerson",
    "ProjectSession",
    "Realization",
    "SessionParticipant",
    "StaffTime",
    "StageMove",
    "TodoState",
]
