"""An amount (or a label) typed in a cell of the needs or budget table and refused: the typing is
kept in the cell's editor, the French message is shown under that table (and as the cell's
tooltip), the database is untouched, and leaving the project asks first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from partnerdesk import i18n
from partnerdesk.domain.projects import BudgetLineData, NeedData, ProjectData
from partnerdesk.services import project_budget, projects
from partnerdesk.store.models import BudgetLine
from partnerdesk.ui.tabs.projects.tab import ProjectsTab

NOT_AN_AMOUNT = "Saisissez un montant, par exemple 1 234,50."


@pytest.fixture
def budget(window, qtbot, answers):
    i18n.set_language("fr")
    project = projects.create_project(ProjectData("Atelier tablettes"))
    project_budget.set_needs(project.id, [NeedData(project.id, "financement", "Tablettes", 1200.0)])
    line = project_budget.add_budget_line(BudgetLineData(project.id, "Tablettes", 1200.0))
    tab = window.tab_of(ProjectsTab)
    window.show_tab(tab)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    tab.open_item("project", project.id)
    page = tab.card.budget
    tab.card.pages.setCurrentWidget(page)
    yield project, line, page
    answers.next = "discard"  # a refusal left in a cell: the window's close asks
    i18n.set_language("en")


def type_in_cell(qtbot, view, row, column, text, key=Qt.Key.Key_F2):
    """Open the cell's editor with F2 (or a double-click), type `text` over it, press Enter."""
    index = view.model().index(row, column)
    view.setFocus()
    view.setCurrentIndex(index)
    if key is None:
        rect = view.visualRect(index)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    else:
        qtbot.keyClick(view, key)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit), "the cell's editor is open"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: open_editor(view) is not editor)  # Enter closes the editor on the next turn


def open_editor(view) -> QLineEdit | None:
    editor = view.focusWidget()
    editing = view.state() == QAbstractItemView.State.EditingState
    return editor if editing and isinstance(editor, QLineEdit) and view.isAncestorOf(editor) else None


@pytest.mark.parametrize("typed, message", [
    ("abc", NOT_AN_AMOUNT),
    ("-5", "Le montant ne peut pas être négatif."),
    ("1e300", NOT_AN_AMOUNT),
    ("2000000000", "Montant trop grand : 1 000 000 000 € au plus."),
])
def test_a_refused_budget_amount_keeps_the_typing_next_to_the_table(budget, qtbot, typed, message):
    project, line, page = budget
    view = page.budget_view
    type_in_cell(qtbot, view, 0, 1, typed)
    qtbot.waitUntil(lambda: open_editor(view) is not None and open_editor(view).text() == typed)
    assert page.budget_message.isVisible() and message in page.budget_message.text()
    assert page.budget.data(page.budget.index(0, 1), Qt.ItemDataRole.ToolTipRole) == message
    assert not page.errors.text("amount"), "nothing said under the new line's field"
    assert BudgetLine.get_by_id(line.id).amount == 1200.0
    assert page.is_dirty()
    # corrected in the same editor: stored, the message goes
    editor = open_editor(view)
    editor.selectAll()
    qtbot.keyClicks(editor, "1350,5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: BudgetLine.get_by_id(line.id).amount == 1350.5)
    assert not page.budget_message.isVisible() and not page.is_dirty()


def test_a_refused_need_amount_keeps_the_typing_next_to_the_table(budget, qtbot):
    project, line, page = budget
    view = page.need_view
    type_in_cell(qtbot, view, 0, 3, "abc", key=None)
    qtbot.waitUntil(lambda: open_editor(view) is not None and open_editor(view).text() == "abc")
    assert page.needs_message.isVisible() and NOT_AN_AMOUNT in page.needs_message.text()
    assert not page.errors.text("need_amount")
    assert [n.amount for n in project_budget.needs_of(project.id)] == [1200.0]


def test_a_refusal_left_without_correcting_stays_in_the_cell_and_is_asked_about(budget, qtbot, answers):
    project, line, page = budget
    view = page.budget_view
    type_in_cell(qtbot, view, 0, 1, "-5")
    qtbot.waitUntil(lambda: open_editor(view) is not None)
    page.line_label.setFocus()  # the user clicks elsewhere: the editor closes, the typing stays
    qtbot.waitUntil(lambda: open_editor(view) is None)
    cell = page.budget.index(0, 1)
    assert page.budget.data(cell) == "-5" and page.budget.data(cell, Qt.ItemDataRole.EditRole) == "-5"
    assert page.budget_message.isVisible()
    assert BudgetLine.get_by_id(line.id).amount == 1200.0
    tab = page.window().tab_of(ProjectsTab)
    answers.next = "cancel"
    assert not tab.can_leave() and answers.asked
    answers.next = "discard"
    assert tab.can_leave()
    assert page.budget.data(cell, Qt.ItemDataRole.EditRole) == "1200" and not page.budget_message.isVisible()


def test_a_blank_label_typed_in_a_cell_is_kept_with_its_message(budget, qtbot):
    project, line, page = budget
    view = page.budget_view
    type_in_cell(qtbot, view, 0, 0, "   ")
    qtbot.waitUntil(lambda: open_editor(view) is not None)
    assert page.budget_message.isVisible() and page.budget_message.text()
    assert not page.errors.text("label")
    assert BudgetLine.get_by_id(line.id).label == "Tablettes"
