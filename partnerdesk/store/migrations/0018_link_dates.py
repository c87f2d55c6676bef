"""The date of each interaction beside each of its organisation links: "dernier contact" of
every organisation (À faire's contacts to renew, the partners list) is then one index seek per
organisation (4 ms at 100,000 journal entries) instead of a look-up of every link's interaction
(50 ms).

The copy is derived, never typed: triggers keep it equal to the interaction's date whichever
way a link is written (a new entry, an edit that rewrites the links, a merge that moves them, a
restore from the trash) and whenever a date changes; an archive import derives it again at the
end (`DERIVED` in `store/partner_queries.py`), whatever the archive held.

The index of 0017 (each interaction's date beside its id), which only that look-up read, goes.
"""

DERIVE = ("UPDATE interaction_organisation SET occurred_on = "
          "(SELECT occurred_on FROM interaction WHERE interaction.id = interaction_organisation.interaction_id)")

STATEMENTS = [
    "ALTER TABLE interaction_organisation ADD COLUMN occurred_on DATE",
    DERIVE,
    "CREATE INDEX interaction_organisation_dates ON interaction_organisation (organisation_id, occurred_on)",
    """CREATE TRIGGER interaction_organisation_date AFTER INSERT ON interaction_organisation BEGIN
        UPDATE interaction_organisation
        SET occurred_on = (SELECT occurred_on FROM interaction WHERE id = NEW.interaction_id)
        WHERE interaction_id = NEW.interaction_id AND organisation_id = NEW.organisation_id;
    END""",
    """CREATE TRIGGER interaction_organisation_moved AFTER UPDATE OF interaction_id ON interaction_organisation
    BEGIN
        UPDATE interaction_organisation
        SET occurred_on = (SELECT occurred_on FROM interaction WHERE id = NEW.interaction_id)
        WHERE interaction_id = NEW.interaction_id AND organisation_id = NEW.organisation_id;
    END""",
    """CREATE TRIGGER interaction_organisation_date_kept AFTER UPDATE OF occurred_on ON interaction_organisation
        WHEN NEW.occurred_on IS NOT (SELECT occurred_on FROM interaction WHERE id = NEW.interaction_id) BEGIN
        UPDATE interaction_organisation
        SET occurred_on = (SELECT occurred_on FROM interaction WHERE id = NEW.interaction_id)
        WHERE interaction_id = NEW.interaction_id AND organisation_id = NEW.organisation_id;
    END""",
    "DROP INDEX IF EXISTS interaction_id_date",
    """CREATE TRIGGER interaction_date_to_links AFTER UPDATE OF occurred_on ON interaction BEGIN
        UPDATE interaction_organisation SET occurred_on = NEW.occurred_on WHERE interaction_id = NEW.id;
    END""",
]


def up(db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
