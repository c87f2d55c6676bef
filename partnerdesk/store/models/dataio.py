"""Import batches, remembered mappings and the RGPD log (migration 0007)."""

from __future__ import annotations

from peewee import DateTimeField, ForeignKeyField, IntegerField, TextField

from partnerdesk.store.models.base import BaseModel, JSONField


class ImportBatch(BaseModel):
    source_name = TextField(default="")
    format = TextField(default="")
    created_at = DateTimeField()
    undone_at = DateTimeField(null=True)
    summary = JSONField(default=dict)


class ImportBatchItem(BaseModel):
    batch = ForeignKeyField(ImportBatch, backref="items", on_delete="CASCADE")
    entity = TextField()
    entity_id = IntegerField()
    action = TextField()
    before = JSONField(default=dict)


class ImportMapping(BaseModel):
    headers_key = TextField(unique=True)
    headers = JSONField(default=list)
    mapping = JSONField(default=dict)
    updated_at = DateTimeField()


class RgpdLog(BaseModel):
    occurred_at = DateTimeField()
    action = TextField()
    person_id = IntegerField(null=True)
    what = TextField(default="")
    done_by = TextField(default="")


class LetterTemplate(BaseModel):
    name = TextField(unique=True)
    subject = TextField(default="")
    body = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()
