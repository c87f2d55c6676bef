"""Is a partnership worth it: staff time per partner or project, the date a contribution was
obtained, non-financial benefits, main funders and their conditions, decision grids.

`staff_time` is rebuilt so that an entry may concern a partner without a project (time spent
keeping up the relationship) and holds the organisation it was spent on.
"""

STATEMENTS = [
    """CREATE TABLE staff_time_new (
        id INTEGER PRIMARY KEY,
        project_id INTEGER REFERENCES project (id) ON DELETE CASCADE,
        project_partner_id INTEGER REFERENCES project_partner (id) ON DELETE SET NULL,
        organisation_id INTEGER REFERENCES organisation (id) ON DELETE CASCADE,
        worked_on DATE NOT NULL,
        hours REAL NOT NULL,
        who TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    )""",
    """INSERT INTO staff_time_new (id, project_id, project_partner_id, organisation_id, worked_on, hours, who, note)
       SELECT t.id, t.project_id, t.project_partner_id, pp.organisation_id, t.worked_on, t.hours, t.who, t.note
       FROM staff_time t LEFT JOIN project_partner pp ON pp.id = t.project_partner_id""",
    "DROP TABLE staff_time",
    "ALTER TABLE staff_time_new RENAME TO staff_time",
    "CREATE INDEX staff_time_project ON staff_time (project_id)",
    "CREATE INDEX staff_time_organisation ON staff_time (organisation_id)",
    "CREATE INDEX staff_time_worked_on ON staff_time (worked_on)",
    "ALTER TABLE contribution ADD COLUMN obtained_on DATE",
    """CREATE TABLE partner_benefit (
        id INTEGER PRIMARY KEY,
        organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        project_id INTEGER REFERENCES project (id) ON DELETE SET NULL,
        benefit TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        noted_on DATE NOT NULL,
        created_at DATETIME NOT NULL
    )""",
    "CREATE INDEX partner_benefit_organisation ON partner_benefit (organisation_id)",
    """CREATE TABLE funder_profile (
        organisation_id INTEGER PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
        main_funder INTEGER NOT NULL DEFAULT 0,
        conditions TEXT NOT NULL DEFAULT '',
        updated_at DATETIME NOT NULL
    )""",
    """CREATE TABLE decision_grid (
        id INTEGER PRIMARY KEY,
        organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        project_id INTEGER REFERENCES project (id) ON DELETE CASCADE,
        answers TEXT NOT NULL DEFAULT '[]',
        verdict TEXT NOT NULL DEFAULT '',
        decided_on DATE,
        note TEXT NOT NULL DEFAULT '',
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL
    )""",
    "CREATE INDEX decision_grid_organisation ON decision_grid (organisation_id)",
    "CREATE INDEX decision_grid_project ON decision_grid (project_id)",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
