"""The due computation of the yearly review."""

import datetime as dt

from partnerdesk.domain.review import CardRef, add_months, cutoff, due_cards, is_due, next_review_on

D = dt.date


def test_verified_a_year_ago_is_due_not_a_day_before():
    assert not is_due(D(2025, 11, 23), D(2026, 11, 22))
    assert is_due(D(2025, 11, 22), D(2026, 11, 22))
    assert is_due(D(2024, 1, 1), D(2026, 11, 22))


def test_never_verified_is_always_due_and_comes_first():
    cards = [CardRef("person", 1, "Zoé", D(2020, 1, 1)), CardRef("person", 2, "Alain", None),
             CardRef("organisation", 3, "Collège", D(2026, 11, 1))]
    assert is_due(None, D(2026, 11, 22))
    assert next_review_on(None) is None
    assert [c.id for c in due_cards(cards, D(2026, 11, 22))] == [2, 1]


def test_29_february_is_due_on_28_february_of_the_next_year():
    assert next_review_on(D(2024, 2, 29)) == D(2025, 2, 28)
    assert not is_due(D(2024, 2, 29), D(2025, 2, 27))
    assert is_due(D(2024, 2, 29), D(2025, 2, 28))
    assert next_review_on(D(2024, 2, 29), 48) == D(2028, 2, 29)


def test_verified_28_february_2023_due_on_28_february_2024_not_29():
    assert next_review_on(D(2023, 2, 28)) == D(2024, 2, 28)
    assert is_due(D(2023, 2, 28), D(2024, 2, 28))


def test_other_periods_and_month_ends():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)
    assert next_review_on(D(2026, 1, 15), 6) == D(2026, 7, 15)
    assert not is_due(D(2026, 6, 1), D(2026, 11, 22), 6)
    assert is_due(D(2026, 5, 22), D(2026, 11, 22), 6)


def test_cutoff_agrees_with_is_due_on_every_day_of_four_years():
    """The database query uses `verified_on <= cutoff(today)`: it must select exactly the due cards."""
    start = D(2023, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(0, 365 * 4 + 1)]
    for period in (1, 12):
        for today in days[400::7] + [D(2025, 2, 28), D(2024, 2, 29), D(2024, 2, 28), D(2025, 3, 31)]:
            limit = cutoff(today, period)
            window = [d for d in days if abs((today - d).days) < 31 * period + 40]
            for verified in window:
                assert is_due(verified, today, period) == (verified <= limit), (verified, today, period)
