"""The writes the data needs once a day, made when the data folder is opened.

Kept apart from the areas' services, and written in SQL, so that opening the data loads no model
(the conventions' service, with its versions and comparisons, loads when the tab is first shown).
"""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.convention_status import ConventionStatus
from partnerdesk.store import database

_ENDED = "status = ? AND end_date < ? AND deleted_at IS NULL"


def expire_conventions(today: dt.date | None = None) -> int:
    """Conventions in progress whose end date has passed become échues; returns how many."""
    today = today or dt.date.today()
    params = (ConventionStatus.EN_COURS.value, today.isoformat())
    if not database.execute_sql(f"SELECT EXISTS (SELECT 1 FROM convention WHERE {_ENDED})", params).fetchone()[0]:
        return 0  # most days: a read, no write transaction
    with database.atomic():
        return database.execute_sql(f"UPDATE convention SET status = ? WHERE {_ENDED}",
                                    (ConventionStatus.ECHUE.value, *params)).rowcount
