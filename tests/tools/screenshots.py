"""Render every tab of the main window on demo data to docs/screenshots/window-<tab>.png.

    uv run python tests/tools/screenshots.py [--lang fr] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from partnerdesk import i18n
    from partnerdesk.app import install_qt_translations, make_application
    from partnerdesk.paths import DataPaths
    from partnerdesk.services import data, demo
    from partnerdesk.ui.context import AppContext
    from partnerdesk.ui.main_window import MainWindow
    from partnerdesk.ui.tasks import SyncTaskRunner

    app = make_application()
    i18n.set_language(args.lang)
    install_qt_translations(app, args.lang)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = DataPaths(Path(tmp)).ensure()
        data.open_data(paths, daily_backup=False)
        demo.fill("small", paths=paths)
        settings = QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(paths, SyncTaskRunner(), settings, QUndoStack())
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            name = window.tabs.widget(index).objectName().removesuffix("Tab") or f"tab{index}"
            target = out / f"window-{name}.png"
            window.grab().save(str(target))
            print(target)
        _partner_shots(app, window, out)
        window.close()
        data.close_data()


def _partner_shots(app, window, out: Path) -> None:
    """The README's Partenaires pictures: the list with an organisation card, and a person card."""
    from partnerdesk.store.models import Organisation, Person
    from partnerdesk.ui.tabs.partners.tab import PartnersTab

    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    org = Organisation.get(Organisation.name == "Médiathèque Anne-Frank")
    tab.open_item("organisation", org.id)
    app.processEvents()
    window.grab().save(str(out / "partners.png"))
    person = Person.select().where(Person.last_name == "N'Diaye").first() or Person.select().first()
    tab.open_item("person", person.id)
    app.processEvents()
    window.grab().save(str(out / "partner-card.png"))
    card = tab.person_card
    card.sections.setCurrentIndex(card.sections.count() - 1)
    app.processEvents()
    window.grab().save(str(out / "person-photo.png"))
    print(out / "partners.png", out / "partner-card.png")


if __name__ == "__main__":
    main()
