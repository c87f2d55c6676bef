"""What an RGPD erasure looks for in free text: a person's full name written in any case, with or
without accents, hyphens or doubled spaces (first and last name in either order, or the
initial and the last name: "G. Château"), their emails and phone numbers. The last name alone
is never taken for the person ("la cour du château", a cousin's card): `surname_pattern` only
finds such mentions for the user to review, and `courtesy_pattern` ("Mme Château") is applied
only where the person is known to be meant. Pure patterns; `services/erasure.py` applies them."""

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
    """The number however it is spaced, never digits inside a longer number (a SIRET, an IBAN)."""
    digits = [c for c in text if c.isdigit() or c == "+"]
    return r"(?<!\d)" + r"[\s.\-/]*".join(re.escape(c) for c in digits) + r"(?!\d)"


def _json_form(name: str) -> list[str]:
    """The name as JSON ("H\\u00e9l\\u00e8ne") and HTML ("L&#x27;H\u00f4te") write it, when that differs."""
    forms = {json.dumps(name)[1:-1], html.escape(name)} - {name}
    return [_word(re.escape(form)) for form in sorted(forms)]


_NAME_EDGE = r"\w\-‐‑"  # a name goes on across a hyphen: "Jean-Luc Château" is not "Luc Château"


def _word(pattern: str) -> str:
    return rf"(?<![{_NAME_EDGE}]){pattern}(?![{_NAME_EDGE}])"


def first_initials(first_name: str) -> list[str]:
    """How an initial stands for the first name: "G." for "Gaëtan", "J.-P." and "J.P." for
    "Jean-Pierre"; none when there is no first name."""
    parts = [w for w in re.split(r"[\s\-‐‑]+", first_name.strip()) if w]
    if not parts:
        return []
    letters = [w[0] for w in parts]
    forms = ["-".join(f"{c}." for c in letters), "".join(f"{c}." for c in letters)]
    if len(letters) > 1:
        forms.append("".join(letters))
    return list(dict.fromkeys(forms))


def _initial_form(initial: str, last_name: str) -> str:
    """"G. Château", "G.Château", "G Château" (the dot left out), and "Château G." as attendance
    lists write it."""
    out = []
    for ch in initial:
        out.append(r"\.\s*" if ch == "." else r"\-?" if ch == "-" else loose(ch))
    dot, letters = r"\.\s*", "".join(out)
    before = letters.removesuffix(dot) + r"(?:\.\s*|\s+)" if letters.endswith(dot) else letters + r"\s+"
    after = letters.removesuffix(r"\s*")  # "Château G." ends with its dot
    surname = loose(last_name)
    return f"(?:{before}{surname}|{surname}\\s+{after})"


def trace_pattern(first_name: str, last_name: str, emails: list[str], phones: list[str],
                  others: list[str] = (), initials: bool = True) -> re.Pattern | None:
    """Full name (both orders; with `initials`, also "G. Château"), emails, phones and other literal
    traces (websites, street lines), as written anywhere; None when there is nothing to find."""
    parts = []
    full = f"{first_name} {last_name}".strip()
    reverse = f"{last_name} {first_name}".strip()
    for name in dict.fromkeys((full, reverse)):
        if len(name) >= 3:
            parts.append(_word(loose(name)))
            parts += _json_form(name)
    if initials and first_name.strip() and len(last_name.strip()) >= 2:  # not inside an address: g.chateau@
        parts += [rf"(?<![\w.@]){_initial_form(initial, last_name)}(?![\w@])" for initial in first_initials(first_name)]
    for phone in phones:
        if sum(c.isdigit() for c in phone) >= 6:
            parts.append(_phone(phone))
    literal = [re.escape(e) for e in emails if e] + [re.escape(o.strip()) for o in others if len(o.strip()) >= 6]
    if not parts and not literal:
        return None
    # literal traces first: where an e-mail address starts, it is replaced whole
    return re.compile("|".join(sorted(literal, key=len, reverse=True) + sorted(parts, key=len, reverse=True)),
                      re.IGNORECASE)


def surname_pattern(last_name: str) -> re.Pattern | None:
    """The last name alone, as a whole word in any case: to find the mentions a user must review,
    never to replace them. None when too short to mean anything."""
    if len(last_name.strip()) < 3:
        return None
    return re.compile("|".join([_word(loose(last_name))] + _json_form(last_name.strip())), re.IGNORECASE)


# How a letter or a note names someone by courtesy title: "Mme Château", "Monsieur Château".
COURTESY_TITLES = {"madame": ("Madame", "Mme", "Mmes"), "monsieur": ("Monsieur", "M.", "Mr", "Mr.")}


def courtesy_pattern(civility: str, last_name: str) -> re.Pattern | None:
    """"Mme Château" (any title when the civility is unknown): the last name with a courtesy title,
    the title in the group "title"."""
    if len(last_name.strip()) < 2:
        return None
    titles = COURTESY_TITLES.get(civility) or [t for forms in COURTESY_TITLES.values() for t in forms]
    title = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<title>{title})(?:\s+|(?<=\.)){loose(last_name)}(?!\w)", re.IGNORECASE)
