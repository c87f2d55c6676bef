"""Letters to a group: one addressed letter per organisation, those without an address listed."""

from __future__ import annotations

import subprocess

from pypdf import PdfReader

from partnerdesk.domain.dataio import LetterTemplateData
from partnerdesk.services.exports import letters, selection
from partnerdesk.store import database


def test_letters_to_a_tag(demo_store, tmp_path):
    tag_id = selection.list_tags()[0][0]
    which = selection.Selection(tag_id=tag_id)
    orgs = database.execute_sql("SELECT o.id, o.name FROM organisation o JOIN organisation_tag t ON "
                                "t.organisation_id = o.id WHERE t.tag_id = ? ORDER BY o.name_norm", (tag_id,)).fetchall()
    assert len(orgs) >= 2
    # one of them has no postal address: skipped and listed
    database.execute_sql("UPDATE organisation SET address = '' WHERE id = ?", (orgs[0][0],))
    database.execute_sql("UPDATE organisation SET name = 'Dupont & Fils <SARL>' WHERE id = ?", (orgs[1][0],))
    template = LetterTemplateData("Vœux", "Vœux {date}",
                                  "Madame, Monsieur,\n\nBonne année à toute l'équipe de {organisation} !\n\n{inconnu}")
    target = tmp_path / "lettres.pdf"
    count, skipped = letters.write_pdf("organisations", template, target, which)
    assert skipped == [orgs[0][1]] and count == len(orgs) - 1
    reader = PdfReader(str(target))
    assert len(reader.pages) == count
    text = reader.pages[0].extract_text()
    assert "Dupont & Fils <SARL>" in text and "Bonne année à toute l’équipe de Dupont & Fils <SARL>" in text
    assert "{inconnu}" in text  # an unknown field stays visible, never silently dropped
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(target), str(tmp_path / "p")], check=True)
    assert list(tmp_path.glob("p*.png"))


def test_letters_to_people_and_templates(demo_store, tmp_path):
    stored = letters.templates()
    assert {t.name for t in stored} == {"Vœux", "Invitation"}
    saved = letters.save_template(LetterTemplateData("Relance", "Relance", "Bonjour {prenom} {nom},"))
    assert saved.id and letters.unknown_fields("{prenom} {foo}") == ["foo"]
    ids = [c.id for c in selection.people()[:3]]
    made, skipped = letters.letters("people", saved, selection.Selection(ids=ids))
    assert len(made) + len(skipped) == 3
    first = selection.people(selection.Selection(ids=ids))[0]
    assert made[0].body == f"Bonjour {first.first_name} {first.last_name},"
    assert made[0].recipient[0] == first.full_name and first.organisation in made[0].recipient


def test_a_letter_greets_a_person_by_civility_and_dates_in_words(store, tmp_path):
    import datetime as dt

    from partnerdesk.domain.grammar import date_in_words
    from partnerdesk.domain.partners import OrganisationData, PersonData
    from partnerdesk.services import partners

    org = partners.create_organisation(OrganisationData("Amicale laïque", address="1 rue Haute", city="Rennes"))
    her = partners.create_person(PersonData("Martin", "Claire", civility="madame"), org.id, "Présidente")
    them = partners.create_person(PersonData("Durand", "Camille"), org.id, "Trésorière")
    template = LetterTemplateData("Vœux", "Vœux", "Madame, Monsieur,\n\nBonne année.")
    made, _skipped = letters.letters("people", template, selection.Selection(ids=[her.id, them.id]))
    bodies = {letter.recipient[0]: letter for letter in made}
    assert bodies["Mme\u00a0Claire Martin"].body.startswith("Madame,\n")
    assert bodies["Camille Durand"].body.startswith("Madame, Monsieur,")
    today = date_in_words(dt.date.today(), article=False)
    assert all(letter.place_date == f"Rennes, le {today}" or letter.place_date.endswith(today) for letter in made)


def test_french_letters_give_names_their_article(store, tmp_path):
    """Seen in the built-in templates: « l'équipe de Espace public numérique… », « Espace public
    numérique… a le plaisir », « avec Association Les Amis »; and without an EPN name, « L’Espace public numérique a le plaisir » (the name on every page)."""
    from partnerdesk import i18n
    from partnerdesk.domain.identity import EpnIdentity
    from partnerdesk.domain.partners import OrganisationData
    from partnerdesk.services import partners, settings

    for name, kind in (("Association Les Amis", "association"), ("Hôtel de ville", "service_municipal")):
        partners.create_organisation(OrganisationData(name, kind=kind, address="1 rue Haute", city="Rennes"))
    i18n.set_language("fr")
    wishes, invitation = (LetterTemplateData(*t) for t in letters.DEFAULT_TEMPLATES)
    made, _skipped = letters.letters("organisations", invitation)
    # an unnamed EPN: the name of every document's header (domain/identity.py::UNNAMED_EPN)
    assert made[0].body.split("\n\n")[1].startswith("L’Espace public numérique a le plaisir de vous inviter")
    settings.save_identity(EpnIdentity(name="Espace public numérique de Saint-Aubin"))
    made, _skipped = letters.letters("organisations", wishes)
    bodies = [m.body for m in made]
    assert all("Toute l’équipe de l’Espace public numérique de Saint-Aubin vous présente" in b for b in bodies)
    assert "nos projets communs avec l’Association Les Amis." in bodies[0]
    assert "nos projets communs avec l’Hôtel de ville." in bodies[1]
    made, _skipped = letters.letters("organisations", invitation)
    assert made[0].body.split("\n\n")[1].startswith("L’Espace public numérique de Saint-Aubin a le plaisir")


def test_braces_in_a_name_are_printed_as_typed(store):
    """« Club {date} » is a name, not the field {date}: placed with its article, it stays as typed."""
    from partnerdesk import i18n
    from partnerdesk.domain.identity import EpnIdentity
    from partnerdesk.domain.partners import OrganisationData
    from partnerdesk.services import partners, settings

    settings.save_identity(EpnIdentity(name="Espace {ville}"))
    partners.create_organisation(OrganisationData("Club {date}", kind="association", address="1 rue Haute",
                                                  city="Rennes"))
    i18n.set_language("fr")
    template = LetterTemplateData("Test", "Pour {organisation}", "Avec {organisation}, {epn} vous écrit le {date}.")
    made, _skipped = letters.letters("organisations", template)
    assert made[0].subject == "Pour le Club {date}"
    assert made[0].body.startswith("Avec le Club {date}, l’Espace {ville} vous écrit le ")
    assert "{date}." not in made[0].body  # the template's own field is filled
