"""Photos of people and image-rights consent (migration 0003)."""

from __future__ import annotations

from peewee import BooleanField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from partnerdesk.store.models.base import BaseModel, JSONField
from partnerdesk.store.models.partners import Person


class PersonPhoto(BaseModel):
    person = ForeignKeyField(Person, primary_key=True, on_delete="CASCADE")
    file = TextField()
    width = IntegerField(default=0)
    height = IntegerField(default=0)
    source_name = TextField(default="")
    added_at = DateTimeField()


class PhotoConsent(BaseModel):
    person = ForeignKeyField(Person, primary_key=True, on_delete="CASCADE")
    given = BooleanField(default=False)
    given_on = DateField(null=True)
    scopes = JSONField(default=list)
    proof = TextField(default="")
    updated_at = DateTimeField()
