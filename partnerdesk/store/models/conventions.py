"""Convention templates, conventions, parties, circuit steps and versions (migration 0005)."""

from __future__ import annotations

from peewee import BooleanField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from partnerdesk.store.models.base import BaseModel, JSONField
from partnerdesk.store.models.partners import Organisation


class ConventionTemplate(BaseModel):
    name = TextField()
    description = TextField(default="")
    content = JSONField(default=dict)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    deleted_at = DateTimeField(null=True)


class Convention(BaseModel):
    project_id = IntegerField(null=True)
    title = TextField()
    status = TextField(default="brouillon")
    start_date = DateField(null=True)
    end_date = DateField(null=True)
    signed_on = DateField(null=True)
    place = TextField(default="")
    sessions_count = IntegerField(null=True)
    people_count = IntegerField(null=True)
    sections = JSONField(default=list)
    version = IntegerField(default=0)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    deleted_at = DateTimeField(null=True)
    amends_id = IntegerField(null=True)  # an amendment: the signed convention it amends (migration 0015)
    language = TextField(default="fr")  # what its text, labels and grammar are written in (migration 0020)
    template_id = IntegerField(null=True)  # the user template it was made from (migration 0021)


class ConventionParty(BaseModel):
    convention = ForeignKeyField(Convention, backref="parties", on_delete="CASCADE")
    position = IntegerField(default=0)
    organisation = ForeignKeyField(Organisation, null=True, on_delete="SET NULL")
    is_epn = BooleanField(default=False)
    name = TextField()
    kind = TextField(default="")
    address = TextField(default="")
    signatory = TextField(default="")
    signatory_title = TextField(default="")
    engagements = TextField(default="")


class ConventionStep(BaseModel):
    convention = ForeignKeyField(Convention, backref="steps", on_delete="CASCADE")
    position = IntegerField(default=0)
    label = TextField()
    who = TextField(default="")
    status = TextField(default="a_faire")
    started_on = DateField(null=True)
    decided_on = DateField(null=True)
    comment = TextField(default="")


class ConventionVersion(BaseModel):
    convention = ForeignKeyField(Convention, backref="versions", on_delete="CASCADE")
    number = IntegerField()
    kind = TextField(default="saved")  # created, saved, restored, amendment
    note = TextField(default="")
    content = JSONField(default=dict)
    created_at = DateTimeField()


class ConventionFrozen(BaseModel):
    """The merged text of a convention at its signature (migration 0008), one per version."""

    convention = ForeignKeyField(Convention, backref="frozen", on_delete="CASCADE")
    version = IntegerField()
    frozen_at = DateTimeField()
    document = JSONField(default=dict)
