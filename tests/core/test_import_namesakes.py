"""Two rows of one import file are one card only when an e-mail or a phone says so, or when they
bear the same name and nothing contradicts it; namesakes are kept apart, with a remark."""

from __future__ import annotations

from partnerdesk.services import imports
from partnerdesk.services.imports import apply_plan, plan_for
from partnerdesk.store import database

from tests.core.test_imports import people

HEAD = "Nom;Prénom;Structure;Fonction;Courriel;Téléphone\n"


def _plan(*rows: str):
    return plan_for(imports.read_text(HEAD + "".join(r + "\n" for r in rows), "contacts.csv"))


def test_namesakes_with_other_emails_and_organisations_stay_two_cards(store):
    plan = _plan("Clément;Émile;Radio Rennes Campus;Bibliothécaire;emile.clement@radio.fr;06 20 50 55 53",
                 "Clément;Émile;Fondation Numérique;Responsable RSE;e.clement@fondation.org;06 74 97 66 44")
    people_rows = [r for r in plan.creates if r.kind == "person"]
    assert [(r.contact.organisation, r.contact.title, r.contact.emails) for r in people_rows] == [
        ("Radio Rennes Campus", "Bibliothécaire", ["emile.clement@radio.fr"]),
        ("Fondation Numérique", "Responsable RSE", ["e.clement@fondation.org"])]
    assert "Line 3: same name as line 2 but another email address: kept as a separate card; check whether it is " \
           "the same person." in plan.warnings
    apply_plan(plan, store)
    assert database.execute_sql("SELECT count(*) FROM person").fetchone()[0] == 2
    assert sorted(r[0] for r in database.execute_sql("SELECT role FROM affiliation")) == [
        "Bibliothécaire", "Responsable RSE"]


def test_same_name_other_organisation_without_emails_stays_apart(store):
    plan = _plan("Martin;Anne;Mairie;;;", "Martin;Anne;CCAS;;;")
    assert len([r for r in plan.creates if r.kind == "person"]) == 2
    assert any("same name as line 2 but another organisation" in w for w in plan.warnings)


def test_same_name_nothing_contradicting_is_one_card(store):
    plan = _plan("Martin;Anne;Mairie;Secrétaire;anne@mairie.fr;", "Martin;Anne;;;;02 99 00 11 22")
    [row] = [r for r in plan.creates if r.kind == "person"]
    assert row.contact.emails == ["anne@mairie.fr"] and row.contact.phones == ["+33299001122"]
    assert row.contact.organisation == "Mairie" and row.contact.title == "Secrétaire"


def test_same_email_other_organisation_folds_and_keeps_it_in_the_notes(store):
    plan = _plan("Martin;Anne;Mairie;Secrétaire;anne@exemple.fr;", "Martin;Anne;CCAS;Directrice;anne@exemple.fr;")
    [row] = [r for r in plan.creates if r.kind == "person"]
    assert row.contact.organisation == "Mairie" and row.contact.title == "Secrétaire"
    assert "Organisation : CCAS" in row.contact.notes and "Job title : Directrice" in row.contact.notes
    assert "Line 2: Organisation « CCAS » of line 3 kept in the notes (the card has « Mairie »)." in plan.warnings
    apply_plan(plan, store)
    assert "CCAS" in people()["Anne Martin"]["notes"]
