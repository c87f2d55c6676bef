"""Organisations, people, affiliations, tags, the journal and settings."""

STATEMENTS = [
    """CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE organisation (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_norm TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'autre',
        status TEXT NOT NULL DEFAULT 'prospect',
        address TEXT NOT NULL DEFAULT '',
        postcode TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        publics TEXT NOT NULL DEFAULT '[]',
        contributions TEXT NOT NULL DEFAULT '[]',
        decision_circuit TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        contact_cadence_days INTEGER,
        verified_on DATE,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME
    )""",
    "CREATE INDEX organisation_name_norm ON organisation (name_norm)",
    """CREATE TABLE person (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL,
        name_norm TEXT NOT NULL DEFAULT '',
        emails TEXT NOT NULL DEFAULT '[]',
        phones TEXT NOT NULL DEFAULT '[]',
        relais INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        verified_on DATE,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME
    )""",
    "CREATE INDEX person_name_norm ON person (name_norm)",
    """CREATE TABLE affiliation (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        role TEXT NOT NULL DEFAULT '',
        start_date DATE,
        end_date DATE
    )""",
    "CREATE INDEX affiliation_person ON affiliation (person_id)",
    "CREATE INDEX affiliation_organisation ON affiliation (organisation_id)",
    """CREATE TABLE tag (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        colour TEXT NOT NULL DEFAULT '#7a8ca3'
    )""",
    """CREATE TABLE organisation_tag (
        organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
        PRIMARY KEY (organisation_id, tag_id)
    )""",
    "CREATE INDEX organisation_tag_tag ON organisation_tag (tag_id)",
    """CREATE TABLE person_tag (
        person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
        PRIMARY KEY (person_id, tag_id)
    )""",
    "CREATE INDEX person_tag_tag ON person_tag (tag_id)",
    """CREATE TABLE interaction (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL DEFAULT 'autre',
        occurred_on DATE NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        project_id INTEGER,
        created_at DATETIME NOT NULL
    )""",
    "CREATE INDEX interaction_occurred_on ON interaction (occurred_on)",
    """CREATE TABLE interaction_organisation (
        interaction_id INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
        organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        PRIMARY KEY (interaction_id, organisation_id)
    )""",
    "CREATE INDEX interaction_organisation_org ON interaction_organisation (organisation_id)",
    """CREATE TABLE interaction_person (
        interaction_id INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        PRIMARY KEY (interaction_id, person_id)
    )""",
    "CREATE INDEX interaction_person_person ON interaction_person (person_id)",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
