"""Screenshot tour: every tab, card page and dialog of the demo data, as PNG files.

    uv run python tests/tools/tour.py OUT_DIR [--lang fr|en] [--readme]

With --readme, the README's window pictures are copied from the tour into docs/screenshots
(French, 1366×768).

The window is 1366×768 (the EPN laptop); dialogs are shot at their own size. The
first picture is the welcome page of an empty data folder. Look at every picture:
cut, clipped or cramped text is a bug.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sys
import tempfile
import traceback
import unicodedata
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
SIZE = (1366, 768)
# README picture <- the tour picture whose name ends so (French tour)
README_SHOTS = {
    "welcome.png": "welcome",
    "partners.png": "tab-partenaires",
    "partner-card.png": "organisation-fiche",
    "people-filters.png": "people-list",
    "board.png": "projects-tous-les-projets",
    "board-full-height.png": "project-board-full-height",
    "todo.png": "tab-a-faire",
    "convention-editor.png": "convention-texte",
    "convention-versions.png": "convention-versions",
    "trombinoscope.png": "tab-trombinoscope",
    "person-photo.png": "person-photo-et-droit-a-l-image",
    "review.png": "dialog-review",
    "dataio-rgpd-register.png": "dialog-rgpd-register",
    "exchange.png": "dialog-exchange",
}


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("&", "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "page"


class Tour:
    def __init__(self, app, out: Path):
        self.app, self.out, self.count, self.failures = app, out, 0, []

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def shoot(self, widget, name: str) -> None:
        self.settle()
        self.count += 1
        target = self.out / f"{self.count:03d}-{slug(name)}.png"
        widget.grab().save(str(target))
        print(target)

    def pages(self, window, tabs, name: str) -> None:
        """Every page of a QTabWidget, and of the visible QTabWidgets nested in them."""
        from PySide6.QtWidgets import QTabWidget

        for index in range(tabs.count()):
            if not tabs.isTabEnabled(index) or not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            self.settle()
            label = f"{name}-{tabs.tabText(index)}"
            self.shoot(window, label)
            page = tabs.widget(index)
            for nested in page.findChildren(QTabWidget):
                if nested.isVisible() and nested.parent() is not None:
                    self.pages(window, nested, label)

    def dialog(self, name: str, make) -> None:
        try:
            dialog = make()
        except Exception:  # a tour goes on; the failure is listed at the end
            self.failures.append(f"{name}: {traceback.format_exc(limit=3)}")
            return
        dialog.show()
        self.shoot(dialog, f"dialog-{name}")
        dialog.close()
        dialog.deleteLater()


def open_window(paths, lang: str, demo: bool):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from partnerdesk.ui.context import AppContext
    from partnerdesk.ui.main_window import MainWindow
    from partnerdesk.ui.tasks import SyncTaskRunner

    settings = QSettings(str(paths.root / "tour.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(paths, SyncTaskRunner(), settings, QUndoStack(), demo=demo)
    window = MainWindow(ctx)
    window.setWindowState(window.windowState() & ~window.windowState())
    window.resize(*SIZE)
    window.show()
    return window


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--readme", action="store_true", help="copy the README pictures to docs/screenshots")
    args = parser.parse_args()

    from partnerdesk import i18n
    from partnerdesk.app import install_qt_translations, make_application
    from partnerdesk.paths import DataPaths
    from partnerdesk.services import data, demo

    app = make_application()
    i18n.set_language(args.lang)
    install_qt_translations(app, args.lang)
    args.out.mkdir(parents=True, exist_ok=True)
    tour = Tour(app, args.out)
    with tempfile.TemporaryDirectory() as tmp:
        empty = DataPaths(Path(tmp) / "empty").ensure()
        data.open_data(empty, daily_backup=False)
        window = open_window(empty, args.lang, demo=False)
        tour.shoot(window, "welcome")
        close(app, window)
        data.close_data()

        paths = DataPaths(Path(tmp) / "demo").ensure()
        data.open_data(paths, daily_backup=False)
        demo.fill("small", paths=paths)
        window = open_window(paths, args.lang, demo=True)
        try:
            walk_window(tour, window)
            walk_dialogs(tour, window)
        finally:
            close(app, window)
            data.close_data()
    for failure in tour.failures:
        print("FAILED", failure, file=sys.stderr)
    if args.readme:
        copy_readme_shots(args.out)
    print(f"{tour.count} pictures in {args.out}")
    return 1 if tour.failures else 0


def close(app, window) -> None:
    """Close and delete the window now, before its data folder closes (no late signals)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def copy_readme_shots(out: Path) -> None:
    target = ROOT / "docs" / "screenshots"
    for name, ending in README_SHOTS.items():
        found = sorted(out.glob(f"*-{ending}.png"))
        if found:
            shutil.copyfile(found[0], target / name)
            print(target / name)


def walk_window(tour: Tour, window) -> None:
    from partnerdesk.services import conventions, meetings, partners, projects

    from partnerdesk.ui.tabs.conventions.tab import ConventionsTab
    from partnerdesk.ui.tabs.meetings.tab import MeetingsTab
    from partnerdesk.ui.tabs.partners.tab import PartnersTab
    from partnerdesk.ui.tabs.projects.tab import ProjectsTab

    tabs = window.tabs
    for index in range(tabs.count()):
        window.show_tab(tabs.widget(index))
        tour.shoot(window, f"tab-{tabs.tabText(index)}")

    partners_tab = window.tab_of(PartnersTab)
    window.show_tab(partners_tab)
    org = max(partners.list_organisations(), key=lambda o: len(partners.people_of(o.id)))
    window.open_item("organisation", org.id)
    tour.pages(window, partners_tab.org_card.sections, "organisation")
    person = partners.people_of(org.id)[0].person
    window.open_item("person", person.id)
    tour.pages(window, partners_tab.person_card.sections, "person")
    partners_tab.list.view_box.setCurrentIndex(1)
    tour.shoot(window, "people-list")
    partners_tab.list.view_box.setCurrentIndex(0)

    projects_tab = window.tab_of(ProjectsTab)
    window.show_tab(projects_tab)
    rich = max(projects.list_projects(), key=lambda p: len(projects.list_cards(p.id)))
    window.open_item("project", rich.id)
    tour.pages(window, projects_tab.views, "projects")
    projects_tab.views.setCurrentIndex(0)
    window.open_item("project", rich.id)
    projects_tab.card.pages.setCurrentWidget(projects_tab.card.partners)
    projects_tab.card.partners.full_height.setChecked(True)
    tour.shoot(window, "project-board-full-height")
    projects_tab.card.partners.full_height.setChecked(False)

    conventions_tab = window.tab_of(ConventionsTab)
    window.show_tab(conventions_tab)
    listed = conventions.list_conventions()
    if listed:
        window.open_item("convention", listed[0].id)
        tour.pages(window, conventions_tab.editor.pages, "convention")

    meetings_tab = window.tab_of(MeetingsTab)
    window.show_tab(meetings_tab)
    held = [row.meeting for row in meetings.list_meetings() if row.meeting.held_on <= dt.date.today()]
    if held:  # the last one held: its answers, minutes, decisions and actions are filled in
        window.open_item("meeting", held[-1].id)
        tour.pages(window, meetings_tab.pages, "meeting")


def walk_dialogs(tour: Tour, window) -> None:
    from partnerdesk.services import data, partners, projects
    from partnerdesk.ui.dialogs.about import AboutDialog
    from partnerdesk.ui.dialogs.affiliation import AffiliationDialog
    from partnerdesk.ui.dialogs.backups import BackupsDialog
    from partnerdesk.ui.dialogs.export_dialog import ExportDialog
    from partnerdesk.ui.dialogs.export_document import ExportDocumentDialog
    from partnerdesk.ui.dialogs.identity import IdentityDialog
    from partnerdesk.ui.dialogs.import_wizard import ImportWizard
    from partnerdesk.ui.dialogs.letters_dialog import LettersDialog
    from partnerdesk.ui.dialogs.merge import MergeDialog
    from partnerdesk.ui.dialogs.review import ReviewDialog
    from partnerdesk.ui.dialogs.rgpd_register import RgpdRegisterDialog
    from partnerdesk.ui.dialogs.tags import TagsDialog
    from partnerdesk.ui.dialogs.trash import TrashDialog
    from partnerdesk.ui.tabs.conventions.dialogs import NewConventionDialog
    from partnerdesk.ui.tabs.projects.dialogs import ReasonDialog

    ctx = window.ctx
    orgs = partners.list_organisations()
    first = orgs[0]
    sample = ROOT / "tests" / "data" / "imports" / "tableur_fr.csv"
    tour.dialog("about", lambda: AboutDialog(ctx.paths, data.schema_version(), window))
    tour.dialog("identity", lambda: IdentityDialog(ctx, window))
    tour.dialog("import", lambda: ImportWizard(ctx, None, window))
    tour.dialog("import-file", lambda: ImportWizard(ctx, sample, window))
    tour.dialog("import-review", lambda: with_call(ImportWizard(ctx, sample, window), "next_button.click"))
    tour.dialog("export", lambda: ExportDialog(ctx, window))
    tour.dialog("letters", lambda: LettersDialog(ctx, window))
    for kind in ("dossier", "bilan", "partner", "attendance"):
        tour.dialog(f"pdf-{kind}", lambda k=kind: ExportDocumentDialog(ctx, k, window))
    tour.dialog("backups", lambda: BackupsDialog(ctx.paths, window))
    tour.dialog("rgpd-register", lambda: RgpdRegisterDialog(ctx, window))
    tour.dialog("tags", lambda: TagsDialog(ctx, window))
    tour.dialog("trash", lambda: TrashDialog(ctx, window))
    tour.dialog("merge", lambda: MergeDialog("organisation", first.id, window))
    tour.dialog("merge-two-cards", lambda: with_call(MergeDialog("organisation", first.id, window),
                                                     "set_other", orgs[1].id))
    tour.dialog("review", lambda: ReviewDialog(ctx, window))
    tour.dialog("affiliation", lambda: AffiliationDialog(orgs, "Changement de poste", "", window))
    tour.dialog("new-convention", lambda: NewConventionDialog(window, projects.list_projects()[0].id))
    tour.dialog("refusal-reason", lambda: ReasonDialog(first.name, window))
    for name, make in extra_dialogs(ctx, window):
        tour.dialog(name, make)


def with_call(dialog, method: str, *args):
    """The dialog after one step (a card chosen, Next clicked): what the user sees next."""
    target = dialog
    for name in method.split("."):
        target = getattr(target, name)
    target(*args)
    return dialog


def extra_dialogs(ctx, window):
    """Dialogs added by later work: (name, factory) pairs; keep this list growing."""
    from partnerdesk.services import journal, partners, project_budget, projects
    from partnerdesk.ui.dialogs.import_wizard import ImportWizard
    from partnerdesk.ui.dialogs.interaction import InteractionDialog
    from partnerdesk.ui.tabs.projects.budget_editing import SplitDialog

    org = max(partners.list_organisations(), key=lambda o: len(journal.journal_of_organisation(o.id)))
    entry = journal.journal_of_organisation(org.id)[0]
    project = max(projects.list_projects(), key=lambda p: len(project_budget.budget_of(p.id)))
    line = project_budget.budget_of(project.id)[0]
    payers = [("Fonds propres", -1)] + [(c.organisation_name, c.id) for c in projects.list_cards(project.id)]
    sheets = import_samples(ctx)
    return [
        ("convention-template-copy", lambda: template_copy(window)),
        ("exchange", lambda: InteractionDialog(entry, window)),
        ("split-budget-line", lambda: SplitDialog(line, payers, window)),
        ("import-ods-columns", lambda: with_call(ImportWizard(ctx, sheets["any"], window), "next_button.click")),
        ("import-ods-review", lambda: until_review(ImportWizard(ctx, sheets["any"], window))),
        ("import-own-people-ods", lambda: with_call(ImportWizard(ctx, sheets["people"], window), "next_button.click")),
    ]


def template_copy(window):
    """A French template of the user's, copied in English to be translated (Templates → Duplicate…)."""
    from partnerdesk.services import convention_templates, conventions
    from partnerdesk.ui.tabs.conventions.template_dialog import TemplateDialog, copy_note

    conv = conventions.list_conventions()[0]
    french = conventions.template_from_convention(conv.id, "Convention des ateliers")
    copy = convention_templates.copy_in_other_language(french.id)
    return TemplateDialog(copy, window, note=copy_note(copy.language))


def until_review(wizard):
    """The import wizard on its review page (Next once more on the columns page, unless remembered)."""
    from partnerdesk.ui.dialogs.import_wizard import PAGE_REVIEW

    from PySide6.QtWidgets import QApplication

    wizard.show()  # as the user sees it: the review's rows are sized to the table on screen
    for _step in range(2):
        QApplication.processEvents()
        if wizard.stack.currentIndex() != PAGE_REVIEW:
            wizard.next_button.click()
    return wizard


def import_samples(ctx) -> dict[str, Path]:
    """A LibreOffice sheet typed by hand (unknown columns, a kind of organisation unknown to the app) and
    the demo's own people list as .ods, in a throw-away folder."""
    from partnerdesk.services.exports import files, tabular

    folder = Path(tempfile.mkdtemp(prefix="partnerdesk-tour-"))
    typed = folder / "contacts-epn.ods"
    typed.write_bytes(tabular.ods_bytes(
        ["Prénom", "Nom", "Courriel", "Structure", "Type de structure", "Remarques"],
        [["Hélène", "Le Guérec", "helene.leguerec@exemple.fr", "Médiathèque de Bréal", "Service municipal",
          "Vue au forum des associations"],
         ["Yannick", "Le Du", "yannick@exemple.fr", "Lycée Chateaubriand", "Lycée", ""],
         ["Zoé", "Ærøskøbing-Müller", "zoe@exemple.fr", "Les Restos du Cœur", "Association", ""]], "Contacts"))
    own = folder / "personnes.ods"
    files.export("people", "ods", own, ctx.paths)
    return {"any": typed, "people": own}


if __name__ == "__main__":
    sys.exit(main())
