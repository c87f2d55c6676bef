"""Extract translatable strings and find the ones missing from the French catalogue.

    uv run python tests/tools/i18n.py              # list missing French entries
    uv run python tests/tools/i18n.py --add AREA   # append them, untranslated, to resources/locale/fr/AREA.po

Strings are the literal first arguments of `_()`, `N_()` and `ngettext()` calls
in `partnerdesk/`. Fill the `msgstr ""` of every added entry before committing:
the test suite fails on any missing, empty or fuzzy French entry.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "partnerdesk"
LOCALE = ROOT / "resources" / "locale"
FUNCTIONS = {"_", "N_", "ngettext"}


def extract(package: Path = PACKAGE) -> dict[str, list[str]]:
    """{message: [file:line, ...]}"""
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name not in FUNCTIONS:
                continue
            args = node.args[:2] if name == "ngettext" else node.args[:1]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    found.setdefault(arg.value, []).append(where)
    return found


def catalogue_entries(lang: str = "fr") -> dict[str, tuple[str, bool]]:
    """{msgid: (msgstr, fuzzy)} over every .po file of `lang`."""
    from babel.messages.pofile import read_po

    entries: dict[str, tuple[str, bool]] = {}
    for po in sorted((LOCALE / lang).glob("*.po")):
        with po.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id and isinstance(message.id, str):
                    entries[message.id] = (message.string or "", message.fuzzy)
    return entries


def problems(lang: str = "fr") -> dict[str, list[str]]:
    entries = catalogue_entries(lang)
    out: dict[str, list[str]] = {"missing": [], "empty": [], "fuzzy": []}
    for message in extract():
        if message not in entries:
            out["missing"].append(message)
        elif entries[message][1]:
            out["fuzzy"].append(message)
        elif not entries[message][0]:
            out["empty"].append(message)
    return out


def _po_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--add", metavar="AREA")
    args = parser.parse_args()
    found = extract()
    missing = problems()["missing"]
    for kind, items in problems().items():
        for item in items:
            print(f"{kind}: {item!r}  ({found[item][0]})")
    if args.add and missing:
        target = LOCALE / "fr" / f"{args.add}.po"
        new = not target.exists()
        with target.open("a", encoding="utf-8") as handle:
            if new:
                handle.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n')
            for message in missing:
                handle.write(f"\n#: {found[message][0]}\nmsgid {_po_quote(message)}\nmsgstr \"\"\n")
        print(f"added {len(missing)} entries to {target}")
    return 1 if any(problems().values()) else 0


if __name__ == "__main__":
    sys.exit(main())
