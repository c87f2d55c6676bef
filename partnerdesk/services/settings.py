"""Business settings stored in the database, declared once with type and default.

UI state (geometry, columns, last folders) lives in QSettings, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from partnerdesk.store import database
from partnerdesk.store.fields import JSONField

if TYPE_CHECKING:  # loaded by identity(): the review banner's count, at start, reads a setting only
    from partnerdesk.domain.identity import EpnIdentity


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any


OPTIONS: dict[str, Option] = {}


def declare(key: str, type_: type, default: Any) -> Option:
    option = Option(key, type_, default)
    OPTIONS[key] = option
    return option


IDENTITY = declare("epn.identity", dict, {})
REVIEW_PERIOD_MONTHS = declare("review.period_months", int, 12)
RGPD_INACTIVE_YEARS = declare("rgpd.inactive_years", int, 3)
#: the language of every document handed out (PDF, ODT, letters), whatever the interface language
DOCUMENT_LANGUAGE = declare("documents.language", str, "fr")


def document_language() -> str:
    value = get(DOCUMENT_LANGUAGE)
    return value if value in ("fr", "en") else "fr"


# The `setting` table (model `Setting`: a key and a JSON value) is read and written in SQL here,
# with the model's field for the JSON: the review banner's count reads a setting while the window
# is built, before any model loads.
_VALUE = JSONField()

def get(option: Option) -> Any:
    row = database.execute_sql("SELECT value FROM setting WHERE key = ?", (option.key,)).fetchone()
    if row is None:
        return option.default
    try:
        return option.type(_VALUE.python_value(row[0]))
    except (TypeError, ValueError):
        return option.default


def set_(option: Option, value: Any) -> None:
    value = option.type(value)
    with database.atomic():
        database.execute_sql("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                             (option.key, _VALUE.db_value(value)))


def identity() -> EpnIdentity:
    from partnerdesk.domain.identity import EpnIdentity

    return EpnIdentity.from_dict(get(IDENTITY))


def save_identity(value: EpnIdentity) -> None:
    set_(IDENTITY, value.to_dict())
