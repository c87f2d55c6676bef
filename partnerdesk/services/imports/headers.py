"""Known header sets of address-book exports, and guesses for the others.

Headers are compared normalised (lower case, no accents, spaces collapsed).
A known set is recognised by a signature header; its columns then map without
asking. Unknown files get guesses from the French and English words EPN
spreadsheets use, shown on the column-mapping screen for the user to confirm.
"""

from __future__ import annotations

import hashlib
import re

from partnerdesk.domain.dataio import MULTI_TARGETS, OPTIONAL_EXPORT_COLUMNS, ORGANISATION_EXPORT, PEOPLE_EXPORT
from partnerdesk.i18n import _, document_language
from partnerdesk.domain.labels import N_
from partnerdesk.domain.text import normalize

GOOGLE = "google"
OUTLOOK_EN = "outlook_en"
OUTLOOK_FR = "outlook_fr"
THUNDERBIRD = "thunderbird"
PARTNERDESK = "partnerdesk"

HEADER_SET_LABELS = {
    GOOGLE: N_("Google Contacts"),
    OUTLOOK_EN: N_("Outlook (English)"),
    OUTLOOK_FR: N_("Outlook (French)"),
    THUNDERBIRD: N_("Thunderbird"),
    PARTNERDESK: N_("PartnerDesk list"),
}

_GOOGLE_PATTERNS = [
    (r"e-mail \d+ - (type|label)", "email_type"),
    (r"e-mail \d+ - value", "email"),
    (r"phone \d+ - (type|label)", "phone_type"),
    (r"phone \d+ - value", "phone"),
    (r"website \d+ - (type|label)", "website_type"),
    (r"website \d+ - value", "website"),
    (r"address 1 - (type|label)", "address_type"),
    (r"address 1 - (street|extended address|po box)", "address"),
    (r"address 1 - city", "city"),
    (r"address 1 - region", "region"),
    (r"address 1 - postal code", "postcode"),
    (r"address 1 - country", "country"),
    (r"address 2 - (type|label)", "address2_type"),
    (r"address 2 - (street|extended address|po box)", "address2"),
    (r"address 2 - city", "city2"),
    (r"address 2 - region", "region2"),
    (r"address 2 - postal code", "postcode2"),
    (r"address 2 - country", "country2"),
    (r"organization (1 - )?name", "organisation"),
    (r"organization (1 - )?title", "title"),
    (r"organization (1 - )?department", "department"),
    (r"first name|given name", "first_name"),
    (r"middle name|additional name", "middle_name"),
    (r"last name|family name", "last_name"),
    (r"nickname", "nickname"),
    (r"name", "full_name"),
    (r"notes", "notes"),
    (r"labels|group membership", "tags"),
]
# Columns of a known export that repeat another column or describe the file: not data to keep.
_REDUNDANT = re.compile(
    r"file as|address \d+ - formatted|.*yomi.*|phonetic .*|e-mail (\d+ )?type|e-mail (\d+ )?display name|"
    r"nom complet de l'adresse de messagerie.*|type de messagerie.*|initials|initiales|sensitivity|priority|"
    r"private|priorite|critere de diffusion|privee|organization \d+ - (type|location|symbol|job description)|"
    r"display name|nom a afficher|screen name|short name|subject|directory server|mileage|billing information|"
    r"location|language")

_OUTLOOK_EN = {
    "name": "full_name", "first name": "first_name", "middle name": "middle_name", "last name": "last_name",
    "nickname": "nickname", "company": "organisation", "department": "department", "job title": "title",
    "business street": "work_address", "business street 2": "work_address", "business street 3": "work_address",
    "business city": "work_city", "business state": "work_region", "business postal code": "work_postcode",
    "business country/region": "work_country", "business country": "work_country",
    "home street": "home_address", "home street 2": "home_address", "home street 3": "home_address",
    "home city": "home_city", "home state": "home_region", "home postal code": "home_postcode",
    "home country/region": "home_country", "home country": "home_country",
    "other street": "address", "other city": "city", "other state": "region", "other postal code": "postcode",
    "other country/region": "country",
    "business phone": "work_phone", "business phone 2": "work_phone", "mobile phone": "mobile_phone",
    "home phone": "home_phone", "home phone 2": "home_phone", "company main phone": "work_phone",
    "primary phone": "phone", "other phone": "phone", "business fax": "fax", "home fax": "fax",
    "other fax": "fax", "car phone": "mobile_phone", "pager": "phone", "assistant's phone": "phone",
    "e-mail address": "email", "e-mail 2 address": "email", "e-mail 3 address": "email",
    "notes": "notes", "web page": "website", "personal web page": "website", "categories": "tags",
}

_OUTLOOK_FR = {
    "nom complet": "full_name", "prenom": "first_name", "deuxieme prenom": "middle_name", "nom": "last_name",
    "surnom": "nickname", "societe": "organisation", "service": "department", "fonction": "title",
    "rue (bureau)": "work_address", "rue (bureau) 2": "work_address", "rue (bureau) 3": "work_address",
    "ville (bureau)": "work_city", "dep/region (bureau)": "work_region", "code postal (bureau)": "work_postcode",
    "pays/region (bureau)": "work_country",
    "rue (domicile)": "home_address", "rue (domicile) 2": "home_address", "rue (domicile) 3": "home_address",
    "ville (domicile)": "home_city", "dep/region (domicile)": "home_region", "code postal (domicile)": "home_postcode",
    "pays/region (domicile)": "home_country",
    "rue (autre)": "address", "ville (autre)": "city", "code postal (autre)": "postcode",
    "pays/region (autre)": "country",
    "telephone (bureau)": "work_phone", "telephone 2 (bureau)": "work_phone", "tel. mobile": "mobile_phone",
    "telephone mobile": "mobile_phone", "telephone (domicile)": "home_phone", "telephone 2 (domicile)": "home_phone",
    "telephone principal": "phone", "telephone de la societe": "work_phone", "autre telephone": "phone",
    "telecopie (bureau)": "fax", "telecopie (domicile)": "fax",
    "adresse de messagerie": "email", "adresse de messagerie 2": "email", "adresse de messagerie 3": "email",
    "notes": "notes", "page web": "website", "categories": "tags",
}

_THUNDERBIRD = {
    "first name": "first_name", "last name": "last_name", "display name": "full_name", "nickname": "nickname",
    "primary email": "email", "secondary email": "email",
    "work phone": "work_phone", "home phone": "home_phone", "mobile number": "mobile_phone", "fax number": "fax",
    "pager number": "phone",
    "home address": "home_address", "home address 2": "home_address", "home city": "home_city",
    "home state": "home_region", "home zipcode": "home_postcode", "home country": "home_country",
    "work address": "work_address", "work address 2": "work_address", "work city": "work_city",
    "work state": "work_region", "work zipcode": "work_postcode", "work country": "work_country",
    "job title": "title", "department": "department", "organization": "organisation",
    "web page 1": "website", "web page 2": "website", "notes": "notes",
}

# Words seen in home-made spreadsheets, French first.
_GUESSES = {
    "first_name": ["prenom", "first name", "firstname", "given name"],
    "last_name": ["nom", "nom de famille", "last name", "lastname", "surname", "family name"],
    "full_name": ["nom complet", "contact", "nom et prenom", "prenom nom", "full name", "name", "display name"],
    "email": ["email", "e-mail", "mail", "courriel", "adresse mail", "adresse e-mail", "adresse email",
              "mel", "e-mail address", "email address"],
    "phone": ["telephone", "tel", "tel.", "telephone fixe", "fixe", "phone"],
    "organisation": ["structure", "organisation", "organisme", "societe", "entreprise", "association",
                     "etablissement", "partenaire", "organization", "company"],
    "title": ["fonction", "poste", "role", "job title", "title", "position"],
    "address": ["adresse", "adresse postale", "rue", "address", "street"],
    "postcode": ["code postal", "cp", "postcode", "zip", "zip code", "postal code"],
    "city": ["ville", "commune", "localite", "city", "town"],
    "country": ["pays", "country"],
    "website": ["site", "site web", "site internet", "web", "website"],
    "middle_name": ["deuxieme prenom", "middle name", "autres prenoms"],
    "nickname": ["surnom", "pseudo", "nickname"],
    "department": ["service", "departement", "department"],
    "mobile_phone": ["portable", "mobile", "tel portable", "telephone portable", "mobile phone", "gsm"],
    "fax": ["fax", "telecopie"],
    "notes": ["notes", "note", "remarques", "remarque", "commentaire", "commentaires", "observations",
              "comments"],
    "tags": ["tags", "etiquettes", "etiquette", "categories", "categorie", "groupe", "groupes", "labels"],
    "org_kind": ["type de structure", "type d'organisme", "type d'organisation", "type de partenaire",
                 "nature de la structure", "kind of organisation", "organisation type", "organization type"],
    "org_status": ["statut", "statut du partenaire", "statut de l'organisme", "status"],
    "publics": ["publics", "public", "publics touches", "public cible", "publics vises"],
    "contributions": ["apports", "apport", "contributions", "ressources"],
    "relais": ["relais", "relay"],
    "article": ["article"],
    "verified_on": ["verifie le", "verifiee le", "date de verification", "derniere verification", "checked on",
                    "last checked"],
}
_GUESS_INDEX = {word: target for target, words in _GUESSES.items() for word in words}
# Columns holding a consent (image rights, personal data): never imported, a consent is asked of the person
# and recorded with its proof on the card; the review says the column was left out.
_CONSENT = re.compile(r".*(droits? (a|de) l'image|image rights?|consent|rgpd|gdpr|"
                      r"autorisation (de )?(photo|diffusion|prise de vue|image)).*")


def is_redundant(header: str) -> bool:
    """A column of a known export that holds nothing to keep (it repeats another column)."""
    return _REDUNDANT.fullmatch(normalize(header)) is not None


def is_consent(header: str) -> bool:
    """A column holding a consent ("Droit à l'image", "Consentement RGPD"...): never imported."""
    return _CONSENT.fullmatch(normalize(header).replace("\u2019", "'")) is not None


def consent_warnings(headers: list[str]) -> list[str]:
    return [_("The column « {column} » is not imported: consents (image rights, personal data) are never taken "
              "from a file; ask each person and record it on their card.").format(column=h.strip()[:100])
            for h in headers if is_consent(h)]


def detect(headers: list[str]) -> tuple[str | None, dict[int, str]]:
    """(header set name or None, {column index: target}) for these headers."""
    norm = [normalize(h) for h in headers]
    names = set(norm)
    own = _own_export(norm)
    if own is not None:
        return PARTNERDESK, own
    if any(re.fullmatch(r"e-mail \d+ - value", h) for h in norm):
        return GOOGLE, _google(norm)
    if "adresse de messagerie" in names:
        return OUTLOOK_FR, _by_table(norm, _OUTLOOK_FR)
    if "primary email" in names:
        return THUNDERBIRD, _by_table(norm, _THUNDERBIRD)
    if "e-mail address" in names and names & {"business phone", "job title", "company", "mobile phone"}:
        return OUTLOOK_EN, _by_table(norm, _OUTLOOK_EN)
    return None, guess(headers)


def _own_export(norm: list[str]) -> dict[int, str] | None:
    """PartnerDesk's own people or organisations list, its headers in English or French (all of them
    but the columns added later, in any order); None for another file."""
    for columns in (PEOPLE_EXPORT, ORGANISATION_EXPORT):
        targets = {}
        for lang in ("en", "fr"):
            with document_language(lang):
                targets.update({normalize(_(name)): target for name, target in columns})
        required = {t for t in targets.values() if t not in OPTIONAL_EXPORT_COLUMNS}
        known = {h for h in norm if not is_consent(h)}  # a consent column added by hand: left out, said
        if known <= set(targets) and required <= {targets[h] for h in known}:
            return {i: targets[h] for i, h in enumerate(norm) if h in known and targets[h]}
    return None


def _google(norm: list[str]) -> dict[int, str]:
    mapping = {}
    formatted_only = not any(re.fullmatch(r"address \d+ - street", h) for h in norm)
    for i, header in enumerate(norm):
        if formatted_only and re.fullmatch(r"address [12] - formatted", header):
            mapping[i] = "address" if header.startswith("address 1") else "address2"
            continue
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
        if target and (target not in used or target in MULTI_TARGETS):
            mapping[i] = target
            used.add(target)
    return mapping


def headers_key(headers: list[str]) -> str:
    """A stable key for remembering the mapping of files with these headers."""
    joined = "\x1f".join(normalize(h) for h in headers)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()
