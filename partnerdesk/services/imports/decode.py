"""Reading a file's bytes as text: size limits, binary files, encodings.

Spreadsheets and address books write UTF-8 with or without a BOM, UTF-16 with a
BOM (some Outlook versions), Windows-1252 (French Excel "CSV (séparateur:
point-virgule)"), Latin-9, Shift_JIS... A file that is not UTF-8 goes to the
detector of `charsets`: when it is not confident, the user chooses the encoding
from a preview (never silent mojibake).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from partnerdesk.i18n import _
from partnerdesk.services.imports import charsets
from partnerdesk.services.imports.errors import ImportFileError

MAX_FILE_BYTES = 200 * 1024 * 1024
_MAGIC = {
    b"PK\x03\x04": "zip",  # .xlsx, .ods, .docx, .zip
    b"\xd0\xcf\x11\xe0": "xls",
    b"%PDF": "pdf",
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"SQLite format 3": "sqlite",
    b"\x7fELF": "binary",
    b"MZ": "binary",
}


def read_bytes(path: Path) -> bytes:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(_("This file is too large to import ({size} MB, at most {limit} MB).").format(
                size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)))
        return path.read_bytes()
    except OSError as exc:
        raise ImportFileError(_("The file cannot be read: {reason}").format(reason=exc.strerror or exc)) from exc


def _binary_kind(raw: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            return kind
    sample = raw[:4096]
    if sample.count(0) > max(2, len(sample) // 100):  # a stray NUL in a value is text to clean, not binary
        return "binary"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    if sample and controls / len(sample) > 0.05:
        return "binary"
    return None


def check_binary(raw: bytes) -> None:
    """Raise ImportFileError for a spreadsheet, an archive, an image... rather than a text file."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _bomless_utf16(raw):
        return
    kind = _binary_kind(raw[len(codecs.BOM_UTF8):] if raw.startswith(codecs.BOM_UTF8) else raw)
    if kind == "zip":
        raise ImportFileError(_("This file is a spreadsheet or an archive that PartnerDesk cannot read (an Excel "
                                ".xlsx file, for instance). In your spreadsheet, use Save As → CSV or LibreOffice "
                                "(.ods), then import that file."))
    if kind is not None:
        raise ImportFileError(_("This file is not a text file (it looks like {kind}). "
                                "Choose a .csv or .vcf file.").format(kind=kind))


def unicode_encoding(raw: bytes) -> str | None:
    """"utf-16" / "utf-16-le" / "utf-16-be" for UTF-16 text (with or without BOM), else None."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return _bomless_utf16(raw)


def decode_text(raw: bytes, hint: str | None = None) -> charsets.Guess:
    """The text of the file. Raises ImportFileError for binary files."""
    check_binary(raw)
    utf16 = unicode_encoding(raw)
    if utf16:
        try:
            return charsets.Guess(utf16, raw.decode(utf16), True)
        except UnicodeDecodeError as exc:
            if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise ImportFileError(_("This file is not valid UTF-16 text.")) from exc
    if raw.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", raw[len(codecs.BOM_UTF8):]
    else:
        encoding, body = "utf-8", raw
    if hint and hint.replace("_", "-").lower() not in ("utf-8", "utf-8-sig"):
        return charsets.guess(body, hint)
    try:
        return charsets.Guess(encoding, body.decode("utf-8"), True)
    except UnicodeDecodeError as exc:
        if exc.start >= len(body) - 3 and _looks_utf8(body[:exc.start]):
            # a truncated file cut in the middle of a character: keep what is whole
            return charsets.Guess(encoding, body[:exc.start].decode("utf-8"), True)
    return charsets.guess(body, hint)


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding name) — the detector's best reading, even when it is not confident."""
    found = decode_text(raw)
    return found.text, found.encoding


def _looks_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _bomless_utf16(body: bytes) -> str | None:
    """UTF-16 without a byte order mark: every other byte of Latin text is zero."""
    sample = body[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None
