"""Phone numbers from other software: E.164 where a country can be inferred.

The country is the card's (an address's country), else France. A number
the `phonenumbers` library cannot validate for that country is kept as
typed, never dropped. `tel:` URIs and extensions (";ext=12", "x12",
"poste 12") are understood. Typed input on the cards keeps its own French
validation (domain.validation.check_phone).
"""

from __future__ import annotations

import functools

import phonenumbers

from partnerdesk.domain.phone_display import split_extension
from partnerdesk.domain.text import normalize

DEFAULT_REGION = "FR"
_ALIASES = {
    "usa": "US", "u.s.a.": "US", "us": "US", "u.s.": "US", "etats-unis": "US", "united states of america": "US",
    "uk": "GB", "u.k.": "GB", "england": "GB", "angleterre": "GB", "great britain": "GB", "scotland": "GB",
    "ecosse": "GB", "pays de galles": "GB", "wales": "GB", "brd": "DE", "deutschland": "DE", "schweiz": "CH",
    "suisse": "CH", "svizzera": "CH", "osterreich": "AT", "espana": "ES", "italia": "IT", "nederland": "NL",
    "belgie": "BE", "belgique": "BE", "polska": "PL", "nippon": "JP", "nihon": "JP", "日本": "JP",
}


@functools.cache
def _country_names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for lang in ("en", "fr", "de", "es", "it", "nl", "pt", "ja"):
        try:
            territories = Locale.parse(lang).territories
        except Exception:  # noqa: BLE001 - a missing locale only means fewer names
            continue
        for code, name in territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(normalize(name), code)
    names.update(_ALIASES)
    return names


def region_of(country: str) -> str | None:
    """"Deutschland", "Germany", "DE", "Allemagne" -> "DE"; None when unknown."""
    text = (country or "").strip()
    if not text:
        return None
    if len(text) == 2 and text.isalpha() and text.upper() in phonenumbers.SUPPORTED_REGIONS:
        return text.upper()
    return _country_names().get(normalize(text)) or _ALIASES.get(text.casefold())


def normalise(raw: str, country: str = "") -> tuple[str, str, bool]:
    """(value, extension, recognised). `value` is E.164 when recognised, else as typed."""
    number, ext = split_extension(raw)
    if not number:
        return "", ext, False
    regions = [r for r in dict.fromkeys((region_of(country), DEFAULT_REGION)) if r]
    for region in regions:
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return (phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
                    ext or (parsed.extension or ""), True)
    return number, ext, False


def same_number_key(value: str) -> str:
    """What two numbers kept as typed share when they are the same: their digits (and "+")."""
    return "".join(c for c in value if c.isdigit() or c == "+")


def written_forms(value: str) -> set[str]:
    """The ways a stored number may be written elsewhere: "+33612345678", "+33 6 12 34 56 78",
    "06 12 34 56 78", "0612345678" (to find it in free text)."""
    forms = {value}
    try:
        parsed = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return forms
    if not phonenumbers.is_possible_number(parsed):
        return forms
    for style in (phonenumbers.PhoneNumberFormat.E164, phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                  phonenumbers.PhoneNumberFormat.NATIONAL):
        text = phonenumbers.format_number(parsed, style)
        forms.update({text, text.replace(" ", ""), text.replace(" ", "."), text.replace(" ", "-")})
    return {f for f in forms if len(f) >= 6}
