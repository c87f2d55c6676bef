"""The writes the data needs once a day, made when the data folder is opened.

Kept apart from the areas' services so that opening the data imports only the models (the
conventions' service, with its versions and comparisons, loads when the tab is first shown).
"""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.convention_status import ConventionStatus
from partnerdesk.store import database
from partnerdesk.store.models import Convention


def expire_conventions(today: dt.date | None = None) -> int:
    """Conventions in progress whose end date has passed become échues; returns how many."""
    today = today or dt.date.today()
    ended = ((Convention.status == ConventionStatus.EN_COURS.value) & (Convention.end_date < today)
             & Convention.deleted_at.is_null())
    if not Convention.select().where(ended).exists():  # most days: a read, no write transaction
        return 0
    with database.atomic():
        return Convention.update(status=ConventionStatus.ECHUE.value).where(ended).execute()
