"""Translation and locale-aware formatting.

Source strings are English and wrapped in `_()`; `N_()` marks a string for
extraction without translating it (for module-level constants, translated
later with `_()` at display time).

Catalogues are plain gettext `.po` files under `resources/locale/<lang>/`,
one file per area of the application (`partners.po`, `projects.po`...), all
merged at load. Splitting by area keeps parallel work from colliding in one
huge file; a test fails on any string used in the code that lacks a
non-fuzzy French entry.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import locale as _locale
import marshal
import os
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from decimal import Decimal
from pathlib import Path

from partnerdesk.domain import amounts
from partnerdesk.paths import platform_cache_dir, resource

SUPPORTED = ("fr", "en")
DEFAULT = "fr"

_catalog: dict[str, str] = {}
_language = "en"
#: the language of the document being written in this thread (None: the interface language).
#: A context variable: a worker thread exporting a document never changes what the GUI shows.
_document: ContextVar[tuple[str, dict[str, str]] | None] = ContextVar("document_language", default=None)


def N_(message: str) -> str:
    """Mark for translation; translate later with `_()`."""
    return message


def _active() -> tuple[str, dict[str, str]]:
    override = _document.get()
    return override if override is not None else (_language, _catalog)


def _(message: str) -> str:
    return _active()[1].get(message, message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Singular for 1 in English; for 0 and 1 in French ("0 fiche à vérifier")."""
    one = abs(n) < 2 if _active()[0] == "fr" else n == 1
    return _(singular if one else plural)


def language() -> str:
    return _active()[0]


@lru_cache(maxsize=4)
def _cached_catalog(lang: str) -> dict[str, str]:
    """The catalogue of documents: in French, with typographic apostrophes ("l’EPN")."""
    if lang == "en":
        return {}
    from partnerdesk.domain.grammar import typographic

    return {source: typographic(target) for source, target in load_catalog(lang).items()}


@contextmanager
def document_language(lang: str = "fr") -> Iterator[str]:
    """Write a document in `lang` (French by default) whatever the interface language:
    `_`, `ngettext` and the formatting functions follow it inside the block, in this thread
    (or task) only; the global catalogue the GUI uses is never swapped."""
    lang = lang if lang in SUPPORTED else DEFAULT
    token = _document.set((lang, _cached_catalog(lang)))
    try:
        yield lang
    finally:
        _document.reset(token)


def babel_locale() -> str:
    return "fr_FR" if language() == "fr" else "en_GB"


def detect_language(environ: dict[str, str] | None = None) -> str:
    """French when the system locale is French, English otherwise."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if code in SUPPORTED else "en"
    if environ is None:
        try:
            code = (_locale.getlocale()[0] or "").split("_")[0].lower()
        except ValueError:
            code = ""
        if code in SUPPORTED:
            return code
    return "en"


def load_catalog(lang: str, locale_dir: Path | None = None, cache_dir: Path | None = None) -> dict[str, str]:
    """Merge every `.po` file of `lang` into one dict; fuzzy entries are ignored.

    Parsing the catalogues takes a twentieth of a second at every start; the merged dict is
    kept compiled (marshal) in the user's cache folder under a name made of the `.po` files'
    CRC-32 and lengths, so a changed catalogue is never served stale; an unreadable or
    unwritable cache, or no home folder at all, only costs the parsing."""
    folder = (locale_dir or resource("locale")) / lang
    if not folder.is_dir():
        return {}
    sources = [(po.name, po.read_bytes()) for po in sorted(folder.glob("*.po"))]
    key = 0  # CRC-32 and length of every file, chained (hashlib would load OpenSSL at every start)
    for name, content in sources:
        key = zlib.crc32(content, zlib.crc32(f"{name}:{len(content)}".encode(), key))
    size = sum(len(content) for _name, content in sources)
    try:
        cached = (cache_dir or platform_cache_dir()) / f"catalog-{lang}-{key:08x}{size:08x}.marshal"
    except (RuntimeError, KeyError):  # no home folder (a service account): parsed every time
        return _parse_catalogues(lang, sources)
    try:
        merged = marshal.loads(cached.read_bytes())
        if isinstance(merged, dict):
            return merged
    except (OSError, EOFError, ValueError, TypeError):
        pass
    merged = _parse_catalogues(lang, sources)
    _write_cache(cached, merged)
    return merged


def _parse_catalogues(lang: str, sources: list[tuple[str, bytes]]) -> dict[str, str]:
    from babel.messages.pofile import read_po  # Babel is imported only when a catalogue changed

    merged: dict[str, str] = {}
    for _name, content in sources:
        catalog = read_po(io.BytesIO(content), locale=lang)
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            if isinstance(message.id, tuple):
                for source, target in zip(message.id, message.string):
                    if target:
                        merged[source] = target
            elif message.string:
                merged[message.id] = message.string
    return merged


def _write_cache(cached: Path, merged: dict[str, str]) -> None:
    """Atomically (a half-written file is never read as a catalogue); older ones removed."""
    tmp = cached.with_name(f"{cached.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(merged))
        os.replace(tmp, cached)
        prefix = cached.name.rsplit("-", 1)[0] + "-"
        for old in cached.parent.glob(prefix + "*.marshal"):
            if old != cached:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only or full disk: parsed again next time
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def set_language(lang: str | None) -> str:
    """Activate `lang` ('fr' or 'en'); None detects it from the environment."""
    global _catalog, _language
    lang = (lang or detect_language()).lower()
    if lang not in SUPPORTED:
        lang = "en"
    _language = lang
    _catalog = load_catalog(lang) if lang != "en" else {}
    return lang


# --- formatting -------------------------------------------------------------

def format_date(value: dt.date | None) -> str:
    """22/11/2026 in French; empty for None."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if language() == "fr":
        return value.strftime("%d/%m/%Y")
    return _babel_date(value, babel_locale())


def format_long_date(value: dt.date) -> str:
    """Dates in words in documents: "1er décembre 2026" in French, the usual date otherwise."""
    if language() == "fr":
        from partnerdesk.domain.grammar import day_month_year

        return day_month_year(value)
    return format_date(value)


def format_full_date(value: dt.date) -> str:
    """The day with its weekday, for documents: "dimanche 1er novembre 2026", "Sunday, November 1, 2026"."""
    if language() == "fr":
        from partnerdesk.domain.grammar import weekday_date

        return weekday_date(value)
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format="full", locale=babel_locale())


@lru_cache(maxsize=4096)
def _babel_date(value: dt.date, locale: str) -> str:
    """Babel reads its locale data on every call: lists show the same dates again and again."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format="medium", locale=locale)


def format_time(hhmm: str) -> str:
    """A stored time "14:30" as documents write it: "14 h 30" ("14 h" on the hour) in French,
    "14:30" otherwise; text that is no time is kept as it is."""
    hour, sep, minute = (hhmm or "").strip().partition(":")
    if language() != "fr" or not sep or not (hour.isascii() and hour.isdigit() and minute.isascii()
                                             and minute.isdigit()):
        return (hhmm or "").strip()
    return f"{int(hour)}\u00a0h" + (f"\u00a0{minute}" if int(minute) else "")


def format_hours(start: str, end: str) -> str:
    """A time slot: "14 h – 16 h 30" in French, "14:00–16:30" otherwise; one end alone is that time."""
    times = [format_time(t) for t in (start, end) if (t or "").strip()]
    return ("\u00a0– " if language() == "fr" else "–").join(times)


def format_datetime(value: dt.datetime | None, *, seconds: bool = False) -> str:
    if value is None:
        return ""
    if language() == "fr":
        return value.strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")
    from babel.dates import format_datetime as babel_format_datetime

    return babel_format_datetime(value, format="medium" if seconds else "short", locale=babel_locale())


def format_money(amount: float | Decimal | int | None) -> str:
    """1 234,50 € in French; a stored figure that is no amount (inf, 1e300, from an older version or
    an import) is said to be invalid rather than failing the page."""
    if amount is None:
        return ""
    if not amounts.printable(float(amount)):
        return _("invalid amount")
    return _babel_money(amount, babel_locale())


@lru_cache(maxsize=4096)
def _babel_money(amount, locale: str) -> str:
    """Cached like dates: a board or a budget paints the same amounts on every repaint."""
    from babel.numbers import format_currency

    return format_currency(amount, "EUR", locale=locale)


def format_number(value: float | int, decimals: int = 0) -> str:
    """1 234,5; a stored figure that cannot be one (inf, 1e300) is "—"."""
    if not amounts.printable(float(value)):
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale=babel_locale())


def format_percent(ratio: float | None) -> str:
    if ratio is None:
        return "—"
    return format_number(ratio * 100, 0) + (" %" if language() == "fr" else "%")


def parse_date(text: str) -> dt.date | None:
    """Parse 22/11/2026, 22/11/26, 2026-11-22; None when empty; ValueError when junk."""
    text = (text or "").strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def month_name(month: int) -> str:
    from babel import Locale

    return Locale.parse(babel_locale()).months["format"]["wide"][month]


def warm_up() -> None:
    """Load the formatting data of the interface language (Babel reads its locale files on first
    use: a tenth of a second). The window calls it from a worker at start, so that the first
    list painted does not pay it on the GUI thread."""
    today = dt.date.today()
    format_date(today)
    format_money(1234.5)
    format_number(1234)
