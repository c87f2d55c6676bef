"""Recurring dates: every N weeks / months, month ends, skipped dates, re-planning the following ones."""

import datetime as dt

import pytest

from partnerdesk.domain.recurrence import Recurrence, RecurrenceError, add_months, replan_following

D = dt.date


def test_every_two_weeks_keeps_the_weekday():
    dates = Recurrence("weeks", 2).dates(D(2026, 1, 7), D(2026, 3, 4))
    assert dates == [D(2026, 1, 7), D(2026, 1, 21), D(2026, 2, 4), D(2026, 2, 18), D(2026, 3, 4)]
    assert {d.weekday() for d in dates} == {2}


def test_month_end_clamps_then_comes_back():
    """31 January every month: 28 February (29 in a leap year), then back to the 31st."""
    monthly = Recurrence("months", 1)
    assert monthly.dates(D(2026, 1, 31), count=5) == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31),
                                                       D(2026, 4, 30), D(2026, 5, 31)]
    assert monthly.dates(D(2028, 1, 31), count=2) == [D(2028, 1, 31), D(2028, 2, 29)]
    assert monthly.dates(D(2026, 1, 30), count=3)[1:] == [D(2026, 2, 28), D(2026, 3, 30)]


def test_every_two_months_across_the_year_end():
    dates = Recurrence("months", 2).dates(D(2026, 1, 15), D(2027, 3, 31))
    assert dates == [D(2026, m, 15) for m in (1, 3, 5, 7, 9, 11)] + [D(2027, 1, 15), D(2027, 3, 15)]
    assert add_months(D(2026, 12, 31), 2) == D(2027, 2, 28)
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)


def test_skipped_dates_are_left_out_not_moved():
    rule = Recurrence("months", 2)
    dates = rule.dates(D(2026, 1, 13), D(2026, 12, 31), skip=[D(2026, 7, 13), D(2026, 8, 1)])
    assert D(2026, 7, 13) not in dates and len(dates) == 5
    # with a count, a skipped occurrence does not count
    assert rule.dates(D(2026, 1, 13), count=3, skip=[D(2026, 3, 13)]) == [D(2026, 1, 13), D(2026, 5, 13)]


def test_bad_rules_and_periods_are_refused():
    with pytest.raises(RecurrenceError):
        Recurrence("days", 1)
    with pytest.raises(RecurrenceError):
        Recurrence("weeks", 0)
    with pytest.raises(RecurrenceError):
        Recurrence("months", 1).dates(D(2026, 5, 1), D(2026, 4, 1))
    with pytest.raises(RecurrenceError):
        Recurrence("months", 1).dates(D(2026, 5, 1))
    with pytest.raises(RecurrenceError):  # never a silent truncation
        Recurrence("weeks", 1).dates(D(2026, 1, 1), D(2040, 1, 1))
    assert Recurrence("weeks", 1).dates(D(2026, 1, 1), D(2026, 1, 1), skip=[D(2026, 1, 1)]) == []


def test_replan_following_keeps_the_length_and_jumps_skipped_dates():
    rule = Recurrence("months", 2)
    assert replan_following(rule, D(2026, 5, 20), 3) == [D(2026, 5, 20), D(2026, 7, 20), D(2026, 9, 20)]
    assert replan_following(rule, D(2026, 5, 20), 3, skip=[D(2026, 7, 20)]) == [
        D(2026, 5, 20), D(2026, 9, 20), D(2026, 11, 20)]
    assert replan_following(Recurrence("months", 1), D(2026, 1, 31), 2) == [D(2026, 1, 31), D(2026, 2, 28)]
