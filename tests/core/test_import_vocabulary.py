"""Kind, status, publics, contributions, "relais" and affiliations read back by the importer:
known values on the card, unknown ones in the notes with a French remark in the review."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from partnerdesk import i18n
from partnerdesk.domain.affiliation_cells import AffiliationLine, format_cell, parse_cell
from partnerdesk.i18n import parse_date
from partnerdesk.services import imports
from partnerdesk.services.exports.tabular import csv_bytes
from partnerdesk.store import database

ORG_HEADERS = ["Nom", "Type", "Statut", "Adresse", "Code postal", "Ville", "Pays", "Téléphone", "E-mail", "Site web",
               "Publics", "Apports", "Étiquettes", "Notes"]


def _org_row(name, kind="", status="", publics="", contributions="", notes=""):
    return [name, kind, status, "", "", "", "", "", "", "", publics, contributions, "", notes]


def test_known_values_go_on_the_card_in_either_language_or_as_codes(store):
    raw = csv_bytes(ORG_HEADERS, [_org_row("Collège Anne Frank", "Établissement scolaire", "Actif",
                                           "Jeunes, Pupils; seniors", "financement, Locaux"),
                                  _org_row("Entreprise Durand", "COMPANY", "set aside")])
    plan = imports.plan_for(imports.read_bytes(raw, "organismes.csv"))
    assert not plan.refused
    imports.apply_plan(plan, store)
    rows = {r[0]: r[1:] for r in database.execute_sql(
        "SELECT name, kind, status, publics, contributions, notes FROM organisation")}
    assert rows["Collège Anne Frank"][:2] == ("etablissement_scolaire", "actif")
    assert json.loads(rows["Collège Anne Frank"][2]) == ["jeunes", "scolaires", "seniors"]
    assert json.loads(rows["Collège Anne Frank"][3]) == ["financement", "locaux"]
    assert rows["Collège Anne Frank"][4] == ""
    assert rows["Entreprise Durand"][:2] == ("entreprise", "ecarte")


def test_unknown_values_are_kept_in_the_notes_and_said_in_french(store):
    i18n.set_language("fr")
    raw = csv_bytes(ORG_HEADERS, [_org_row("Lycée Chateaubriand", "Club sportif", "Partenaire", "Jeunes, Retraités",
                                           "Prêt de salle", "Déjà vu en 2024")])
    plan = imports.plan_for(imports.read_bytes(raw, "organismes.csv"))
    said = "\n".join(plan.warnings)
    assert "Type d'organisme « Club sportif » : valeur inconnue de PartnerDesk, gardée dans les notes." in said
    assert "Statut de l'organisme « Partenaire »" in said
    assert "Publics « Retraités »" in said and "Apports « Prêt de salle »" in said
    placements = " ".join(plan.creates[0].placements)
    assert "Notes : Type, Statut, Publics, Apports" in placements
    imports.apply_plan(plan, store)
    kind, status, publics, notes = database.execute_sql(
        "SELECT kind, status, publics, notes FROM organisation").fetchone()
    assert (kind, status, json.loads(publics)) == ("autre", "prospect", ["jeunes"])
    assert notes.splitlines() == ["Déjà vu en 2024", "Type : Club sportif", "Statut : Partenaire", "Publics : Retraités",
                                  "Apports : Prêt de salle"]


def test_a_column_of_any_spreadsheet_can_be_mapped_to_the_kind(store):
    raw = "Structure;Catégorie;Relais\nMJC du Bourg;Association;\n".encode()
    parsed = imports.read_bytes(raw, "liste.csv")
    assert parsed.needs_mapping
    parsed.remap({0: "organisation", 1: "org_kind"})
    imports.apply_plan(imports.plan_for(parsed), store)
    assert database.execute_sql("SELECT kind FROM organisation").fetchone()[0] == "association"


@pytest.mark.parametrize("cell, expected", [("oui", True), ("Yes", True), ("x", True), ("", False), ("non", False)])
def test_the_relay_column(store, cell, expected):
    raw = csv_bytes(["Prénom", "Nom", "Relais"], [["Claire", "Martin", cell]])
    parsed = imports.read_bytes(raw, "p.csv")
    parsed.remap({0: "first_name", 1: "last_name", 2: "relais"})
    imports.apply_plan(imports.plan_for(parsed), store)
    assert bool(database.execute_sql("SELECT relais FROM person").fetchone()[0]) is expected


def test_a_merge_completes_the_kind_and_publics_and_its_undo_puts_them_back(store):
    first = imports.plan_for(imports.read_bytes(csv_bytes(ORG_HEADERS, [_org_row("MJC du Bourg")]), "a.csv"))
    imports.apply_plan(first, store)
    plan = imports.plan_for(imports.read_bytes(
        csv_bytes(ORG_HEADERS, [_org_row("MJC du Bourg", "Association", "", "Familles")]), "b.csv"))
    assert plan.matches
    result = imports.apply_plan(plan, store)
    assert database.execute_sql("SELECT kind, publics FROM organisation").fetchone() == ("association",
                                                                                         '["familles"]')
    imports.undo_batch(result.batch_id, store)
    assert database.execute_sql("SELECT kind, publics FROM organisation").fetchone() == ("autre", "[]")


def test_other_affiliations_come_back_with_their_dates_and_an_unreadable_line_is_said(store):
    i18n.set_language("fr")
    cell = format_cell([AffiliationLine("Mairie | CCAS", "Agente || accueil", "", dt.date(2019, 9, 1),
                                        dt.date(2022, 6, 30))]) + "\nMairie de Vitré | élue | | le 3 mai |"
    raw = csv_bytes(["Prénom", "Nom", "Autres rattachements"], [["Claire", "Martin", cell]])
    parsed = imports.read_bytes(raw, "p.csv")
    parsed.remap({0: "first_name", 1: "last_name", 2: "other_affiliations"})
    plan = imports.plan_for(parsed)
    assert plan.new_organisations == ["Mairie | CCAS"]
    assert "1 autre rattachement (historique)" in plan.creates[0].placements
    assert any("Autres rattachements « Mairie de Vitré | élue | | le 3 mai | » : valeur inconnue" in w
               for w in plan.warnings)
    result = imports.apply_plan(plan, store)
    assert database.execute_sql(
        "SELECT o.name, a.role, a.start_date, a.end_date FROM affiliation a JOIN organisation o"
        " ON o.id = a.organisation_id").fetchall() == [("Mairie | CCAS", "Agente || accueil", "2019-09-01",
                                                       "2022-06-30")]
    assert "Mairie de Vitré" in database.execute_sql("SELECT notes FROM person").fetchone()[0]
    imports.undo_batch(result.batch_id, store)
    assert database.execute_sql("SELECT count(*) FROM affiliation").fetchone()[0] == 0


@pytest.mark.parametrize("line", [
    AffiliationLine("A"), AffiliationLine("A|", "|b", "c||d"), AffiliationLine("x", "", "", None, dt.date(2020, 1, 2)),
    AffiliationLine("Sport, Loisirs | Culture", "Président", "Bureau", dt.date(2001, 12, 31))])
def test_an_affiliation_cell_reads_back_what_was_written(line):
    assert parse_cell(format_cell([line, line]), parse_date) == ([line, line], [])


@pytest.mark.parametrize("typed, code", [("Service municipal", "service_municipal"), ("collectivité", "service_municipal"),
                                         ("Mairie", "service_municipal"), ("Lycée", "etablissement_scolaire"),
                                         ("ASSO", "association"), ("Fondation", "fondation")])
def test_the_words_of_an_epn_for_a_kind_of_organisation(typed, code):
    from partnerdesk.domain.partners import OrgKind
    from partnerdesk.services.imports.vocabulary import choice

    assert choice(OrgKind, typed) == code


def test_a_kind_on_a_person_row_goes_to_their_organisation_unless_it_has_another(store):
    i18n.set_language("fr")
    imports.apply_plan(imports.plan_for(imports.read_bytes(
        csv_bytes(ORG_HEADERS, [_org_row("MJC du Bourg", "Association")]), "a.csv")), store)
    raw = csv_bytes(["Prénom", "Nom", "Structure", "Type de structure"],
                    [["Ana", "Lopes", "Mairie de Bréal", "Mairie"], ["Marc", "Olive", "MJC du Bourg", "Entreprise"]])
    parsed = imports.read_bytes(raw, "p.csv")
    assert parsed.mapping[3] == "org_kind"  # guessed from the header
    plan = imports.plan_for(parsed)
    assert "Organisation « Mairie de Bréal » : type « Service municipal / collectivité »" in \
        plan.creates[0].placements
    assert any("Type d'organisme « Entreprise » : l'organisation « MJC du Bourg » est déjà « Association » ; gardé "
               "dans les notes." in w for w in plan.warnings)
    imports.apply_plan(plan, store)
    kinds = dict(database.execute_sql("SELECT name, kind FROM organisation"))
    assert kinds == {"MJC du Bourg": "association", "Mairie de Bréal": "service_municipal"}
    assert "Type d'organisme : Entreprise" in database.execute_sql(
        "SELECT notes FROM person WHERE last_name = 'Olive'").fetchone()[0]


def test_other_affiliations_are_tidied_and_a_name_too_long_stays_in_the_notes(store):
    i18n.set_language("fr")
    long_name = "Association " + "très " * 80
    cell = format_cell([AffiliationLine("Mairie", "Agent\x00e d'accueil"), AffiliationLine(long_name)])
    raw = csv_bytes(["Prénom", "Nom", "Autres rattachements"], [["Claire", "Martin", cell]])
    parsed = imports.read_bytes(raw, "p.csv")
    parsed.remap({0: "first_name", 1: "last_name", 2: "other_affiliations"})
    plan = imports.plan_for(parsed)
    assert plan.new_organisations == ["Mairie"]
    assert any("plus de 300 caractères : gardé dans les notes" in w for w in plan.warnings)
    imports.apply_plan(plan, store)
    assert database.execute_sql("SELECT role FROM affiliation").fetchall() == [("Agente d'accueil",)]
    assert long_name.strip() in database.execute_sql("SELECT notes FROM person").fetchone()[0]


def test_civility_cadence_and_decision_circuit(store):
    i18n.set_language("fr")
    raw = csv_bytes(["Nom", "Prénom", "Civilité", "Structure", "Circuit de décision", "Rythme de contact (jours)"],
                    [["Martin", "Claire", "Mme", "MJC", "Bureau\nPuis CA", "tous les mois"],
                     ["Olive", "Marc", "Dr", "", "", ""]])
    parsed = imports.read_bytes(raw, "p.csv")
    parsed.remap({0: "last_name", 1: "first_name", 2: "civility", 3: "organisation", 4: "decision_circuit",
                  5: "contact_cadence"})
    plan = imports.plan_for(parsed)
    said = "\n".join(plan.warnings)
    assert "Civilité « Dr » : valeur inconnue" in said
    assert "Rythme de contact (jours) « tous les mois » : valeur inconnue" in said
    imports.apply_plan(plan, store)
    people = {r[0]: r[1:] for r in database.execute_sql("SELECT last_name, civility, notes FROM person")}
    assert people["Martin"][0] == "madame" and people["Olive"][0] == ""
    assert "Circuit de décision : Bureau\nPuis CA" in people["Martin"][1]  # not the organisation's: a person's row
    assert "Civilité : Dr" in people["Olive"][1]
    assert database.execute_sql("SELECT decision_circuit FROM organisation").fetchone()[0] == ""
    org = csv_bytes(ORG_HEADERS + ["Circuit de décision", "Rythme de contact (jours)"],
                    [_org_row("Mairie de Bréal") + ["Arrêté municipal", "90"]])
    imports.apply_plan(imports.plan_for(imports.read_bytes(org, "o.csv")), store)
    assert database.execute_sql("SELECT decision_circuit, contact_cadence_days FROM organisation WHERE name ="
                                " 'Mairie de Bréal'").fetchone() == ("Arrêté municipal", 90)


def test_article_form_and_checked_on_read_back_and_bad_dates_refused_per_row(store):
    i18n.set_language("fr")
    future = (dt.date.today() + dt.timedelta(days=30)).strftime("%d/%m/%Y")
    rows = [("Association Les Amis", "l’… (féminin)", "12/03/2025"), ("Hameau des Pins", "LE … (MASCULINE)", ""),
            ("Restos du Cœur", "les", "2024-11-05"), ("Orange", "sans article", future),
            ("Café des Familles", "", "pas une date"), ("Centre Social", "l_m", "31/02/2025"),
            ("Ville de Bréal", "n'importe", "")]
    raw = csv_bytes(ORG_HEADERS + ["Article", "Vérifiée le"], [_org_row(n) + [a, d] for n, a, d in rows])
    parsed = imports.read_bytes(raw, "o.csv")
    assert parsed.header_set == "partnerdesk"
    plan = imports.plan_for(parsed)
    assert not plan.refused and len(plan.creates) == len(rows)
    said = "\n".join(plan.warnings)
    assert f"Ligne 5 : Vérifiée le : {future} est une date future ; la fiche est importée sans date" in said
    assert "Ligne 6 : Vérifiée le : « pas une date » n'est pas une date ; la fiche est importée" in said
    assert "Ligne 7 : Vérifiée le : « 31/02/2025 » n'est pas une date" in said
    assert "Ligne 8 : Article « n'importe » : valeur inconnue" in said
    imports.apply_plan(plan, store)
    cards = {r[0]: r[1:] for r in database.execute_sql("SELECT name, article, verified_on, notes FROM organisation")}
    today = dt.date.today().isoformat()
    assert cards["Association Les Amis"][:2] == ("l_f", "2025-03-12")
    assert cards["Hameau des Pins"][:2] == ("le", None)  # the file says it was never checked: still due
    assert cards["Restos du Cœur"][:2] == ("les", "2024-11-05")
    assert cards["Orange"][:2] == ("", None)  # a date in the future is not taken, nor written in the notes
    assert cards["Café des Familles"][:2] == (None, None)  # an empty article: proposed from the name
    assert cards["Centre Social"][:2] == ("l_m", None)
    assert cards["Ville de Bréal"][0] is None and "Article : n'importe" in cards["Ville de Bréal"][2]
    assert today not in {c[1] for c in cards.values()}
    # a file without the column: the cards it creates count as checked today, as before
    imports.apply_plan(imports.plan_for(imports.read_bytes(
        csv_bytes(ORG_HEADERS, [_org_row("Mairie de Cesson")]), "o2.csv")), store)
    assert database.execute_sql("SELECT verified_on FROM organisation WHERE name = 'Mairie de Cesson'"
                                ).fetchone()[0] == today


def test_a_people_list_reads_checked_on_and_keeps_the_newest_date_of_the_card(store):
    i18n.set_language("fr")
    headers = ["Prénom", "Nom", "E-mails", "Téléphones", "Organisation", "Fonction", "Relais", "Étiquettes",
               "Notes", "Service", "Profession", "Sites web", "Adresse personnelle", "Adresse professionnelle",
               "Autre adresse", "Vérifiée le"]
    blank = [""] * 10
    raw = csv_bytes(headers, [["Claire", "Martin", "claire@exemple.fr"] + blank + ["", "", "05/01/2026"],
                              ["Paul", "Durand", "paul@exemple.fr"] + blank + ["", "", "1er janvier"]])
    plan = imports.plan_for(imports.read_bytes(raw, "p.csv"))
    assert "Ligne 3 : Vérifiée le : « 1er janvier » n'est pas une date" in "\n".join(plan.warnings)
    imports.apply_plan(plan, store)
    people = dict(database.execute_sql("SELECT last_name, verified_on FROM person"))
    assert people == {"Martin": "2026-01-05", "Durand": None}
    # imported again into the same folder: a card's own date is kept
    database.execute_sql("UPDATE person SET verified_on = '2026-02-01' WHERE last_name = 'Martin'")
    imports.apply_plan(imports.plan_for(imports.read_bytes(raw, "p.csv")), store)
    assert dict(database.execute_sql("SELECT last_name, verified_on FROM person"))["Martin"] == "2026-02-01"


def test_consent_columns_are_never_imported_and_the_review_says_so(store):
    i18n.set_language("fr")
    headers = ["Prénom", "Nom", "E-mails", "Téléphones", "Organisation", "Fonction", "Relais", "Étiquettes",
               "Notes", "Service", "Profession", "Sites web", "Adresse personnelle", "Adresse professionnelle",
               "Autre adresse", "Droit à l’image", "Consentement RGPD"]
    raw = csv_bytes(headers, [["Claire", "Martin", "claire@exemple.fr", "", "Mairie", "Élue", "oui"] + [""] * 8
                              + ["oui, le 12/01/2025", "oui"]])
    parsed = imports.read_bytes(raw, "p.csv")
    assert parsed.header_set == "partnerdesk"  # still recognised as PartnerDesk's own list
    parsed.remap({**parsed.mapping, 15: "notes"})  # even mapped by hand, a consent column stays out
    plan = imports.plan_for(parsed)
    said = "\n".join(plan.warnings)
    assert "La colonne « Droit à l’image » n'est pas importée" in said
    assert "La colonne « Consentement RGPD » n'est pas importée" in said
    imports.apply_plan(plan, store)
    assert database.execute_sql("SELECT notes FROM person").fetchone()[0] == ""
    assert database.execute_sql("SELECT count(*) FROM photo_consent").fetchone()[0] == 0
    # a spreadsheet of any other shape, and a known export whose other columns go to the notes
    other = imports.read_bytes(csv_bytes(["Nom", "Prénom", "Mail", "Autorisation photo"],
                                         [["Olive", "Marc", "m@x.fr", "non"]]), "g.csv")
    assert any("« Autorisation photo » n'est pas importée" in w for w in other.warnings)
    google = imports.read_bytes(csv_bytes(["Name", "E-mail 1 - Value", "Image rights"],
                                          [["Marc Olive", "m@x.fr", "yes"]]), "google.csv")
    assert google.header_set == "google" and google.contacts[0].noted == []


def test_an_own_list_completes_the_article_and_check_date_of_a_card_and_its_undo_puts_them_back(store):
    i18n.set_language("fr")
    imports.apply_plan(imports.plan_for(imports.read_bytes(csv_bytes(ORG_HEADERS, [_org_row("Hameau des Pins")]),
                                                           "o.csv")), store)
    database.execute_sql("UPDATE organisation SET article = NULL, verified_on = NULL")
    raw = csv_bytes(ORG_HEADERS + ["Article", "Vérifiée le"], [_org_row("Hameau des Pins") + ["le", "02/02/2026"]])
    plan = imports.plan_for(imports.read_bytes(raw, "o2.csv"))
    assert len(plan.matches) == 1
    result = imports.apply_plan(plan, store)
    assert database.execute_sql("SELECT article, verified_on FROM organisation").fetchone() == ("le", "2026-02-02")
    imports.undo_batch(result.batch_id, store)
    assert database.execute_sql("SELECT article, verified_on FROM organisation").fetchone() == (None, None)
