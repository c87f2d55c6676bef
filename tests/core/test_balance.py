"""Is a partnership worth it: valued time, value obtained, benefits, the balance and the grid."""

import datetime as dt

import pytest

from partnerdesk.domain.balance import (
    BalanceRow,
    Benefit,
    BenefitEntry,
    Criterion,
    DecisionGrid,
    FunderProfile,
    GridAnswer,
    Rating,
    TimeEntry,
    Verdict,
    grid_problems,
    suggested_verdict,
    totals,
)
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ContributionData, ProjectData, StaffTimeData
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import balance, partners, projects


def _org(name):
    return partners.create_organisation(OrganisationData(name)).id


def _project(title, start=dt.date(2026, 1, 10)):
    return projects.create_project(ProjectData(title, start_date=start)).id


# --- arithmetic (domain) -----------------------------------------------------------------

def test_row_arithmetic_money_and_in_kind():
    row = BalanceRow(1, "Mairie", hours=10, money=300, in_kind=150.5, hourly_cost=25)
    assert row.time_cost == 250
    assert row.value == 450.5
    assert row.net == 200.5
    assert row.ratio == pytest.approx(1.802)
    assert not row.costs_more_than_it_brings and not row.flagged


def test_row_without_time_has_no_ratio_and_is_never_flagged():
    row = BalanceRow(1, "Fondation", money=1000, hourly_cost=25)
    assert row.time_cost == 0 and row.ratio is None
    assert not row.flagged


def test_flagged_only_without_a_non_financial_benefit():
    costly = BalanceRow(1, "Club", hours=8, in_kind=50, hourly_cost=25)
    assert costly.costs_more_than_it_brings and costly.flagged
    costly.benefits.append(Benefit.PUBLICS)
    assert costly.costs_more_than_it_brings and not costly.flagged


def test_totals_reconcile_with_rows():
    rows = [BalanceRow(1, "A", hours=2, money=100, hourly_cost=30),
            BalanceRow(2, "B", hours=10, in_kind=40, hourly_cost=30),
            BalanceRow(3, "C", money=500, hourly_cost=30)]
    t = totals(rows)
    assert t.hours == 12 and t.time_cost == 360 and t.money == 600 and t.in_kind == 40 and t.value == 640
    assert t.flagged == 1 and t.partners == 3
    assert t.ratio == pytest.approx(640 / 360)


# --- the grid rules (domain) -------------------------------------------------------------

def _answers(*ratings, blocking=(True, True, True, False, False, False)):
    return [GridAnswer(f"c{i}", r, "", b) for i, (r, b) in enumerate(zip(ratings, blocking))]


def test_suggested_verdict():
    F, R, D = Rating.FAVORABLE, Rating.RESERVE, Rating.DEFAVORABLE
    assert suggested_verdict(_answers(None, None, None, None, None, None)) is None
    assert suggested_verdict(_answers(F, F, F, F, F, F)) is Verdict.OUI
    assert suggested_verdict(_answers(F, F, F, R, F, F)) is Verdict.A_DISCUTER
    assert suggested_verdict(_answers(F, F, F, D, F, F)) is Verdict.A_DISCUTER  # accessory criterion
    assert suggested_verdict(_answers(F, F, None, F, F, F)) is Verdict.A_DISCUTER  # not all rated
    assert suggested_verdict(_answers(F, D, F, F, F, F)) is Verdict.NON  # blocking: image


def test_grid_cannot_say_yes_over_a_blocking_no_and_needs_a_date():
    grid = DecisionGrid(1, _answers(Rating.DEFAVORABLE, None, None, None, None, None), Verdict.OUI, None)
    problems = grid_problems(grid)
    assert set(problems) == {"verdict", "decided_on"}
    grid.verdict, grid.decided_on = Verdict.NON, dt.date(2026, 5, 2)
    assert grid_problems(grid) == {}


def test_criteria_are_a_setting(store):
    assert [c.blocking for c in balance.criteria()][:3] == [True, True, True]
    balance.set_criteria([Criterion("Proche du quartier"), Criterion("Pas de publicité", blocking=True)])
    assert balance.criteria() == [Criterion("Proche du quartier"), Criterion("Pas de publicité", True)]
    grid = balance.blank_grid(_org("Mairie"))
    assert [(a.criterion, a.blocking) for a in grid.answers] == [("Proche du quartier", False), ("Pas de publicité", True)]
    with pytest.raises(ValidationError):
        balance.set_criteria([Criterion("  ")])


def test_grid_round_trip_and_latest_per_project(store):
    org = _org("Supermarché Géant")
    p1, p2 = _project("Fête"), _project("Ateliers")
    g = balance.blank_grid(org, p1)
    g.answers[1].rating = Rating.DEFAVORABLE
    g.answers[1].comment = "Image commerciale trop forte"
    g.verdict, g.decided_on = Verdict.NON, dt.date(2026, 3, 1)
    balance.save_grid(g)
    g2 = balance.blank_grid(org, p2)
    g2.verdict, g2.decided_on = Verdict.A_DISCUTER, dt.date(2026, 4, 1)
    balance.save_grid(g2)
    back = balance.latest_grid(org, p1)
    assert back.verdict is Verdict.NON and back.answers[1].comment == "Image commerciale trop forte"
    assert back.answers[1].rating is Rating.DEFAVORABLE and back.organisation_name == "Supermarché Géant"
    assert balance.latest_grid(org).verdict is Verdict.A_DISCUTER  # the newest decision
    assert balance.verdicts(p1)[org] is Verdict.NON
    assert balance.verdicts()[org] is Verdict.A_DISCUTER
    bad = balance.blank_grid(org)
    bad.answers[0].rating = Rating.DEFAVORABLE
    bad.verdict, bad.decided_on = Verdict.OUI, dt.date(2026, 5, 1)
    with pytest.raises(ValidationError):
        balance.save_grid(bad)
    assert len(balance.grids_of(org)) == 2


def test_main_funders_and_their_conditions(store):
    caf = _org("Caisse d'allocations familiales")
    balance.save_funder_profile(FunderProfile(caf, True, "Aucune exclusivité commerciale"))
    assert balance.funder_profile(caf).conditions == "Aucune exclusivité commerciale"
    assert [(f.name, f.conditions) for f in balance.main_funders()] == [
        ("Caisse d'allocations familiales", "Aucune exclusivité commerciale")]
    balance.save_funder_profile(FunderProfile(caf, False, ""))
    assert balance.main_funders() == []


# --- time, value and the balance (services) ----------------------------------------------

def _partner_with_contributions(org, project, *contribs):
    card = projects.add_partner(project, org)
    for kind, value, status in contribs:
        projects.add_contribution(ContributionData(card.id, kind, "", value, "", status))
    return card


def test_time_entries_need_hours_and_a_target(store):
    with pytest.raises(ValidationError) as err:
        balance.log_time(TimeEntry(dt.date(2026, 1, 1), 0))
    assert set(err.value.errors) == {"hours", "organisation"}


def test_balance_money_in_kind_time_and_benefits(store):
    balance.set_hourly_cost(30)
    mairie, club, fondation, idle = _org("Mairie"), _org("Club photo"), _org("Fondation Orange"), _org("Idle")
    p = _project("Atelier")
    card = _partner_with_contributions(mairie, p, ("financement", 1000, "obtenu"), ("locaux", 400, "obtenu"),
                                       ("materiel", 999, "attendu"))
    _partner_with_contributions(club, p, ("intervenants", 60, "obtenu"))
    _partner_with_contributions(fondation, p, ("financement", 5000, "obtenu"))
    # Time through the project card (partner of a project), and on the partner alone.
    projects.log_staff_time(StaffTimeData(p, dt.date(2026, 2, 1), 4, card.id, "Hélène", "Réunion"))
    balance.log_time(TimeEntry(dt.date(2026, 3, 1), 6, "Hélène", "Comité", organisation_id=mairie))
    balance.log_time(TimeEntry(dt.date(2026, 3, 2), 5, "Marc", "Préparation", organisation_id=club, project_id=p))
    balance.log_time(TimeEntry(dt.date(2026, 3, 3), 3, "Marc", "Logistique", project_id=p))
    rows = {r.name: r for r in balance.balance_rows()}
    assert set(rows) == {"Mairie", "Club photo", "Fondation Orange"}
    m = rows["Mairie"]
    assert (m.hours, m.time_cost, m.money, m.in_kind, m.value) == (10, 300, 1000, 400, 1400)
    c = rows["Club photo"]
    assert (c.hours, c.time_cost, c.value) == (5, 150, 60) and c.flagged
    balance.add_benefit(BenefitEntry(club, Benefit.PUBLICS, "Des jeunes du quartier", dt.date(2026, 4, 1)))
    assert not {r.name: r for r in balance.balance_rows()}["Club photo"].flagged
    assert rows["Fondation Orange"].ratio is None
    per_project, unassigned = balance.project_balance(p)
    assert unassigned == 3
    assert sum(r.hours for r in per_project) == 9  # the 6 h on the Mairie alone are not the project's
    assert balance.organisation_balance(idle).value == 0
    headers, table = balance.table(balance.balance_rows())
    assert len(headers) == len(table[0]) and [r[0] for r in table] == ["Club photo", "Fondation Orange", "Mairie"]


def test_balance_by_year_splits_time_and_contributions(store):
    org = _org("Médiathèque")
    p_old, p_new = _project("Ancien", dt.date(2025, 5, 1)), _project("Nouveau", dt.date(2026, 2, 1))
    _partner_with_contributions(org, p_old, ("financement", 200, "obtenu"))
    _partner_with_contributions(org, p_new, ("financement", 700, "obtenu"))
    balance.log_time(TimeEntry(dt.date(2025, 12, 31), 2, description="Fin d'année", organisation_id=org))
    balance.log_time(TimeEntry(dt.date(2026, 1, 1), 3, description="Début d'année", organisation_id=org))
    y25 = balance.organisation_balance(org, 2025)
    y26 = balance.organisation_balance(org, 2026)
    every = balance.organisation_balance(org)
    # obtained_on is today for contributions created obtained: their year is this year.
    this_year = dt.date.today().year
    assert (y25.hours, y26.hours, every.hours) == (2, 3, 5)
    assert every.money == 900
    assert balance.organisation_balance(org, this_year).money == 900
    assert 2025 in balance.balance_years() and this_year in balance.balance_years()


def test_contribution_year_falls_back_to_the_project_start(store):
    from partnerdesk.store.models import PartnerContribution

    org = _org("Collège Jean Moulin")
    p = _project("Ancien", dt.date(2024, 9, 1))
    _partner_with_contributions(org, p, ("materiel", 350, "obtenu"))
    PartnerContribution.update(obtained_on=None).execute()
    assert balance.organisation_balance(org, 2024).in_kind == 350
    assert balance.organisation_balance(org, dt.date.today().year).in_kind == 0


def test_set_status_stamps_the_date_obtained(store):
    from partnerdesk.store.models import PartnerContribution

    org, p = _org("Asso"), _project("P")
    card = projects.add_partner(p, org)
    c = projects.add_contribution(ContributionData(card.id, "financement", "", 100, "", "attendu"))
    assert PartnerContribution.get_by_id(c.id).obtained_on is None
    projects.set_contribution_status(c.id, "obtenu")
    assert PartnerContribution.get_by_id(c.id).obtained_on == dt.date.today()


def test_trashed_partner_leaves_the_balance(store):
    from partnerdesk.services import trash

    kept, gone = _org("Gardée"), _org("Disparue")
    for org in (kept, gone):
        balance.log_time(TimeEntry(dt.date(2026, 1, 5), 1, organisation_id=org))
    trash.delete("organisation", gone)
    assert [r.name for r in balance.balance_rows()] == ["Gardée"]


def test_internal_report_data(store):
    balance.set_hourly_cost(20)
    mairie, club = _org("Mairie"), _org("Club")
    p = _project("Atelier", dt.date(2026, 1, 1))
    _partner_with_contributions(mairie, p, ("financement", 800, "obtenu"))
    balance.log_time(TimeEntry(dt.date.today(), 10, organisation_id=club, project_id=p, description="Ateliers"))
    balance.add_benefit(BenefitEntry(mairie, Benefit.CREDIBILITE, "Soutien affiché", dt.date.today()))
    g = balance.blank_grid(club, p)
    g.verdict, g.decided_on = Verdict.NON, dt.date.today()
    balance.save_grid(g)
    balance.save_funder_profile(FunderProfile(mairie, True, "Pas de marque commerciale"))
    report = balance.internal_report(dt.date.today().year)
    assert report.totals.time_cost == 200 and report.totals.value == 800 and report.totals.flagged == 1
    assert report.projects == [("Atelier", 10, 200, 800)]
    assert report.benefits == [("Mairie", Benefit.CREDIBILITE.label, "Soutien affiché")]
    assert [gr.verdict for gr in report.grids] == [Verdict.NON]
    assert [f.name for f in report.funders] == ["Mairie"]


def test_migration_keeps_existing_staff_time_with_its_partner(tmp_path):
    """A 0.1 database: staff_time rows survive the rebuild and get their organisation."""
    from partnerdesk.paths import DataPaths
    from partnerdesk.services import data
    from partnerdesk.store import migrate
    from partnerdesk.store.db import connect

    paths = DataPaths(tmp_path / "d").ensure()
    database = connect(paths.db_path)
    migrate.migrate(database, target=13)
    now = "2026-01-01T00:00:00"
    database.execute_sql("INSERT INTO organisation (id, name, created_at, updated_at) VALUES (1, 'Mairie', ?, ?)",
                         (now, now))
    database.execute_sql("INSERT INTO project (id, title, created_at, updated_at) VALUES (1, 'P', ?, ?)", (now, now))
    database.execute_sql("INSERT INTO project_partner (id, project_id, organisation_id, created_at, updated_at) "
                         "VALUES (1, 1, 1, ?, ?)", (now, now))
    database.execute_sql("INSERT INTO staff_time (project_id, project_partner_id, worked_on, hours, who) "
                         "VALUES (1, 1, '2026-02-01', 2.5, 'Hélène'), (1, NULL, '2026-02-02', 1, '')")
    migrate.migrate(database)
    rows = database.execute_sql("SELECT organisation_id, hours FROM staff_time ORDER BY id").fetchall()
    assert rows == [(1, 2.5), (None, 1.0)]
    database.close()
    data.open_data(paths, daily_backup=False)
    try:
        assert balance.organisation_balance(1).hours == 2.5
    finally:
        data.close_data()


def test_cli_balance(tmp_path, capsys):
    from partnerdesk.cli import main

    folder = str(tmp_path / "d")
    assert main(["--data-dir", folder, "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", folder, "--lang", "fr", "balance", "--year", str(dt.date.today().year)]) == 0
    out = capsys.readouterr().out
    assert "Coût horaire" in out and "Total" in out
    lines = [line for line in out.splitlines() if "€" in line]
    assert len(lines) >= 3
    assert main(["--data-dir", folder, "balance", "--project", "zzz-nothing"]) == 1
    assert "No project matches" in capsys.readouterr().err
    assert main(["--data-dir", folder, "balance", "--year", "1990"]) == 0
    assert "No time, contribution or benefit" in capsys.readouterr().out
