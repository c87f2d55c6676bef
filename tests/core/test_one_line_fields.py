"""One-line fields (names, address line, city, titles) keep no line break whoever writes them: the
card, a merge or an import. Free texts (notes, descriptions) keep theirs."""

from __future__ import annotations

from partnerdesk.domain.dataio import Contact
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.domain.validation import one_line
from partnerdesk.services import partners, projects
from partnerdesk.services.imports.cleaning import clean


def test_one_line_collapses_breaks_and_runs_of_spaces_only():
    assert one_line("Centre social\nLes Tilleuls\r\n35500 Vitré") == "Centre social Les Tilleuls 35500 Vitré"
    assert one_line("  Mairie\t\tde   Vitré \u2028") == "Mairie de Vitré"
    assert one_line("1\u202f234\xa0€") == "1\u202f234\xa0€"  # no-break spaces are meant
    assert one_line("مركز 🎉 Vitré") == "مركز 🎉 Vitré"


def test_organisations_people_and_projects_are_stored_on_one_line(store):
    org = partners.create_organisation(OrganisationData("Centre social\r\nLes Tilleuls", city="Vitré\n",
                                                        address="3 rue\nde la Gare", notes="Ligne 1\nLigne 2"))
    stored = partners.get_organisation(org.id)
    assert (stored.name, stored.city, stored.address) == ("Centre social Les Tilleuls", "Vitré", "3 rue de la Gare")
    assert stored.notes == "Ligne 1\nLigne 2"
    person = partners.create_person(PersonData("Le\nGoff", "Anaïs\r\n", title="Formatrice\n indépendante"))
    stored = partners.get_person(person.id)
    assert (stored.last_name, stored.first_name, stored.title) == ("Le Goff", "Anaïs", "Formatrice indépendante")
    stored.last_name = "Le  Goff\n"
    partners.update_person(stored)
    assert partners.get_person(person.id).last_name == "Le Goff"
    project = projects.create_project(ProjectData("Ateliers\ntablette", place="EPN\r\n", description="a\nb"))
    stored = projects.get_project(project.id)
    assert (stored.title, stored.place, stored.description) == ("Ateliers tablette", "EPN", "a\nb")


def test_an_imported_contact_has_its_names_on_one_line():
    contact = Contact(1, first_name="Anaïs\n", last_name="Le\r\nGoff", organisation="Centre social\nLes Tilleuls",
                      notes="Vue au forum\nà rappeler")
    assert clean(contact) is None
    assert (contact.first_name, contact.last_name) == ("Anaïs", "Le Goff")
    assert contact.organisation == "Centre social Les Tilleuls" and contact.notes.startswith("Vue au forum\nà rappeler")


def test_a_meeting_s_place_a_convention_s_title_and_a_role_are_one_line(store):
    """Seen in the second pass: these three kept the line breaks of a paste."""
    import datetime as dt

    from partnerdesk.domain.meetings import MeetingData
    from partnerdesk.domain.partners import OrganisationData, PersonData
    from partnerdesk.services import conventions, meetings, partners

    pasted = "Comité de pilotage\nInclusion numérique\r\n2026"
    flat = "Comité de pilotage Inclusion numérique 2026"
    meeting = meetings.create_meeting(MeetingData("Comité", dt.date(2026, 11, 10), kind="comite", place=pasted))
    assert meetings.get_meeting(meeting.id).place == flat
    org = partners.create_organisation(OrganisationData("Mairie")).id
    assert conventions.create_convention(pasted, [org]).title == flat
    person = partners.create_person(PersonData("Martin", "Claire"), org, pasted)
    assert [a.role for a in partners.affiliations_of(person.id)] == [flat]
