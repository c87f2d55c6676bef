"""Command line: the GUI by default, plus maintenance and data commands.

Each area adds a module here with `register(subparsers)` and lists it in
COMMANDS. Commands run headless: they never import PySide6.
"""

from __future__ import annotations

import argparse
import sys

from partnerdesk import __version__, app_mutex, i18n
from partnerdesk.cli import balance, dataio, exports, maintenance, partners, review
from partnerdesk.cli import meetings as meetings_cli
from partnerdesk.cli import projects as projects_cli

COMMANDS = [maintenance, partners, review, projects_cli, exports, dataio, balance, meetings_cli]


def build_parser() -> argparse.ArgumentParser:
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
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    app_mutex.hold()  # Windows: the installer waits for PartnerDesk to close
    if args.self_test:
        i18n.set_language(args.lang)
        from partnerdesk.selftest import run as self_test

        return self_test()
    if args.command is None:
        from partnerdesk.app import run_gui

        return run_gui(args)
    i18n.set_language(args.lang)
    return args.func(args)
