"""Business settings stored in the database, declared once with type and default.

UI state (geometry, columns, last folders) lives in QSettings, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.store import database
from partnerdesk.store.models import Setting


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


def get(option: Option) -> Any:
    row = Setting.get_or_none(Setting.key == option.key)
    if row is None:
        return option.default
    value = row.value
    try:
        return option.type(value)
    except (TypeError, ValueError):
        return option.default


def set_(option: Option, value: Any) -> None:
    value = option.type(value)
    with database.atomic():
        Setting.insert(key=option.key, value=value).on_conflict_replace().execute()


def identity() -> EpnIdentity:
    return EpnIdentity.from_dict(get(IDENTITY))


def save_identity(value: EpnIdentity) -> None:
    set_(IDENTITY, value.to_dict())
