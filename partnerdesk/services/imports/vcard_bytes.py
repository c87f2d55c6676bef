"""vCard bytes to logical lines of text: unfold BEFORE decoding, then decode
each property per its CHARSET, and the others as the file's encoding.

A fold may cut a UTF-8 character in two (ownCloud, some Android exports): unfolding
the bytes first keeps "Jörg Müller" whole. Quoted-printable values are left in
ASCII for the parser, which decodes them with their CHARSET. A quoted-printable
soft break ("=" at the end of a line) continues on the next line, unless that line
starts a new property (a "broken" soft break seen in phone exports).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from partnerdesk.services.imports import charsets

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_PROPERTY_START = re.compile(
    rb"^(?:[A-Za-z0-9-]+\.)?(?:BEGIN|END|VERSION|N|FN|TEL|EMAIL|ADR|LABEL|ORG|TITLE|ROLE|NOTE|URL|PHOTO|LOGO|BDAY|"
    rb"NICKNAME|CATEGORIES|UID|REV|PRODID|GEO|TZ|SOUND|KEY|MAILER|AGENT|CLASS|SORT-STRING|IMPP|KIND|GENDER|LANG|"
    rb"ANNIVERSARY|MEMBER|RELATED|SOURCE|X-[A-Za-z0-9-]+)[;:]", re.IGNORECASE)
_CHARSET = re.compile(rb";\s*CHARSET\s*=\s*\"?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_QP = re.compile(rb"QUOTED-PRINTABLE", re.IGNORECASE)


@dataclass
class VcardText:
    lines: list[tuple[int, str]]  # (first physical line number, unfolded line)
    encoding: str
    confident: bool = True
    candidates: list[tuple[str, list[str]]] = field(default_factory=list)


def _head_end(line: bytes) -> int:
    quoted = False
    for index, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return index
    return -1


def unfold(raw: bytes) -> list[tuple[int, bytes]]:
    """Logical lines of bytes with the number of their first physical line. Linear in size."""
    out: list[tuple[int, bytes]] = []
    start, pieces, qp = 0, [], False
    for number, line in enumerate(_LINE_BREAK.split(raw), start=1):
        folded = line[:1] in (b" ", b"\t") and not line.strip().upper().startswith(b"END:VCARD")
        qp_open = qp and pieces and pieces[-1].endswith(b"=")
        if pieces and qp_open and (folded or not _PROPERTY_START.match(line)) and line.strip():
            pieces[-1] = pieces[-1][:-1]
            pieces.append(line.lstrip())
        elif pieces and folded:
            pieces.append(line[1:])
        else:
            if pieces:
                out.append((start, b"".join(pieces)))
            start, pieces = number, [line]
            head = line[:max(_head_end(line), 0)]
            qp = bool(_QP.search(head))
    if pieces:
        out.append((start, b"".join(pieces)))
    return out


def _charset(head: bytes) -> str | None:
    match = _CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(raw: bytes, hint: str | None = None) -> VcardText:
    """`hint`: the encoding the user chose for the properties without a CHARSET."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    logical = unfold(raw)
    lines: list[tuple[int, str] | None] = []
    undeclared: list[tuple[int, int, bytes, bytes]] = []  # (index, number, head, value) to decode by the file
    for number, line in logical:
        end = _head_end(line)
        head, value = (line[:end], line[end:]) if end >= 0 else (line, b"")
        if _QP.search(head) or value.isascii():
            lines.append((number, line.decode("latin-1")))
            continue
        declared = _charset(head)
        if declared:
            try:
                lines.append((number, head.decode("latin-1") + value.decode(declared)))
                continue
            except UnicodeDecodeError:
                pass
        try:
            lines.append((number, head.decode("latin-1") + value.decode("utf-8")))
            continue
        except UnicodeDecodeError:
            pass
        undeclared.append((len(lines), number, head, value))
        lines.append(None)
    if not undeclared:
        return VcardText([x for x in lines if x is not None], "utf-8")
    guess = charsets.guess(b"\n".join(v for _i, _n, _h, v in undeclared), hint)
    for (index, number, head, _value), text in zip(undeclared, guess.text.split("\n")):
        lines[index] = (number, head.decode("latin-1") + text)
    return VcardText([x for x in lines if x is not None], guess.encoding, guess.confident, guess.candidates)
