"""Rencontres: meetings and committees, their invitees and answers, decisions and actions;
recurring series shared by meetings and milestones.

Times of day as 'HH:MM' text; rich text (agenda, minutes) as the conventions' HTML subset.
"""

STATEMENTS = [
    """CREATE TABLE recurrence_series (
        id INTEGER PRIMARY KEY,
        unit TEXT NOT NULL DEFAULT 'weeks',
        every INTEGER NOT NULL DEFAULT 1,
        first_on DATE NOT NULL,
        skipped TEXT NOT NULL DEFAULT '[]',
        created_at DATETIME NOT NULL
    )""",
    """CREATE TABLE meeting (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL DEFAULT 'thematique',
        title TEXT NOT NULL,
        title_norm TEXT NOT NULL DEFAULT '',
        theme TEXT NOT NULL DEFAULT '',
        held_on DATE NOT NULL,
        start_time TEXT NOT NULL DEFAULT '',
        end_time TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        in_charge TEXT NOT NULL DEFAULT '',
        project_id INTEGER REFERENCES project (id) ON DELETE SET NULL,
        series_id INTEGER REFERENCES recurrence_series (id) ON DELETE SET NULL,
        agenda TEXT NOT NULL DEFAULT '',
        minutes TEXT NOT NULL DEFAULT '',
        cancelled INTEGER NOT NULL DEFAULT 0,
        interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME
    )""",
    "CREATE INDEX meeting_held_on ON meeting (held_on)",
    "CREATE INDEX meeting_project ON meeting (project_id)",
    "CREATE INDEX meeting_series ON meeting (series_id)",
    """CREATE TABLE meeting_tag (
        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
        PRIMARY KEY (meeting_id, tag_id)
    )""",
    """CREATE TABLE meeting_invitee (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        organisation_id INTEGER REFERENCES organisation (id) ON DELETE CASCADE,
        person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,
        answer TEXT NOT NULL DEFAULT 'invite',
        source TEXT NOT NULL DEFAULT 'one',
        invited_on DATE,
        answered_on DATE,
        CHECK (organisation_id IS NOT NULL OR person_id IS NOT NULL)
    )""",
    "CREATE INDEX meeting_invitee_meeting ON meeting_invitee (meeting_id)",
    "CREATE INDEX meeting_invitee_organisation ON meeting_invitee (organisation_id)",
    "CREATE UNIQUE INDEX meeting_invitee_person ON meeting_invitee (meeting_id, person_id) "
    "WHERE person_id IS NOT NULL",
    "CREATE UNIQUE INDEX meeting_invitee_org_only ON meeting_invitee (meeting_id, organisation_id) "
    "WHERE person_id IS NULL",
    """CREATE TABLE meeting_decision (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX meeting_decision_meeting ON meeting_decision (meeting_id)",
    """CREATE TABLE meeting_action (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        what TEXT NOT NULL,
        due_on DATE,
        owner_person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
        owner_organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
        owner_epn TEXT NOT NULL DEFAULT '',
        done_on DATE,
        position INTEGER NOT NULL DEFAULT 0,
        created_at DATETIME NOT NULL
    )""",
    "CREATE INDEX meeting_action_meeting ON meeting_action (meeting_id)",
    "CREATE INDEX meeting_action_person ON meeting_action (owner_person_id)",
    "CREATE INDEX meeting_action_organisation ON meeting_action (owner_organisation_id)",
    "ALTER TABLE milestone ADD COLUMN series_id INTEGER REFERENCES recurrence_series (id) ON DELETE SET NULL",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
