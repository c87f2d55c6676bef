"""Documents partners can trust: an organisation's article form ("l'", "la", "les"… NULL =
proposed from its name), a person's civility, a session marked held, and the text of a
convention frozen at signature."""

STATEMENTS = [
    "ALTER TABLE organisation ADD COLUMN article TEXT",
    "ALTER TABLE person ADD COLUMN civility TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE project_session ADD COLUMN held INTEGER NOT NULL DEFAULT 0",
    """CREATE TABLE convention_frozen (
        id INTEGER PRIMARY KEY,
        convention_id INTEGER NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        frozen_at DATETIME NOT NULL,
        document TEXT NOT NULL,
        UNIQUE (convention_id, version)
    )""",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
