"""Merging two organisations or two people keeps every interaction, affiliation, tag and link."""

import datetime as dt

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import journal, merge, partners, tags
from partnerdesk.store import database
from partnerdesk.store.models import Affiliation, Interaction, Organisation


def test_merge_organisations_keeps_everything(store):
    keep = partners.create_organisation(OrganisationData(name="Médiathèque", city="Vitré", publics=["jeunes"],
                                                         notes="Ouverte le samedi"))
    drop = partners.create_organisation(OrganisationData(name="Mediatheque Anne-Frank", phone="02 99 00 00 00",
                                                         publics=["seniors"], notes="Salle de 20 places"))
    a = partners.create_person(PersonData("Roche", "Léa"), organisation_id=keep.id, role="Directrice")
    b = partners.create_person(PersonData("Morin", "Théo"), organisation_id=drop.id, role="Animateur")
    both = partners.create_person(PersonData("Henry", "Inès"), organisation_id=keep.id, role="Bibliothécaire")
    partners.add_affiliation(both.id, drop.id, "Bibliothécaire")
    shared = journal.log_interaction("comite", dt.date(2026, 2, 1), "Comité", [keep.id, drop.id])
    only_drop = journal.log_interaction("appel", dt.date(2026, 3, 1), "Appel", [drop.id], [b.id])
    t1, t2 = tags.create_tag("culture"), tags.create_tag("lecture")
    tags.set_organisation_tags(keep.id, [t1.id])
    tags.set_organisation_tags(drop.id, [t1.id, t2.id])
    # Another area's table pointing at organisations (like projects' project_partner).
    database.execute_sql("CREATE TABLE other_area_link (id INTEGER PRIMARY KEY, organisation_id INTEGER "
                         "REFERENCES organisation (id) ON DELETE CASCADE, UNIQUE (organisation_id))")
    database.execute_sql("INSERT INTO other_area_link (organisation_id) VALUES (?)", (drop.id,))

    _, _, proposal = merge.preview("organisation", keep.id, drop.id)
    assert proposal.name == "Médiathèque" and proposal.phone == "02 99 00 00 00"
    assert proposal.publics == ["jeunes", "seniors"]
    assert proposal.notes == "Ouverte le samedi\n\nSalle de 20 places"
    proposal.name = "Médiathèque Anne-Frank"
    result = merge.merge_organisations(keep.id, drop.id, proposal)

    assert result.name == "Médiathèque Anne-Frank" and partners.get_organisation(drop.id) is None
    assert Organisation.select().count() == 1
    names = {m.full_name for m in partners.people_of(keep.id)}
    assert names == {"Léa Roche", "Théo Morin", "Inès Henry"}
    assert Affiliation.select().where(Affiliation.person == both.id).count() == 1
    assert {e.id for e in journal.journal_of_organisation(keep.id)} == {shared.id, only_drop.id}
    assert journal.get_interaction(shared.id).organisation_ids == [keep.id]
    assert Interaction.select().count() == 2
    assert {t.name for t in tags.tags_of_organisation(keep.id)} == {"culture", "lecture"}
    assert list(database.execute_sql("SELECT organisation_id FROM other_area_link")) == [(keep.id,)]


def test_merge_people_keeps_everything(store):
    org = partners.create_organisation(OrganisationData(name="CCAS"))
    other = partners.create_organisation(OrganisationData(name="EHPAD"))
    keep = partners.create_person(PersonData("Lefèvre", "Hélène", emails=["h@ccas.fr"], phones=["02 99 11 22 33"]),
                                  organisation_id=org.id, role="Directrice")
    drop = partners.create_person(PersonData("Lefevre", "Helene", emails=["helene@gmail.com", "H@ccas.fr"],
                                             relais=True), organisation_id=other.id, role="Bénévole")
    i1 = journal.log_interaction("appel", dt.date(2026, 1, 1), "Appel", [org.id], [keep.id, drop.id])
    i2 = journal.log_interaction("mail", dt.date(2026, 2, 1), "Mail", [other.id], [drop.id])
    tag = tags.create_tag("relais seniors")
    tags.set_person_tags(drop.id, [tag.id])

    result = merge.merge_people(keep.id, drop.id)
    assert result.emails == ["h@ccas.fr", "helene@gmail.com"] and result.relais is True
    assert partners.get_person(drop.id) is None
    assert {a.organisation_id for a in partners.affiliations_of(keep.id)} == {org.id, other.id}
    assert {i.id for i in journal.journal_of_person(keep.id)} == {i1.id, i2.id}
    assert journal.get_interaction(i1.id).person_ids == [keep.id]
    assert [t.name for t in tags.tags_of_person(keep.id)] == ["relais seniors"]
