"""Amounts: one parser for what is typed, one rule for what is stored (services refuse inf, nan,
1e300 and negative amounts whoever calls them), and figures stored by older versions or imports
printed without failing the page or the document."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerdesk import i18n
from partnerdesk.domain import amounts
from partnerdesk.domain.amounts import (
    AMBIGUOUS,
    AMBIGUOUS_NUMBER,
    NEGATIVE,
    NOT_AN_AMOUNT,
    TOO_LARGE,
    TOO_PRECISE,
    AmountError,
    parse_amount,
    parse_number,
)
from partnerdesk.domain.grammar import money
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import BudgetLineData, ContributionData, NeedData, ProjectData, StaffTimeData
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import partners, project_budget, projects
from partnerdesk.store import database


@pytest.mark.parametrize("typed, value", [
    ("1 234,50", 1234.5), ("1234.5", 1234.5), ("1\u202f234,50\xa0€", 1234.5), ("12.50", 12.5), ("0,5", 0.5),
    ("1.234,50", 1234.5), ("1,234.50", 1234.5), ("1.234.567", 1234567), ("1234", 1234),
    ("", None), ("  € ", None), ("1000000000", 1e9), ("0.12", 0.12), ("0,10", 0.1),
    ("1 234,500", 1234.5),
])
def test_amounts_typed_the_french_or_the_english_way(typed, value):
    assert parse_amount(typed) == value


@pytest.mark.parametrize("typed, message", [
    ("nan", NOT_AN_AMOUNT), ("inf", NOT_AN_AMOUNT), ("-inf", NOT_AN_AMOUNT), ("1e300", NOT_AN_AMOUNT),
    ("1_000", NOT_AN_AMOUNT), ("12,5,3", NOT_AN_AMOUNT), ("1.23.4", NOT_AN_AMOUNT), ("abc", NOT_AN_AMOUNT),
    ("-5", NEGATIVE), ("1000000000,01", TOO_LARGE), ("99999999999999999999999", TOO_LARGE),
    ("1.234", AMBIGUOUS), ("12.345", AMBIGUOUS), ("1,234", AMBIGUOUS), ("12,345", AMBIGUOUS), ("12,500", AMBIGUOUS),
    ("0.125", TOO_PRECISE), ("0,125 €", TOO_PRECISE), ("1,2345", TOO_PRECISE), ("1 234,567", TOO_PRECISE),
    ("1.234,567", TOO_PRECISE), ("1234.567", TOO_PRECISE),
])
def test_what_is_not_an_amount_is_refused_with_its_reason(typed, message):
    with pytest.raises(AmountError) as caught:
        parse_amount(typed)
    assert caught.value.message == message


@pytest.mark.parametrize("typed, value", [
    ("0.125", 0.125), ("0,125", 0.125), ("1,234", 1.234), ("1,5", 1.5), ("2", 2.0), ("", None), ("1.234,5", 1234.5),
])
def test_numbers_such_as_hours_keep_their_decimals(typed, value):
    """Hours are no money: a quarter of an hour and more decimals are fine; "0.125" is never
    taken for thousands (nothing before the dot)."""
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["1.234", "12.345", "-1.234"])
def test_a_number_that_may_be_thousands_is_asked_about(typed):
    with pytest.raises(AmountError) as caught:
        parse_number(typed)
    assert caught.value.message == AMBIGUOUS_NUMBER


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 1e300, -1.0, 1e9 + 1])
def test_services_refuse_what_is_no_amount_whoever_calls_them(store, value):
    project = projects.create_project(ProjectData("Ateliers tablette"))
    org = partners.create_organisation(OrganisationData("Mission locale"))
    card = projects.add_partner(project.id, org.id)
    writes = [
        lambda: project_budget.add_budget_line(BudgetLineData(project.id, "Tablettes", value)),
        lambda: project_budget.update_need(NeedData(project.id, "financement", "", value)),
        lambda: project_budget.set_needs(project.id, [NeedData(project.id, "financement", "", value)]),
        lambda: projects.add_contribution(ContributionData(card.id, "financement", "", value)),
    ]
    for write in writes:
        with pytest.raises(ValidationError):
            write()
    assert project_budget.budget_of(project.id) == [] and project_budget.needs_of(project.id) == []
    assert projects.get_card(card.id).expected == 0


@pytest.mark.parametrize("hours", [float("inf"), float("nan"), 1e300, 0, 745])
def test_hours_on_a_project_follow_the_rule_of_the_balance(store, hours):
    project = projects.create_project(ProjectData("Ateliers tablette"))
    with pytest.raises(ValidationError) as caught:
        projects.log_staff_time(StaffTimeData(project.id, dt.date(2026, 1, 5), hours))
    assert caught.value.errors == {"hours": "Hours must be more than 0 and at most 744 (a month)."}


def test_a_figure_stored_by_an_older_version_is_printed_not_raised(store):
    project = projects.create_project(ProjectData("Ateliers tablette"))
    for amount in (1000.0, 2000.0):
        project_budget.add_budget_line(BudgetLineData(project.id, "Ligne", amount))
    database.execute_sql("UPDATE budget_line SET amount = 1e300 WHERE amount = 1000")
    database.execute_sql("UPDATE budget_line SET amount = 9e999 WHERE amount = 2000")  # +inf in SQLite
    totals = project_budget.budget_totals_of(project.id)
    i18n.set_language("fr")
    assert i18n.format_money(totals.total) == "montant invalide"
    assert i18n.format_money(1e300) == "montant invalide" and i18n.format_money(float("nan")) == "montant invalide"
    assert i18n.format_number(1e300) == "—"
    assert money(float("inf")) == "montant invalide" and money(1e300) == "montant invalide"
    assert i18n.format_money(1234.5) == "1\u202f234,50\xa0€" and amounts.printable(1e14)


@pytest.mark.parametrize("typed, message", [
    ("12,345", AMBIGUOUS), ("1e3", NOT_AN_AMOUNT), ("1E3 €", NOT_AN_AMOUNT), ("9999999999999", TOO_LARGE),
    ("-5", NEGATIVE), ("- 5 €", NEGATIVE), ("NaN", NOT_AN_AMOUNT),
])
def test_hostile_amounts_typed_are_refused_with_their_reason(typed, message):
    with pytest.raises(AmountError) as caught:
        parse_amount(typed)
    assert caught.value.message == message


def test_an_amount_read_from_a_latin9_file():
    from partnerdesk.services.imports import csvfile, decode

    raw = "Libellé;Montant\nŒuvre de médiation;12,50 €\nTablettes;1 234,00 €\n".encode("iso-8859-15")
    table = csvfile.read_table(decode.decode_text(raw).text)
    assert [(cells[0], parse_amount(cells[1])) for _line, cells in table.rows] == [
        ("Œuvre de médiation", 12.5), ("Tablettes", 1234.0)]


@pytest.mark.parametrize("value, cents", [
    (12.345, 12.35), (0.125, 0.13), (2.675, 2.68), (1.005, 1.01), (12.5, 12.5), (0.1 + 0.2, 0.3),
    (999_999_999.995, 1e9), (3, 3.0), (12.344999, 12.34),
])
def test_to_cents_rounds_half_up_as_written(value, cents):
    assert amounts.to_cents(value) == cents
    assert amounts.more_than_cents(value) == (cents != value)


def test_services_store_cents_rounded_half_up_whoever_calls_them(store):
    """The window refuses a third decimal typed; a script, or a figure of an older version saved
    again, is stored in cents rounded half-up: what is stored never has more than two decimals."""
    project = projects.create_project(ProjectData("Ateliers tablette"))
    org = partners.create_organisation(OrganisationData("Mission locale"))
    card = projects.add_partner(project.id, org.id)
    line = project_budget.add_budget_line(BudgetLineData(project.id, "Tablettes", 12.345))
    project_budget.set_needs(project.id, [NeedData(project.id, "financement", "", 2.675)])
    need = project_budget.needs_of(project.id)[0]
    need.amount = 0.125
    project_budget.update_need(need)
    projects.add_contribution(ContributionData(card.id, "financement", "", 1.005))
    line.amount = 100.004
    project_budget.update_budget_line(line)
    first, part = project_budget.split_budget_line(line.id, 33.335)
    assert (first.amount, part.amount) == (66.66, 33.34)
    assert [n.amount for n in project_budget.needs_of(project.id)] == [0.13]
    assert [c.value for c in projects.contributions_of(card.id)] == [1.01]
    stored = database.execute_sql("SELECT amount FROM budget_line UNION ALL SELECT amount FROM project_need"
                                  " UNION ALL SELECT value FROM contribution").fetchall()
    assert all(not amounts.more_than_cents(v) for (v,) in stored)
