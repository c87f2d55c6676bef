"""A person's ways of being reached, with their kind: phones (mobile, work,
home, fax; an extension), emails and websites (work, home), postal addresses
(home, work, other).

Values stay plain strings in the person's lists (`emails`, `phones`,
`websites`); their kind and extension live beside them in `labels`
({value: {"kind": ..., "ext": ...}}), so code reading the lists is unchanged.
On the card a labelled value is written "value ext. 12 (kind)".
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from partnerdesk.domain.labels import N_

PHONE_KINDS = {"mobile": N_("mobile"), "work": N_("work"), "home": N_("home"), "fax": N_("fax"),
               "other": N_("other")}
PLACE_KINDS = {"home": N_("home"), "work": N_("work"), "other": N_("other")}
EXTENSION = N_("ext.")

_TYPE_WORDS = {
    "cell": "mobile", "mobile": "mobile", "iphone": "mobile", "portable": "mobile", "mob": "mobile",
    "fax": "fax", "work": "work", "business": "work", "bureau": "work", "office": "work", "pro": "work",
    "home": "home", "private": "home", "domicile": "home", "perso": "home", "personal": "home",
    "main": "work", "company": "work", "pref": "", "voice": "", "internet": "", "x400": "", "other": "",
}


def kind_of(words, *, phone: bool = False) -> str:
    """The kind named by vCard TYPE values or a column label ("CELL", "Work Phone", "Mobile")."""
    found = []
    for word in words:
        for token in re.split(r"[\s,;/_-]+", str(word).casefold()):
            kind = _TYPE_WORDS.get(token.strip("*. "))
            if kind:
                found.append(kind)
    for kind in ("fax", "mobile", "work", "home"):
        if kind in found and (phone or kind in PLACE_KINDS):
            return kind
    return "other"


_POSTCODE_CITY = re.compile(r"(\d{4,5})\s+(\D.*)")


@dataclass
class Address:
    kind: str = "other"  # home, work, other
    street: str = ""
    postcode: str = ""
    city: str = ""
    region: str = ""
    country: str = ""

    @property
    def is_empty(self) -> bool:
        return not any((self.street, self.postcode, self.city, self.region, self.country))

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data) -> Address:
        if not isinstance(data, dict):
            return cls()
        kind = str(data.get("kind") or "other")
        return cls(kind if kind in PLACE_KINDS else "other",
                   *(str(data.get(k) or "") for k in ("street", "postcode", "city", "region", "country")))

    @classmethod
    def from_line(cls, kind: str, text: str) -> Address:
        """The reverse of `one_line`: "Bât. A, 12 rue X, 35000 Rennes, France". Without a postcode
        followed by a city, the whole text is the street."""
        parts = [p.strip() for p in text.split(", ")]
        at = next((i for i in range(len(parts) - 1, 0, -1) if _POSTCODE_CITY.fullmatch(parts[i])), None)
        if at is None:
            return cls(kind, text.strip())
        postcode, city = _POSTCODE_CITY.fullmatch(parts[at]).groups()
        rest = parts[at + 1:]
        region, country = (rest[0], ", ".join(rest[1:])) if len(rest) > 1 else ("", "".join(rest))
        return cls(kind, "\n".join(parts[:at]), postcode, city, region, country)

    def one_line(self) -> str:
        place = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (self.street.replace("\n", ", "), place, self.region, self.country) if p)

    def same_place(self, other: Address) -> bool:
        key = lambda a: tuple(" ".join(x.casefold().split()) for x in (a.street, a.postcode, a.city, a.country))  # noqa: E731
        return key(self) == key(other)


def addresses_from(values) -> list[Address]:
    return [a for a in (Address.from_dict(v) for v in (values or [])) if not a.is_empty]


def describe(value: str, label: dict | None, translate=lambda s: s) -> str:
    """"+33299123456 ext. 12 (work)": a value with its extension and kind, for the card (no comma:
    the card's lists are comma-separated)."""
    label = label or {}
    text = value
    if label.get("ext"):
        text += f" {translate(EXTENSION)} {label['ext']}"
    kind = label.get("kind") or ""
    if kind and kind != "other":
        text += f" ({translate(PHONE_KINDS.get(kind, kind))})"
    return text


_KIND = re.compile(r"^(?P<value>.*?)\s*\((?P<kind>[^()]*)\)\s*$")


def parse_described(text: str, translate=lambda s: s) -> tuple[str, dict]:
    """The reverse of `describe`: ("+33299123456", {"kind": "work", "ext": "12"}). A word in
    parentheses that is not a kind stays in the value (which then fails validation, visibly)."""
    value, label = text.strip(), {}
    match = _KIND.match(value)
    if match:
        names = {translate(name).casefold(): kind for kind, name in PHONE_KINDS.items()}
        names.update({kind: kind for kind in PHONE_KINDS})
        kind = names.get(match.group("kind").strip().casefold())
        if kind is not None:
            value = match.group("value").strip()
            if kind != "other":
                label["kind"] = kind
    words = "|".join(re.escape(w) for w in {translate(EXTENSION).rstrip("."), "ext", "poste", "x"} if w)
    ext = re.match(rf"^(?P<value>.*?)\s+(?:{words})\.?\s*(?P<ext>\d{{1,7}})$", value, re.IGNORECASE)
    if ext:
        value, label["ext"] = ext.group("value").strip(), ext.group("ext")
    return value, label


def clean_labels(labels, values) -> dict:
    """Keep only the labels of values still present, and only known keys."""
    if not isinstance(labels, dict):
        return {}
    present = set(values)
    out = {}
    for value, label in labels.items():
        if value in present and isinstance(label, dict):
            kept = {k: str(label[k]) for k in ("kind", "ext") if label.get(k) and label.get(k) != "other"}
            if kept:
                out[value] = kept
    return out
