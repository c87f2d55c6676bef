"""Values as the database holds them, converted in one place: the models' custom field
(`JSONField`) and the dates read by plain SQL (`date_from_sql`). Apart from the models so that
code writing SQL before any model loads (the settings, the review banner's count) shares them.
"""

from __future__ import annotations

import datetime as dt
import json

from peewee import TextField


class JSONField(TextField):
    """A list or dict stored as JSON text."""

    def db_value(self, value):
        return json.dumps(value if value is not None else [], ensure_ascii=False)

    def python_value(self, value):
        if value is None or value == "":
            return []
        return json.loads(value)


def date_from_sql(value) -> dt.date | None:
    """A date column (or the day of a date-time one) as plain SQL returns it: ISO text, None or "",
    or already a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value
