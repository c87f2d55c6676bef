"""The files that ever belonged to a person (migration 0009), for the RGPD erasure."""

from __future__ import annotations

from peewee import DateTimeField, ForeignKeyField, TextField

from partnerdesk.store.models.base import BaseModel
from partnerdesk.store.models.partners import Person


class PersonFileHistory(BaseModel):
    """One photo or consent proof a person had at some time (filled by triggers)."""

    person = ForeignKeyField(Person, on_delete="CASCADE", index=True)
    kind = TextField()  # "photo" or "proof"
    file = TextField()
    added_at = DateTimeField()

    class Meta:
        table_name = "person_file_history"
        primary_key = False
