"""Render the projects area's screens with the small demo data, in French.

    uv run python tests/tools/shots_projects.py [OUT_DIR]   # default: docs/screenshots

Writes board.png (the "Tous les projets" board), todo.png ("À faire") and, in OUT_DIR
only when it is not docs/screenshots, one image per page of a project card.
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from partnerdesk import i18n  # noqa: E402
from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import data, demo, projects  # noqa: E402
from partnerdesk.ui.context import AppContext  # noqa: E402
from partnerdesk.ui.tasks import SyncTaskRunner  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    details = out.resolve() != (ROOT / "docs" / "screenshots").resolve()
    i18n.set_language("fr")
    app = QApplication([])
    paths = DataPaths(Path(tempfile.mkdtemp(prefix="partnerdesk-shots-"))).ensure()
    data.open_data(paths, daily_backup=False)
    demo.fill("small", paths=paths)
    from partnerdesk.ui.main_window import MainWindow
    from partnerdesk.ui.tabs.projects.tab import ProjectsTab

    settings = QSettings(str(paths.root / "ui.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(paths=paths, tasks=SyncTaskRunner(), settings=settings, undo_stack=QUndoStack())
    win = MainWindow(ctx)
    win.resize(1400, 860)
    win.show()
    app.processEvents()
    win.grab().save(str(out / "todo.png"))
    tab = win.tab_of(ProjectsTab)
    win.show_tab(tab)
    by_title = {p.title: p.id for p in projects.list_projects()}
    if details:
        tab.open_item("project", by_title["Web radio des jeunes"])
        for index, name in enumerate(["form", "partners", "budget", "sessions", "milestones", "photos"]):
            if name == "sessions":
                tab.open_item("project", by_title["Premiers pas sur tablette"])
            if name == "photos":
                tab.open_item("project", by_title["Exposition « Mon quartier vu par les jeunes »"])
            if name == "partners":
                tab.card.partners.board.select_card(projects.list_cards(by_title["Web radio des jeunes"])[1].id)
            tab.card.pages.setCurrentIndex(index)
            app.processEvents()
            win.grab().save(str(out / f"project-{name}.png"))
    tab.views.setCurrentIndex(1)
    app.processEvents()
    win.grab().save(str(out / "board.png"))
    data.close_data()


if __name__ == "__main__":
    main()
