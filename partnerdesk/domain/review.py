"""The yearly card review: when is a card due, and in which order.

A card (person or organisation) not verified for `period_months` months is due.
A card never verified is always due, and comes first. Month arithmetic clamps to
the end of the month, so a card verified on 29 February 2024 is due again on
28 February 2025 with the default period of 12 months.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from partnerdesk.domain.labels import N_, LabelledEnum

DEFAULT_PERIOD_MONTHS = 12


class CardKind(LabelledEnum):
    PERSON = "person"
    ORGANISATION = "organisation"

    @classmethod
    def _labels(cls):
        return {"person": N_("Person"), "organisation": N_("Organisation")}


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` (negative goes back), clamped to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def next_review_on(verified_on: dt.date | None, period_months: int = DEFAULT_PERIOD_MONTHS) -> dt.date | None:
    """The day the card becomes due again; None for a card never verified (due now)."""
    if verified_on is None:
        return None
    return add_months(verified_on, max(1, int(period_months)))


def is_due(verified_on: dt.date | None, today: dt.date, period_months: int = DEFAULT_PERIOD_MONTHS) -> bool:
    due_on = next_review_on(verified_on, period_months)
    return due_on is None or today >= due_on


def cutoff(today: dt.date, period_months: int = DEFAULT_PERIOD_MONTHS) -> dt.date:
    """Cards verified on or before this day are due (the inverse of `next_review_on`).

    Going back from 28 February 2025 by 12 months gives 28 February 2024, but a card
    verified on 29 February 2024 is also due that day: when `today` is the last day of
    its month, every later day of the same month a period ago counts too.
    """
    back = add_months(today, -max(1, int(period_months)))
    if today.day == calendar.monthrange(today.year, today.month)[1]:
        back = back.replace(day=calendar.monthrange(back.year, back.month)[1])
    return back


@dataclass(frozen=True)
class CardRef:
    """One card to review."""

    kind: str
    id: int
    name: str
    verified_on: dt.date | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)


def review_order(card: CardRef) -> tuple:
    """Oldest first: never verified, then by verification date, then by name."""
    return (card.verified_on is not None, card.verified_on or dt.date.min, card.name.casefold(), card.kind, card.id)


def due_cards(cards: list[CardRef], today: dt.date, period_months: int = DEFAULT_PERIOD_MONTHS) -> list[CardRef]:
    return sorted((c for c in cards if is_due(c.verified_on, today, period_months)), key=review_order)
