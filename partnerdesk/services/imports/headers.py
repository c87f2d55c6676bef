"""Known header sets of address-book exports, and guesses for the others.

Headers are compared normalised (lower case, no accents, spaces collapsed).
A known set is recognised by a signature header; its columns then map without
asking. Unknown files get guesses from the French and English words EPN
spreadsheets use, shown on the column-mapping screen for the user to confirm.
"""

from __future__ import annotations

import hashlib
import re

from partnerdesk.domain.labels import N_
from partnerdesk.domain.text import normalize

GOOGLE = "google"
OUTLOOK_EN = "outlook_en"
OUTLOOK_FR = "outlook_fr"
THUNDERBIRD = "thunderbird"

HEADER_SET_LABELS = {
    GOOGLE: N_("Google Contacts"),
    OUTLOOK_EN: N_("Outlook (English)"),
    OUTLOOK_FR: N_("Outlook (French)"),
    THUNDERBIRD: N_("Thunderbird"),
}

_GOOGLE_PATTERNS = [
    (r"e-mail \d+ - value", "email"),
    (r"phone \d+ - value", "phone"),
    (r"website \d+ - value", "website"),
    (r"address 1 - street", "address"),
    (r"address 1 - extended address", "address"),
    (r"address 1 - po box", "address"),
    (r"address 1 - city", "city"),
    (r"address 1 - postal code", "postcode"),
    (r"address 1 - country", "country"),
    (r"organization (1 - )?name", "organisation"),
    (r"organization (1 - )?title", "title"),
    (r"first name|given name", "first_name"),
    (r"last name|family name", "last_name"),
    (r"name", "full_name"),
    (r"notes", "notes"),
    (r"labels|group membership", "tags"),
]

_OUTLOOK_EN = {
    "first name": "first_name", "last name": "last_name", "company": "organisation", "job title": "title",
    "business street": "address", "business street 2": "address", "business street 3": "address",
    "business city": "city", "business postal code": "postcode", "business country/region": "country",
    "business phone": "phone", "business phone 2": "phone", "mobile phone": "phone", "home phone": "phone",
    "company main phone": "phone", "primary phone": "phone",
    "e-mail address": "email", "e-mail 2 address": "email", "e-mail 3 address": "email",
    "notes": "notes", "web page": "website", "categories": "tags",
}

_OUTLOOK_FR = {
    "prenom": "first_name", "nom": "last_name", "societe": "organisation", "fonction": "title",
    "rue (bureau)": "address", "rue (bureau) 2": "address", "rue (bureau) 3": "address",
    "ville (bureau)": "city", "code postal (bureau)": "postcode", "pays/region (bureau)": "country",
    "telephone (bureau)": "phone", "telephone 2 (bureau)": "phone", "tel. mobile": "phone",
    "telephone mobile": "phone", "telephone (domicile)": "phone", "telephone principal": "phone",
    "telephone de la societe": "phone",
    "adresse de messagerie": "email", "adresse de messagerie 2": "email", "adresse de messagerie 3": "email",
    "notes": "notes", "page web": "website", "categories": "tags",
}

_THUNDERBIRD = {
    "first name": "first_name", "last name": "last_name", "display name": "full_name",
    "primary email": "email", "secondary email": "email",
    "work phone": "phone", "home phone": "phone", "mobile number": "phone",
    "work address": "address", "work address 2": "address", "work city": "city", "work zipcode": "postcode",
    "work country": "country", "job title": "title", "organization": "organisation",
    "web page 1": "website", "notes": "notes",
}

# Words seen in home-made spreadsheets, French first.
_GUESSES = {
    "first_name": ["prenom", "first name", "firstname", "given name"],
    "last_name": ["nom", "nom de famille", "last name", "lastname", "surname", "family name"],
    "full_name": ["nom complet", "contact", "nom et prenom", "prenom nom", "full name", "name", "display name"],
    "email": ["email", "e-mail", "mail", "courriel", "adresse mail", "adresse e-mail", "adresse email",
              "mel", "e-mail address", "email address"],
    "phone": ["telephone", "tel", "tel.", "portable", "mobile", "tel portable", "telephone portable",
              "telephone fixe", "fixe", "phone", "mobile phone"],
    "organisation": ["structure", "organisation", "organisme", "societe", "entreprise", "association",
                     "etablissement", "partenaire", "organization", "company"],
    "title": ["fonction", "poste", "role", "job title", "title", "position"],
    "address": ["adresse", "adresse postale", "rue", "address", "street"],
    "postcode": ["code postal", "cp", "postcode", "zip", "zip code", "postal code"],
    "city": ["ville", "commune", "localite", "city", "town"],
    "country": ["pays", "country"],
    "website": ["site", "site web", "site internet", "web", "website"],
    "notes": ["notes", "note", "remarques", "remarque", "commentaire", "commentaires", "observations",
              "comments"],
    "tags": ["tags", "etiquettes", "etiquette", "categories", "categorie", "groupe", "groupes", "labels"],
}
_GUESS_INDEX = {word: target for target, words in _GUESSES.items() for word in words}


def detect(headers: list[str]) -> tuple[str | None, dict[int, str]]:
    """(header set name or None, {column index: target}) for these headers."""
    norm = [normalize(h) for h in headers]
    names = set(norm)
    if any(re.fullmatch(r"e-mail \d+ - value", h) for h in norm):
        return GOOGLE, _google(norm)
    if "adresse de messagerie" in names:
        return OUTLOOK_FR, _by_table(norm, _OUTLOOK_FR)
    if "primary email" in names:
        return THUNDERBIRD, _by_table(norm, _THUNDERBIRD)
    if "e-mail address" in names and names & {"business phone", "job title", "company", "mobile phone"}:
        return OUTLOOK_EN, _by_table(norm, _OUTLOOK_EN)
    return None, guess(headers)


def _google(norm: list[str]) -> dict[int, str]:
    mapping = {}
    for i, header in enumerate(norm):
        for pattern, target in _GOOGLE_PATTERNS:
            if re.fullmatch(pattern, header):
                mapping[i] = target
                break
    return mapping


def _by_table(norm: list[str], table: dict[str, str]) -> dict[int, str]:
    return {i: table[h] for i, h in enumerate(norm) if h in table}


def guess(headers: list[str]) -> dict[int, str]:
    """Best guesses for an unknown file; each single-valued target is used once."""
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for i, header in enumerate(headers):
        target = _GUESS_INDEX.get(normalize(header).strip(" :*"))
        if target and (target not in used or target in {"email", "phone", "notes", "address", "tags"}):
            mapping[i] = target
            used.add(target)
    return mapping


def headers_key(headers: list[str]) -> str:
    """A stable key for remembering the mapping of files with these headers."""
    joined = "\x1f".join(normalize(h) for h in headers)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()
