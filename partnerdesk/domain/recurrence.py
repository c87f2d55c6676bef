"""Recurring dates: "every N weeks" or "every N months", with skipped dates.

Used by meetings (a committee every two months), milestones and project sessions.

Month ends: every occurrence is computed from the *first* date, never from the
previous occurrence. When the first date's day does not exist in a month, the
occurrence falls on that month's last day, and the next months go back to the
first date's day where they have it:

    31/01 every month -> 28/02 (29/02 in a leap year), 31/03, 30/04, 31/05...

so a series anchored on a month end stays on month ends and never drifts to
the 28th. Weekly series keep the first date's weekday.

Skipped dates (holidays, a closed week) are left out of the series; they are
not moved to another day. An occurrence edited on its own keeps its series;
"this one and the following" re-plans the rest of the series from the new date
with the same rule (`replan_following`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from partnerdesk.domain.labels import N_, LabelledEnum

MAX_OCCURRENCES = 500  # a safety net: a series longer than this is refused, never truncated silently


class Unit(LabelledEnum):
    WEEKS = "weeks"
    MONTHS = "months"

    @classmethod
    def _labels(cls):
        return {"weeks": N_("weeks"), "months": N_("months")}


class RecurrenceError(ValueError):
    """`message` is English, marked for translation."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def add_months(day: dt.date, months: int, anchor_day: int | None = None) -> dt.date:
    """`day` moved by `months` months, on `anchor_day` (default: day's own) or the month's last day."""
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(anchor_day or day.day, last))


@dataclass(frozen=True)
class Recurrence:
    """Every `every` weeks or months."""

    unit: str = Unit.WEEKS.value
    every: int = 1

    def __post_init__(self):
        if Unit.parse(self.unit) is None:
            raise RecurrenceError(N_("Choose weeks or months."))
        if not isinstance(self.every, int) or not 1 <= self.every <= 52:
            raise RecurrenceError(N_("Enter an interval between 1 and 52."))

    def nth(self, first: dt.date, index: int) -> dt.date:
        """The occurrence number `index` (0 = `first`), counted from `first` (see month ends above)."""
        if self.unit == Unit.WEEKS.value:
            return first + dt.timedelta(weeks=self.every * index)
        return add_months(first, self.every * index)

    def dates(self, first: dt.date, last: dt.date | None = None, count: int | None = None,
              skip: Iterable[dt.date] = ()) -> list[dt.date]:
        """Occurrences from `first` up to `last` inclusive, or `count` of them, minus `skip`.

        With `count`, skipped dates do not count: 6 occurrences with one skipped gives 5 dates.
        """
        if last is None and count is None:
            raise RecurrenceError(N_("Give an end date or a number of occurrences."))
        if last is not None and last < first:
            raise RecurrenceError(N_("The end date is before the first date."))
        skipped = set(skip)
        out: list[dt.date] = []
        index = 0
        while True:
            day = self.nth(first, index)
            if last is not None and day > last:
                break
            if count is not None and index >= count:
                break
            if index >= MAX_OCCURRENCES:
                raise RecurrenceError(N_("That makes more than 500 dates: shorten the period."))
            if day not in skipped:
                out.append(day)
            index += 1
        return out


def replan_following(rule: Recurrence, new_first: dt.date, count: int,
                     skip: Iterable[dt.date] = ()) -> list[dt.date]:
    """Dates for "this occurrence and the following ones" moved to `new_first`.

    The `count` occurrences keep the rule, counted from the new date; a skipped
    date is jumped over (the series keeps its length).
    """
    skipped = set(skip)
    out: list[dt.date] = []
    index = 0
    while len(out) < count:
        if index >= MAX_OCCURRENCES:
            raise RecurrenceError(N_("That makes more than 500 dates: shorten the period."))
        day = rule.nth(new_first, index)
        if day not in skipped or index == 0:
            out.append(day)
        index += 1
    return out


def parse_dates(text: str, parse) -> list[dt.date]:
    """'18/02/2026, 25/02/2026' -> dates, with `parse` the locale's date parser (raises ValueError)."""
    out = []
    for part in (text or "").replace(";", ",").split(","):
        if part.strip():
            day = parse(part.strip())
            if day:
                out.append(day)
    return out
