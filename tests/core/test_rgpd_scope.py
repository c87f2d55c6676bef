"""An RGPD erasure replaces the person's full name, e-mails and phones, and nothing else: the last
name alone ("la cour du château", a cousin's card) stays, and the preview lists where it is written."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import journal, partners, projects, rgpd
from partnerdesk.store import database

DAY = dt.date(2026, 3, 2)


def _text(table: str, column: str, row_id: int) -> str:
    return database.execute_sql(f'SELECT "{column}" FROM "{table}" WHERE id = ?', (row_id,)).fetchone()[0]


def _person(first: str, last: str, **more) -> int:
    return partners.create_person(PersonData(last_name=last, first_name=first, **more)).id


def test_the_last_name_alone_is_never_replaced_but_listed(store):
    gaetan = _person("Gaëtan", "Château", emails=["g.chateau@exemple.fr"], phones=["0612345678"],
                     civility="monsieur")
    theo = _person("Théo", "Château", emails=["theo@exemple.fr"],
                   notes="Ne pas confondre avec Gaëtan : Théo Château est la cousine.")
    org = partners.create_organisation(OrganisationData(
        name="Office de tourisme", notes="Visite du Château de Fougères. Contact : CHATEAU gaetan, "
                                          "g.chateau@exemple.fr, 06 12 34 56 78.")).id
    project = projects.create_project(ProjectData(
        title="Sortie", description="Atelier photo dans la cour du château, avec G. Château.")).id

    preview = rgpd.erasure_preview(store, gaetan)
    places = [where for where, _excerpt in preview.mentions]
    assert places == ["Organisation « Office de tourisme »", "Card of Théo Château", "Project « Sortie »"]
    text = preview.describe()
    assert "the last name alone (Château) is written in 3 places" in text
    assert "« Ne pas confondre avec Gaëtan : Théo Château est la cousine. »" in text

    rgpd.anonymise(store, gaetan)

    assert _text("organisation", "notes", org) == ("Visite du Château de Fougères. Contact : [anonymised], "
                                                   "[anonymised], [anonymised].")
    assert _text("project", "description", project) == "Atelier photo dans la cour du château, avec [anonymised]."
    assert _text("person", "notes", theo) == "Ne pas confondre avec Gaëtan : Théo Château est la cousine."
    assert database.execute_sql("SELECT first_name, last_name, emails FROM person WHERE id = ?",
                                (theo,)).fetchone() == ("Théo", "Château", '["theo@exemple.fr"]')


def test_other_peoples_identity_is_theirs_even_when_it_matches(store):
    """A namesake and a colleague sharing the office e-mail keep their card as it is."""
    erased = _person("Anne", "Martin", emails=["accueil@mairie.fr"])
    namesake = _person("Anne", "Martin", notes="Homonyme : Anne Martin du CCAS, pas celle de la mairie.")
    colleague = _person("Luc", "Bernard", emails=["accueil@mairie.fr"])
    rgpd.anonymise(store, erased)
    assert database.execute_sql("SELECT first_name, last_name FROM person WHERE id = ?",
                                (namesake,)).fetchone() == ("Anne", "Martin")
    assert _text("person", "emails", colleague) == '["accueil@mairie.fr"]'
    # free text is not identity: the full name is replaced there, whoever's card holds it
    assert _text("person", "notes", namesake) == "Homonyme : [anonymised] du CCAS, pas celle de la mairie."


def test_initial_and_last_name_kept_when_another_card_reads_the_same(store):
    gaetan = _person("Gaëtan", "Château")
    _person("Gérard", "Chateau")
    org = partners.create_organisation(OrganisationData(name="Club", notes="Voir avec G. Château.")).id
    preview = rgpd.erasure_preview(store, gaetan)
    assert [excerpt for _where, excerpt in preview.mentions] == ["Voir avec G. Château."]
    rgpd.anonymise(store, gaetan)
    assert _text("organisation", "notes", org) == "Voir avec G. Château."


def test_courtesy_title_with_a_namesake_replaced_only_in_the_persons_own_journal(store):
    claire = _person("Claire", "Leroy", civility="madame")
    anne = _person("Anne", "Leroy", civility="madame")
    other = _person("Julie", "Petit")
    own = journal.log_interaction("appel", DAY, "Relance de Mme Leroy pour la salle", person_ids=[claire]).id
    shared = journal.log_interaction("rencontre", DAY, "Mme Leroy présente", person_ids=[claire, anne]).id
    elsewhere = journal.log_interaction("appel", DAY, "Julie a parlé de Mme Leroy", person_ids=[other]).id
    preview = rgpd.erasure_preview(store, claire)
    assert [excerpt for _where, excerpt in preview.mentions] == ["Mme Leroy présente", "Julie a parlé de Mme Leroy"]
    assert preview.mentions[0][0] == "Journal entry of 2 Mar 2026"
    rgpd.anonymise(store, claire)
    assert _text("interaction", "summary", own) == "Relance de Mme [anonymised] pour la salle"
    assert _text("interaction", "summary", shared) == "Mme Leroy présente"
    assert _text("interaction", "summary", elsewhere) == "Julie a parlé de Mme Leroy"


def test_courtesy_title_replaced_anywhere_when_no_one_else_could_be_meant(store):
    claire = _person("Claire", "Leroy", civility="madame")
    _person("Paul", "Leroy", civility="monsieur")  # "Mme Leroy" cannot be him
    org = partners.create_organisation(OrganisationData(name="CCAS", notes="Voir Mme Leroy ou M. Leroy")).id
    rgpd.anonymise(store, claire)
    assert _text("organisation", "notes", org) == "Voir Mme [anonymised] ou M. Leroy"


def test_a_preview_without_mentions_says_nothing_of_them(store):
    pid = _person("Yann", "Kerbrat")
    preview = rgpd.erasure_preview(store, pid)
    assert preview.mentions == [] and "last name alone" not in preview.describe()


def test_names_that_go_on_across_a_hyphen_and_longer_numbers_are_someone_else(store):
    """Seen: erasing « Luc Château » rewrote « Jean-Luc Château » into « Jean-[anonymisé] » and a SIRET
    holding his phone's digits; attendance lists write « CHATEAU G. »."""
    luc = _person("Luc", "Château", phones=["06 12 34 56 78"])
    other = _person("Jean-Luc", "Château")
    org = partners.create_organisation(OrganisationData(
        name="Fournisseur", notes="Vu Jean-Luc Château hier, et Luc Château aussi. Luc Château-Renard passe. "
                                  "SIRET 10612345678901. Tél. 06 12 34 56 78.")).id
    project = projects.create_project(ProjectData(title="Atelier de M. Château",
                                                  description="Présents : CHATEAU L., L Château.")).id
    preview = rgpd.erasure_preview(store, luc)
    assert "Project « Atelier de M. Château »" in [where for where, _excerpt in preview.mentions]  # titles too
    rgpd.anonymise(store, luc)
    notes = _text("organisation", "notes", org)
    assert notes.startswith("Vu Jean-Luc Château hier, et [")
    assert "Luc Château-Renard passe" in notes and "SIRET 10612345678901." in notes
    assert "06 12 34 56 78" not in notes and "Luc Château aussi" not in notes
    description = _text("project", "description", project)
    assert description.startswith("Présents : [") and "CHATEAU" not in description and "Château" not in description
    assert partners.get_person(other).first_name == "Jean-Luc"
