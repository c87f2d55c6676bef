"""The first switch to Projets stays light (issues #15, #20): building the tab (its project card
has export buttons) does not load the document services, about 25 ms of imports; they load
with the first export, in the worker. Checked in a fresh interpreter."""

from __future__ import annotations

from tests.core.test_import_guard import _loaded, _modules_after


def test_building_the_projects_tab_loads_no_document_services(tmp_path):
    modules = _modules_after("""
        import os, pathlib
        from PySide6.QtCore import QSettings
        from PySide6.QtGui import QUndoStack
        from partnerdesk.app import make_application
        from partnerdesk.paths import DataPaths
        from partnerdesk.services import data
        from partnerdesk.ui.context import AppContext
        from partnerdesk.ui.main_window import MainWindow
        from partnerdesk.ui.tasks import TaskRunner
        app = make_application()
        paths = DataPaths(pathlib.Path(os.environ["PARTNERDESK_DATA_DIR"])).ensure()
        data.open_data(paths, daily_backup=False)
        ctx = AppContext(paths=paths, tasks=TaskRunner(data.connection_context),
                         settings=QSettings(str(paths.root / "ui.ini"), QSettings.Format.IniFormat),
                         undo_stack=QUndoStack())
        window = MainWindow(ctx)
        window.show()
        from partnerdesk.ui.tabs.projects.tab import ProjectsTab
        tab = window.tab(ProjectsTab)
        window.show_tab(tab)
        tab.views.setCurrentIndex(1)
        app.processEvents()
        ctx.tasks.wait(10000)
        app.processEvents()
        window.close()
        data.close_data()
    """, tmp_path)
    assert "partnerdesk.ui.tabs.projects.board" in modules
    assert "partnerdesk.ui.widgets.export_buttons" in modules
    assert _loaded(modules, ("partnerdesk.services.documents",)) == []
