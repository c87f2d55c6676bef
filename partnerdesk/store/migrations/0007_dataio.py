"""Data in and out: import batches (to undo an import), remembered column
mappings, the RGPD log of exports and erasures, and the letter templates
of mailings to a group."""

STATEMENTS = [
    """CREATE TABLE import_batch (
        id INTEGER PRIMARY KEY,
        source_name TEXT NOT NULL DEFAULT '',
        format TEXT NOT NULL DEFAULT '',
        created_at DATETIME NOT NULL,
        undone_at DATETIME,
        summary TEXT NOT NULL DEFAULT '{}'
    )""",
    """CREATE TABLE import_batch_item (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL,
        before TEXT NOT NULL DEFAULT '{}'
    )""",
    "CREATE INDEX import_batch_item_batch ON import_batch_item (batch_id)",
    """CREATE TABLE import_mapping (
        id INTEGER PRIMARY KEY,
        headers_key TEXT NOT NULL UNIQUE,
        headers TEXT NOT NULL DEFAULT '[]',
        mapping TEXT NOT NULL DEFAULT '{}',
        updated_at DATETIME NOT NULL
    )""",
    """CREATE TABLE rgpd_log (
        id INTEGER PRIMARY KEY,
        occurred_at DATETIME NOT NULL,
        action TEXT NOT NULL,
        person_id INTEGER,
        what TEXT NOT NULL DEFAULT '',
        done_by TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX rgpd_log_person ON rgpd_log (person_id)",
    """CREATE TABLE letter_template (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL
    )""",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
