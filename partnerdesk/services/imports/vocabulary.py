"""Cells holding the app's own vocabulary (kind and status of an organisation, publics,
contributions, the "relay" flag, affiliations): read back from PartnerDesk's lists or from a
column the user mapped. A value is recognised by its label in English or French, or by its
stored code, ignoring case and accents. A value not recognised is never dropped: it goes to
the notes under its column's name and the review says so."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from partnerdesk.domain import affiliation_cells
from partnerdesk.domain.dataio import TARGETS, Contact
from partnerdesk.domain.grammar import ARTICLE_CHOICES, CIVILITY_CHOICES
from partnerdesk.domain.partners import Contribution, OrgKind, OrgStatus, Public
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import _, document_language, parse_date

ENUMS = {"org_kind": OrgKind, "org_status": OrgStatus, "publics": Public, "contributions": Contribution}
TARGETS_READ_HERE = {"org_kind", "org_status", "publics", "contributions", "relais", "affiliation_start",
                     "other_affiliations", "civility", "contact_cadence", "article", "verified_on"}
MAX_CADENCE_DAYS = 3660
_CIVILITY_WORDS = {"madame": ("mme", "mme.", "mrs", "mrs.", "ms", "ms.", "mlle", "mademoiselle", "miss", "f"),
                   "monsieur": ("m", "m.", "mr", "mr.", "h")}
_YES = {"yes", "oui", "y", "o", "x", "1", "true", "vrai"}
_NO = {"no", "non", "n", "0", "false", "faux", "-"}
_LIST_SPLIT = re.compile(r"\s*[,;\n]\s*")


# Words an EPN's spreadsheet uses for a kind of organisation, beside the app's own labels.
_KIND_WORDS = {
    "service_municipal": ("mairie", "commune", "collectivite", "collectivite territoriale", "ville", "ccas",
                          "intercommunalite", "communaute de communes", "departement", "region"),
    "etablissement_scolaire": ("ecole", "college", "lycee", "etablissement scolaire", "universite", "school"),
    "association": ("asso", "association loi 1901"),
    "entreprise": ("societe", "sarl", "sas", "commerce", "business"),
    "institution_publique": ("institution", "administration", "etablissement public", "service public"),
}


@cache
def _index(enum) -> dict[str, str]:
    """normalised label (English, French, each part of "A / B") or code -> code."""
    out = {}
    for member in enum:
        out[normalize(member.value)] = member.value
        for lang in ("en", "fr"):
            with document_language(lang):
                label = normalize(_(member.label))
            out[label] = member.value
            for part in label.split("/"):
                out.setdefault(part.strip(), member.value)
    if enum is OrgKind:
        for code, words in _KIND_WORDS.items():
            for word in words:
                out.setdefault(word, code)
    return out


def choice(enum, text: str) -> str | None:
    """The stored code of a label typed in either language, or None."""
    return _index(enum).get(normalize(text).strip(" .*"))


def _civility(text: str) -> str | None:
    word = normalize(text).strip()
    for code, label in CIVILITY_CHOICES:
        if code and word in {code, normalize(label)} | {normalize(_(label))} | set(_CIVILITY_WORDS[code]):
            return code
    with document_language("fr"):
        french = {normalize(_(label)): code for code, label in CIVILITY_CHOICES if code}
    return french.get(word)


def _article_key(text: str) -> str:
    return re.sub(r"[^a-z'()]", "", normalize(text).replace("\u2019", "'"))


@cache
def _articles() -> dict[str, str | None]:
    """Article forms known by their code, their label in English or French ("la … (féminin)"), or a word
    saying "none" or "proposed" (None: proposed from the name, as an empty cell)."""
    known: dict[str, str | None] = {_article_key(code): code for code, _label in ARTICLE_CHOICES if code}
    for lang in ("en", "fr"):
        with document_language(lang):
            known.update({_article_key(_(label)): code for code, label in ARTICLE_CHOICES})
    known.update({"le(m)": "le", "la(f)": "la", "l'(m)": "l_m", "l'(f)": "l_f", "l'(masculin)": "l_m",
                  "l'(feminin)": "l_f", "aucun": "", "sans": "", "none": "", "proposed": None, "propose": None,
                  "auto": None})
    return known


def _unknown(contact: Contact, target: str, header: str, value: str) -> None:
    contact.noted.append((header, value))
    contact.remarks.append(_("{field} « {value} » is not one PartnerDesk knows: kept in the notes.")
                           .format(field=_(TARGETS[target]), value=value[:100]))


def read_cell(contact: Contact, target: str, header: str, value: str) -> None:
    """Put a cell of one of these fields on the contact (or in its notes, with a remark)."""
    if target in ("org_kind", "org_status"):
        code = choice(ENUMS[target], value)
        name = "kind" if target == "org_kind" else "status"
        if code is None:
            _unknown(contact, target, header, value)
        elif getattr(contact, name) and getattr(contact, name) != code:  # a second column: in the notes
            contact.noted.append((header, value))
        else:
            setattr(contact, name, code)
    elif target in ("publics", "contributions"):
        values = getattr(contact, target)
        for part in (p for p in _LIST_SPLIT.split(value) if p):
            code = choice(ENUMS[target], part)
            if code is None:
                _unknown(contact, target, header, part)
            elif code not in values:
                values.append(code)
    elif target == "relais":
        word = normalize(value).strip(" .!")
        if word in _YES or word == normalize(_("yes")):
            contact.relais = True
        elif word in _NO or word == normalize(_("no")):
            contact.relais = False
        else:
            _unknown(contact, target, header, value)
    elif target == "civility":
        code = _civility(value)
        if code is None:
            _unknown(contact, target, header, value)
        else:
            contact.civility = code
    elif target == "contact_cadence":
        days = value.strip().removesuffix("j").removesuffix("jours").removesuffix("days").strip()
        if days.isdigit() and 0 < int(days) <= MAX_CADENCE_DAYS:
            contact.cadence = int(days)
        else:
            _unknown(contact, target, header, value)
    elif target == "article":
        key = _article_key(value)
        if key in _articles():
            contact.article = _articles()[key]
        else:
            _unknown(contact, target, header, value)
    elif target == "verified_on":
        _verified_on(contact, value)
    elif target == "affiliation_start":
        try:
            contact.since = parse_date(value)
        except ValueError:
            _unknown(contact, target, header, value)
    elif target == "other_affiliations":
        found, unreadable = affiliation_cells.parse_cell(value, parse_date)
        contact.history += [line for line in found if line not in contact.history]
        for line in unreadable:
            _unknown(contact, target, header, line)


def _verified_on(contact: Contact, value: str) -> None:
    """The date the card was last checked: a date not in the future, else left out (said in the review)."""
    try:
        day = parse_date(value)
    except ValueError:
        contact.remarks.append(_("Checked on: « {value} » is not a date; the card is imported without "
                                 "the date of its last check.").format(value=value[:100]))
        return
    if day is not None and day > dt.date.today():
        contact.remarks.append(_("Checked on: {value} is in the future; the card is imported without "
                                 "the date of its last check.").format(value=value[:100]))
        return
    contact.verified_on = day


def reads(target: str) -> bool:
    return target in TARGETS_READ_HERE
