"""Amounts typed on the Besoins et budget page: inf, nan, 1e300, "1.234" refused in French next to
the field with the typing kept; a figure stored by an older version leaves the page usable."""

from __future__ import annotations

import pytest

from partnerdesk import i18n
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import BudgetLineData, ProjectData
from partnerdesk.services import partners, project_budget, projects
from partnerdesk.store import database
from partnerdesk.ui.tabs.partners import prompts
from partnerdesk.ui.tabs.projects.tab import ProjectsTab


@pytest.fixture
def project_card(window, monkeypatch):
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: "discard")  # the typing kept, asked about at close
    i18n.set_language("fr")
    project = projects.create_project(ProjectData("Ateliers tablette"))
    tab = window.tab_of(ProjectsTab)
    window.show_tab(tab)
    tab.refresh()
    tab.open_item("project", project.id)
    return project, tab.card


@pytest.mark.parametrize("typed, message", [
    ("nan", "Saisissez un montant, par exemple 1 234,50."),
    ("inf", "Saisissez un montant, par exemple 1 234,50."),
    ("1e300", "Saisissez un montant, par exemple 1 234,50."),
    ("2 000 000 000", "Montant trop grand : 1 000 000 000 € au plus."),
    ("1.234", "Montant ambigu : écrivez 1234 (ou 1 234) pour mille deux cent trente-quatre ; les centimes "
              "s’écrivent avec deux décimales au plus, par exemple 1,23."),
    ("12,345", "Montant ambigu : écrivez 1234 (ou 1 234) pour mille deux cent trente-quatre ; les centimes "
               "s’écrivent avec deux décimales au plus, par exemple 1,23."),
    ("0,125", "Deux décimales au plus pour un montant en euros, par exemple 12,35."),
])
def test_a_budget_line_that_is_no_amount_is_refused_in_french(project_card, typed, message):
    project, card = project_card
    page = card.budget
    card.pages.setCurrentWidget(page)
    page.line_label.setText("Location de tablettes")
    page.line_amount.setText(typed)
    assert not page.add_line()
    assert page.errors.text("amount") == message
    assert page.line_amount.text() == typed and page.line_label.text() == "Location de tablettes"
    assert project_budget.budget_of(project.id) == []


def test_a_budget_line_typed_with_thousands_dots_is_stored(project_card):
    project, card = project_card
    page = card.budget
    page.line_label.setText("Location de tablettes")
    page.line_amount.setText("1.234,50")
    assert page.add_line()
    assert [line.amount for line in project_budget.budget_of(project.id)] == [1234.5]


def test_hours_that_are_no_number_are_refused_next_to_the_field(project_card):
    project, card = project_card
    org = partners.create_organisation(OrganisationData("Mission locale"))
    pcard = projects.add_partner(project.id, org.id)
    page = card.partners
    page.refresh()
    page.board.select_card(pcard.id)
    page.hours.setText("inf")
    assert not page.log_time()
    assert page.errors.text("hours") == "Le nombre d’heures doit être supérieur à 0 et au plus 744 (un mois)."
    assert page.hours.text() == "inf" and projects.staff_hours_by_partner(project.id) == {}


def test_a_stored_absurd_amount_leaves_the_page_usable(project_card):
    project, card = project_card
    project_budget.add_budget_line(BudgetLineData(project.id, "Importée", 100.0))
    database.execute_sql("UPDATE budget_line SET amount = 1e300")
    page = card.budget
    card.pages.setCurrentWidget(page)
    page.refresh()
    cell = page.budget.index(0, 1)
    assert page.budget.data(cell) == "montant invalide"
    assert "Total montant invalide" in page.totals.text()
