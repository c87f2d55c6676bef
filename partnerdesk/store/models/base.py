"""Base model and custom fields. Models mirror the schema that migrations create."""

from __future__ import annotations

import json

from peewee import Model, TextField

from partnerdesk.store.db import database


class JSONField(TextField):
    """A list or dict stored as JSON text."""

    def db_value(self, value):
        return json.dumps(value if value is not None else [], ensure_ascii=False)

    def python_value(self, value):
        if value is None or value == "":
            return []
        return json.loads(value)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False
