"""Field rules. Each check returns None when the value is acceptable (empty is
acceptable: requiredness is checked separately) or an English message marked
for translation."""

from __future__ import annotations

import re

from partnerdesk.domain.labels import N_

_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[A-Za-z]{2,}$")
_PHONE_SEPARATORS = re.compile(r"[\s.\-/()]")
_URL = re.compile(r"^(https?://)?(?P<host>([\w-]+\.)+[\w-]{2,})(:\d+)?(/\S*)?$", re.UNICODE)
_TLD = re.compile(r"^([^\W\d_]{2,24}|xn--[a-z0-9-]{2,59})$", re.IGNORECASE)
_FOREIGN_POSTCODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]{1,11}$")
FRANCE = {"", "france", "fr"}


class ValidationError(ValueError):
    """Field errors: {field name: English message}. Nothing was written."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def check_required(value: str | None) -> str | None:
    return None if (value or "").strip() else N_("This field is required.")


def check_email(value: str | None) -> str | None:
    value = (value or "").strip()
    if not value or _EMAIL.match(value):
        return None
    return N_("This email address is not valid (expected: name@example.fr).")


def check_phone(value: str | None) -> str | None:
    """French numbers (01 23 45 67 89) and international ones (+44 20 7946 0958)."""
    value = (value or "").strip()
    if not value:
        return None
    compact = _PHONE_SEPARATORS.sub("", value.replace("(0)", ""))
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+"):
        ok = compact[1:].isdigit() and 8 <= len(compact) - 1 <= 15
    else:
        ok = compact.isdigit() and len(compact) == 10 and compact.startswith("0")
    return None if ok else N_("This phone number is not valid (expected: 01 23 45 67 89 or +33 1 23 45 67 89).")


def check_postcode(value: str | None, country: str | None = "", *, country_field: bool = True) -> str | None:
    """`country_field=False` for a form without a country (the EPN's own address, in France)."""
    value = (value or "").strip()
    if not value:
        return None
    if (country or "").strip().casefold() in FRANCE:
        if value.isdigit() and len(value) == 5:
            return None
        if not country_field:
            return N_("A French postcode has 5 digits.")
        return N_("A French postcode has 5 digits. For an address abroad, fill in the country.")
    return None if _FOREIGN_POSTCODE.match(value) else N_("This postcode is not valid.")


def check_url(value: str | None) -> str | None:
    """A web address with a real domain: "www.epn-saint-aubin.fr", "https://mairie.fr/epn";
    not "www.epn-saint-aubin" (no extension) nor "epn" alone."""
    value = (value or "").strip()
    if not value:
        return None
    match = _URL.match(value)
    labels = match.group("host").split(".") if match else []
    if match and _TLD.match(labels[-1]) and not (labels[0].casefold() == "www" and len(labels) < 3):
        return None
    return N_("This website address is not valid (expected: www.example.fr).")


def collect(checks: dict[str, str | None]) -> None:
    """Raise ValidationError with every failing field."""
    errors = {name: message for name, message in checks.items() if message}
    if errors:
        raise ValidationError(errors)


# --- lengths --------------------------------------------------------------------

NAME_MAX = 200
TEXT_MAX = 20_000
NAME_TOO_LONG = N_("Too long: 200 characters at most.")
TEXT_TOO_LONG = N_("Too long: 20,000 characters at most.")


def check_name_length(value: str | None) -> str | None:
    """A name, title or other one-line field: NAME_MAX characters at most."""
    return NAME_TOO_LONG if len(value or "") > NAME_MAX else None


def check_text_length(value: str | None) -> str | None:
    """A free text (notes, description, summary): TEXT_MAX characters at most."""
    return TEXT_TOO_LONG if len(value or "") > TEXT_MAX else None


_LINE_BREAKS = re.compile(r"[ \t\r\n\f\v\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """A one-line field as stored: line breaks (pasted "Centre social\r\nLes Tilleuls") and runs of
    spaces or tabs become one space, none at the ends (no-break spaces are kept: they are meant)."""
    return _LINE_BREAKS.sub(" ", text).strip()


def single_lines(data, names=()) -> None:
    """Make the one-line fields `names` of `data` (strings, or lists of strings) one line, in place."""
    for name in names:
        value = getattr(data, name, None)
        if isinstance(value, str):
            setattr(data, name, one_line(value))
        elif isinstance(value, list):
            setattr(data, name, [one_line(x) if isinstance(x, str) else x for x in value])


def length_checks(data, names=(), texts=()) -> dict[str, str | None]:
    """{field: message or None} for the one-line fields `names` and the free texts `texts` of `data`
    (attributes, or a list of strings checked one by one as "field.i")."""
    checks: dict[str, str | None] = {}
    for fields, check in ((names, check_name_length), (texts, check_text_length)):
        for name in fields:
            value = getattr(data, name, None)
            if isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    if isinstance(item, str) and check(item):
                        checks[f"{name}.{i}"] = check(item)
            elif isinstance(value, str):
                checks[name] = check(value)
    return checks


def merge_checks(*parts: dict[str, str | None]) -> dict[str, str | None]:
    """Several check dicts in one; the first message for a field wins."""
    merged: dict[str, str | None] = {}
    for part in parts:
        for name, message in part.items():
            if not merged.get(name):
                merged[name] = message
    return merged
