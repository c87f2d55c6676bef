"""Composition root: args -> paths -> i18n -> store -> AppContext -> MainWindow."""

from __future__ import annotations

import gc
import logging
import shutil
import sys
import time

import partnerdesk.ui  # noqa: F401 - first: PySide6 loads here, without its __feature__ import hook
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication

from partnerdesk import __version__, i18n
from partnerdesk.lock import InstanceLock
from partnerdesk.logs import setup_logging
from partnerdesk.paths import APP_NAME, DataPaths, resolve_data_dir, resource
from partnerdesk.services import data, health
from partnerdesk.ui import language_menu
from partnerdesk.ui.context import AppContext
from partnerdesk.ui.dialogs import startup
from partnerdesk.ui import integrity_watch, watchdog
from partnerdesk.ui.errors import install_excepthook
from partnerdesk.ui.first_paint import on_first_paint
from partnerdesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: The lists' queries wait for the window's first paint, or this long if it is never painted.
FIRST_PAINT_LIMIT_MS = 1000


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("")
    app.setDesktopFileName("fr.epn.PartnerDesk")  # Linux: the launcher's .desktop file and icon
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The PartnerDesk icon at every size drawn from resources/icons/partnerdesk.svg."""
    icon = QIcon()
    for png in sorted(resource("icons", "png").glob("partnerdesk-*.png")):
        icon.addFile(str(png))
    return icon


def install_qt_translations(app: QApplication, lang: str) -> None:
    """Qt's own strings (Yes/No, Close...) in the chosen language."""
    if lang == "en":
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(lang), "qtbase", "_", folder):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))


def open_with_recovery(paths: DataPaths) -> data.DataFolder | bool:
    """Open the data; on any start-up fault say what happened in a French dialog and offer what
    can be done (the newest good backup, read-only viewing). False when the user gave up."""
    try:
        # Only the header and schema are read here: the quick check runs while the window is built
        # (run_gui); the full check, the day's backup and the leftovers' cleaning (every photo
        # walked) in the background once the window is up.
        return data.open_data(paths, full_check=None, clean_leftovers=False, daily_backup=False)
    except data.DatabaseBusy:
        startup.already_running(paths)
        return False
    except data.NewerDatabaseError as exc:  # never opened: a backup would be as new, nothing to offer
        log.error("database from a newer version: %s", exc)
        startup.cannot_start(paths, str(exc))
        return False
    except data.DataUnusable as exc:
        log.error("database unusable at start: %s (%s)", exc.state.kind, exc.state.reason)
        if exc.state.read_only:
            return _open_read_only(paths) if startup.offer_read_only(paths, str(exc)) else False
        if not exc.state.needs_restore:  # locked by another program
            startup.cannot_start(paths, str(exc))
            return False
        if not startup.offer_restore(paths, str(exc)):
            return False
    except (data.StoreError, OSError) as exc:
        log.exception("data folder cannot be opened")
        startup.cannot_start(paths, startup.failure_text(exc))
        return False
    try:
        # Only the header and schema are read here: the full check, the day's backup and the
        # leftovers' cleaning (every photo walked) run in the background once the window is up.
        return data.open_data(paths, full_check=None, clean_leftovers=False, daily_backup=False)
    except (data.StoreError, OSError) as exc:
        log.exception("data folder cannot be opened after a restore")
        startup.cannot_start(paths, startup.failure_text(exc))
        return False


def _open_read_only(paths: DataPaths) -> data.DataFolder | bool:
    try:
        return data.open_data(paths, read_only=True)
    except (data.StoreError, OSError) as exc:
        log.exception("read-only opening failed")
        startup.cannot_start(paths, startup.failure_text(exc))
        return False


def _data_paths(args) -> DataPaths:
    if args.demo:
        from partnerdesk.services import demo  # the demo generators load only for --demo

        return demo.temporary_folder()
    paths = DataPaths(resolve_data_dir(args.data_dir))
    try:
        return paths.ensure()
    except OSError as exc:  # a read-only disk or folder: classified and explained when opening
        log.warning("data folder cannot be prepared: %s", exc)
        return paths


def _setup_logging(paths: DataPaths) -> None:
    try:
        setup_logging(paths.logs_dir)
    except OSError:  # read-only folder or full disk: log nowhere rather than not start
        setup_logging(None)


def run_gui(args, quick: health.QuickCheck | None = None) -> int:
    """The window's life; `quick` is the quick check started before Qt was imported (`cli.main`)."""
    started = time.perf_counter()
    app = make_application()
    install_excepthook(lambda: None)  # before anything else can fail: no traceback ever reaches the user
    lang = i18n.set_language(language_menu.chosen_language(QSettings(), args.lang))
    install_qt_translations(app, lang)

    paths = _data_paths(args)
    _setup_logging(paths)
    log.info("PartnerDesk %s starting on %s", __version__, paths.root)

    lock = InstanceLock(paths.lock_path)
    try:
        locked = lock.acquire()
    except OSError:  # the lock file cannot be created: a read-only folder, opened read-only below
        locked = None
    if locked is False:
        startup.already_running(paths)
        return 1
    restart = False
    ctx = None
    try:
        folder = open_with_recovery(paths)
        if not folder:
            return 1
        if folder.read_only:
            quick = None
        elif quick is None or quick.db_path != paths.db_path:  # `cli.main` starts it before Qt is imported
            quick = health.QuickCheck(paths.db_path)
        if args.demo:
            from partnerdesk.services import demo

            demo.fill("small", paths=paths)
        from partnerdesk.ui.main_window import MainWindow

        ctx = AppContext(
            paths=paths,
            tasks=TaskRunner(data.connection_context),
            settings=QSettings(),
            undo_stack=QUndoStack(),
            demo=args.demo,
        )
        ctx.tasks.hold()  # the lists' queries start once the window is painted (on_first_paint below)
        window = MainWindow(ctx)
        window.watchdog = watchdog.from_settings(ctx.settings)  # PARTNERDESK_WATCHDOG=1|debug
        install_excepthook(lambda: window)
        startup.show_folder_notices(window, folder)
        if quick is not None and not integrity_watch.before_window_shown(window, paths, quick):
            return 1
        show_main_window(window, ctx)
        after_window_shown(window, ctx, paths, folder)
        if args.exit_after_start:
            from partnerdesk.ui import startup_report

            startup_report.install(window, started)  # prints when painted and usable, then quits
        code = app.exec()
        restart = window.restart_requested
        return code
    finally:
        if ctx is not None:  # a backup or check under way finishes before the data is closed; nothing
            ctx.tasks.shutdown()  # starts after (a timer firing late would open whatever data is open)
        data.close_data()
        lock.release()
        if args.demo:
            shutil.rmtree(paths.root, ignore_errors=True)
        if restart:
            relaunch_after_language_change(args)


def show_main_window(window, ctx: AppContext) -> None:
    """Show the window; the queries its lists asked for while it was built (held since
    `ctx.tasks.hold()`) start once it is painted; the review banner, counted meanwhile, is in
    place before. (`tests/perf/bench_day.py` shows it the same way.)"""
    window.review_banner.settle()
    on_first_paint(window, ctx.tasks.release, limit_ms=FIRST_PAINT_LIMIT_MS)  # before show(): never missed
    window.show()


def after_window_shown(window, ctx: AppContext, paths: DataPaths, folder) -> None:
    """What follows the window's show at every start, once the lists on show are filled: the
    full check, the day's backup and the cleaning (not on a read-only folder), Babel's data
    loaded in a worker, the garbage collector back on. (`tests/perf/bench_day.py` starts the
    same way.)"""
    if not folder.read_only:
        integrity_watch.after_window_shown(window, paths, folder, delay_ms=integrity_watch.UPKEEP_DELAY_MS)
    ctx.tasks.when_idle(lambda: _warm_up(ctx), after_ms=integrity_watch.UPKEEP_DELAY_MS)
    ctx.tasks.when_idle(_collector_back_on)


def _collector_back_on() -> None:
    """The garbage collector, off while starting (`python -m partnerdesk`, `cli.main`: a tenth
    fewer instructions in the imports), is switched back on once the lists on show are filled;
    what start-up made is kept out of its way (`gc.freeze`): later collections walk less."""
    from partnerdesk.ui.collector import keep_out_of_the_collector

    keep_out_of_the_collector(collect_young=False)
    gc.enable()


def _warm_up(ctx: AppContext) -> None:
    """Babel's formatting data (money, numbers: a tenth of a second on first use), loaded in a
    worker once the lists on show are filled, so that no list pays it on the GUI thread."""
    ctx.tasks.run(lambda _handle: i18n.warm_up()).awaited = False


def relaunch_after_language_change(args) -> None:
    """Start again on the same data folder; the new language comes from the settings."""
    from partnerdesk.ui import relaunch

    extra = ["--demo"] if args.demo else []
    if args.data_dir:
        extra += ["--data-dir", str(args.data_dir)]
    relaunch.start(extra)
