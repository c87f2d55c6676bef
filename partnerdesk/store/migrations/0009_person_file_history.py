"""Every photo and consent proof that ever belonged to a person, so that an RGPD erasure removes
earlier and removed ones too (their files stay on disk for undo until then). Filled by triggers,
whichever code attaches the file (card, import, undo, restore of an archive)."""

STATEMENTS = [
    """CREATE TABLE person_file_history (
        person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        file TEXT NOT NULL,
        added_at DATETIME NOT NULL DEFAULT (datetime('now', 'localtime'))
    )""",
    "CREATE INDEX person_file_history_person ON person_file_history (person_id)",
    """CREATE TRIGGER person_file_history_photo AFTER INSERT ON person_photo
       WHEN NOT EXISTS (SELECT 1 FROM person_file_history
                        WHERE person_id = NEW.person_id AND kind = 'photo' AND file = NEW.file)
       BEGIN INSERT INTO person_file_history (person_id, kind, file) VALUES (NEW.person_id, 'photo', NEW.file); END""",
    """CREATE TRIGGER person_file_history_photo_changed AFTER UPDATE OF file, person_id ON person_photo
       WHEN NOT EXISTS (SELECT 1 FROM person_file_history
                        WHERE person_id = NEW.person_id AND kind = 'photo' AND file = NEW.file)
       BEGIN INSERT INTO person_file_history (person_id, kind, file) VALUES (NEW.person_id, 'photo', NEW.file); END""",
    """CREATE TRIGGER person_file_history_proof AFTER INSERT ON photo_consent
       WHEN NEW.proof <> '' AND NOT EXISTS (SELECT 1 FROM person_file_history
                        WHERE person_id = NEW.person_id AND kind = 'proof' AND file = NEW.proof)
       BEGIN INSERT INTO person_file_history (person_id, kind, file) VALUES (NEW.person_id, 'proof', NEW.proof); END""",
    """CREATE TRIGGER person_file_history_proof_changed AFTER UPDATE OF proof, person_id ON photo_consent
       WHEN NEW.proof <> '' AND NOT EXISTS (SELECT 1 FROM person_file_history
                        WHERE person_id = NEW.person_id AND kind = 'proof' AND file = NEW.proof)
       BEGIN INSERT INTO person_file_history (person_id, kind, file) VALUES (NEW.person_id, 'proof', NEW.proof); END""",
    # what the cards hold today
    """INSERT INTO person_file_history (person_id, kind, file, added_at)
       SELECT person_id, 'photo', file, added_at FROM person_photo""",
    """INSERT INTO person_file_history (person_id, kind, file, added_at)
       SELECT person_id, 'proof', proof, updated_at FROM photo_consent WHERE proof <> ''""",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
