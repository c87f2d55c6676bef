"""Linux: shrink the bundled ICU data (libicudata, 31 MB) to French, English and the root data.

Qt's ICU library carries every language's locale, collation, currency, zone and unit names,
and the legacy code pages. PartnerDesk needs French and English, and Qt only a few ICU services (see
UNUSED_TREES): this rebuilds `libicudata.so.NN` with the same exported symbol (`icudtNN_dat`)
holding only the French, English and root data of those (about 4 MB).

Tools: objcopy, as, ld (binutils, which PyInstaller needs anyway) and icupkg (icu-devtools).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

KEPT_LANGUAGES = ("fr", "en")
_LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(?:_(?:[A-Z0-9][A-Za-z0-9]*)?)*\.res$")  # de, de_AT, zh_Hant_HK, coll/de__PHONEBOOK
TOOLS = ("nm", "objcopy", "as", "ld", "icupkg")


class IcuError(Exception):
    pass


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


# What Qt 6 calls in ICU (nm -D --undefined-only libQt6Core.so.6): case mapping, collation
# (ucol_*: coll/), time-zone names (ucal_*: zone/, region/), code converters (ucnv_*; only the
# algorithmic UTF and Latin-1 ones matter here). No break iteration, number, currency, unit,
# language-name, spell-out or transliteration API: those trees go entirely.
UNUSED_TREES = ("brkitr", "rbnf", "translit", "curr", "unit", "lang")


def removable(item: str) -> bool:
    """An item of the ICU package (e.g. "coll/de.res") PartnerDesk never needs."""
    parts = item.split("/")
    name = parts[-1]
    if (len(parts) > 1 and parts[0] in UNUSED_TREES) or name.endswith((".cnv", ".dict")):
        return True
    match = _LOCALE_ITEM.match(name)
    return bool(match) and match.group(1) not in KEPT_LANGUAGES


def _run(*cmd: str, cwd: Path) -> str:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise IcuError(f"{' '.join(cmd)}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def shrink(library: Path) -> tuple[int, int]:
    """Rebuild `library` (libicudata.so.NN) in place; return its size before and after."""
    missing = missing_tools()
    if missing:
        raise IcuError("missing tools: " + ", ".join(missing) + " (apt-get install binutils icu-devtools)")
    before = library.stat().st_size
    soname = library.name
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        symbols = _run("nm", "-D", "--defined-only", str(library), cwd=work)
        found = re.search(r"\b(icudt(\d+)_dat)\b", symbols)
        if not found:
            raise IcuError(f"{library}: no icudtNN_dat symbol")
        symbol, major = found.group(1), found.group(2)
        package = f"icudt{major}l"  # the item prefix inside the data: little-endian package
        (work / "in").mkdir()
        (work / "out").mkdir()
        _run("objcopy", "-O", "binary", "--only-section=.rodata", str(library), f"in/{package}.dat", cwd=work)
        items = _run("icupkg", "-l", f"in/{package}.dat", cwd=work).split()
        if not items:
            raise IcuError(f"{library}: the ICU data is empty or unreadable")
        (work / "remove.txt").write_text("\n".join(i for i in items if removable(i)) + "\n")
        _run("icupkg", "-r", "remove.txt", f"in/{package}.dat", f"out/{package}.dat", cwd=work)
        (work / "data.s").write_text(
            f"    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n    .balign 16\n"
            f"{symbol}:\n    .incbin \"out/{package}.dat\"\n    .size {symbol}, . - {symbol}\n"
            "    .section .note.GNU-stack,\"\",@progbits\n")
        _run("as", "-o", "data.o", "data.s", cwd=work)
        _run("ld", "-shared", "-soname", soname, "-o", soname, "data.o", cwd=work)
        shutil.copyfile(work / soname, library)
    return before, library.stat().st_size


def shrink_bundle(bundle: Path) -> tuple[int, int] | None:
    """Shrink the libicudata of a one-folder bundle; None when it has none (Windows, macOS)."""
    found = sorted(bundle.rglob("libicudata.so.*"))
    if not found:
        return None
    return shrink(found[0])
