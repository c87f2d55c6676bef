"""Photos of people, image-rights consent, and the saved position of the yearly review."""

STATEMENTS = [
    """CREATE TABLE person_photo (
        person_id INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        source_name TEXT NOT NULL DEFAULT '',
        added_at DATETIME NOT NULL
    )""",
    """CREATE TABLE photo_consent (
        person_id INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
        given INTEGER NOT NULL DEFAULT 0,
        given_on DATE,
        scopes TEXT NOT NULL DEFAULT '[]',
        proof TEXT NOT NULL DEFAULT '',
        updated_at DATETIME NOT NULL
    )""",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
