"""Remembered column mappings: a file with the same headers maps the same way next time."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.dataio import TARGETS
from partnerdesk.services.imports.headers import headers_key
from partnerdesk.store import database
from partnerdesk.store.models import ImportMapping


def recall(headers: list[str]) -> dict[int, str] | None:
    row = ImportMapping.get_or_none(ImportMapping.headers_key == headers_key(headers))
    if row is None or not isinstance(row.mapping, dict):
        return None
    mapping = {}
    for key, target in row.mapping.items():
        if str(key).isdigit() and int(key) < len(headers) and target in TARGETS:
            mapping[int(key)] = target
    return mapping


def remember(headers: list[str], mapping: dict[int, str]) -> None:
    clean = {str(i): t for i, t in mapping.items() if t in TARGETS and t}
    with database.atomic():
        (ImportMapping.insert(headers_key=headers_key(headers), headers=list(headers), mapping=clean,
                              updated_at=dt.datetime.now())
         .on_conflict(conflict_target=[ImportMapping.headers_key],
                      update={ImportMapping.mapping: clean, ImportMapping.updated_at: dt.datetime.now()})
         .execute())
