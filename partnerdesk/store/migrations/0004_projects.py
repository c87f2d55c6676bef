"""Projects, their partnership pipelines, sessions, realizations, photos and the "À faire" state.

Money is stored in euros as REAL; times of day as 'HH:MM' text; JSON lists as text.
"""

STATEMENTS = [
    """CREATE TABLE project (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        title_norm TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        objectives TEXT NOT NULL DEFAULT '',
        context TEXT NOT NULL DEFAULT '',
        publics TEXT NOT NULL DEFAULT '[]',
        duration_kind TEXT NOT NULL DEFAULT 'ponctuel',
        start_date DATE,
        end_date DATE,
        place TEXT NOT NULL DEFAULT '',
        in_charge TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'en_preparation',
        bilan_text TEXT NOT NULL DEFAULT '',
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME
    )""",
    "CREATE INDEX project_title_norm ON project (title_norm)",
    """CREATE TABLE project_need (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        amount REAL,
        material_mode TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX project_need_project ON project_need (project_id)",
    """CREATE TABLE project_partner (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        contact_person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
        stage TEXT NOT NULL DEFAULT 'identifie',
        position INTEGER NOT NULL DEFAULT 0,
        closed_reason TEXT NOT NULL DEFAULT '',
        next_step TEXT NOT NULL DEFAULT '',
        next_step_on DATE,
        stage_since DATE,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        UNIQUE (project_id, organisation_id)
    )""",
    "CREATE INDEX project_partner_organisation ON project_partner (organisation_id)",
    "CREATE INDEX project_partner_stage ON project_partner (stage)",
    """CREATE TABLE stage_move (
        id INTEGER PRIMARY KEY,
        project_partner_id INTEGER NOT NULL REFERENCES project_partner (id) ON DELETE CASCADE,
        from_stage TEXT NOT NULL,
        to_stage TEXT NOT NULL,
        moved_on DATE NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
        created_at DATETIME NOT NULL
    )""",
    "CREATE INDEX stage_move_project_partner ON stage_move (project_partner_id)",
    """CREATE TABLE contribution (
        id INTEGER PRIMARY KEY,
        project_partner_id INTEGER NOT NULL REFERENCES project_partner (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        value REAL,
        material_mode TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'attendu'
    )""",
    "CREATE INDEX contribution_project_partner ON contribution (project_partner_id)",
    """CREATE TABLE budget_line (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        amount REAL NOT NULL DEFAULT 0,
        project_partner_id INTEGER REFERENCES project_partner (id) ON DELETE SET NULL,
        own_funds INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX budget_line_project ON budget_line (project_id)",
    """CREATE TABLE staff_time (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        project_partner_id INTEGER REFERENCES project_partner (id) ON DELETE SET NULL,
        worked_on DATE NOT NULL,
        hours REAL NOT NULL,
        who TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX staff_time_project ON staff_time (project_id)",
    """CREATE TABLE milestone (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        project_partner_id INTEGER REFERENCES project_partner (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        due_on DATE NOT NULL,
        status TEXT NOT NULL DEFAULT 'a_faire',
        done_on DATE,
        created_at DATETIME NOT NULL
    )""",
    "CREATE INDEX milestone_project ON milestone (project_id)",
    "CREATE INDEX milestone_due_on ON milestone (due_on)",
    """CREATE TABLE project_session (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        held_on DATE NOT NULL,
        start_time TEXT NOT NULL DEFAULT '',
        end_time TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        facilitator TEXT NOT NULL DEFAULT '',
        organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
        planned_attendance INTEGER,
        actual_attendance INTEGER,
        cancelled INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX project_session_project ON project_session (project_id)",
    "CREATE INDEX project_session_held_on ON project_session (held_on)",
    """CREATE TABLE session_participant (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES project_session (id) ON DELETE CASCADE,
        person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
        name TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX session_participant_session ON session_participant (session_id)",
    """CREATE TABLE realization (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        made_on DATE
    )""",
    "CREATE INDEX realization_project ON realization (project_id)",
    """CREATE TABLE project_photo (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        realization_id INTEGER REFERENCES realization (id) ON DELETE SET NULL,
        file TEXT NOT NULL,
        caption TEXT NOT NULL DEFAULT '',
        taken_on DATE,
        created_at DATETIME NOT NULL
    )""",
    "CREATE INDEX project_photo_project ON project_photo (project_id)",
    """CREATE TABLE project_photo_person (
        photo_id INTEGER NOT NULL REFERENCES project_photo (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        PRIMARY KEY (photo_id, person_id)
    )""",
    "CREATE INDEX project_photo_person_person ON project_photo_person (person_id)",
    """CREATE TABLE todo_state (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        until DATE,
        updated_at DATETIME NOT NULL
    )""",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
