"""Command line: the GUI by default, plus maintenance and data commands.

Each area adds a module here with `register(subparsers)` and lists it in
COMMANDS. Commands run headless: they never import PySide6.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys

from partnerdesk import __version__, app_mutex, i18n

#: the modules of `partnerdesk.cli` that add commands (each has `register(subparsers)`)
COMMANDS = ("maintenance", "partners", "review", "projects", "exports", "dataio", "balance", "meetings")
_OPTIONS_WITH_VALUE = ("--data-dir", "--lang")


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `commands=False` leaves the commands out (their modules, and
    the services they import, are then not loaded: the window's start)."""
    parser = argparse.ArgumentParser(prog="partnerdesk", description="PartnerDesk: the partnerships of an EPN.")
    parser.add_argument("--version", action="version", version=f"PartnerDesk {__version__}")
    parser.add_argument("--data-dir", help="data folder (default: $PARTNERDESK_DATA_DIR, then the per-user folder)")
    parser.add_argument("--lang", choices=i18n.SUPPORTED, help="interface language (default: the system's)")
    parser.add_argument("--demo", action="store_true",
                        help="open the app on a throw-away copy filled with demonstration data")
    parser.add_argument("--exit-after-start", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation in a throw-away data folder (your data is not touched)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if commands:
        for name in COMMANDS:
            importlib.import_module(f"partnerdesk.cli.{name}").register(sub)
    return parser


def names_a_command(argv: list[str]) -> bool:
    """Whether `argv` holds anything but the global options (a command, a typo, --help): only
    then are the commands loaded. Never wrong the costly way: any word that is not an
    option's value counts."""
    tokens = iter(argv)
    for token in tokens:
        if token in _OPTIONS_WITH_VALUE:
            next(tokens, None)
        elif token in ("-h", "--help") or not token.startswith("-"):
            return True
    return False


def _quick_check_early(args):
    """SQLite's quick check of the data, started before Qt is imported (it runs in a thread while
    PySide6 loads and the window is built; `app.run_gui` waits for it before showing the window)."""
    if args.demo:
        return None
    from partnerdesk.paths import DataPaths, resolve_data_dir
    from partnerdesk.services.health import QuickCheck

    try:
        return QuickCheck(DataPaths(resolve_data_dir(args.data_dir)).db_path)
    except (OSError, RuntimeError):  # no home folder, say: run_gui starts it after opening the data
        return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    commands = names_a_command(argv)
    if commands:
        gc.enable()  # a command may allocate a lot: the collector on (`python -m` started without it)
    else:
        gc.disable()  # the window's start: back on once its lists are filled (app.run_gui)
    args = build_parser(commands=commands).parse_args(argv)
    app_mutex.hold()  # Windows: the installer waits for PartnerDesk to close
    if args.self_test:
        gc.enable()
        i18n.set_language(args.lang)
        from partnerdesk.selftest import run as self_test

        return self_test()
    if args.command is None:
        quick = _quick_check_early(args)
        from partnerdesk.app import run_gui  # PySide6 loads here, beside the quick check

        try:
            return run_gui(args, quick)
        finally:
            gc.enable()
    i18n.set_language(args.lang)
    return args.func(args)
