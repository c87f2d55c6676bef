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


@pytest.mark.parametrize("today, months", [(TODAY, 12), (dt.date(2026, 2, 28), 12), (dt.date(2026, 4, 30), 2),
                                           (dt.date(2026, 3, 31), 1), (TODAY, 36)])
def test_the_banners_count_is_the_number_of_cards_the_review_lists(store, today, months):
    """One truth: the banner's count (SQL) and the review's list of due cards agree, around the
    month ends the cut-off moves, for any period; cards in the trash count in neither."""
    settings.set_(settings.REVIEW_PERIOD_MONTHS, months)
    verified = [None, dt.date(2024, 2, 29), dt.date(2025, 2, 28), dt.date(2025, 3, 1), dt.date(2025, 11, 22),
                dt.date(2025, 11, 23), dt.date(2026, 1, 31), dt.date(2026, 2, 28), dt.date(2026, 3, 1),
                dt.date(2026, 3, 31), dt.date(2026, 4, 30), dt.date(2026, 11, 1)]
    for n, on in enumerate(verified):
        org = partners.create_organisation(OrganisationData(f"Structure {n}"))
        person = partners.create_person(PersonData(f"Nom {n}", "Prénom"))
        Organisation.update(verified_on=on).where(Organisation.id == org.id).execute()
        Person.update(verified_on=on, deleted_at=dt.datetime(2026, 1, 1) if n % 5 == 4 else None).where(
            Person.id == person.id).execute()
    listed = review.due(today)
    assert review.count_due(today) == len(listed) > 0
    assert all(card.verified_on is None or card.verified_on <= today for card in listed)
    assert settings.get(settings.REVIEW_PERIOD_MONTHS) == months


def test_settings_written_in_sql_read_back_by_the_model_and_the_other_way(store):
    from partnerdesk.store.models import Setting

    settings.set_(settings.IDENTITY, {"name": "EPN de Saint-Aubin", "city": "Saint-Aubin-des-Prés"})
    assert Setting.get_by_id("epn.identity").value == {"name": "EPN de Saint-Aubin", "city": "Saint-Aubin-des-Prés"}
    Setting.insert(key="review.period_months", value=6).on_conflict_replace().execute()
    assert settings.get(settings.REVIEW_PERIOD_MONTHS) == 6
    Setting.insert(key="review.period_months", value="douze").on_conflict_replace().execute()
    assert settings.get(settings.REVIEW_PERIOD_MONTHS) == 12  # unreadable: the default
    assert settings.identity().name == "EPN de Saint-Aubin"
