"""A convention remembers the user template it was made from (migration 0021): a partner added
later commits to that template's engagements; a template deleted since leaves the built-in one of
the convention's language in its place."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import backups, convention_templates, conventions, data, partners
from partnerdesk.services.convention_templates import TemplateData
from partnerdesk.store import migrate
from tests.conventions_helpers import make_convention

OWN_PARTNER = "<p>Le partenaire prête sa salle du mercredi.</p>"
OWN_EPN = "<p>L'EPN anime les ateliers du mercredi.</p>"


def own_template(language: str = "fr", name: str = "Modèle du mercredi") -> TemplateData:
    base = convention_templates.default_template(language)
    return convention_templates.save_template(TemplateData(
        name, "", base.sections, OWN_EPN, OWN_PARTNER, language=language))


def test_the_convention_records_the_user_template_it_was_made_from(store):
    template = own_template()
    first = partners.create_organisation(OrganisationData("Mairie de Saint-Aubin", kind="service_municipal")).id
    conv = conventions.create_convention("Mercredis", [first], template=template)
    assert conv.template_id == template.id
    assert conv.content.parties[1].engagements == OWN_PARTNER
    later = partners.create_organisation(OrganisationData("Café des Familles", kind="association")).id
    added = conventions.partner_party(conv, later)
    assert added.engagements == OWN_PARTNER and added.name == "Café des Familles"
    conv.content.parties.append(added)
    saved = conventions.save_convention(conv)
    assert saved.template_id == template.id  # saving keeps it
    assert [p.engagements for p in saved.content.parties[1:]] == [OWN_PARTNER, OWN_PARTNER]


def test_built_in_and_blank_templates_record_nothing_and_give_their_languages_engagements(store):
    conv = make_convention()
    assert conv.template_id is None
    org = partners.create_organisation(OrganisationData("Café des Familles", kind="association")).id
    assert (conventions.partner_party(conv, org).engagements
            == convention_templates.default_template("fr").partner_engagements)
    english = conventions.create_convention("Partnership", [], template=convention_templates.blank_template("en"))
    assert english.template_id is None
    assert (conventions.partner_party(english, org).engagements
            == convention_templates.default_template("en").partner_engagements)


def test_a_deleted_template_falls_back_to_the_built_in_one_of_the_conventions_language(store):
    template = own_template("en", "Our Wednesday agreement")
    conv = conventions.create_convention("Wednesdays", [], template=template)
    convention_templates.delete_template(template.id)
    org = partners.create_organisation(OrganisationData("Café des Familles", kind="association")).id
    reopened = conventions.get_convention(conv.id)
    assert reopened.template_id == template.id  # kept: nothing to clean up, nothing to say
    party = conventions.partner_party(reopened, org)
    assert party.engagements == convention_templates.default_template("en").partner_engagements
    assert conventions.template_of(12345, "fr").builtin == "convention_partenariat.json"  # never existed


def test_an_amendment_keeps_the_template_of_what_it_amends(store):
    from partnerdesk.domain.conventions import CircuitStep

    template = own_template()
    org = partners.create_organisation(OrganisationData("Mairie", kind="service_municipal")).id
    conv = conventions.create_convention("Mercredis", [org], template=template)
    conv.signed_on = dt.date(2026, 1, 2)
    conventions.save_convention(conv)
    conventions.set_steps(conv.id, [CircuitStep("Bureau", status="valide")])
    conventions.set_status(conv.id, "en_validation")
    conventions.set_status(conv.id, "signee")
    assert conventions.start_amendment(conv.id).template_id == template.id


def _database_of_0_2_5(db_path):
    """A database as PartnerDesk 0.2.5 left it (migrations up to 0020), with a user template and a
    convention made from it."""
    from partnerdesk.store.db import connect

    db = connect(db_path)
    migrate.migrate(db, target=20)
    now = "2026-11-01T10:00:00"
    db.execute_sql("INSERT INTO organisation (id, name, name_norm, created_at, updated_at) "
                   "VALUES (1, 'Mairie', 'mairie', ?, ?)", (now, now))
    db.execute_sql("INSERT INTO convention_template (id, name, content, created_at, updated_at) "
                   "VALUES (1, 'Modèle', '{}', ?, ?)", (now, now))
    db.execute_sql("INSERT INTO convention (id, title, sections, language, created_at, updated_at) "
                   "VALUES (1, 'Ancienne convention', '[]', 'fr', ?, ?)", (now, now))
    db.execute_sql("INSERT INTO convention_party (convention_id, position, organisation_id, is_epn, name) "
                   "VALUES (1, 1, 1, 0, 'Mairie')")
    return db


def test_a_database_of_0_2_5_is_upgraded_and_its_conventions_use_the_built_in_template(paths):
    db = _database_of_0_2_5(paths.db_path)
    db.close()
    data.open_data(paths, daily_backup=False)
    try:
        assert data.schema_version() == migrate.head() >= 21
        conv = conventions.get_convention(1)
        assert conv.title == "Ancienne convention" and conv.template_id is None
        org = partners.create_organisation(OrganisationData("Café", kind="association")).id
        assert (conventions.partner_party(conv, org).engagements
                == convention_templates.default_template("fr").partner_engagements)
    finally:
        data.close_data()


def test_a_backup_made_by_0_2_5_restores_into_this_version(store, tmp_path):
    from partnerdesk.store.backup import create_backup

    old = tmp_path / "old"
    old.mkdir()
    db = _database_of_0_2_5(old / "partnerdesk.sqlite3")
    db.close()
    backup = create_backup(old / "partnerdesk.sqlite3", old / "backups", kind="manual", with_files=False)
    partners.create_organisation(OrganisationData("Fiche d'aujourd'hui"))
    backups.restore(store, backup.path)
    assert data.schema_version() == migrate.head()
    conv = conventions.get_convention(1)
    assert conv.title == "Ancienne convention" and conv.template_id is None
    assert [o.name for o in partners.list_organisations()] == ["Mairie"]
    made = conventions.create_convention("Nouvelle", [1], template=own_template())
    assert conventions.get_convention(made.id).template_id is not None


# --- a copy in the other language, to translate ----------------------------------------------

def test_a_french_template_is_copied_in_english_to_translate(store):
    french = own_template()
    copy = convention_templates.copy_in_other_language(french.id)
    assert copy.id != french.id and copy.language == "en" and copy.name == "Modèle du mercredi (English)"
    assert [(s.key, s.kind, s.title, s.body) for s in copy.sections] == [
        (s.key, s.kind, s.title, s.body) for s in french.sections]
    assert (copy.epn_engagements, copy.partner_engagements) == (OWN_EPN, OWN_PARTNER)
    assert convention_templates.get_template(french.id).language == "fr"  # the original is unchanged
    again = convention_templates.copy_in_other_language(french.id)
    assert again.name == "Modèle du mercredi (English) (2)"  # never two templates of the same name
    back = convention_templates.copy_in_other_language(copy.id)
    assert back.language == "fr" and back.name == "Modèle du mercredi (English) (français)"
    made = conventions.create_convention("Wednesdays", [], template=copy)
    assert made.content.language == "en" and made.template_id == copy.id


def test_a_copy_of_a_template_that_is_gone_is_refused(store):
    template = own_template()
    convention_templates.delete_template(template.id)
    with pytest.raises(LookupError):
        convention_templates.copy_in_other_language(template.id)
