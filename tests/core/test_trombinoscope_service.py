"""The people grid data: filters, incomplete cards."""

import datetime as dt

from partnerdesk.domain.consent import Consent
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import consent, partners, photos, trombinoscope
from partnerdesk.services.trombinoscope import GridFilter
from partnerdesk.store.models import OrganisationTag, PersonTag, Tag
from tests.core.images import jpeg_bytes


def _setup(store):
    mjc = partners.create_organisation(OrganisationData("MJC"))
    ehpad = partners.create_organisation(OrganisationData("EHPAD Les Glycines"))
    a = partners.create_person(PersonData("Éluard", "Hélène", ["h@mjc.fr"], ["0102030405"]), mjc.id, "Animatrice")
    b = partners.create_person(PersonData("Bernard", "Yves", ["y@ehpad.fr"]), ehpad.id, "Directeur")
    c = partners.create_person(PersonData("Caron", "Inès"), mjc.id, "Bénévole")
    photos.set_photo_from_bytes(store, a.id, jpeg_bytes(colour=(1, 2, 3)))
    consent.save_consent(a.id, Consent(True, dt.date(2026, 1, 1), ["interne"]))
    photos.set_photo_from_bytes(store, b.id, jpeg_bytes(colour=(200, 2, 3)))
    tag = Tag.create(name="seniors")
    OrganisationTag.create(organisation=ehpad.id, tag=tag)
    PersonTag.create(person=c.id, tag=tag)
    return mjc.id, ehpad.id, a.id, b.id, c.id, tag.id


def test_filters_and_sort(store):
    mjc, ehpad, a, b, c, tag = _setup(store)
    assert [x.id for x in trombinoscope.list_cards()] == [b, c, a]  # Bernard, Caron, Éluard (accents ignored)
    assert [x.id for x in trombinoscope.list_cards(GridFilter(organisation_id=mjc))] == [c, a]
    assert {x.id for x in trombinoscope.list_cards(GridFilter(tag_id=tag))} == {b, c}
    assert [x.id for x in trombinoscope.list_cards(GridFilter(search="helene"))] == [a]
    assert [x.id for x in trombinoscope.list_cards(GridFilter(search="GLYCINES"))] == [b]
    card = trombinoscope.list_cards(GridFilter(search="benevole"))[0]
    assert (card.role, card.organisation, card.initials) == ("Bénévole", "MJC", "IC")
    assert trombinoscope.organisations_with_people() == [(ehpad, "EHPAD Les Glycines"), (mjc, "MJC")]


def test_incomplete_cards(store):
    mjc, ehpad, a, b, c, tag = _setup(store)
    cards = {x.id: x for x in trombinoscope.list_cards(GridFilter(incomplete_only=True))}
    assert set(cards) == {b, c}
    assert cards[b].missing == ["phone", "consent"]
    assert cards[c].missing == ["email", "phone", "photo"]


def test_screen_uses_internal_scope(store):
    mjc, ehpad, a, b, c, tag = _setup(store)
    cards = {x.id: x for x in trombinoscope.list_cards()}
    assert cards[a].photo and cards[b].photo is None and cards[b].has_photo


def test_project_filter(store):
    from partnerdesk.domain.projects import ProjectData
    from partnerdesk.services import projects

    mjc, ehpad, a, b, c, tag = _setup(store)
    project = projects.create_project(ProjectData("Ateliers tablettes seniors"))
    projects.add_partner(project.id, ehpad)
    assert [x.id for x in trombinoscope.list_cards(GridFilter(project_id=project.id))] == [b]
    assert trombinoscope.list_cards(GridFilter(project_id=project.id, tag_id=tag, search="caron")) == []
    assert (project.id, "Ateliers tablettes seniors") in trombinoscope.projects()
