"""Needs and budget lines edited in the table, a line split between two payers, and the
board's partner picker (accents ignored, "Create this organisation…")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import BudgetLineData, NeedData, ProjectData
from partnerdesk.services import partners, project_budget, projects
from partnerdesk.store.models import BudgetLine, Organisation
from partnerdesk.ui.tabs.projects.budget_editing import OWN_FUNDS
from partnerdesk.ui.tabs.projects.tab import ProjectsTab


@pytest.fixture
def setup(ctx, qtbot):
    project = projects.create_project(ProjectData("Atelier tablettes"))
    mairie = partners.create_organisation(OrganisationData("Mairie de Saint-Aubin"))
    caf = partners.create_organisation(OrganisationData("Caisse d'allocations familiales"))
    card_mairie = projects.add_partner(project.id, mairie.id)
    card_caf = projects.add_partner(project.id, caf.id)
    project_budget.set_needs(project.id, [NeedData(project.id, "financement", "Tablettes", 1200.0)])
    line = project_budget.add_budget_line(BudgetLineData(project.id, "Tablettes", 1200.0, card_mairie.id))
    tab = ProjectsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.open_item("project", project.id)
    page = tab.card.budget
    tab.card.pages.setCurrentWidget(page)
    return tab, page, project, line, card_mairie, card_caf


def edit_cell(qtbot, view, row, column, value):
    """Open the cell's editor as a double-click does, type, commit."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findData(value))
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(value)
    view.commitData(editor)
    view.closeEditor(editor, view.itemDelegate().EndEditHint.NoHint)


def test_budget_line_edited_in_place(setup, qtbot):
    tab, page, project, line, card_mairie, card_caf = setup
    view = page.budget_view
    edit_cell(qtbot, view, 0, 0, "Tablettes reconditionnées")
    edit_cell(qtbot, view, 0, 1, "1 350,50")
    edit_cell(qtbot, view, 0, 2, card_caf.id)
    row = BudgetLine.get_by_id(line.id)
    assert (row.label, row.amount, row.project_partner_id) == ("Tablettes reconditionnées", 1350.5, card_caf.id)
    edit_cell(qtbot, view, 0, 2, OWN_FUNDS)
    row = BudgetLine.get_by_id(line.id)
    assert row.own_funds and row.project_partner_id is None
    assert "1 350,50" in page.totals.text() or "1,350.50" in page.totals.text()
    # junk is refused under the table, kept in its cell, nothing written
    edit_cell(qtbot, view, 0, 1, "beaucoup")
    assert page.budget_message.text() and BudgetLine.get_by_id(line.id).amount == 1350.5
    assert page.budget.data(page.budget.index(0, 1)) == "beaucoup"
    edit_cell(qtbot, view, 0, 0, "   ")
    assert page.budget_message.text() and BudgetLine.get_by_id(line.id).label == "Tablettes reconditionnées"
    assert not page.errors.text("amount") and not page.errors.text("label")


def test_need_edited_in_place(setup, qtbot):
    tab, page, project, *_ = setup
    view = page.need_view
    edit_cell(qtbot, view, 0, 1, "Tablettes et housses")
    edit_cell(qtbot, view, 0, 0, "materiel")
    edit_cell(qtbot, view, 0, 2, "pret")
    edit_cell(qtbot, view, 0, 3, "900")
    [need] = project_budget.needs_of(project.id)
    assert (need.description, need.kind, need.material_mode, need.amount) == (
        "Tablettes et housses", "materiel", "pret", 900.0)


def test_line_split_between_two_payers(setup, qtbot):
    tab, page, project, line, card_mairie, card_caf = setup
    page.budget_view.setCurrentIndex(page.budget.index(0, 0))

    def drive(dialog):
        dialog.payer.setCurrentIndex(dialog.payer.findData(card_caf.id))
        dialog.amount.setText("2000")  # more than the line: refused in the dialog
        dialog.check()
        assert dialog.errors.text("amount") and not dialog.result()
        dialog.amount.setText("450")
        dialog.check()
        return dialog.result()

    page.run_dialog = drive
    assert page.split_line()
    lines = project_budget.budget_of(project.id)
    assert [(b.label, b.amount, b.project_partner_id) for b in lines] == [
        ("Tablettes", 750.0, card_mairie.id), ("Tablettes", 450.0, card_caf.id)]
    totals = project_budget.budget_totals_of(project.id)
    assert totals.total == 1200.0 and totals.by_partners == 1200.0


def test_split_refuses_a_bad_part(store):
    project = projects.create_project(ProjectData("Atelier"))
    line = project_budget.add_budget_line(BudgetLineData(project.id, "Goûters", 100.0))
    from partnerdesk.domain.validation import ValidationError

    for amount in (0, 100, 150, -5):
        with pytest.raises(ValidationError):
            project_budget.split_budget_line(line.id, amount, own_funds=True)
    assert [b.amount for b in project_budget.budget_of(project.id)] == [100.0]


def test_board_picker_ignores_accents_and_creates(setup, qtbot):
    tab, _page, project, *_ = setup
    page = tab.card.partners
    tab.card.pages.setCurrentWidget(page)
    partners.create_organisation(OrganisationData("École élémentaire Louise-Michel"))
    page.organisations_changed()
    edit = page.organisation.lineEdit()
    completer = page.organisation.organisation_completer
    edit.setText("ecole")
    completer.update_suggestions()
    assert completer.labels()[0] == "École élémentaire Louise-Michel"
    completer.choose(completer.labels()[0])
    assert page.organisation.currentText() == "École élémentaire Louise-Michel"
    assert page.add_partner()
    names = {c.organisation_name for c in projects.list_cards(project.id)}
    assert "École élémentaire Louise-Michel" in names

    edit.setText("Ludothèque Les Dés")
    completer.update_suggestions()
    create = completer.labels()[-1]
    assert "Ludothèque Les Dés" in create
    completer.choose(create)
    assert Organisation.select().where(Organisation.name == "Ludothèque Les Dés").count() == 1
    assert page.add_partner()
    assert "Ludothèque Les Dés" in {c.organisation_name for c in projects.list_cards(project.id)}
