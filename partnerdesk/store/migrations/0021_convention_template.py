"""The user template a convention was made from (`convention.template_id`), so that a partner
added later takes that template's engagements. NULL: made from a built-in template (or before
this migration), or from the blank one; a template deleted since is NULL's equal: the built-in
template of the convention's language stands in for it. A plain integer, like `amends_id`:
templates are only ever put aside (`deleted_at`), and a restored archive keeps its conventions
whatever happened to its templates."""

STATEMENTS = [
    "ALTER TABLE convention ADD COLUMN template_id INTEGER",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
