"""`partnerdesk --self-test`: does this installation work, end to end, without touching the user's data?

In a throw-away data folder: create the schema, load the demo data, export a bilan PDF and
read it back, open the main window offscreen and close it. One line per step; on the first
failure a French message (in the chosen language) and exit status 1. The packaging scripts
run it on the built bundle, from a copy outside the source tree with an empty HOME.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from partnerdesk import __version__
from partnerdesk.i18n import _, format_number, ngettext
from partnerdesk.paths import DataPaths


class SelfTestFailure(Exception):
    """A step found something wrong; the message is for the user."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


class SelfTest:
    def __init__(self, root: Path, out=None):
        self.paths = DataPaths(root / "data")
        self.root = root
        self.out = out or sys.stdout
        self.project_title = ""
        self.bilan_path = root / "bilan.pdf"

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            (_("Throw-away data folder"), self.data_folder),
            (_("Database schema"), self.schema),
            (_("Demonstration data"), self.demo_data),
            (_("Bilan PDF exported and read back"), self.bilan),
            (_("Main window opened and closed"), self.main_window),
        ]

    def data_folder(self) -> str:
        self.paths.ensure()
        probe = self.paths.root / "probe.txt"
        probe.write_text("é", encoding="utf-8")
        _check(probe.read_text(encoding="utf-8") == "é", _("The data folder cannot be written."))
        probe.unlink()
        return str(self.paths.root)

    def schema(self) -> str:
        from partnerdesk.services import data

        data.open_data(self.paths, daily_backup=False)
        version = data.schema_version()
        _check(version >= 1, _("The database schema was not created."))
        return _("version {number}").format(number=version)

    def demo_data(self) -> str:
        from partnerdesk.services import demo, partners, projects

        demo.fill("small", paths=self.paths)
        organisations = partners.count_organisations()
        found = projects.list_projects()
        _check(organisations > 0 and bool(found), _("The demonstration data was not loaded."))
        self.project_id, self.project_title = found[0].id, found[0].title
        from partnerdesk.services.imports import phones

        for typed, country, expected in (("06 12 34 56 78", "", "+33612345678"), ("02 550 06 11", "BE", "+3225500611")):
            _check(phones.normalise(typed, country)[0] == expected,
                   _("Phone numbers cannot be read ({number}): the phone number data is missing.").format(number=typed))
        return ", ".join((
            ngettext("{count} organisation", "{count} organisations", organisations).format(count=organisations),
            ngettext("{count} project", "{count} projects", len(found)).format(count=len(found))))

    def bilan(self) -> str:
        from pypdf import PdfReader

        from partnerdesk.services import documents

        documents.export("bilan", self.paths, self.project_id, self.bilan_path)
        reader = PdfReader(str(self.bilan_path))
        text = "".join(page.extract_text() or "" for page in reader.pages)
        squeeze = lambda s: "".join(s.split())  # noqa: E731 - line breaks fall anywhere in extracted text
        _check(squeeze(self.project_title) in squeeze(text),
               _("The bilan PDF does not hold the project's title ({title}).").format(title=self.project_title))
        pages = len(reader.pages)
        return ngettext("{count} page", "{count} pages", pages).format(count=pages) + ", " + _("{size} KB").format(
            size=format_number(self.bilan_path.stat().st_size / 1024))

    def main_window(self) -> str:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never shows on the user's screen
        from PySide6.QtCore import QSettings, qInstallMessageHandler

        qInstallMessageHandler(_qt_message)
        from PySide6.QtGui import QUndoStack

        from partnerdesk.app import make_application
        from partnerdesk.services import data
        from partnerdesk.ui.context import AppContext
        from partnerdesk.ui.main_window import MainWindow
        from partnerdesk.ui.tasks import TaskRunner

        app = make_application()
        _check(not app.windowIcon().isNull(), _("The application icon is missing."))
        from PySide6.QtCore import QCollator, QLocale

        collator = QCollator(QLocale("fr_FR"))
        names = sorted(["Zoé", "étoile", "Émile", "eau"], key=collator.sortKey)
        _check(names == ["eau", "Émile", "étoile", "Zoé"],
               _("French alphabetical order is wrong: {names}.").format(names=", ".join(names)))
        settings = QSettings(str(self.root / "settings.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(paths=self.paths, tasks=TaskRunner(data.connection_context), settings=settings,
                         undo_stack=QUndoStack())
        window = MainWindow(ctx)
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        tabs = window.tabs.count()
        _check(window.isVisible() and tabs > 0, _("The main window did not open."))
        for index in range(tabs):  # tabs are built when first shown: build each one
            window.tabs.setCurrentIndex(index)
            app.processEvents()
        window.close()
        ctx.tasks.wait()
        app.processEvents()
        window.deleteLater()
        app.processEvents()
        return ngettext("{count} tab shown", "{count} tabs shown", tabs).format(count=tabs)

    def run(self) -> int:
        started = time.perf_counter()
        print(_("PartnerDesk {version}: self-test").format(version=__version__), file=self.out, flush=True)
        steps = self.steps()
        try:
            for number, (title, step) in enumerate(steps, 1):
                begin = time.perf_counter()
                try:
                    detail = step()
                except SelfTestFailure as exc:
                    return self._failed(number, len(steps), title, str(exc))
                except Exception as exc:  # noqa: BLE001 - any fault is reported, never a bare traceback
                    traceback.print_exc(file=sys.stderr)
                    return self._failed(number, len(steps), title, f"{type(exc).__name__}: {exc}")
                seconds = format_number(time.perf_counter() - begin, 2)
                print(_("[{n}/{total}] {title}: OK ({detail}, {seconds} s)").format(
                    n=number, total=len(steps), title=title, detail=detail, seconds=seconds), file=self.out, flush=True)
        finally:
            from partnerdesk.services import data

            data.close_data()
        print(_("Self-test passed in {seconds} s.").format(
            seconds=format_number(time.perf_counter() - started, 1)), file=self.out, flush=True)
        return 0

    def _failed(self, number: int, total: int, title: str, reason: str) -> int:
        print(_("[{n}/{total}] {title}: FAILED. {reason}").format(n=number, total=total, title=title, reason=reason),
              file=self.out, flush=True)
        print(_("The self-test failed: this installation of PartnerDesk is incomplete or damaged. "
                "Reinstall it; your own data was not touched."), file=self.out, flush=True)
        return 1


def _qt_message(mode, context, message: str) -> None:
    """Qt's messages on stderr, less the offscreen platform's notes ("does not support
    propagateSizeHints()"), which are not the user's concern."""
    if "propagateSizeHints" not in message and sys.__stderr__ is not None:
        print(message, file=sys.__stderr__)


def run() -> int:
    """Run the self-test in a temporary folder, removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="partnerdesk-selftest-"))
    try:
        return SelfTest(root).run()
    finally:
        shutil.rmtree(root, ignore_errors=True)
