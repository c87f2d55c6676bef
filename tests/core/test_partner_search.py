"""Search: safe queries, French normalisation, sync with writes."""

import sqlite3

import pytest

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import partners, search, trash
from partnerdesk.store.search import web_query


@pytest.mark.parametrize("text, expected", [
    ("", None),
    ("   ", None),
    ('"', None),
    ("''", None),
    ("Hélène", '"helene"*'),
    ("ÉCOLE", '"ecole"*'),
    ("covid-19", '"covid 19"*'),
    ("o'brien", '"o brien"*'),
    ("o’brien", '"o brien"*'),
    ('jean "dupont', '"jean" AND "dupont"*'),
    ("AND OR NOT", '"and" AND "or" AND "not"*'),
    ("Cœur", '"coeur"*'),
    ("a*b (c) ^d: NEAR", '"a b" AND "c" AND "d" AND "near"*'),
])
def test_web_query(text, expected):
    assert web_query(text) == expected


@pytest.fixture
def cards(store):
    school = partners.create_organisation(OrganisationData(name="École Jules-Ferry", city="Vitré",
                                                           notes="Projet covid-19 : ateliers"))
    club = partners.create_organisation(OrganisationData(name="Club O'Brien", city="Rennes",
                                                         email="contact@obrien.fr"))
    heart = partners.create_organisation(OrganisationData(name="Restos du Cœur", city="Châteaugiron"))
    helene = partners.create_person(PersonData("Lefèvre", "Hélène", emails=["h.lefevre@exemple.fr"]),
                                    organisation_id=club.id)
    return school, club, heart, helene


@pytest.mark.parametrize("text, org", [
    ("helene", "club"), ("HELENE", "club"), ("Hélène", "club"), ("lefevre", "club"),
    ("ecole", "school"), ("École", "school"), ("jules ferry", "school"), ("ferry jules", "school"),
    ("covid-19", "school"), ("covid", "school"), ("o'brien", "club"), ("coeur", "heart"),
    ("cœur", "heart"), ("chateaugiron", "heart"), ("h.lefevre@exemple.fr", "club"), ("obrien.fr", "club"),
    ("vit", "school"),
])
def test_search_finds_organisations(cards, text, org):
    school, club, heart, _ = cards
    expected = {"school": school, "club": club, "heart": heart}[org]
    assert expected.id in search.organisation_ids(text)


@pytest.mark.parametrize("text", ['"', "'", "*", "(", "NEAR(", "^", "-", "  ", "", "AND", '""""', "x" * 500])
def test_junk_never_raises(cards, text):
    ids = search.organisation_ids(text)
    assert ids is None or isinstance(ids, set)
    search.find(text)


def test_empty_query_is_no_filter(cards):
    assert search.organisation_ids("") is None
    assert search.find("").organisations == []


def test_find_people_and_organisations(cards):
    result = search.find("helene")
    assert [p.full_name for p in result.people] == ["Hélène Lefèvre"]
    assert result.people[0].organisations == ["Club O'Brien"]
    assert [o.name for o in search.find("ecole").organisations] == ["École Jules-Ferry"]
    # Like the search box, the organisation of a matching person is listed too.
    assert [o.name for o in result.organisations] == ["Club O'Brien"]


def test_index_follows_edits_and_trash(cards):
    school, club, heart, helene = cards
    school.name = "Collège Anne-Frank"
    partners.update_organisation(school)
    assert search.organisation_ids("ecole") == set()
    assert school.id in search.organisation_ids("anne frank")
    trash.delete("organisation", heart.id)
    assert search.organisation_ids("coeur") == set()
    trash.restore("organisation", heart.id)
    assert heart.id in search.organisation_ids("coeur")
    trash.delete("person", helene.id)
    assert search.organisation_ids("helene") == set()


def test_past_affiliation_does_not_match(cards):
    _, club, _, helene = cards
    [member] = partners.people_of(club.id)
    partners.close_affiliation(member.affiliation.id)
    assert club.id not in search.organisation_ids("helene")


def test_index_is_plain_sqlite(cards):
    """The index is readable by a raw sqlite3 connection (no app function needed)."""
    con = sqlite3.connect(cards[0] and str(partners_db_path()))
    try:
        rows = con.execute("SELECT rowid FROM partner_search WHERE partner_search MATCH ?",
                           (web_query("helene"),)).fetchall()
        con.execute("UPDATE organisation SET name = 'Lycée Chateaubriand' WHERE id = ?", (cards[0].id,))
        con.commit()
    finally:
        con.close()
    assert rows == [(cards[3].id * 2 + 1,)]
    assert cards[0].id in search.organisation_ids("lycee")


def partners_db_path():
    from partnerdesk.store import database

    return database.obj.database


def test_rebuild_index(cards):
    search.rebuild_index()
    assert cards[1].id in search.organisation_ids("helene")


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=40))
def test_any_typing_is_a_valid_query(cards, text):
    """Whatever the user types (quotes, stars, brackets, operators, emoji…), MATCH never raises."""
    ids = search.organisation_ids(text)
    assert ids is None or isinstance(ids, set)
    query = web_query(text)
    assert query is None or query.endswith("*")
