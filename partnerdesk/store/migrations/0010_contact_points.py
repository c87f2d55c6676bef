"""Contacts as other software writes them: a person's addresses (home, work,
other), websites, the kind and extension of each email/phone/website, a job
title held without an organisation; the department of an affiliation; an
organisation's logo (a file in the data folder's logos/)."""

STATEMENTS = [
    "ALTER TABLE person ADD COLUMN addresses TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE person ADD COLUMN websites TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE person ADD COLUMN labels TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE person ADD COLUMN title TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE affiliation ADD COLUMN department TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE organisation ADD COLUMN logo TEXT NOT NULL DEFAULT ''",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
