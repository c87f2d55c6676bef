"""What an RGPD erasure looks for in free text: a person's name written in any case, with or
without accents, hyphens or doubled spaces, their emails and phone numbers. Pure patterns;
`services/erasure.py` applies them to the database."""

from __future__ import annotations

import html
import json
import re
import unicodedata

# Characters whose letter is the same once accents and case are set aside ("é" ~ "E" ~ "e").
_VARIANTS: dict[str, str] = {}
for _cp in list(range(0x41, 0x5B)) + list(range(0x61, 0x7B)) + list(range(0xC0, 0x250)):
    _ch = chr(_cp)
    _base = "".join(c for c in unicodedata.normalize("NFKD", _ch) if not unicodedata.combining(c)).casefold()
    if len(_base) == 1 and _base.isalpha():
        _VARIANTS[_base] = _VARIANTS.get(_base, "") + _ch
_SEPARATORS = r"[\s\-‐‑]+"
_APOSTROPHES = "['’ʼ]"


def _base(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).casefold()


def loose(text: str) -> str:
    """A regex matching `text` in any case, with or without accents, spaces or hyphens between words."""
    out = []
    for ch in text.strip():
        if ch.isspace() or ch in "-‐‑":
            if not out or out[-1] != _SEPARATORS:
                out.append(_SEPARATORS)
        elif ch in "'’ʼ":
            out.append(_APOSTROPHES)
        elif (base := _base(ch)) in _VARIANTS:
            out.append("[" + re.escape(_VARIANTS[base]) + "]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _phone(text: str) -> str:
    digits = [c for c in text if c.isdigit() or c == "+"]
    return r"[\s.\-/]*".join(re.escape(c) for c in digits)


def _json_form(name: str) -> list[str]:
    """The name as JSON ("H\\u00e9l\\u00e8ne") and HTML ("L&#x27;H\u00f4te") write it, when that differs."""
    forms = {json.dumps(name)[1:-1], html.escape(name)} - {name}
    return [_word(re.escape(form)) for form in sorted(forms)]


def _word(pattern: str) -> str:
    return rf"(?<!\w){pattern}(?!\w)"


def trace_pattern(first_name: str, last_name: str, emails: list[str], phones: list[str],
                  others: list[str] = ()) -> re.Pattern | None:
    """Full name (both orders), emails, phones and other literal traces (websites, street lines), as
    written anywhere; None when there is nothing to find."""
    parts = []
    full = f"{first_name} {last_name}".strip()
    reverse = f"{last_name} {first_name}".strip()
    for name in dict.fromkeys((full, reverse)):
        if len(name) >= 3:
            parts.append(_word(loose(name)))
            parts += _json_form(name)
    for email in emails:
        if email:
            parts.append(re.escape(email))
    for phone in phones:
        if sum(c.isdigit() for c in phone) >= 6:
            parts.append(_phone(phone))
    for other in others:
        if len(other.strip()) >= 6:
            parts.append(re.escape(other.strip()))
    if not parts:
        return None
    return re.compile("|".join(sorted(parts, key=len, reverse=True)), re.IGNORECASE)


def last_name_pattern(last_name: str) -> re.Pattern | None:
    """The last name alone, as a whole word in any case (for free text); None when too short to be safe."""
    if len(last_name.strip()) < 3:
        return None
    return re.compile("|".join([_word(loose(last_name))] + _json_form(last_name.strip())), re.IGNORECASE)
