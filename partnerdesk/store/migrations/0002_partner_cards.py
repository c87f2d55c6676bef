"""Partner cards: a full-text index of organisations and people kept in sync by triggers.

`partner_search` is an FTS5 table whose rowid encodes the card: organisation id * 2 for an
organisation, person id * 2 + 1 for a person. Triggers keep it in step with every write, so
cards written by any area (imports, merges, the demo) are searchable at once. Soft-deleted
cards leave the index. Case and accents are ignored by the tokenizer; ligatures (œ, æ, ß)
are unfolded by the triggers, so "coeur" finds "Cœur".
"""


def fold(expr: str) -> str:
    for char, plain in (("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE"), ("ß", "ss"), ("’", "''")):
        expr = f"replace({expr}, '{char}', '{plain}')"
    return expr


ORG_NAME = fold("NEW.name")
ORG_BODY = fold("NEW.city || ' ' || NEW.postcode || ' ' || NEW.email || ' ' || NEW.website || ' ' || NEW.notes")
PERSON_NAME = fold("NEW.first_name || ' ' || NEW.last_name")
PERSON_BODY = fold("NEW.emails || ' ' || NEW.notes")

STATEMENTS = [
    """CREATE VIRTUAL TABLE partner_search USING fts5(
        name, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )""",
    f"""CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation
        WHEN NEW.deleted_at IS NULL BEGIN
        INSERT INTO partner_search (rowid, name, body) VALUES (NEW.id * 2, {ORG_NAME}, {ORG_BODY});
    END""",
    f"""CREATE TRIGGER organisation_search_update AFTER UPDATE ON organisation BEGIN
        DELETE FROM partner_search WHERE rowid = OLD.id * 2;
        INSERT INTO partner_search (rowid, name, body)
            SELECT NEW.id * 2, {ORG_NAME}, {ORG_BODY} WHERE NEW.deleted_at IS NULL;
    END""",
    """CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisation BEGIN
        DELETE FROM partner_search WHERE rowid = OLD.id * 2;
    END""",
    f"""CREATE TRIGGER person_search_insert AFTER INSERT ON person
        WHEN NEW.deleted_at IS NULL BEGIN
        INSERT INTO partner_search (rowid, name, body) VALUES (NEW.id * 2 + 1, {PERSON_NAME}, {PERSON_BODY});
    END""",
    f"""CREATE TRIGGER person_search_update AFTER UPDATE ON person BEGIN
        DELETE FROM partner_search WHERE rowid = OLD.id * 2 + 1;
        INSERT INTO partner_search (rowid, name, body)
            SELECT NEW.id * 2 + 1, {PERSON_NAME}, {PERSON_BODY} WHERE NEW.deleted_at IS NULL;
    END""",
    """CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
        DELETE FROM partner_search WHERE rowid = OLD.id * 2 + 1;
    END""",
    # Cards that already exist.
    f"""INSERT INTO partner_search (rowid, name, body)
        SELECT NEW.id * 2, {ORG_NAME}, {ORG_BODY} FROM organisation AS NEW WHERE NEW.deleted_at IS NULL""",
    f"""INSERT INTO partner_search (rowid, name, body)
        SELECT NEW.id * 2 + 1, {PERSON_NAME}, {PERSON_BODY} FROM person AS NEW WHERE NEW.deleted_at IS NULL""",
    # "Dernier contact" of every organisation (the list): scan links by organisation, covering.
    "CREATE INDEX interaction_organisation_last ON interaction_organisation (organisation_id, interaction_id)",
    "CREATE INDEX organisation_deleted ON organisation (deleted_at)",
    "CREATE INDEX person_deleted ON person (deleted_at)",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
