"""Opening a convention stays light (issue #20): the merge-field panel is worked out in the
background (a newer request wins) and the parties page reads the 2,000 organisations it offers
only when it is shown."""

import pytest
from PySide6.QtCore import Qt

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import conventions, partners
from partnerdesk.ui.models.roles import IdRole
from partnerdesk.ui.tabs.conventions.tab import ConventionsTab
from tests.conventions_helpers import make_convention
from tests.ui.held_tasks import HeldTasks


@pytest.fixture
def queued(ctx):
    ctx.tasks = HeldTasks()
    return ctx.tasks


@pytest.fixture
def tab(ctx, qtbot, queued):
    widget = ConventionsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    queued.finish_all()
    return widget


def test_the_field_panel_fills_from_the_background_and_a_newer_request_wins(tab, queued, qtbot):
    complete = make_convention()
    partial = make_convention("Boulangerie Lebrun", complete=False)
    tab.refresh()
    queued.finish_all()
    tab.select(complete.id)
    fields = tab.editor.text_page.fields
    assert tab.editor.title.text() == complete.title  # the convention is shown at once
    assert fields.problems.text() == "Loading…" and fields.tree.topLevelItemCount() == 0
    tab.select(partial.id)  # another one before the first panel arrived
    assert len(queued.held) == 2
    queued.finish_all()
    assert "fields cannot be filled yet:" in fields.problems.text()  # the partial one's, not the complete one's
    assert "{date.signature} — no value — Signatures" in fields.problems.toolTip()
    values = {fields.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): fields.tree.topLevelItem(i).text(1)
              for i in range(fields.tree.topLevelItemCount())}
    assert values["partenaire.nom"] == "Boulangerie Lebrun"

    tab.select(complete.id)
    queued.finish_all()
    assert fields.problems.text() == "All the fields of the text are filled."
    tab.editor.place.setText("Médiathèque du Pré")  # typing: the panel follows, no "Loading…" flash
    tab.editor.refresh_fields()
    assert fields.problems.text() == "All the fields of the text are filled."
    queued.finish_all()


def test_the_parties_page_reads_the_organisations_when_shown(tab, queued, qtbot, monkeypatch):
    conv = make_convention()
    extra = partners.create_organisation(OrganisationData("Ludothèque « Les Dés »")).id
    reads = []
    names = partners.organisation_names
    monkeypatch.setattr(partners, "organisation_names", lambda: (reads.append(1), names())[1])
    tab.refresh()
    tab.select(conv.id)
    queued.finish_all()
    page = tab.editor.parties_page
    assert reads == [] and page.org_combo.count() == 0
    assert page.list.count() == 2  # the parties themselves are there

    tab.editor.pages.setCurrentWidget(page)  # the user opens the "Parties" page
    assert reads == [1]
    page.org_combo.setCurrentIndex(page.org_combo.findData(extra))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.list.count() == 3
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    queued.finish_all()
    saved = conventions.get_convention(conv.id).content.parties
    assert [p.organisation_id for p in saved][-1] == extra
    assert saved[-1].name == "Ludothèque « Les Dés »"
    assert reads == [1, 1]  # the save reloads the convention on the page shown: read again, once


def test_add_reads_the_organisations_even_if_the_page_was_never_shown(tab, queued):
    conv = make_convention()
    amap = partners.create_organisation(OrganisationData("Amap du Pré")).id  # first by name
    tab.refresh()
    tab.select(conv.id)
    page = tab.editor.parties_page
    assert page.org_combo.count() == 0
    page.add_selected()  # e.g. from a shortcut, before the page was ever shown
    assert page.org_combo.count() == 2
    assert [p.organisation_id for p in page.commit()][-1] == amap


def _count_calls(monkeypatch, obj, name):
    calls = []
    original = getattr(obj, name)
    monkeypatch.setattr(obj, name, lambda *args, **kwargs: (calls.append(args), original(*args, **kwargs))[1])
    return calls


def test_a_change_elsewhere_is_read_in_the_background_and_reloads_only_what_changed(tab, queued, monkeypatch):
    from partnerdesk.services import projects

    conv = make_convention()
    tab.refresh()
    tab.select(conv.id)
    queued.finish_all()
    loads = _count_calls(monkeypatch, tab.editor, "load")
    resets = []
    tab.model.modelReset.connect(lambda: resets.append(1))

    tab.on_data_changed("projects")  # e.g. a card moved on the board: nothing here changed
    assert len(queued.held) == 1 and loads == []  # nothing read on the GUI thread
    queued.finish_all()
    assert loads == [] and resets == []
    assert tab.editor.conv.id == conv.id and tab.table.currentIndex().data(IdRole) == conv.id

    project = projects.get_project(conv.project_id)  # renamed elsewhere: the editor's project list follows
    project.title = "Ateliers « Derniers clics »"
    projects.update_project(project)
    tab.on_data_changed("projects")
    queued.finish_all()
    assert len(loads) == 1
    assert tab.editor.project.currentText() == "Ateliers « Derniers clics »"
    assert resets == [1]  # the list shows the project's title too

    saved = conventions.get_convention(conv.id)  # the convention itself changed elsewhere
    saved.place = "Salle des fêtes"
    conventions.save_convention(saved)
    tab.editor.title.setText("Titre en cours de frappe")  # ... while the user types: the typing is kept
    tab.editor.title.textEdited.emit("Titre en cours de frappe")
    tab.on_data_changed("organisations")
    queued.finish_all()
    assert tab.editor.title.text() == "Titre en cours de frappe"
    assert len(loads) == 1


def test_a_convention_deleted_elsewhere_closes_calmly(tab, queued):
    conv = make_convention()
    tab.refresh()
    tab.select(conv.id)
    queued.finish_all()
    conventions.delete_convention(conv.id)
    tab.on_data_changed("*")
    queued.finish_all()
    assert tab.editor.conv is None and tab.right.currentWidget() is tab.placeholder
    assert tab.model.rowCount() == 0


def test_pick_lists_follow_a_change_elsewhere_without_reloading_the_convention(tab, queued, monkeypatch):
    from partnerdesk.domain.partners import PersonData

    conv = make_convention()
    tab.refresh()
    tab.select(conv.id)
    queued.finish_all()
    page = tab.editor.parties_page
    tab.editor.pages.setCurrentWidget(page)
    page.list.setCurrentRow(1)
    assert page.contacts.count() == 1  # "(no contact on the card)"
    loads = _count_calls(monkeypatch, tab.editor, "load")
    org_id = conv.content.parties[1].organisation_id
    partners.create_person(PersonData("Martin", "Élodie"), org_id, role="Directrice")
    newcomer = partners.create_organisation(OrganisationData("Zèbre numérique")).id
    tab.on_data_changed("organisations")
    queued.finish_all()
    assert loads == []  # the convention itself did not change
    assert [page.contacts.itemText(i) for i in range(page.contacts.count())][1:] == ["Élodie Martin — Directrice"]
    assert page.org_combo.findData(newcomer) >= 0


def test_the_tab_shows_at_once_and_fills_from_the_background(ctx, qtbot, queued):
    conv = make_convention()
    tab = ConventionsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    assert tab.model.rowCount() == 0 and len(queued.held) == 1
    assert tab.loading.isVisible() and tab.stack.currentWidget() is tab.splitter  # not "write your first…"
    queued.finish_all()
    assert not tab.loading.isVisible()
    assert [tab.model.row_at(r).id for r in range(tab.model.rowCount())] == [conv.id]


def test_an_explicit_refresh_before_the_first_rows_wins(ctx, qtbot, queued):
    first = make_convention()
    tab = ConventionsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    second = conventions.create_convention("Deuxième", [first.content.parties[1].organisation_id])
    tab.open_item("convention", second.id)  # e.g. from "À faire", while the first read is under way
    assert tab.editor.conv.id == second.id and tab.model.rowCount() == 2
    assert not tab.loading.isVisible()
    queued.finish_all()  # the older read arrives: ignored
    assert tab.editor.conv.id == second.id and tab.model.rowCount() == 2
    assert tab.table.currentIndex().data(IdRole) == second.id


def test_the_versions_page_renders_a_version_when_shown(tab, queued, monkeypatch):
    conv = make_convention()
    other = make_convention("Boulangerie Lebrun")
    tab.refresh()
    reads = _count_calls(monkeypatch, conventions, "version_content")
    tab.select(conv.id)
    queued.finish_all()
    versions = tab.editor.versions_page
    assert reads == [] and versions.tree.topLevelItemCount() == 1
    tab.editor.pages.setCurrentWidget(versions)  # the user opens "Versions"
    assert reads == [(conv.id, 1)]
    assert "Version 1" in versions.caption.text() and "Dupont & Fils" in versions.browser.toPlainText()
    tab.select(other.id)  # another convention while the page is on show: rendered at once
    queued.finish_all()
    assert reads[-1] == (other.id, 1) and "Boulangerie Lebrun" in versions.browser.toPlainText()
