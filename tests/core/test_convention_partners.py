"""Conventions with several partners: every partner named in the text, French lists and agreement."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerdesk import i18n
from partnerdesk.domain import merge_fields as mf
from partnerdesk.domain.enumeration import OrgList, english_count_words, join_words
from partnerdesk.domain.grammar import OrgName, place_names, place_names_in_runs
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import convention_output as output
from partnerdesk.services import conventions, partners, projects, settings
from partnerdesk.services.convention_templates import default_template

AMIS = OrgName("Association Les Amis", None, "association")
MAIRIE = OrgName("Mairie de Saint-Aubin", None, "service_municipal")
CAFE = OrgName("Café des Familles", None, "association")


def test_words_are_joined_the_french_and_the_english_way():
    assert join_words([], "et") == ""
    assert join_words(["A"], "et") == "A"
    assert join_words(["A", "B"], "et") == "A et B"
    assert join_words(["A", "B", "C"], "et") == "A, B et C"
    assert join_words(["A", "B", "C"], "and") == "A, B and C"
    assert [english_count_words(n) for n in (1, 2, 3, 12, 21)] == ["one", "two", "three", "twelve", "21"]


def test_a_list_of_organisations_takes_each_article_in_each_context():
    three = OrgList((AMIS, MAIRIE, CAFE))
    assert three.bare() == "l’Association Les Amis, la Mairie de Saint-Aubin et le Café des Familles"
    assert three.subject() == "L’Association Les Amis, la Mairie de Saint-Aubin et le Café des Familles"
    assert three.de() == "de l’Association Les Amis, de la Mairie de Saint-Aubin et du Café des Familles"
    assert three.a() == "à l’Association Les Amis, à la Mairie de Saint-Aubin et au Café des Familles"
    assert three.with_("avec") == "avec l’Association Les Amis, la Mairie de Saint-Aubin et le Café des Familles"
    assert three.agree("représenté", "représentée") == "représentés"  # a masculine partner among them
    assert OrgList((AMIS, MAIRIE)).agree("représenté", "représentée") == "représentées"
    one = OrgList((CAFE,))
    assert one.de() == "du Café des Familles" and one.agree("représenté", "représentée") == "représenté"
    text = "En lien avec {liste}. {liste} accompagnent ; le rôle de {liste}."
    assert place_names(text, {"liste": OrgList((AMIS, CAFE))}) == (
        "En lien avec l’Association Les Amis et le Café des Familles. L’Association Les Amis et le Café des "
        "Familles accompagnent ; le rôle de l’Association Les Amis et du Café des Familles.")


def test_a_field_agrees_with_the_number_of_partners():
    result = mf.Resolution()
    text = "{partenaires.liste} {partenaires:accompagne|accompagnent} ; {partenaires : lui | eux }"
    one = {"partenaires": {"liste": "A"}, mf.COUNTS: {"partenaires": 1}}
    two = {"partenaires": {"liste": "A et B"}, mf.COUNTS: {"partenaires": 2}}
    assert mf.resolve(text, one, "x", result) == "A accompagne ; lui"
    assert mf.resolve(text, two, "x", result) == "A et B accompagnent ; eux"
    assert result.ok
    assert mf.is_field("{partenaires:accompagne|accompagnent}") and mf.is_field("{partenaires.liste}")
    assert not mf.is_field("{partenaires:accompagne}") and not mf.is_field("{seances:une|des}")
    assert mf.resolve("{_counts.partenaires}", two, "x", result) == "{_counts.partenaires}"
    assert [p.kind for p in result.problems] == [mf.UNKNOWN]


@pytest.fixture
def three_partners(store):
    settings.save_identity(EpnIdentity(name="Espace numérique de Saint-Aubin", city="Saint-Aubin",
                                       signatory_name="Marie Durand", signatory_title="Maire"))
    ids = [partners.create_organisation(OrganisationData(o.name, kind=o.kind)).id for o in (AMIS, MAIRIE, CAFE)]
    project = projects.create_project(ProjectData("Premiers clics", objectives="Rendre autonomes."))

    def make(count: int, **changes):
        conv = conventions.create_convention(f"Convention {count}", ids[:count], project_id=project.id)
        conv.start_date, conv.end_date, conv.signed_on = dt.date(2026, 1, 5), dt.date(2026, 6, 30), None
        for key, value in changes.items():
            setattr(conv, key, value)
        return conventions.save_convention(conv)

    return make


def _text(doc) -> str:
    return "\n".join(b.text for s in doc.sections for b in s.blocks) + "\n" + "\n".join(
        b.text for s in doc.sections for _t, blocks in s.subsections for b in blocks)


@pytest.mark.parametrize("count, subject, parties", [
    (1, "L’Association Les Amis accompagne au quotidien", "les deux parties ont souhaité"),
    (2, "L’Association Les Amis et la Mairie de Saint-Aubin accompagnent au quotidien",
     "les trois parties ont souhaité"),
    (3, "L’Association Les Amis, la Mairie de Saint-Aubin et le Café des Familles accompagnent au quotidien",
     "les quatre parties ont souhaité"),
])
def test_the_builtin_preamble_names_every_partner(three_partners, count, subject, parties):
    conv = three_partners(count)
    with i18n.document_language("fr"):
        doc, _result = output.document(conv, blanks=True)
    preamble = " ".join(b.text for b in doc.sections[0].blocks)
    assert subject in preamble and parties in preamble
    text = _text(doc)
    assert ("au partenaire" if count == 1 else "aux partenaires") in text  # the EPN's engagements
    exemplaires = {1: "deux", 2: "trois", 3: "quatre"}[count]
    assert f"en {exemplaires} exemplaires originaux" in text
    assert [p.called for p in doc.parties][1:] == [o.bare() for o in (AMIS, MAIRIE, CAFE)][:count]
    assert "{" not in text and "…………" not in preamble
    assert doc.sections[7].title == "Droit à l’image et diffusion des réalisations"  # one kind of apostrophe


def test_fields_of_the_partners_in_the_side_panel(three_partners):
    conv = three_partners(2)
    with i18n.document_language("en"):  # the interface's language does not matter: the convention's does
        values = {name: value for name, _label, value in output.field_values(conv)}
    assert values["partenaires.liste"] == "Association Les Amis et Mairie de Saint-Aubin"
    assert values["partenaires.nombre"] == "deux" and values["parties.nombre"] == "trois"
    assert values["partenaires:accompagne|accompagnent"] == "accompagnent"
    conv.content.language = "en"  # the values of a convention written in English
    values = {name: value for name, _label, value in output.field_values(conv)}
    assert values["partenaires.liste"] == "Association Les Amis and Mairie de Saint-Aubin"
    assert values["parties.nombre"] == "three" and values["partenaires:accompagne|accompagnent"] == "accompagnent"


def test_an_old_template_with_the_single_partner_fields_still_resolves(three_partners):
    conv = three_partners(2)
    conv.content.sections[0].body = ("<p>{partenaire.nom} accompagne un public ; les deux parties agissent. "
                                     "Représenté par {partenaire.representant}, avec {partenaires.2.nom}.</p>")
    conv.content.parties[1].signatory = "Jean Dupont"
    conv = conventions.save_convention(conv)
    with i18n.document_language("fr"):
        doc, result = output.document(conv, blanks=True)
    assert not [p for p in result.problems if p.kind == mf.UNKNOWN]
    assert doc.sections[0].blocks[0].text == (
        "L’Association Les Amis accompagne un public ; les trois parties agissent. Représenté par Jean Dupont, "
        "avec la Mairie de Saint-Aubin.")


def test_a_single_partner_field_is_pointed_out_when_there_are_several_partners(three_partners):
    conv = three_partners(2)
    assert output.first_partner_fields(conv) == []  # the built-in template names them all
    conv.content.sections[0].body = "<p>{partenaire.nom} accompagne ; {partenaire.nom} et {epn.nom}.</p>"
    conv.content.sections[3].title = "Séances avec {partenaire.representant}"
    conv.content.parties[1].engagements = "<p>{partenaire.nom} s'engage à :</p>"  # each partner's own: fine
    found = output.first_partner_fields(conv)
    assert found == [mf.FieldProblem("partenaire.nom", mf.FIRST_ONLY, conv.content.sections[0].title),
                     mf.FieldProblem("partenaire.representant", mf.FIRST_ONLY, "Séances avec "
                                                                               "{partenaire.representant}")]
    one = three_partners(1)
    one.content.sections[0].body = "<p>{partenaire.nom} accompagne.</p>"
    assert output.first_partner_fields(one) == []
    assert mf.FIRST_ONLY not in {p.kind for p in output.check(conv).problems}  # a notice: the export goes on


def test_a_name_in_bold_or_italics_keeps_the_form_its_sentence_asks_for(three_partners):
    """The rich text cuts a paragraph into runs at each change of style: the context of a name field
    is the sentence, not its run."""
    conv = three_partners(2)
    conv.content.sections[0].body = (
        "<p>Le rôle de <b>{partenaires.liste}</b> et de <i>{epn.nom}</i> est clair. <b>{epn.nom}</b> accueille ; "
        "avec <b>{partenaire.nom}</b>, au service <i>du public</i> de <b>{partenaires.2.nom}</b>.</p>")
    conv = conventions.save_convention(conv)
    with i18n.document_language("fr"):
        doc, _result = output.document(conv, blanks=True)
    block = doc.sections[0].blocks[0]
    assert block.text == (
        "Le rôle de l’Association Les Amis et de la Mairie de Saint-Aubin et de l’Espace numérique de "
        "Saint-Aubin est clair. L’Espace numérique de Saint-Aubin accueille ; avec l’Association Les Amis, au "
        "service du public de la Mairie de Saint-Aubin.")
    # the preposition goes with the name into its run (a contracted "du" cannot be cut in two)
    assert [r.text for r in block.runs if r.bold][0] == "de l’Association Les Amis et de la Mairie de Saint-Aubin"
    assert [r.text for r in block.runs if r.italic] == ["de l’Espace numérique de Saint-Aubin", "du public"]
    # a contracted form takes the preposition from the run before: "du Café", never "de le Café"
    runs = ["Le rôle ", "de ", "{liste}", " et ", "de", " ", "{x}"]
    assert place_names_in_runs(runs, {"liste": OrgList((CAFE,)), "x": AMIS}) == [
        "Le rôle ", "", "du Café des Familles", " et ", "", "", "de l’Association Les Amis"]


@pytest.mark.parametrize("name, verb", [("Les Restos du Cœur", "accompagnent"), ("Amis du Quartier", "accompagnent"),
                                        ("La Poste", "accompagne")])
def test_the_preamble_verb_agrees_with_a_partner_whose_name_is_plural(store, name, verb):
    """One partner named in the plural (« Les Restos du Cœur ») takes a plural verb; the nouns that count
    the partners (« au partenaire ») still count one."""
    settings.save_identity(EpnIdentity(name="Espace numérique de Saint-Aubin", city="Saint-Aubin"))
    org = partners.create_organisation(OrganisationData(name, kind="association"))
    conv = conventions.create_convention("Convention", [org.id])
    with i18n.document_language("fr"):
        doc, _result = output.document(conv, blanks=True)
    text = _text(doc)
    assert f"{OrgName(name, None, 'association').subject()} {verb} au quotidien" in text
    assert "le bilan au partenaire ;" in text
    assert mf.is_field("{partenaires.liste:accompagne|accompagnent}")
    english = conventions.create_convention("Agreement", [org.id], template=default_template("en"))
    with output.written_in(english):  # a name is one organisation in English
        doc, _result = output.document(english, blanks=True)
    assert f"{name} works every day" in _text(doc)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_braces_in_a_name_are_part_of_the_name_not_fields(store, language):
    settings.save_identity(EpnIdentity(name="EPN {Saint-Aubin}", city="Saint-Aubin", signatory_name="Marie Durand"))
    org = partners.create_organisation(OrganisationData("Club {Code} & co }", kind="association"))
    conv = conventions.create_convention("Convention", [org.id], template=default_template(language))
    problems = output.check(conv).problems
    assert not [p for p in problems if p.kind in (mf.UNKNOWN, mf.BRACE)], problems
    with output.written_in(conv):
        doc, _result = output.document(conv, blanks=True)
    text = _text(doc)
    assert ("Le Club {Code} & co } accompagne" if language == "fr" else "Club {Code} & co } works") in text
    assert ("l’EPN {Saint-Aubin} a pour mission" if language == "fr" else "EPN {Saint-Aubin} helps") in text
    assert "\ue000" not in text


def test_the_builtin_text_holds_no_pronoun_that_guesses_the_epns_gender(store):
    """« La Médiathèque… en rédige le compte rendu, qu’il transmet » was wrong for an EPN named by a
    feminine noun: the built-in text names no pronoun for the EPN."""
    settings.save_identity(EpnIdentity(name="Médiathèque numérique de Rennes", city="Rennes"))
    org = partners.create_organisation(OrganisationData("Association Les Amis", kind="association"))
    conv = conventions.create_convention("Convention", [org.id])
    with i18n.document_language("fr"):
        doc, _result = output.document(conv, blanks=True)
    text = _text(doc)
    assert "La Médiathèque numérique de Rennes en rédige le compte rendu et le transmet à chaque partie" in text
    assert "qu’il" not in text


def test_each_partners_commitments_agree_with_its_name(store):
    """« Les Petits Débrouillards s’engagent à informer et orienter leur public », beside « L’Association
    Les Amis s’engage à informer et orienter son public » in the same convention."""
    settings.save_identity(EpnIdentity(name="Espace numérique de Saint-Aubin", city="Saint-Aubin"))
    ids = [partners.create_organisation(OrganisationData(name, kind="association")).id
           for name in ("Les Petits Débrouillards", "Association Les Amis")]
    conv = conventions.create_convention("Convention", ids)
    with i18n.document_language("fr"):
        doc, result = output.document(conv, blanks=True)
    engagements = {title: " ".join(b.text for b in blocks) for s in doc.sections for title, blocks in s.subsections}
    assert engagements["Engagements des Petits Débrouillards"].startswith(
        "Les Petits Débrouillards s’engagent à : informer et orienter leur public vers l’action")
    assert engagements["Engagements de l’Association Les Amis"].startswith(
        "L’Association Les Amis s’engage à : informer et orienter son public vers l’action")
    assert engagements["Engagements de l’Espace numérique de Saint-Aubin"].startswith(
        "L’Espace numérique de Saint-Aubin s’engage à :")
    assert not [p for p in result.problems if p.kind in (mf.UNKNOWN, mf.BRACE)]
    assert mf.is_field("{partenaire.nom:s'engage|s'engagent}") and mf.is_field("{epn.nom:s'engage|s'engagent}")


def test_a_convention_without_a_partner_counts_nobody_and_says_so(three_partners):
    """No partner ticked yet: the counts are missing values listed before export, never printed as
    « en une exemplaires » or « les une parties »."""
    conv = three_partners(0)
    result = output.check(conv)
    missing = {p.name for p in result.problems if p.kind == mf.MISSING}
    assert {"partenaires.liste", "parties.nombre"} <= missing
    with i18n.document_language("fr"):
        doc, _result = output.document(conv, blanks=True)
    text = _text(doc)
    assert "une exemplaires" not in text and "les une parties" not in text
