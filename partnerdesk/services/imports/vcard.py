"""vCard 2.1, 3.0 and 4.0: folding, quoted-printable, escapes, photos.

One or many cards per file. A card the parser cannot use is refused with its
line number; a photo too large, unreadable or online is left out with a
warning, the card itself is kept. Photos come in without consent.
"""

from __future__ import annotations

import base64
import binascii
import io
import quopri
import re
import urllib.parse
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.domain.grammar import of
from partnerdesk.domain.dataio import MAX_PHOTO_BYTES, Contact, Refusal
from partnerdesk.i18n import _
from partnerdesk.services.imports.errors import ImportFileError

MAX_CARDS = 100_000
_IMAGE_MAGIC = {b"\xff\xd8\xff": "jpg", b"\x89PNG": "png", b"GIF8": "gif", b"RIFF": "webp", b"BM": "bmp"}


@dataclass
class Property:
    name: str
    params: dict[str, list[str]]
    value: str
    line: int
    group: str = ""

    def param(self, key: str) -> list[str]:
        return self.params.get(key, [])

    @property
    def types(self) -> set[str]:
        return {t.lower() for t in self.param("TYPE")}


@dataclass
class VcardResult:
    contacts: list[Contact] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    versions: set[str] = field(default_factory=set)


def looks_like_vcard(text: str) -> bool:
    return re.search(r"^\s*BEGIN:VCARD\s*$", text[:65536], re.IGNORECASE | re.MULTILINE) is not None


def _split_outside_quotes(text: str, sep: str) -> list[str]:
    parts, current, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _first_colon(line: str) -> int:
    """Index of the first ":" outside double quotes (the end of name and parameters), or -1."""
    quoted = False
    for index, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return index
    return -1


def parse_line(line: str, number: int) -> Property | None:
    colon = _first_colon(line)
    if colon < 0:
        return None
    head, value = line[:colon], line[colon + 1:]
    tokens = _split_outside_quotes(head, ";")
    group, _dot, name = tokens[0].strip().upper().rpartition(".")  # "item1.URL": group item1
    params: dict[str, list[str]] = {}
    for token in tokens[1:]:
        if "=" in token:
            key, _sep, raw = token.partition("=")
            values = [v.strip().strip('"') for v in _split_outside_quotes(raw, ",")]
            params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
        elif token.strip():
            bare = token.strip().upper()  # vCard 2.1: ;WORK;QUOTED-PRINTABLE
            key = "ENCODING" if bare in {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"} else "TYPE"
            params.setdefault(key, []).append(bare)
    return Property(name, params, value, number, group)


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfold: continuation lines start with a space or a tab; quoted-printable
    lines ending with "=" continue on the next line. Linear in the size of the
    file (a 20 MB photo is thousands of folded lines)."""
    out: list[tuple[int, str]] = []
    start, pieces, qp = 0, [], False

    def flush():
        if pieces:
            out.append((start, "".join(pieces)))

    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        qp_open = qp and pieces[-1].endswith("=")
        folded = raw[:1] in (" ", "\t") and not raw.strip().upper().startswith("END:VCARD")
        if pieces and qp_open:
            pieces[-1] = pieces[-1][:-1]
            pieces.append(raw.lstrip())
        elif pieces and folded:
            pieces.append(raw[1:])
        else:
            flush()
            start, pieces = number, [raw]
            qp = "QUOTED-PRINTABLE" in raw.split(":", 1)[0].upper()
    flush()
    return out


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _components(value: str) -> list[str]:
    """Split a structured value (N, ADR, ORG) on unescaped ";"."""
    return [_unescape(p).strip() for p in re.split(r"(?<!\\);", value)]


def _text(prop: Property) -> str:
    encoding = {e.upper() for e in prop.param("ENCODING")}
    if "QUOTED-PRINTABLE" in encoding:
        raw = quopri.decodestring(prop.value.encode("latin-1", "replace"))
        charset = (prop.param("CHARSET") or ["utf-8"])[0]
        raw = raw.replace(b"\r\n", b"\n")
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                from partnerdesk.services.imports.charsets import guess

                return guess(raw).text
    return prop.value


def parse(text: str, base_dir: Path | None = None) -> VcardResult:
    if not looks_like_vcard(text):
        raise ImportFileError(_("This file holds no vCard (no BEGIN:VCARD line)."))
    return parse_lines(_logical_lines(text), base_dir)


def parse_lines(lines: list[tuple[int, str]], base_dir: Path | None = None) -> VcardResult:
    """Cards from unfolded lines (see `vcard_bytes` for lines read from bytes)."""
    result = VcardResult()
    card: list[Property] | None = None
    start = 0
    for number, line in lines:
        stripped = line.strip()
        upper = stripped.upper()
        if upper == "BEGIN:VCARD":
            if card is not None:
                result.refused.append(Refusal(start, _("This card has no END:VCARD line.")))
            card, start = [], number
            continue
        if card is None:
            continue
        if upper == "END:VCARD":
            from partnerdesk.services.imports.vcard_card import finish

            finish(card, start, result, base_dir)
            card = None
            if len(result.contacts) > MAX_CARDS:
                raise ImportFileError(_("This file has more than {limit} cards. Split it into several files "
                                        "and import them one after the other.").format(limit=f"{MAX_CARDS:,}"))
            continue
        if stripped:
            prop = parse_line(line, number)
            if prop is None:
                continue
            card.append(prop)
    if card is not None:
        result.refused.append(Refusal(start, _("This card is incomplete: the file seems truncated.")))
    return result


def _too_large(size: int, who: str, result: VcardResult) -> bool:
    if size > MAX_PHOTO_BYTES:
        result.warnings.append(_("The photo of {who} is too large ({size} MB, at most {limit} MB): left out.")
                               .format(who=who, of_who=of(who), size=size // (1024 * 1024), limit=MAX_PHOTO_BYTES // (1024 * 1024)))
        return True
    return False


def _b64(payload: str, who: str, result: VcardResult) -> bytes | None:
    compact = re.sub(r"\s+", "", payload)
    if _too_large(len(compact) * 3 // 4, who, result):
        return None
    try:
        return base64.b64decode(compact + "=" * (-len(compact) % 4))
    except (binascii.Error, ValueError):
        result.warnings.append(_("The photo of {who} is damaged: left out.").format(who=who, of_who=of(who)))
        return None


def _linked(value: str, who: str, result: VcardResult, base_dir: Path | None) -> bytes | None:
    if value.lower().startswith(("http://", "https://")):
        result.warnings.append(_("The photo of {who} is a link to a web page ({url}): PartnerDesk works "
                                 "offline and did not download it.").format(who=who, of_who=of(who), url=value[:100]))
        return None
    path = Path(urllib.parse.unquote(urllib.parse.urlparse(value).path)) if value.lower().startswith("file:") \
        else Path(value)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    try:
        if not path.is_file():
            raise FileNotFoundError(value)
        if _too_large(path.stat().st_size, who, result):
            return None
        return path.read_bytes()
    except (OSError, ValueError):
        result.warnings.append(_("The photo of {who} links to a file that cannot be found ({path}): left out.")
                               .format(who=who, of_who=of(who), path=value[:100]))
        return None


def image_problem(data: bytes) -> tuple[str, str]:
    """(file extension, "") for an image the photo store will take, or ("", reason) (translated)."""
    from PIL import Image

    from partnerdesk.services import photos

    ext = next((e for magic, e in _IMAGE_MAGIC.items() if data.startswith(magic)), None)
    if data[4:8] == b"ftyp":
        return "", _(photos.HEIC_FILE)
    if ext is None:
        return "", _("it is not a readable image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > photos.MAX_PIXELS:
                    return "", _(photos.TOO_LARGE)
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "", _(photos.TOO_LARGE)
    except Exception:  # noqa: BLE001 - Pillow raises many kinds on bad data
        return "", _(photos.DAMAGED)
    return ext, ""
