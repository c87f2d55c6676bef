"""Projects: card, budget totals, partners, organisation's projects, contributions, staff time."""

import datetime as dt

import pytest

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.project_rules import budget_totals
from partnerdesk.domain.projects import (
    BudgetLineData,
    ContributionData,
    NeedData,
    ProjectData,
    StaffTimeData,
)
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import partners, project_budget, projects


def _org(name):
    return partners.create_organisation(OrganisationData(name)).id


def test_create_and_list_project_with_filters(store):
    p = projects.create_project(ProjectData("Atelier tablettes", publics=["seniors"], in_charge="Hélène",
                                            start_date=dt.date(2026, 1, 7), end_date=dt.date(2026, 6, 24),
                                            duration_kind="long", status="en_cours"))
    projects.create_project(ProjectData("Fête de l'internet", publics=["familles"], start_date=dt.date(2027, 3, 1)))
    assert projects.get_project(p.id).publics == ["seniors"]
    assert [s.title for s in projects.list_projects(search="tablettes")] == ["Atelier tablettes"]
    assert [s.title for s in projects.list_projects(search="fete")] == ["Fête de l'internet"]
    assert [s.title for s in projects.list_projects(year=2026)] == ["Atelier tablettes"]
    assert [s.title for s in projects.list_projects(public="familles")] == ["Fête de l'internet"]
    assert [s.title for s in projects.list_projects(status="en_cours")] == ["Atelier tablettes"]
    assert projects.people_in_charge() == ["Hélène"]
    assert projects.project_years() == [2027, 2026]


def test_project_validation_keeps_database_untouched(store):
    with pytest.raises(ValidationError) as err:
        projects.create_project(ProjectData("  ", start_date=dt.date(2026, 5, 1), end_date=dt.date(2026, 4, 1)))
    assert set(err.value.errors) == {"title", "end_date"}
    assert projects.list_projects() == []


def test_budget_totals_and_uncovered_part(store):
    p = projects.create_project(ProjectData("Atelier"))
    card = projects.add_partner(p.id, _org("Mairie"))
    project_budget.add_budget_line(BudgetLineData(p.id, "Animation", 1200.0, project_partner_id=card.id))
    project_budget.add_budget_line(BudgetLineData(p.id, "Tablettes", 2500.5))
    project_budget.add_budget_line(BudgetLineData(p.id, "Goûters", 99.5, own_funds=True))
    totals = project_budget.budget_totals_of(p.id)
    assert (totals.total, totals.by_partners, totals.own_funds, totals.uncovered) == (3800.0, 1200.0, 99.5, 2500.5)
    assert totals.per_partner == {"Mairie": 1200.0}
    assert [line.partner_name for line in project_budget.budget_of(p.id)] == ["Mairie", "", ""]
    with pytest.raises(ValidationError):
        project_budget.add_budget_line(BudgetLineData(p.id, "Erreur", -5))


def test_budget_totals_pure_rule():
    lines = [BudgetLineData(1, "a", 10.1), BudgetLineData(1, "b", 20.2, own_funds=True),
             BudgetLineData(1, "c", 0.1, project_partner_id=3, partner_name="X")]
    t = budget_totals(lines)
    assert (t.total, t.uncovered, t.own_funds, t.by_partners) == (30.4, 10.1, 20.2, 0.1)
    assert budget_totals([]).total == 0


def test_needs_contributions_cards_and_staff_time(store):
    p = projects.create_project(ProjectData("Atelier", in_charge="Karim"))
    org = _org("Recyclerie L'Ordi Solidaire")
    project_budget.set_needs(p.id, [NeedData(p.id, "financement", "Animation", 2000.0),
                              NeedData(p.id, "materiel", "10 tablettes", 2500.0, "pret")])
    assert [(n.kind, n.material_mode) for n in project_budget.needs_of(p.id)] == [("financement", ""), ("materiel", "pret")]
    card = projects.add_partner(p.id, org)
    assert projects.add_partner(p.id, org).id == card.id  # once per project
    projects.add_contribution(ContributionData(card.id, "materiel", "Prêt de tablettes", 2500.0, "pret"))
    c2 = projects.add_contribution(ContributionData(card.id, "financement", "Subvention", 500.0, status="obtenu"))
    got = projects.get_card(card.id)
    assert (got.expected, got.obtained, got.in_charge) == (2500.0, 500.0, "Karim")
    projects.set_contribution_status(c2.id, "attendu")
    assert projects.get_card(card.id).expected == 3000.0
    projects.log_staff_time(StaffTimeData(p.id, dt.date(2026, 3, 4), 2.5, card.id))
    projects.log_staff_time(StaffTimeData(p.id, dt.date(2026, 3, 5), 1.0))
    assert projects.staff_hours_by_partner(p.id) == {card.id: 2.5, None: 1.0}
    with pytest.raises(ValidationError):
        projects.log_staff_time(StaffTimeData(p.id, dt.date(2026, 3, 5), 0))


def test_projects_of_organisation_lists_stages(store):
    org = _org("Médiathèque")
    a = projects.create_project(ProjectData("A", start_date=dt.date(2026, 1, 1)))
    b = projects.create_project(ProjectData("B", start_date=dt.date(2025, 1, 1)))
    projects.add_partner(a.id, org, stage="co_construction")
    projects.add_partner(b.id, org, stage="bilan")
    assert [(x.project_title, x.stage) for x in projects.projects_of_organisation(org)] == [
        ("A", "co_construction"), ("B", "bilan")]
    projects.delete_project(b.id)
    assert [x.project_title for x in projects.projects_of_organisation(org)] == ["A"]
    assert [c.project_title for c in projects.list_cards()] == ["A"]
    projects.restore_project(b.id)
    assert len(projects.list_cards()) == 2


def test_cross_project_cards_filter_by_person_in_charge(store):
    org1, org2 = _org("Un"), _org("Deux")
    a = projects.create_project(ProjectData("A", in_charge="Zoé"))
    b = projects.create_project(ProjectData("B", in_charge="Karim"))
    projects.add_partner(a.id, org1)
    projects.add_partner(b.id, org1)
    projects.add_partner(b.id, org2)
    assert len(projects.list_cards()) == 3
    assert [c.organisation_name for c in projects.list_cards(in_charge="Karim")] == ["Un", "Deux"]
    assert len(projects.list_cards(project_id=a.id)) == 1


def test_demo_projects_cover_every_stage(demo_store):
    from partnerdesk.domain.projects import Stage

    cards = projects.list_cards()
    assert {c.stage for c in cards} == {s.value for s in Stage}
    assert len(projects.list_projects()) == 12


def test_cli_projects_and_todo(tmp_path, capsys):
    from partnerdesk.cli import main

    folder = str(tmp_path / "cli")
    assert main(["--data-dir", folder, "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", folder, "--lang", "fr", "projects", "--search", "tablette"]) == 0
    out = capsys.readouterr().out
    assert "Premiers pas sur tablette · En cours" in out and "taux de présence" in out
    assert "partenaires engagés" in out or "partenaire engagé" in out  # the engagement rule of the documents
    assert main(["--data-dir", folder, "--lang", "fr", "todo"]) == 0
    assert "Séance" in capsys.readouterr().out


def test_project_report_gathers_everything_for_the_pdfs(demo_store):
    from partnerdesk.services import realizations
    from partnerdesk.services.project_report import project_report

    by_title = {p.title: p.id for p in projects.list_projects()}
    expo = project_report(by_title["Exposition « Mon quartier vu par les jeunes »"])
    assert len(expo.realizations) == 2 and len(expo.photos) == 3
    assert all(len(p.person_ids) == 2 for p in expo.photos)
    assert all((demo_store.photos_dir / p.file).is_file() for p in expo.photos)
    tablets = project_report(by_title["Premiers pas sur tablette"])
    assert tablets.session_totals.held > 0 and tablets.session_totals.rate is not None
    assert tablets.budget_totals.total == sum(line.amount for line in tablets.budget)
    assert tablets.staff_hours_total == sum(p.hours for p in tablets.partners) > 0
    assert {p.card.organisation_name for p in tablets.active_partners}
    assert project_report(99999) is None
    photo = expo.photos[0]
    realizations.set_people_shown(photo.id, [photo.person_ids[0]])
    assert realizations.photos_of(expo.project.id)[0].person_ids == [photo.person_ids[0]]


def test_merged_organisations_keep_their_partnerships(store):
    from partnerdesk.domain.projects import SessionData
    from partnerdesk.services import sessions

    old, new = _org("Médiathèque (doublon)"), _org("Médiathèque Anne-Frank")
    a = projects.create_project(ProjectData("A"))
    b = projects.create_project(ProjectData("B"))
    only_old = projects.add_partner(a.id, old, stage="co_construction")
    both_old = projects.add_partner(b.id, old, stage="convention_signee", next_step="Signer",
                                    next_step_on=dt.date(2026, 3, 1))
    both_new = projects.add_partner(b.id, new, stage="premier_contact")
    projects.add_contribution(ContributionData(both_old.id, "locaux", "Salle", 300.0))
    projects.log_staff_time(StaffTimeData(b.id, dt.date(2026, 2, 1), 3.0, both_old.id))
    s = sessions.create_session(SessionData(b.id, dt.date(2026, 3, 4), organisation_id=old))
    assert projects.reassign_organisation(old, new) == 2
    assert projects.projects_of_organisation(old) == []
    cards = {c.project_title: c for c in projects.list_cards() if c.organisation_id == new}
    assert cards["A"].id == only_old.id and cards["A"].stage == "co_construction"
    merged = cards["B"]
    assert merged.id == both_new.id and merged.stage == "convention_signee" and merged.next_step == "Signer"
    assert merged.expected == 300.0 and projects.staff_hours_by_partner(b.id) == {both_new.id: 3.0}
    assert sessions.get_session(s.id).organisation_id == new
