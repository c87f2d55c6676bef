"""Is a partnership worth it, through the real widgets: logging time, benefits, main funder, the
decision grid, the "Bilan des partenariats" view and its exports, the verdict on the board."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from partnerdesk.domain.balance import Benefit, BenefitEntry, Criterion, FunderProfile, TimeEntry, Verdict
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ContributionData, ProjectData
from partnerdesk.services import balance, partners, projects
from partnerdesk.ui.tabs.balance.grid_dialog import DecisionGridDialog
from partnerdesk.ui.tabs.balance.panel import PartnerBalancePanel
from partnerdesk.ui.tabs.balance.time_dialog import TimeEntryDialog
from partnerdesk.ui.tabs.balance.view import BalanceDialog
from tests.export import pdfcheck


def _setup():
    org = partners.create_organisation(OrganisationData("Centre social Les Tilleuls")).id
    project = projects.create_project(ProjectData("Ateliers seniors", start_date=dt.date(2026, 1, 5))).id
    card = projects.add_partner(project, org)
    return org, project, card


def _save(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_log_time_through_the_dialog(ctx, qtbot):
    org, project, card = _setup()
    dialog = TimeEntryDialog(org)
    qtbot.addWidget(dialog)
    dialog.hours.setValue(0)
    _save(dialog)
    assert dialog.errors.labels["hours"].isVisibleTo(dialog)
    assert balance.time_entries(organisation_id=org) == []
    dialog.worked_on.setText("12/03/2026")
    dialog.hours.setValue(2.5)
    dialog.description.setText("Comité de pilotage et compte rendu")
    dialog.who.setText("Hélène")
    dialog.project.setCurrentIndex(dialog.project.findData(project))
    _save(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    [entry] = balance.time_entries(organisation_id=org)
    assert (entry.worked_on, entry.hours, entry.description, entry.project_id, entry.project_partner_id) == (
        dt.date(2026, 3, 12), 2.5, "Comité de pilotage et compte rendu", project, card.id)


def test_time_dialog_keeps_typing_on_a_bad_date(ctx, qtbot):
    org, _project, _card = _setup()
    dialog = TimeEntryDialog(org)
    qtbot.addWidget(dialog)
    dialog.worked_on.setText("31/02/2026")
    dialog.description.setText("Réunion")
    _save(dialog)
    assert dialog.errors.labels["worked_on"].isVisibleTo(dialog)
    assert dialog.description.text() == "Réunion"
    assert balance.time_entries(organisation_id=org) == []


def test_the_grid_refuses_yes_over_a_blocking_no_then_saves(ctx, qtbot):
    org, project, _card = _setup()
    balance.save_funder_profile(FunderProfile(
        partners.create_organisation(OrganisationData("Caisse d'allocations familiales")).id, True,
        "Aucune exclusivité"))
    dialog = DecisionGridDialog(balance.blank_grid(org, project), "Centre social Les Tilleuls")
    qtbot.addWidget(dialog)
    assert "Aucune exclusivité" in dialog.findChild(type(dialog.suggestion), "funderConditions").text()
    for combo in dialog.ratings:
        combo.setCurrentIndex(combo.findData("favorable"))
    assert "Yes" in dialog.suggestion.text()
    dialog.ratings[1].setCurrentIndex(dialog.ratings[1].findData("defavorable"))  # image: blocking
    assert "No" in dialog.suggestion.text()
    dialog.comments[1].setText("Image trop commerciale")
    dialog.verdict.setCurrentIndex(dialog.verdict.findData("oui"))
    _save(dialog)
    assert dialog.errors.labels["verdict"].isVisibleTo(dialog)
    assert balance.grids_of(org) == []
    dialog.verdict.setCurrentIndex(dialog.verdict.findData("non"))
    _save(dialog)
    [grid] = balance.grids_of(org)
    assert grid.verdict is Verdict.NON and grid.project_id == project
    assert grid.answers[1].comment == "Image trop commerciale"
    # The verdict shows on the project's board card.
    [board_card] = projects.list_cards(project)
    assert board_card.verdict == "non"


def test_card_section_shows_figures_benefits_and_funder(ctx, qtbot):
    balance.set_hourly_cost(20)
    org, project, card = _setup()
    projects.add_contribution(ContributionData(card.id, "locaux", "Salle", 100, "", "obtenu"))
    balance.log_time(TimeEntry(dt.date.today(), 10, description="Réunions", organisation_id=org))
    panel = PartnerBalancePanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_organisation(org)
    assert "200" in panel.figures.text() and "100" in panel.figures.text()
    assert panel.warning.isVisibleTo(panel)  # 200 € of time for 100 € obtained, no benefit
    assert panel.time_model.rowCount() == 1
    panel.benefit_kind.setCurrentIndex(panel.benefit_kind.findData(Benefit.PUBLICS.value))
    panel.benefit_note.setText("Familles du quartier")
    panel.findChild(type(panel.grid_button), "addBenefit").click()
    assert [b.note for b in balance.benefits_of(org)] == ["Familles du quartier"]
    assert panel.benefit_model.rowCount() == 1
    assert not panel.warning.isVisibleTo(panel)
    panel.main_funder.setChecked(True)
    panel.conditions.setText("Logo sur toute communication")
    panel.save_funder.click()
    assert balance.funder_profile(org) == FunderProfile(org, True, "Logo sur toute communication")
    panel.time_view.selectRow(0)
    panel.findChild(type(panel.grid_button), "removeTime").click()
    assert balance.time_entries(organisation_id=org) == []


def test_balance_view_table_chart_and_exports(ctx, qtbot, tmp_path):
    balance.set_hourly_cost(25)
    year = dt.date.today().year
    a = partners.create_organisation(OrganisationData("Mairie de Saint-Aubin")).id
    b = partners.create_organisation(OrganisationData("Club photo")).id
    for org, hours in ((a, 4), (b, 12)):
        balance.log_time(TimeEntry(dt.date.today(), hours, organisation_id=org, description="x"))
    project = projects.create_project(ProjectData("Fête", start_date=dt.date.today())).id
    card = projects.add_partner(project, a)
    projects.add_contribution(ContributionData(card.id, "financement", "", 1500, "", "obtenu"))
    balance.add_benefit(BenefitEntry(a, Benefit.VISIBILITE, "Journal municipal"))
    dialog = BalanceDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.year.currentData() == year
    assert dialog.model.rowCount() == 2
    flagged = next(r for r in range(dialog.model.rowCount()) if dialog.model.row_at(r).name == "Club photo")
    assert dialog.model.data(dialog.model.index(flagged, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 partner costs more" in dialog.summary.text()
    assert [r.name for r in dialog.chart.rows] == ["Mairie de Saint-Aubin", "Club photo"]
    dialog.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # hours
    assert dialog.proxy.data(dialog.proxy.index(0, 0)) == "Club photo"
    csv = dialog.export_table("csv", tmp_path / "bilan")
    lines = csv.read_text(encoding="utf-8-sig").splitlines()
    assert csv.suffix == ".csv" and len(lines) == 3
    pdf_path = tmp_path / "interne.pdf"
    dialog.export_pdf(pdf_path)
    assert dialog.last_pdf == pdf_path.resolve()
    text = pdfcheck.text(pdf_path.read_bytes())
    assert "Club photo" in text and "DOCUMENT INTERNE" in text  # the documents' language (French), like the bilan
    # The hourly cost is a setting changed from the view, and every figure follows it.
    dialog.cost.setValue(50)
    dialog.cost.editingFinished.emit()
    assert balance.hourly_cost() == 50
    assert dialog.model.row_at(0).hourly_cost == 50


def test_criteria_setting_drives_the_grid(ctx, qtbot):
    org, _project, _card = _setup()
    balance.set_criteria([Criterion("Pas de publicité", blocking=True), Criterion("Proche du quartier")])
    dialog = DecisionGridDialog(balance.blank_grid(org), "Centre social")
    qtbot.addWidget(dialog)
    assert len(dialog.ratings) == 2


def test_window_offers_the_view_and_the_card_section(window, qtbot):
    assert window.balance_action in window.view_menu.actions()
    from partnerdesk.ui.tabs.partners.tab import PartnersTab

    partners_tab = window.tab(PartnersTab)  # tabs are built on first use
    card = partners_tab.org_card
    titles = [card.sections.tabText(i) for i in range(card.sections.count())]
    assert "Balance" in titles


def test_criteria_edited_in_their_dialog(ctx, qtbot):
    from partnerdesk.ui.tabs.balance.criteria_dialog import CriteriaDialog

    dialog = CriteriaDialog()
    qtbot.addWidget(dialog)
    assert len(dialog.rows) == 6
    dialog.remove_row(dialog.rows[-1])
    dialog.findChild(QPushButton, "addCriterion").click()
    _holder, label, blocking = dialog.rows[-1]
    label.setText("Pas de publicité commerciale")
    blocking.setChecked(True)
    _save(dialog)
    saved = balance.criteria()
    assert len(saved) == 6 and saved[-1] == Criterion("Pas de publicité commerciale", True)
    again = CriteriaDialog()
    qtbot.addWidget(again)
    for entry in list(again.rows):
        again.remove_row(entry)
    _save(again)
    assert again.error.isVisibleTo(again)  # at least one criterion
    assert len(balance.criteria()) == 6


def test_team_time_logged_from_a_meeting(ctx, qtbot):
    from partnerdesk.domain.meetings import MeetingData
    from partnerdesk.services import meetings
    from partnerdesk.services.meetings import invitations
    from partnerdesk.ui.tabs.balance.meeting_time import MeetingTimeDialog

    org, project, _card = _setup()
    meeting = meetings.create_meeting(MeetingData("Comité", dt.date(2026, 4, 2), kind="comite", start_time="10:00",
                                                  end_time="12:00", in_charge="Karim", project_id=project)).id
    invitations.invite(meeting, organisation_ids=[org])
    invitations.set_answers(meeting, {i.id: "present" for i in invitations.invitees_of(meeting)})
    dialog = MeetingTimeDialog(meeting, "Karim")
    qtbot.addWidget(dialog)
    assert dialog.hours.value() == 2 and "Centre social Les Tilleuls" in dialog.shared.text()
    dialog.people.setValue(0)
    _save(dialog)
    assert dialog.errors.labels["people"].isVisibleTo(dialog)
    assert balance.time_entries(organisation_id=org) == []
    dialog.people.setValue(3)
    assert "6" in dialog.total.text()
    _save(dialog)
    [entry] = balance.time_entries(organisation_id=org)
    assert (entry.hours, entry.who, entry.project_id) == (6, "Karim", project)
