"""The review services: due cards from the database, actions, saved position."""

import datetime as dt

import pytest

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import partners, review, settings
from partnerdesk.store.models import Affiliation, Organisation, Person

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def cards(store):
    mairie = partners.create_organisation(OrganisationData("Mairie", verified_on=dt.date(2025, 1, 10)))
    college = partners.create_organisation(OrganisationData("Collège", verified_on=dt.date(2026, 6, 1)))
    anne = partners.create_person(PersonData("Martin", "Anne", ["anne@mairie.fr"], ["02 99 00 00 01"],
                                             verified_on=dt.date(2024, 2, 29)), mairie.id, "Directrice")
    paul = partners.create_person(PersonData("Petit", "Paul"), college.id, "Principal")
    # Created cards count as checked today; a never-checked card comes from older data.
    Person.update(verified_on=None).where(Person.id == paul.id).execute()
    lea = partners.create_person(PersonData("Roux", "Léa", verified_on=dt.date(2026, 10, 1)), college.id)
    return dict(mairie=mairie.id, college=college.id, anne=anne.id, paul=paul.id, lea=lea.id)


def test_due_oldest_first_with_never_verified_first(cards):
    due = review.due(TODAY)
    assert [c.key for c in due] == [("person", cards["paul"]), ("person", cards["anne"]),
                                    ("organisation", cards["mairie"])]
    assert review.count_due(TODAY) == 3


def test_period_is_a_setting(cards):
    settings.set_(settings.REVIEW_PERIOD_MONTHS, 3)
    assert ("organisation", cards["college"]) in [c.key for c in review.due(TODAY)]
    settings.set_(settings.REVIEW_PERIOD_MONTHS, 36)
    assert [c.key for c in review.due(TODAY)] == [("person", cards["paul"])]


def test_nothing_changed_stamps_today(cards):
    review.mark_unchanged("person", cards["anne"], TODAY)
    assert Person.get_by_id(cards["anne"]).verified_on == TODAY
    assert ("person", cards["anne"]) not in [c.key for c in review.due(TODAY)]


def test_save_changes_saves_and_stamps(cards):
    card = review.load("person", cards["anne"])
    assert card.values["email"] == "anne@mairie.fr" and card.organisation == "Mairie"
    values = dict(card.values, email="anne.martin@ville.fr", role="Directrice générale", last_name="Martin-Roy")
    review.save_changes("person", cards["anne"], values, TODAY)
    person = Person.get_by_id(cards["anne"])
    assert person.emails == ["anne.martin@ville.fr"] and person.last_name == "Martin-Roy"
    assert person.verified_on == TODAY and person.name_norm == "anne martin-roy"
    assert partners.affiliations_of(cards["anne"])[0].role == "Directrice générale"

    review.save_changes("organisation", cards["mairie"], dict(review.load("organisation", cards["mairie"]).values,
                                                               city="Vitré", postcode="35500"), TODAY)
    org = Organisation.get_by_id(cards["mairie"])
    assert (org.city, org.postcode, org.verified_on) == ("Vitré", "35500", TODAY)


def test_invalid_changes_write_nothing(cards):
    values = dict(review.load("person", cards["anne"]).values, email="anne@", phone="12")
    with pytest.raises(ValidationError) as err:
        review.save_changes("person", cards["anne"], values, TODAY)
    assert set(err.value.errors) == {"email", "phone"}
    person = Person.get_by_id(cards["anne"])
    assert person.emails == ["anne@mairie.fr"] and person.verified_on == dt.date(2024, 2, 29)


def test_left_organisation_closes_and_optionally_opens(cards):
    review.left_organisation(cards["paul"], TODAY, cards["mairie"], "Chargé de mission")
    rows = list(Affiliation.select().where(Affiliation.person == cards["paul"]).order_by(Affiliation.id))
    assert [(r.organisation_id, r.end_date) for r in rows] == [(cards["college"], TODAY), (cards["mairie"], None)]
    assert rows[1].role == "Chargé de mission" and rows[1].start_date == TODAY
    assert Person.get_by_id(cards["paul"]).verified_on == TODAY
    review.left_organisation(cards["anne"], TODAY)
    assert all(a.end_date == TODAY for a in partners.affiliations_of(cards["anne"]))


def test_session_resumes_where_the_user_stopped(cards):
    session = review.start_session(TODAY)
    assert session.total == 3 and session.position == 0
    review.mark_unchanged(*session.current(), TODAY)
    review.advance(session)
    review.advance(session)  # skipped
    resumed = review.start_session(TODAY)
    assert resumed.position == 2 and resumed.queue == session.queue
    review.advance(resumed)
    fresh = review.start_session(TODAY)  # the saved one is finished: today's due cards again
    assert fresh.position == 0 and len(fresh.queue) == 2


def test_resumed_session_drops_cards_checked_meanwhile_and_adds_new_ones(cards):
    session = review.start_session(TODAY)
    review.advance(session)  # Paul skipped
    review.mark_unchanged("organisation", cards["mairie"], TODAY)  # checked from its card
    newcomer = partners.create_person(PersonData("Nouveau", "Nina")).id
    Person.update(verified_on=None).where(Person.id == newcomer).execute()  # e.g. restored from an old archive
    resumed = review.start_session(TODAY)
    assert resumed.position == 1
    assert resumed.queue == [("person", cards["paul"]), ("person", cards["anne"]), ("person", newcomer)]
