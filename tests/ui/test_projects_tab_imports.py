"""The first switch to Projets stays light (issues #15, #20): building the tab (its project card
has export buttons) does not load the document services, about 25 ms of imports; they load
with the first export, in the worker. Checked in a fresh interpreter."""

from __future__ import annotations

from tests.core.test_import_guard import WINDOW_SCRIPT, _loaded, _modules_after


def test_building_the_projects_tab_loads_no_document_services(tmp_path):
    modules = _modules_after(WINDOW_SCRIPT.format(then="""
from partnerdesk.ui.tabs.projects.tab import ProjectsTab
tab = window.tab(ProjectsTab)
window.show_tab(tab)
tab.views.setCurrentIndex(1)
"""), tmp_path)
    assert "partnerdesk.ui.tabs.projects.board" in modules
    assert "partnerdesk.ui.widgets.export_buttons" in modules
    assert _loaded(modules, ("partnerdesk.services.documents",)) == []
