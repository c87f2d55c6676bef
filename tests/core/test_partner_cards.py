"""Cards, affiliations, journal, cadence, tags, duplicates, trash."""

import datetime as dt

import pytest

from partnerdesk.domain.journal import Cadence, cadence_state, next_contact_due
from partnerdesk.domain.partners import OrganisationData, PersonData, mailto_bcc
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import journal, partners, tags, trash
from partnerdesk.store.models import Affiliation, Interaction, Organisation

D = dt.date


@pytest.mark.parametrize("days_since, cadence, expected", [
    (0, 90, Cadence.OK), (90, 90, Cadence.OK), (91, 90, Cadence.AMBER), (180, 90, Cadence.AMBER),
    (181, 90, Cadence.RED), (5000, 90, Cadence.RED), (400, None, Cadence.NONE), (400, 0, Cadence.NONE),
])
def test_cadence_states(days_since, cadence, expected):
    today = D(2026, 11, 22)
    assert cadence_state(today - dt.timedelta(days=days_since), cadence, today) == expected


def test_cadence_without_contact_counts_from_creation():
    today = D(2026, 11, 22)
    assert cadence_state(None, 30, today, since=D(2026, 11, 1)) == Cadence.OK
    assert cadence_state(None, 30, today, since=D(2026, 10, 1)) == Cadence.AMBER
    assert cadence_state(None, 30, today) == Cadence.RED
    assert next_contact_due(D(2026, 1, 1), 31) == D(2026, 2, 1)
    assert next_contact_due(None, None, D(2026, 1, 1)) is None


def test_logging_restarts_cadence(store):
    org = partners.create_organisation(OrganisationData(name="Mairie", contact_cadence_days=90))
    Organisation.update(created_at=dt.datetime(2025, 1, 1)).execute()
    today = D(2026, 11, 22)
    [row] = partners.list_organisations(today)
    assert row.cadence == "red" and row.last_contact is None
    journal.log_interaction("appel", today - dt.timedelta(days=100), "Relance", [org.id])
    [row] = partners.list_organisations(today)
    assert row.cadence == "amber" and row.last_contact == today - dt.timedelta(days=100)
    journal.log_interaction("rencontre", today, "Rencontre", [org.id])
    [row] = partners.list_organisations(today)
    assert row.cadence == "ok" and row.next_due == today + dt.timedelta(days=90)


def test_validation_keeps_database_untouched(store):
    with pytest.raises(ValidationError) as err:
        partners.create_organisation(OrganisationData(name="", email="pas-un-mail", postcode="3500",
                                                      phone="12", website="pas une url"))
    assert set(err.value.errors) == {"name", "email", "postcode", "phone", "website"}
    assert partners.count_organisations() == 0
    org = partners.create_organisation(OrganisationData(name="Goethe-Institut", postcode="10117",
                                                        country="Allemagne", phone="+49 30 259060"))
    org.postcode = "ABC"
    org.country = ""
    with pytest.raises(ValidationError):
        partners.update_organisation(org)
    assert partners.get_organisation(org.id).postcode == "10117"


def test_unicode_and_long_text(store):
    notes = ("Prud'homme « L’Œuvre » — 漢字 🙂 " * 2000)[:20_000]
    org = partners.create_organisation(OrganisationData(name="Dupont & Fils <SARL>", notes=notes))
    assert partners.get_organisation(org.id).notes == notes
    with pytest.raises(ValidationError) as refused:
        partners.create_organisation(OrganisationData(name="Dupont", notes=notes + "x"))
    assert set(refused.value.errors) == {"notes"}


def test_person_and_affiliation_history(store):
    a = partners.create_organisation(OrganisationData(name="Mission locale"))
    b = partners.create_organisation(OrganisationData(name="France Travail"))
    p = partners.create_person(PersonData("N'Diaye", "Aïcha", emails=["a@ml.fr", " A@ML.fr ", ""]),
                               organisation_id=a.id, role="Conseillère", start_date=D(2020, 1, 1))
    assert partners.get_person(p.id).emails == ["a@ml.fr"]
    [member] = partners.people_of(a.id)
    new = partners.change_job(member.affiliation.id, b.id, "Cheffe de projet", D(2026, 3, 1))
    history = partners.affiliations_of(p.id)
    assert [(h.organisation_id, h.end_date) for h in history] == [(b.id, None), (a.id, D(2026, 2, 28))]
    assert partners.people_of(a.id)[0].is_current is False
    assert partners.people_of(a.id, include_past=False) == []
    assert partners.people_of(b.id)[0].role == "Cheffe de projet" and new.is_current
    with pytest.raises(ValidationError):
        partners.close_affiliation(new.id, D(2020, 1, 1))
    p.first_name = "Aïssa"
    partners.update_person(p)
    assert partners.get_person(p.id).full_name == "Aïssa N'Diaye"


def test_journal_newest_first_and_last_contact(store):
    org = partners.create_organisation(OrganisationData(name="MJC"))
    p = partners.create_person(PersonData("Faure", "Zoé"), organisation_id=org.id)
    journal.log_interaction("mail", D(2026, 1, 5), "Vœux", [org.id], [p.id])
    journal.log_interaction("rencontre", D(2026, 5, 1), "Rencontre", [org.id])
    journal.log_interaction("appel", D(2026, 3, 1), "Appel de Zoé", [], [p.id])
    entries = journal.journal_of_organisation(org.id)
    assert [e.occurred_on for e in entries] == [D(2026, 5, 1), D(2026, 3, 1), D(2026, 1, 5)]
    assert entries[2].person_names == ["Zoé Faure"] and entries[2].organisation_names == ["MJC"]
    assert partners.last_contacts()[org.id] == D(2026, 5, 1)
    assert len(journal.journal_of_person(p.id)) == 2
    with pytest.raises(ValidationError):
        journal.log_interaction("appel", D(2026, 1, 1), "Personne", [], [])
    with pytest.raises(ValidationError):
        journal.log_interaction("inconnu", D(2026, 1, 1), "x", [org.id])


def test_duplicates(store):
    org = partners.create_organisation(OrganisationData(name="École Jules-Ferry", email="ecole@vitre.fr"))
    [m] = partners.organisation_duplicates(OrganisationData(name="ecole  jules-ferry"))
    assert (m.id, m.reason) == (org.id, "name")
    [m] = partners.organisation_duplicates(OrganisationData(name="Autre", email="ECOLE@vitre.fr"))
    assert m.reason == "email"
    assert partners.organisation_duplicates(OrganisationData(name="École Jules-Ferry", id=org.id)) == []
    p = partners.create_person(PersonData("Lefèvre", "Hélène", emails=["h@x.fr"]))
    assert [d.id for d in partners.person_duplicates(PersonData("LEFEVRE", "helene"))] == [p.id]
    assert [d.reason for d in partners.person_duplicates(PersonData("Autre", emails=["H@X.FR"]))] == ["email"]
    trash.delete("person", p.id)
    assert partners.person_duplicates(PersonData("Lefèvre", "Hélène")) == []


def test_tags(store):
    a = partners.create_organisation(OrganisationData(name="A", email="a@a.fr"))
    b = partners.create_organisation(OrganisationData(name="B", email="b@b.fr"))
    p = partners.create_person(PersonData("Robin", emails=["r@b.fr", "r2@b.fr"]), organisation_id=b.id)
    jeunesse = tags.create_tag("jeunesse", "#3B82F6")
    youth = tags.create_tag("Jeunes")
    with pytest.raises(ValidationError):
        tags.create_tag("JEUNESSE")
    with pytest.raises(ValidationError):
        tags.create_tag("x", "bleu")
    tags.tag_organisations(jeunesse.id, [a.id, b.id, a.id])
    tags.set_person_tags(p.id, [youth.id])
    tags.rename_tag(youth.id, "Jeunes publics")
    tags.merge_tags(jeunesse.id, youth.id)
    [only] = tags.list_tags()
    assert (only.name, only.colour, only.organisations, only.people) == ("jeunesse", "#3b82f6", 2, 1)
    assert tags.emails_of_tag(jeunesse.id) == ["a@a.fr", "b@b.fr", "r@b.fr"]
    assert mailto_bcc(["a@a.fr", "b+x@b.fr"]) == "mailto:?bcc=a@a.fr,b%2Bx@b.fr"
    tags.delete_tag(jeunesse.id)
    assert tags.tags_of_organisation(a.id) == [] and partners.count_organisations() == 2


def test_trash_restore_and_empty(store):
    org = partners.create_organisation(OrganisationData(name="Pharmacie"))
    p = partners.create_person(PersonData("Blanc"), organisation_id=org.id)
    journal.log_interaction("appel", D(2026, 1, 1), "Appel", [org.id])
    kept = journal.log_interaction("appel", D(2026, 1, 2), "Appel commun", [org.id], [p.id])
    trash.delete("organisation", org.id)
    assert partners.count_organisations() == 0
    assert [(i.kind, i.name) for i in trash.items()] == [("organisation", "Pharmacie")]
    trash.restore("organisation", org.id)
    assert partners.count_organisations() == 1 and trash.count() == 0
    trash.delete("organisation", org.id)
    assert trash.empty() == []
    assert Organisation.select().count() == 0 and Affiliation.select().count() == 0
    assert [i.id for i in Interaction.select()] == [kept.id]
    assert partners.get_person(p.id) is not None


# What "dernier contact" means, read the slow way: every link joined to its interaction.
TRUTH = ("SELECT io.organisation_id, MAX(i.occurred_on) FROM interaction_organisation io "
         "JOIN interaction i ON i.id = io.interaction_id GROUP BY io.organisation_id")


def _truth() -> dict:
    from partnerdesk.store import database

    return {org_id: D.fromisoformat(day[:10]) for org_id, day in database.execute_sql(TRUTH).fetchall()}


def _derived_dates_agree() -> bool:
    from partnerdesk.store import database

    return database.execute_sql(
        "SELECT count(*) FROM interaction_organisation io JOIN interaction i ON i.id = io.interaction_id "
        "WHERE io.occurred_on IS NOT i.occurred_on").fetchone()[0] == 0


def test_last_contacts_read_from_the_links_dates(store):
    """One latest date per organisation (or per asked id), one index seek each."""
    from partnerdesk.store import database, partner_queries

    a = partners.create_organisation(OrganisationData(name="Mairie"))
    b = partners.create_organisation(OrganisationData(name="Centre social"))
    silent = partners.create_organisation(OrganisationData(name="Bibliothèque"))
    for day, orgs in ((D(2026, 2, 1), [a.id, b.id]), (D(2026, 6, 3), [a.id]), (D(2025, 12, 24), [b.id])):
        journal.log_interaction("appel", day, "Appel", orgs)
    assert partner_queries.last_contacts() == {a.id: D(2026, 6, 3), b.id: D(2026, 2, 1)} == _truth()
    assert partner_queries.last_contacts([b.id, silent.id]) == {b.id: D(2026, 2, 1)}
    assert partner_queries.last_contacts([]) == {}
    plan = " ".join(str(row) for row in database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT MAX(occurred_on) FROM interaction_organisation WHERE organisation_id = 1"
    ).fetchall())
    assert "COVERING INDEX interaction_organisation_dates" in plan


def test_last_contacts_follow_every_write(store):
    """The links' copy of the date (migration 0018) stays the interaction's date whatever writes
    it: new entries, edits of the date and of the organisations, deletion, merges, the trash, and
    a direct write of a wrong date (an old tool, a hand-edited database) is put right at once."""
    from partnerdesk.domain.journal import InteractionData
    from partnerdesk.services import merge
    from partnerdesk.store import database, partner_queries

    def check():
        assert _derived_dates_agree()
        assert partner_queries.last_contacts() == _truth()

    a, b, c = (partners.create_organisation(OrganisationData(name=n)).id for n in ("Mairie", "CCAS", "Médiathèque"))
    first = journal.log_interaction("appel", D(2026, 3, 1), "Appel", [a, b])
    journal.log_interaction("rencontre", D(2026, 5, 2), "Rencontre", [b, c])
    check()
    assert partner_queries.last_contacts()[a] == D(2026, 3, 1)
    journal.update_interaction(InteractionData("appel", D(2026, 9, 9), "Appel", organisation_ids=[a, c], id=first.id))
    check()
    assert partner_queries.last_contacts() == {a: D(2026, 9, 9), b: D(2026, 5, 2), c: D(2026, 9, 9)}
    Interaction.update(occurred_on=D(2026, 1, 15)).where(Interaction.id == first.id).execute()  # the date alone
    check()
    database.execute_sql("UPDATE interaction_organisation SET occurred_on = '1999-01-01'")
    database.execute_sql("INSERT OR REPLACE INTO interaction_organisation (interaction_id, organisation_id, occurred_on) "
                         "VALUES (?, ?, '2099-12-31')", (first.id, b))
    check()
    merge.merge_organisations(a, c)
    check()
    trash.delete("organisation", b)
    trash.restore("organisation", b)
    check()
    journal.delete_interaction(first.id)
    check()
    assert partner_queries.last_contacts() == {a: D(2026, 5, 2), b: D(2026, 5, 2)}


def test_tag_choices_are_the_tags_listed_without_their_counts(store):
    from partnerdesk.services import tags

    school = partners.create_organisation(OrganisationData(name="École"))
    made = [tags.create_tag(name, colour) for name, colour in
            (("Écoles", "#3b82f6"), ("associations", "#10b981"), ("Bibliothèques", "#f59e0b"))]
    tags.tag_organisations(made[0].id, [school.id])
    listed, choices = tags.list_tags(), tags.tag_choices()
    assert [(t.id, t.name, t.colour) for t in choices] == [(t.id, t.name, t.colour) for t in listed]
    assert [t.name for t in choices] == ["associations", "Bibliothèques", "Écoles"]  # by name, accents aside
    assert all(t.organisations == 0 and t.people == 0 for t in choices)


def test_is_deleted_for_live_trashed_and_missing_cards(store):
    from partnerdesk.services import trash

    org = partners.create_organisation(OrganisationData(name="Mairie"))
    assert not partners.is_deleted("organisation", org.id)
    trash.delete("organisation", org.id)
    assert partners.is_deleted("organisation", org.id)
    assert partners.is_deleted("organisation", 999999) and partners.is_deleted("person", 999999)
