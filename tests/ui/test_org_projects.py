"""The organisation card's list of projects and stages."""

from PySide6.QtWidgets import QTabWidget, QWidget

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import partners, pipeline, projects
from partnerdesk.ui.tabs.projects.org_projects import OrganisationProjects


def test_lists_projects_and_stages_and_opens_them(ctx, qtbot):
    org = partners.create_organisation(OrganisationData("Médiathèque Anne-Frank")).id
    a = projects.create_project(ProjectData("Lecture numérique"))
    b = projects.create_project(ProjectData("Fête de l'internet"))
    widget = OrganisationProjects(ctx)
    qtbot.addWidget(widget)
    widget.set_organisation(org)
    assert widget.stack.currentWidget() is widget.empty
    card = projects.add_partner(a.id, org, stage="co_construction")
    projects.add_partner(b.id, org)
    ctx.signals.data_changed.emit("projects")
    shown = {widget.model.data(widget.model.index(r, 0)): widget.model.data(widget.model.index(r, 1))
             for r in range(widget.model.rowCount())}
    assert shown == {"Lecture numérique": "Co-construction", "Fête de l'internet": "Identified"}
    pipeline.move_card(card.id, "convention_redaction")
    ctx.signals.data_changed.emit("projects")
    row = next(r for r in range(widget.model.rowCount()) if widget.model.row_at(r).project_id == a.id)
    assert widget.model.data(widget.model.index(row, 1)) == "Convention being drafted"
    with qtbot.waitSignal(ctx.signals.open_requested) as opened:
        widget.view.doubleClicked.emit(widget.model.index(row, 0))
    assert opened.args == ["project", a.id]


def test_a_hidden_card_reads_its_projects_when_shown_again(ctx, qtbot, monkeypatch):
    org = partners.create_organisation(OrganisationData("Médiathèque Anne-Frank")).id
    a = projects.create_project(ProjectData("Lecture numérique"))
    card = projects.add_partner(a.id, org)
    window = QTabWidget()
    qtbot.addWidget(window)
    widget = OrganisationProjects(ctx)
    window.addTab(widget, "Projets")
    window.addTab(QWidget(), "Autre")
    window.show()
    widget.set_organisation(org)
    window.setCurrentIndex(1)  # the card hidden, its window on screen (the user is on the board)
    reads = []
    original = projects.projects_of_organisation
    monkeypatch.setattr(projects, "projects_of_organisation", lambda o: (reads.append(o), original(o))[1])
    for stage in ("premier_contact", "rencontre_informelle"):
        pipeline.move_card(card.id, stage)
        ctx.signals.data_changed.emit("projects")
    assert reads == []
    window.setCurrentIndex(0)
    assert reads == [org]
    assert widget.model.data(widget.model.index(0, 1)) == "Informal meeting"
