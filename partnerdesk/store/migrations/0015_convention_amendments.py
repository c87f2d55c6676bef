"""An amendment ("avenant") is a convention of its own: a draft pointing at the signed convention it
amends, which stays in force with its signing date (`services.conventions.start_amendment`)."""

STATEMENTS = [
    "ALTER TABLE convention ADD COLUMN amends_id INTEGER",
    "CREATE INDEX convention_amends ON convention (amends_id)",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
