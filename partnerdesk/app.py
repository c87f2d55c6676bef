"""Composition root: args -> paths -> i18n -> store -> AppContext -> MainWindow."""

from __future__ import annotations

import logging
import shutil
import sys
import time

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from partnerdesk import __version__, i18n
from partnerdesk.lock import InstanceLock
from partnerdesk.logs import setup_logging
from partnerdesk.paths import APP_NAME, DataPaths, resolve_data_dir
from partnerdesk.services import data, demo
from partnerdesk.ui import language_menu, style
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.dialogs import startup
from partnerdesk.ui.errors import install_excepthook
from partnerdesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("")
    style.install(app)
    return app


def install_qt_translations(app: QApplication, lang: str) -> None:
    """Qt's own strings (Yes/No, Close...) in the chosen language."""
    if lang == "en":
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(lang), "qtbase", "_", folder):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))


def open_with_recovery(paths: DataPaths) -> bool:
    """Open the data; on a damaged database offer a backup. False when the user gave up."""
    try:
        data.open_data(paths)
        return True
    except data.StoreError as exc:
        log.error("database unusable: %s", exc)
        if not startup.offer_restore(paths, str(exc)):
            return False
    try:
        data.open_data(paths)
        return True
    except data.StoreError as exc:
        startup.offer_restore(paths, str(exc), ask=lambda _text: False)
        return False


def run_gui(args) -> int:
    started = time.perf_counter()
    app = make_application()
    lang = i18n.set_language(language_menu.chosen_language(QSettings(), args.lang))
    install_qt_translations(app, lang)

    paths = demo.temporary_folder() if args.demo else DataPaths(resolve_data_dir(args.data_dir)).ensure()
    setup_logging(paths.logs_dir)
    log.info("PartnerDesk %s starting on %s", __version__, paths.root)

    lock = InstanceLock(paths.lock_path)
    if not lock.acquire():
        startup.already_running(paths)
        return 1
    restart = False
    try:
        if not open_with_recovery(paths):
            return 1
        if args.demo:
            demo.fill("small", paths=paths)
        from partnerdesk.ui.main_window import MainWindow

        ctx = AppContext(
            paths=paths,
            tasks=TaskRunner(data.connection_context),
            settings=QSettings(),
            undo_stack=QUndoStack(),
            demo=args.demo,
        )
        window = MainWindow(ctx)
        install_excepthook(lambda: window)
        window.show()
        if args.exit_after_start:
            def report():
                print(f"started_in_ms={1000 * (time.perf_counter() - started):.1f}", flush=True)
                window.close()

            QTimer.singleShot(0, report)
        code = app.exec()
        restart = window.restart_requested
        return code
    finally:
        data.close_data()
        lock.release()
        if args.demo:
            shutil.rmtree(paths.root, ignore_errors=True)
        if restart:
            relaunch_after_language_change(args)


def relaunch_after_language_change(args) -> None:
    """Start again on the same data folder; the new language comes from the settings."""
    from partnerdesk.ui import relaunch

    extra = ["--demo"] if args.demo else []
    if args.data_dir:
        extra += ["--data-dir", str(args.data_dir)]
    relaunch.start(extra)
