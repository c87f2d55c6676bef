"""How a stored phone number is shown to a person: imported numbers are stored in E.164
("+33612345678", services.imports.phones), which a French reader expects as "06 12 34 56 78".

One function for every screen and document (cards, lists, PDFs, letters). CSV and vCard
exports keep the stored E.164 form: that is what other software reads.
"""

from __future__ import annotations

import re

import phonenumbers

from partnerdesk.domain.contact_points import EXTENSION

_EXT = re.compile(r"\s*(?:;\s*ext=|,\s*ext\.?|\s(?:ext\.?|x|poste|extension|#)\s*)\s*(\d{1,7})\s*$", re.IGNORECASE)


def split_extension(raw: str) -> tuple[str, str]:
    """("tel:+1-201-555-0123;ext=1234") -> ("+1-201-555-0123", "1234")."""
    value = raw.strip()
    if value.lower().startswith("tel:"):
        value = value[4:]
        number, *params = value.split(";")
        ext = ""
        for param in params:
            key, _sep, val = param.partition("=")
            if key.strip().lower() == "ext":
                ext = val.strip()
        return number.strip(), ext
    match = _EXT.search(value)
    if match:
        return value[:match.start()].strip(), match.group(1)
    return value, ""


def display_phone(value: str | None, translate=lambda s: s) -> str:
    """"+33612345678" -> "06 12 34 56 78"; "+4917623384942" -> "+49 176 23384942";
    "+33299123456;ext=12" -> "02 99 12 34 56 ext. 12" (French: "poste 12"). A number written without "+" (typed
    on a card: already in the user's form) or that cannot be read stays as typed."""
    text = (value or "").strip()
    number, ext = split_extension(text)
    if not number.startswith("+"):
        return text
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(parsed):
        return text
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if parsed.country_code == 33
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    shown = phonenumbers.format_number(parsed, style)
    return f"{shown} {translate(EXTENSION)} {ext}" if ext else shown


def stored_form(shown: str, stored: list[str]) -> str:
    """The stored number a card field shows as `shown` (the card displays "06 12 34 56 78" for
    "+33612345678"; saving it unchanged keeps "+33612345678"), else `shown` itself."""
    for value in stored:
        if shown == value or shown == display_phone(value):
            return value
    return shown
