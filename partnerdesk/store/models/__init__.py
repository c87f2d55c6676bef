"""All peewee models, one module per area. Import models from here."""

from partnerdesk.store.models.balance import DecisionGrid, FunderProfile, PartnerBenefit
from partnerdesk.store.models.base import BaseModel, JSONField
from partnerdesk.store.models.conventions import (
    Convention,
    ConventionFrozen,
    ConventionParty,
    ConventionStep,
    ConventionTemplate,
    ConventionVersion,
)
from partnerdesk.store.models.dataio import (
    ImportBatch,
    ImportBatchItem,
    ImportMapping,
    LetterTemplate,
    RgpdLog,
)
from partnerdesk.store.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingDecision,
    MeetingInvitee,
    MeetingTag,
    RecurrenceSeries,
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
from partnerdesk.store.models.files import PersonFileHistory
from partnerdesk.store.models.review import PersonPhoto, PhotoConsent

__all__ = [
    "PersonFileHistory",
    "Affiliation",
    "BaseModel",
    "Convention",
    "ConventionFrozen",
    "ConventionParty",
    "ConventionStep",
    "ConventionTemplate",
    "ConventionVersion",
    "Interaction",
    "InteractionOrganisation",
    "InteractionPerson",
    "ImportBatch",
    "ImportBatchItem",
    "ImportMapping",
    "JSONField",
    "LetterTemplate",
    "Organisation",
    "OrganisationTag",
    "Person",
    "PersonPhoto",
    "PersonTag",
    "PhotoConsent",
    "RgpdLog",
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
    # meetings
    "Meeting",
    "MeetingAction",
    "MeetingDecision",
    "MeetingInvitee",
    "MeetingTag",
    "RecurrenceSeries",
    # balance
    "DecisionGrid",
    "FunderProfile",
    "PartnerBenefit",
]
