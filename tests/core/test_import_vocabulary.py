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
