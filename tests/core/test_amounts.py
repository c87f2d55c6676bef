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
