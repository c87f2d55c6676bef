"""Staff time logged from a meeting (duration × EPN people present) remembers the meeting, so
that logging it again replaces the earlier entries instead of counting them twice."""

STATEMENTS = [
    "ALTER TABLE staff_time ADD COLUMN meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL",
    "CREATE INDEX staff_time_meeting ON staff_time (meeting_id)",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
