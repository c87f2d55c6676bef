"""Base model and custom fields. Models mirror the schema that migrations create."""

from __future__ import annotations

from peewee import Model

from partnerdesk.store.db import database
from partnerdesk.store.fields import JSONField  # noqa: F401 - the models' custom field


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False
