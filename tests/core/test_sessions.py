"""Sessions: recurring creation, validation, attendance totals per month."""

import datetime as dt

import pytest

from partnerdesk.domain.project_rules import parse_time, session_totals, weekly_dates
from partnerdesk.domain.projects import ProjectData, SessionData
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import projects, sessions


def test_weekly_dates_skip():
    dates = weekly_dates(dt.date(2026, 1, 7), dt.date(2026, 6, 24), skip=[dt.date(2026, 2, 18)])
    assert dates[0] == dt.date(2026, 1, 7) and dates[-1] == dt.date(2026, 6, 24)
    assert len(dates) == 24 and dt.date(2026, 2, 18) not in dates
    assert all(d.weekday() == 2 for d in dates)
    assert weekly_dates(dt.date(2026, 2, 1), dt.date(2026, 1, 1)) == []


def test_recurring_sessions_and_totals(store):
    p = projects.create_project(ProjectData("Tablettes"))
    template = SessionData(p.id, dt.date(2026, 1, 7), "14h", "16h00", "EPN", "Hélène", planned_attendance=10)
    made = sessions.create_recurring(template, dt.date(2026, 1, 7), dt.date(2026, 6, 24),
                                     skip=[dt.date(2026, 2, 18), dt.date(2026, 2, 25)])
    assert len(made) == 23 and made[0].start_time == "14:00" and made[0].end_time == "16:00"
    jan = [s for s in made if s.held_on.month == 1]
    for s, actual in zip(jan, (8, 10, 6, 9)):
        s.actual_attendance = actual
        sessions.update_session(s)
    totals = sessions.totals(p.id, today=dt.date(2026, 1, 31))
    assert (totals.held, totals.scheduled, totals.participants, totals.planned) == (4, 23, 33, 40)
    assert totals.rate == pytest.approx(33 / 40)
    assert [(m.month, m.sessions, m.participants) for m in totals.per_month] == [(1, 4, 33)]


def test_rate_counts_only_sessions_with_both_figures():
    sess = [SessionData(1, dt.date(2026, 3, 4), planned_attendance=10, actual_attendance=5),
            SessionData(1, dt.date(2026, 3, 11), planned_attendance=None, actual_attendance=7),
            SessionData(1, dt.date(2026, 4, 1), planned_attendance=8, actual_attendance=8),
            SessionData(1, dt.date(2026, 4, 8), planned_attendance=8, cancelled=True),
            SessionData(1, dt.date(2026, 5, 6), planned_attendance=8)]
    t = session_totals(sess, dt.date(2026, 4, 30))
    assert (t.held, t.scheduled, t.participants) == (3, 4, 20)
    assert t.rate == pytest.approx(13 / 18)
    assert [(m.month, m.rate) for m in t.per_month] == [(3, 0.5), (4, 1.0)]
    assert session_totals([], dt.date(2026, 1, 1)).rate is None


def test_session_validation_and_participants(store):
    p = projects.create_project(ProjectData("Tablettes"))
    with pytest.raises(ValidationError) as err:
        sessions.create_session(SessionData(p.id, dt.date(2026, 1, 7), "25:00", "16:00", planned_attendance=-1))
    assert set(err.value.errors) == {"start_time", "planned_attendance"}
    with pytest.raises(ValidationError) as err:
        sessions.create_session(SessionData(p.id, dt.date(2026, 1, 7), "16:00", "14:00"))
    assert set(err.value.errors) == {"end_time"}
    assert sessions.sessions_of(p.id) == []
    s = sessions.create_session(SessionData(p.id, dt.date(2026, 1, 7), "9:30", "11h",
                                            participants=["Zoé N'Diaye", ""]))
    assert sessions.get_session(s.id).participants == ["Zoé N'Diaye"]
    with pytest.raises(ValidationError):
        sessions.create_recurring(SessionData(p.id, dt.date(2026, 1, 7)), dt.date(2026, 2, 1), dt.date(2026, 1, 1))


def test_changed_since_names_the_sessions_with_something_entered_after(store):
    p = projects.create_project(ProjectData("Tablettes"))
    template = SessionData(p.id, dt.date(2026, 1, 7), "14h", "16h")
    made = sessions.read_sessions(s.id for s in sessions.create_recurring(template, dt.date(2026, 1, 7),
                                                                           dt.date(2026, 1, 28)))
    assert len(made) == 4 and sessions.changed_since(made) == []
    first, second, third = sessions.sessions_of(p.id)[:3]
    first.participants = ["Agnès Martin"]
    sessions.update_session(first)
    sessions.set_held(second.id, True)
    sessions.delete_session(third.id)  # gone: nothing of it left to lose
    assert [s.id for s in sessions.changed_since(made)] == [first.id, second.id]
    assert sessions.changed_since([]) == []


def test_an_absurd_head_count_is_refused_in_words(store):
    """Seen: 99999999999999999999999 present raised OverflowError from SQLite."""
    p = projects.create_project(ProjectData("Tablettes"))
    with pytest.raises(ValidationError) as refused:
        sessions.create_session(SessionData(p.id, dt.date(2026, 1, 7), actual_attendance=10 ** 23))
    assert refused.value.errors["actual_attendance"] == "Too large: 100,000 people at most."
    assert sessions.sessions_of(p.id) == []


@pytest.mark.parametrize("typed, stored", [
    ("14:00", "14:00"), ("14h00", "14:00"), ("14h", "14:00"), ("14", "14:00"), ("9:30", "09:30"),
    ("14 h 30", "14:30"), ("14\u00a0h\u00a030", "14:30"), ("14H30", "14:30"), (" 14 : 30 ", "14:30"),
])
def test_times_typed_the_ways_people_write_them(typed, stored):
    """What the documents write (« 14 h 30 ») is understood when typed or pasted back."""
    assert parse_time(typed) == stored


@pytest.mark.parametrize("typed", ["24:00", "14:60", "14:", "1 4 h", "²", "\u0661\u0664:\u0660\u0660", "midi", "h30"])
def test_what_is_no_time_of_day_is_refused(typed):
    assert parse_time(typed) is None
    with pytest.raises(ValidationError) as err:
        sessions.validate_session(SessionData(1, dt.date(2026, 1, 7), typed, ""))
    assert set(err.value.errors) == {"start_time"}
