"""The language a convention is written in ("fr" or "en"), from its template: its text, its
labels and its grammar are printed in that language, whatever the documents' language setting.
Conventions written before were French (the only built-in template was)."""

STATEMENTS = [
    "ALTER TABLE convention ADD COLUMN language TEXT NOT NULL DEFAULT 'fr'",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
