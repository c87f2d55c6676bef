"""Conventions: user templates, conventions with their parties, validation circuit and versions.

`content` columns hold JSON: the sections of the working copy (convention), of
a template, or the frozen sections and parties of a version.
"""

STATEMENTS = [
    """CREATE TABLE convention_template (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '{}',
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME
    )""",
    """CREATE TABLE convention (
        id INTEGER PRIMARY KEY,
        project_id INTEGER REFERENCES project (id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'brouillon',
        start_date DATE,
        end_date DATE,
        signed_on DATE,
        place TEXT NOT NULL DEFAULT '',
        sessions_count INTEGER,
        people_count INTEGER,
        sections TEXT NOT NULL DEFAULT '[]',
        version INTEGER NOT NULL DEFAULT 0,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME
    )""",
    "CREATE INDEX convention_project ON convention (project_id)",
    "CREATE INDEX convention_status_end ON convention (status, end_date)",
    """CREATE TABLE convention_party (
        id INTEGER PRIMARY KEY,
        convention_id INTEGER NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
        is_epn INTEGER NOT NULL DEFAULT 0,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        signatory TEXT NOT NULL DEFAULT '',
        signatory_title TEXT NOT NULL DEFAULT '',
        engagements TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX convention_party_convention ON convention_party (convention_id)",
    "CREATE INDEX convention_party_organisation ON convention_party (organisation_id)",
    """CREATE TABLE convention_step (
        id INTEGER PRIMARY KEY,
        convention_id INTEGER NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        label TEXT NOT NULL,
        who TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'a_faire',
        started_on DATE,
        decided_on DATE,
        comment TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX convention_step_convention ON convention_step (convention_id)",
    """CREATE TABLE convention_version (
        id INTEGER PRIMARY KEY,
        convention_id INTEGER NOT NULL REFERENCES convention (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'saved',
        note TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL,
        created_at DATETIME NOT NULL,
        UNIQUE (convention_id, number)
    )""",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
