"""Start-up imports only what it needs (issue #15).

Each check runs in a fresh interpreter and lists the modules it ended up importing:
- the main window, built and shown, never imports ReportLab, odfpy, Pillow or the
  PDF renderers (`partnerdesk.export`): they load with the first export;
- `partnerdesk --version` imports neither Qt, nor peewee, nor ReportLab;
- `partnerdesk find` imports neither Qt nor ReportLab.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

HEAVY_EXPORT = ("reportlab", "odf", "PIL", "pypdf", "partnerdesk.export")


def _modules_after(code: str, tmp_path) -> set[str]:
    script = textwrap.dedent(code) + textwrap.dedent("""
        import json, sys
        print("MODULES=" + json.dumps(sorted(sys.modules)))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PARTNERDESK_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("MODULES="))
    return set(json.loads(line.removeprefix("MODULES=")))


def _loaded(modules: set[str], roots) -> list[str]:
    return sorted(m for m in modules if any(m == r or m.startswith(r + ".") for r in roots))


#: A fresh interpreter with the main window built and shown on the data folder of the test;
#: `{then}` is what the test does with it before the window closes.
WINDOW_SCRIPT = """
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
{then}
app.processEvents()
ctx.tasks.wait(10000)
app.processEvents()
window.close()
data.close_data()
"""


def test_main_window_start_imports_no_export_stack(tmp_path):
    modules = _modules_after(WINDOW_SCRIPT.format(then=""), tmp_path)
    assert "partnerdesk.ui.main_window" in modules
    assert _loaded(modules, HEAVY_EXPORT) == []


def test_version_imports_neither_qt_nor_store(tmp_path):
    modules = _modules_after("""
        from partnerdesk.cli import main
        try:
            main(["--version"])
        except SystemExit:
            pass
    """, tmp_path)
    assert _loaded(modules, ("PySide6", "peewee", "babel", *HEAVY_EXPORT)) == []


def test_find_imports_neither_qt_nor_export_stack(tmp_path):
    modules = _modules_after("""
        from partnerdesk.cli import main
        main(["find", "mairie"])
    """, tmp_path)
    assert "partnerdesk.services.search" in modules
    assert _loaded(modules, ("PySide6", *HEAVY_EXPORT)) == []


def test_parser_choices_match_the_services():
    """The CLI names these choices itself so that building the parser imports no service."""
    from partnerdesk.cli import dataio, exports, maintenance
    from partnerdesk.services import demo, documents
    from partnerdesk.services.exports import files

    assert set(maintenance.DEMO_SIZES) == set(demo.SIZES)
    assert tuple(exports.DOCUMENTS) == tuple(documents.KINDS)
    assert set(dataio.LISTS) == set(files.KINDS)


def test_the_window_start_loads_no_command(tmp_path):
    """`partnerdesk` with only global options builds a parser without the commands: their
    modules (and the services they import) are not loaded for the window."""
    modules = _modules_after("""
        import os
        from partnerdesk.cli import main
        assert main(["--data-dir", os.environ["PARTNERDESK_DATA_DIR"], "--lang", "fr", "--exit-after-start"]) == 0
    """, tmp_path)
    assert "partnerdesk.ui.main_window" in modules
    assert _loaded(modules, [f"partnerdesk.cli.{name}" for name in ("projects", "balance", "meetings", "review")]) == []


def test_only_a_command_or_help_loads_the_commands():
    from partnerdesk.cli import build_parser, names_a_command

    assert not names_a_command([])
    assert not names_a_command(["--data-dir", "find", "--lang", "fr", "--demo", "--exit-after-start"])
    assert not names_a_command(["--data-dir=/x", "--lang=fr", "--version", "--self-test"])
    assert names_a_command(["find", "mairie"])
    assert names_a_command(["--data-dir", "/x", "check"])
    assert names_a_command(["--help"]) and names_a_command(["-h"])
    assert names_a_command(["fnid"])  # a typo: argparse names it, with the commands listed
    help_text = build_parser().format_help()
    assert "find" in help_text and "backup" in help_text


def test_the_collector_is_off_while_starting_and_back_on_after(tmp_path):
    """`python -m partnerdesk` starts without the garbage collector; the window switches it back
    on (with start-up's objects frozen out of its way) once its lists are filled; a command runs
    with it on."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PARTNERDESK_DATA_DIR=str(tmp_path / "data"))
    probe = textwrap.dedent("""
        import gc, runpy, sys
        from partnerdesk.ui import startup_report
        seen = {}
        real = startup_report.StartupReport._usable
        def usable(self):
            seen["at start"] = gc.isenabled()
            real(self)
        startup_report.StartupReport._usable = usable
        from partnerdesk.ui.main_window import MainWindow
        real_show = MainWindow.show
        def show(self):
            seen["building"] = gc.isenabled()
            real_show(self)
        MainWindow.show = show
        from partnerdesk import app
        real_on = app._collector_back_on
        walks = []
        def back_on():
            # every collection it runs starts once start-up's objects are frozen (nothing to walk)
            gc.callbacks.append(lambda phase, info: phase == "start" and walks.append(gc.get_freeze_count()))
            real_on()
            gc.callbacks.clear()
            seen["frozen"] = gc.get_freeze_count() > 0 and all(walks)
        app._collector_back_on = back_on
        sys.argv = ["partnerdesk", "--exit-after-start"]
        try:
            runpy.run_module("partnerdesk", run_name="__main__")
        except SystemExit:
            pass
        print("SEEN", seen["building"], seen["at start"], seen.get("frozen"), gc.isenabled())
    """)
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    assert "SEEN" in out.stdout, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith("SEEN"))
    # off while the window was built, on once its lists were filled (the report comes after),
    # start-up's objects frozen without walking them first (55,000 young objects: 20 ms), on at exit
    assert line == "SEEN False True True True"


def test_a_command_runs_with_the_collector_on(tmp_path):
    modules = _modules_after("""
        import gc
        gc.disable()  # as `python -m partnerdesk` starts
        from partnerdesk.cli import main
        main(["find", "mairie"])
        assert gc.isenabled()
    """, tmp_path)
    assert "partnerdesk.services.search" in modules


def test_the_quick_check_starts_before_qt_is_imported(tmp_path):
    """It runs in a thread while PySide6 loads (SQLite does not hold the interpreter)."""
    modules = _modules_after("""
        import os, sys
        from partnerdesk.services import health
        seen = []
        real = health.QuickCheck.__init__
        def started(self, db_path):
            seen.append(any(m.startswith("PySide6") for m in sys.modules))
            real(self, db_path)
        health.QuickCheck.__init__ = started
        from partnerdesk.cli import main
        assert main(["--data-dir", os.environ["PARTNERDESK_DATA_DIR"], "--exit-after-start"]) == 0
        assert seen[0] is False, seen
    """, tmp_path)
    assert "PySide6.QtWidgets" in modules


def test_no_module_asks_for_a_pyside_feature():
    """`partnerdesk.ui` takes PySide6's `__feature__` import hook out of `import` (10 ms of each
    start): no module may then rely on `from __feature__ import snake_case / true_property`."""
    import re

    import partnerdesk

    root = Path(partnerdesk.__file__).parent
    asks = re.compile(r"^\s*(from __feature__ import|import __feature__)", re.MULTILINE)
    users = [str(path.relative_to(root)) for path in root.rglob("*.py") if asks.search(path.read_text("utf-8"))]
    assert users == []


def test_importing_the_ui_skips_the_feature_hook_and_imports_still_work(tmp_path):
    modules = _modules_after("""
        import builtins
        import partnerdesk.ui
        assert getattr(builtins, "__feature_import__", None) is not builtins.__import__
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel("À faire")
        assert label.text() == "À faire" and label.sizeHint().width() > 0
        import json, partnerdesk.ui.style
    """, tmp_path)
    assert "partnerdesk.ui.style" in modules
