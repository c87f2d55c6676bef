"""The Projets tab: create a project, add partners, budget, sessions with totals, milestones."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import partners, pipeline, project_budget, projects, sessions
from partnerdesk.ui.tabs.projects.tab import ProjectsTab


@pytest.fixture
def tab(ctx, qtbot):
    for name in ("Mairie de Saint-Aubin", "Collège Jean-Moulin", "Médiathèque Anne-Frank"):
        partners.create_organisation(OrganisationData(name))
    widget = ProjectsTab(ctx)
    ctx.signals.data_changed.connect(widget.on_data_changed)  # as the main window does
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def _show(qtbot, tab, page):
    tab.card.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.isVisible() and page.height() > 100)
    qtbot.wait(10)  # let the layouts settle before clicking


def _create_project(qtbot, tab, title="Atelier « premiers pas » & tablettes"):
    assert tab.list_stack.currentWidget() is tab.empty
    qtbot.mouseClick(tab.empty.findChild(object, "emptyNewProject"), Qt.MouseButton.LeftButton)
    form = tab.card.form
    form.title.setText(title)
    form.description.setPlainText("Apprivoiser la tablette, pour les aînés du quartier.")
    form.publics["seniors"].setChecked(True)
    form.start.setText("07/01/2026")
    form.end.setText("24/06/2026")
    form.in_charge.setText("Hélène")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    return projects.list_projects()[0]


def test_create_a_project_and_add_partners(ctx, qtbot, tab):
    project = _create_project(qtbot, tab)
    assert project.title == "Atelier « premiers pas » & tablettes" and project.publics == ["seniors"]
    assert tab.model.rowCount() == 1 and tab.list_stack.currentWidget() is tab.table
    page = tab.card.partners
    assert tab.card.pages.isTabEnabled(1)
    _show(qtbot, tab, page)
    for name in ("Collège Jean-Moulin", "Médiathèque Anne-Frank"):
        page.organisation.setEditText(name)
        qtbot.mouseClick(page.findChild(object, "addPartnerButton"), Qt.MouseButton.LeftButton)
    cards = projects.list_cards(project.id)
    assert [c.organisation_name for c in cards] == ["Collège Jean-Moulin", "Médiathèque Anne-Frank"]
    assert [c.organisation_name for c in page.board.columns["identifie"].model.cards()] == [
        "Collège Jean-Moulin", "Médiathèque Anne-Frank"]
    assert tab.model.row_at(0).stage_counts == {"identifie": 2}
    # an unknown organisation is refused next to the field, the typing kept
    page.organisation.setEditText("Inconnue SARL")
    assert not page.add_partner()
    assert page.errors.text("organisation") and page.organisation.currentText() == "Inconnue SARL"
    # the selected card's details: next step and contributions
    page.board.select_card(cards[0].id)
    assert page.card_id == cards[0].id and page.details.isEnabled()
    page.next_step.setText("Relancer la principale")
    page.next_step_on.setText("32/13/2026")
    assert not page.save_next_step() and page.errors.text("next_step_on")
    page.next_step_on.setText("03/02/2026")
    assert page.save_next_step()
    assert projects.get_card(cards[0].id).next_step_on == dt.date(2026, 2, 3)
    page.description.setText("Prêt de la salle informatique")
    page.value.setText("1 234,50 €")
    qtbot.mouseClick(page.findChild(object, "addContribution"), Qt.MouseButton.LeftButton)
    assert projects.get_card(cards[0].id).expected == 1234.5
    page.hours.setText("2,5")
    assert page.log_time()
    assert projects.staff_hours_by_partner(project.id) == {cards[0].id: 2.5}


def test_bad_project_input_keeps_the_typing(qtbot, tab):
    qtbot.mouseClick(tab.empty.findChild(object, "emptyNewProject"), Qt.MouseButton.LeftButton)
    form = tab.card.form
    form.description.setPlainText("Une idée à garder")
    form.start.setText("le 7 janvier")
    assert not form.save()
    assert form.errors.text("start_date") and form.errors.text("title") == ""  # first failure: the date
    form.start.setText("")
    assert not form.save()
    assert form.errors.text("title")
    assert form.description.toPlainText() == "Une idée à garder" and projects.list_projects() == []


def test_recurring_sessions_and_totals(ctx, qtbot, tab):
    project = _create_project(qtbot, tab)
    page = tab.card.sessions
    _show(qtbot, tab, page)
    page.first.setText("07/01/2026")
    page.last.setText("24/06/2026")
    page.start_time.setText("14h")
    page.end_time.setText("16:00")
    page.planned.setText("10")
    page.skip.setText("18/02/2026, 25/02/2026")
    qtbot.mouseClick(page.findChild(object, "createSessions"), Qt.MouseButton.LeftButton)
    made = sessions.sessions_of(project.id)
    assert len(made) == 23 and page.model.rowCount() == 23
    assert {s.held_on.weekday() for s in made} == {2} and made[0].start_time == "14:00"
    assert made[0].place == "" and made[0].facilitator == "Hélène"
    # attendance of the first two sessions
    for row, present in ((0, "8"), (1, "6")):
        page.view.selectRow(row)
        page.actual.setText(present)
        qtbot.mouseClick(page.findChild(object, "recordAttendance"), Qt.MouseButton.LeftButton)
    totals = sessions.totals(project.id, today=dt.date(2026, 1, 20))
    assert (totals.held, totals.participants, totals.planned) == (2, 14, 20)
    assert totals.rate == pytest.approx(0.7)
    assert "23" in page.totals.text()
    # bad input: an end before the start, nothing created, typing kept
    page.first.setText("01/09/2026")
    page.last.setText("")
    page.start_time.setText("16:00")
    page.end_time.setText("14:00")
    assert not page.create_sessions()
    assert page.errors.text("end_time") and page.start_time.text() == "16:00"
    assert len(sessions.sessions_of(project.id)) == 23


def test_budget_page_totals(ctx, qtbot, tab):
    project = _create_project(qtbot, tab)
    card = projects.add_partner(project.id, partners.list_organisations()[0].id)
    page = tab.card.budget
    page.set_project(project.id)
    page.line_label.setText("Animation")
    page.line_amount.setText("1 000")
    page.covered_by.setCurrentIndex(page.covered_by.findData(card.id))
    assert page.add_line()
    page.line_label.setText("Goûters")
    page.line_amount.setText("abc")
    assert not page.add_line() and page.errors.text("amount") and page.line_label.text() == "Goûters"
    page.line_amount.setText("250,50")
    assert page.add_line()
    t = project_budget.budget_totals_of(project.id)
    assert (t.total, t.by_partners, t.uncovered) == (1250.5, 1000.0, 250.5)
    assert "250.50" in page.totals.text() or "250,50" in page.totals.text()


def test_milestones_page(ctx, qtbot, tab):
    project = _create_project(qtbot, tab)
    page = tab.card.milestones
    page.set_project(project.id)
    page.title.setText("Réunion de bilan")
    page.due.setText("17/06/2026")
    assert page.add_milestone()
    page.milestone_view.selectRow(0)
    qtbot.mouseClick(page.findChild(object, "milestoneDone"), Qt.MouseButton.LeftButton)
    assert projects.milestones_of(project.id)[0].status == "fait"
    page.r_title.setText("")
    assert not page.add_realization() and page.errors.text("r_title")


def test_filters_and_open_item(ctx, qtbot, tab):
    first = _create_project(qtbot, tab, "Café numérique")
    from partnerdesk.domain.projects import ProjectData

    projects.create_project(ProjectData("Fête de l'internet", publics=["familles"], status="termine"))
    tab.refresh()
    assert tab.proxy.rowCount() == 2
    tab.search.setText("fete")
    assert tab.proxy.rowCount() == 1
    tab.search.clear()
    tab.public_filter.setCurrentIndex(tab.public_filter.findData("familles"))
    assert tab.proxy.rowCount() == 1
    assert tab.open_item("project", first.id)
    assert tab.proxy.rowCount() == 2 and tab.card.form.title.text() == "Café numérique"
    assert not tab.open_item("organisation", 1)


def test_project_model(qtmodeltester, demo_store):
    from partnerdesk.ui.models.projects import ProjectTableModel

    model = ProjectTableModel()
    model.set_rows(projects.list_projects())
    qtmodeltester.check(model)


def test_delete_a_project_and_undo(ctx, qtbot, tab):
    project = _create_project(qtbot, tab)
    qtbot.mouseClick(tab.card.form.delete_button, Qt.MouseButton.LeftButton)
    assert projects.list_projects() == [] and tab.model.rowCount() == 0
    assert tab.card.form.project_id is None
    tab.undo_stack.undo()  # Ctrl+Z in Projets
    assert [p.id for p in projects.list_projects()] == [project.id] and tab.model.rowCount() == 1


def test_change_one_session(ctx, qtbot, tab):
    project = _create_project(qtbot, tab)
    page = tab.card.sessions
    _show(qtbot, tab, page)
    page.first.setText("07/01/2026")
    page.last.setText("21/01/2026")
    assert page.create_sessions()
    page.view.selectRow(1)
    assert page.first.text() == "14/01/2026" and page.update_button.isEnabled()
    page.first.setText("15/01/2026")
    page.place.setText("Médiathèque")
    assert page.update_selected()
    changed = sessions.sessions_of(project.id)[1]
    assert (changed.held_on, changed.place) == (dt.date(2026, 1, 15), "Médiathèque")
    assert len(sessions.sessions_of(project.id)) == 3


def test_dates_round_trip_in_english(ctx, qtbot, tab):
    project = _create_project(qtbot, tab)
    tab.show_project(project.id)
    assert tab.card.form.start.text() == "07/01/2026"
    assert tab.card.form.save()
    assert projects.get_project(project.id).start_date == dt.date(2026, 1, 7)


def test_all_projects_board_opens_the_card_in_its_project(ctx, window, qtbot):
    from partnerdesk.domain.projects import ProjectData

    project = projects.create_project(ProjectData("Café numérique"))
    card = projects.add_partner(project.id, partners.create_organisation(OrganisationData("CCAS")).id)
    ctx.signals.data_changed.emit("*")
    tab = window.tab_of(ProjectsTab)
    window.show_tab(tab)
    tab.views.setCurrentWidget(tab.board)
    column = tab.board.columns["identifie"]
    column.view.doubleClicked.emit(column.model.index(0))
    assert tab.views.currentIndex() == 0 and tab.card.project_id == project.id
    assert tab.card.pages.currentWidget() is tab.card.partners
    assert tab.card.partners.board.selected_card().id == card.id


def test_a_session_counts_as_held_only_when_marked_or_attended(ctx, qtbot, tab):
    project = _create_project(qtbot, tab)
    page = tab.card.sessions
    _show(qtbot, tab, page)
    page.first.setText("07/01/2026")
    page.last.setText("21/01/2026")
    assert page.create_sessions()
    far_later = dt.date(2027, 1, 1)
    assert sessions.totals(project.id, today=far_later).held == 0  # past dates alone are not held
    page.view.selectRow(0)
    assert page.held.isEnabled() and not page.held.isChecked()
    page.held.setChecked(True)  # ticked: held without attendance
    assert sessions.sessions_of(project.id)[0].marked_held
    page.view.selectRow(1)
    page.actual.setText("5")
    qtbot.mouseClick(page.findChild(object, "recordAttendance"), Qt.MouseButton.LeftButton)
    totals = sessions.totals(project.id, today=far_later)
    assert (totals.held, totals.scheduled, totals.participants) == (2, 3, 5)
    page.view.selectRow(1)
    assert page.held.isChecked()  # attendance entered: held
    assert "2" in page.totals.text() and page.model.index(0, 6).data() == "✓"


@pytest.mark.parametrize("answer", ["cancel", "save", "discard"])
def test_a_half_typed_next_step_is_not_lost_by_clicking_another_card(ctx, qtbot, tab, monkeypatch, answer):
    """Typing a next step, then clicking another card of the board: the question is asked
    (Save / Discard / Cancel), as when leaving any editor; Cancel keeps the card and the typing."""
    from partnerdesk.ui.tabs.partners import prompts

    project = _create_project(qtbot, tab)
    page = tab.card.partners
    _show(qtbot, tab, page)
    first, second = (projects.add_partner(project.id, o.id) for o in partners.list_organisations()[:2])
    page.refresh()
    page.board.select_card(first.id)
    assert page.card_id == first.id
    page.next_step.setText("Envoyer le projet de convention")
    asked = []
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: asked.append(name) or answer)
    page.board.select_card(second.id)
    first_name = projects.get_card(first.id).organisation_name
    assert asked == [f"{first_name} — Partners and pipeline"]  # the partner whose card is being edited
    saved = projects.get_card(first.id).next_step
    if answer == "cancel":
        assert page.card_id == first.id and page.board.selected_card().id == first.id
        assert page.next_step.text() == "Envoyer le projet de convention" and saved == ""
    else:
        assert page.card_id == second.id and page.next_step.text() == ""
        assert saved == ("Envoyer le projet de convention" if answer == "save" else "")


def test_after_cancel_a_second_click_on_the_other_card_asks_again(ctx, qtbot, tab, monkeypatch):
    """Cancel leaves one current card on the board (the edited one): clicking the other card
    again is a new choice, asked again (it used to do nothing until a click elsewhere)."""
    from partnerdesk.ui.tabs.partners import prompts

    project = _create_project(qtbot, tab)
    page = tab.card.partners
    _show(qtbot, tab, page)
    first, second = (projects.add_partner(project.id, o.id) for o in partners.list_organisations()[:2])
    pipeline.move_card(second.id, "premier_contact")  # the other card in another column
    page.refresh()
    page.board.select_card(first.id)
    page.next_step.setText("Envoyer le projet de convention")
    answers = ["cancel", "discard"]
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent, name: answers.pop(0))
    other = page.board.columns["premier_contact"].view

    def click_second():
        rect = other.visualRect(other.model().index(0, 0))
        qtbot.mouseClick(other.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    click_second()
    assert answers == ["discard"] and page.card_id == first.id
    click_second()
    assert answers == [] and page.card_id == second.id


def test_moving_the_edited_card_keeps_its_typed_next_step(ctx, qtbot, tab):
    """Ctrl+→ on the card being edited moves it; the next step typed and not saved stays on screen."""
    project = _create_project(qtbot, tab)
    page = tab.card.partners
    _show(qtbot, tab, page)
    card = projects.add_partner(project.id, partners.list_organisations()[0].id)
    page.refresh()
    page.board.select_card(card.id)
    page.next_step.setText("Relancer après le conseil municipal")
    page.next_step_on.setText("15/01/2027")
    page.board.move_selected(1)
    qtbot.waitUntil(lambda: projects.get_card(card.id).stage != "identifie")
    page.show_card(card.id)  # what the refresh after the move does
    assert page.card_id == card.id
    assert page.next_step.text() == "Relancer après le conseil municipal" and page.next_step_on.text() == "15/01/2027"
    assert page.is_dirty()
    page.revert()  # "Discard" still discards
    assert page.next_step.text() == "" and not page.is_dirty()
