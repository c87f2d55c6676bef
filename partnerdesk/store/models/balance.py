"""Benefits, main funders, decision grids (migration 0014). Staff time is in `projects`."""

from __future__ import annotations

from peewee import BooleanField, DateField, DateTimeField, ForeignKeyField, TextField

from partnerdesk.store.models.base import BaseModel, JSONField
from partnerdesk.store.models.partners import Organisation
from partnerdesk.store.models.projects import Project


class PartnerBenefit(BaseModel):
    organisation = ForeignKeyField(Organisation, backref="benefits", on_delete="CASCADE")
    project = ForeignKeyField(Project, null=True, on_delete="SET NULL")
    benefit = TextField()
    note = TextField(default="")
    noted_on = DateField()
    created_at = DateTimeField()


class FunderProfile(BaseModel):
    organisation = ForeignKeyField(Organisation, primary_key=True, on_delete="CASCADE")
    main_funder = BooleanField(default=False)
    conditions = TextField(default="")
    updated_at = DateTimeField()


class DecisionGrid(BaseModel):
    organisation = ForeignKeyField(Organisation, backref="decision_grids", on_delete="CASCADE")
    project = ForeignKeyField(Project, null=True, on_delete="CASCADE")
    answers = JSONField(default=list)
    verdict = TextField(default="")
    decided_on = DateField(null=True)
    note = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()
