"""French grammar inside a convention: organisation names take their article by context
("de l’Association…", "avec la Caisse…", "L’Espace… a pour mission"), the signatory line agrees
with the party ("représentée par"), party counts are in words ("les trois parties") and dates
are in words ("le 30 novembre 2026"). Rules from `domain/grammar.py`; used only when the
document is written in French."""

from __future__ import annotations

import datetime as dt
import re

from partnerdesk.domain import grammar
from partnerdesk.domain.conventions import Party
from partnerdesk.domain.enumeration import OrgList
from partnerdesk.domain.grammar import OrgName
from partnerdesk.domain.identity import EPN_KIND
from partnerdesk.domain.name_context import guarded, unguarded
from partnerdesk.store.models import Affiliation, Organisation, Person

#: the merge fields that hold an organisation's name, or every partner's
NAME_FIELD = re.compile(r"\{((?:epn|partenaire|partenaires\.\d+)\.nom|partenaires\.liste)\}")


def org_name(name: str, organisation_id: int | None = None, kind: str = "") -> OrgName:
    """The name with the card's article (proposed from the name when the card has none)."""
    article = None
    if organisation_id:
        row = Organisation.get_or_none(Organisation.id == organisation_id)
        if row is not None:
            article, kind = row.article, kind or row.kind
    return OrgName(name, article, kind)


def name_forms(parties: list[Party], epn_name: str) -> dict[str, OrgName | OrgList]:
    """Merge-field name -> OrgName, for the EPN and each partner; `partenaires.liste` -> every
    partner (OrgList: "l’Association Les Amis, la Mairie… et le Café des Familles")."""
    forms: dict[str, OrgName | OrgList] = {"epn.nom": OrgName(epn_name, None, EPN_KIND)}
    partners = [p for p in parties if not p.is_epn]
    names = []
    for i, party in enumerate(partners, 1):
        form = org_name(party.name, party.organisation_id, party.kind)
        names.append(form)
        forms[f"partenaires.{i}.nom"] = form
        if i == 1:
            forms["partenaire.nom"] = form
    forms["partenaires.liste"] = OrgList(tuple(names))
    return forms


def place_names(text: str, forms: dict[str, OrgName | OrgList]) -> str:
    """Each name field (`NAME_FIELD`) in the form its context asks for (`grammar.place_names`); the
    braces of a name are protected until `unprotect`, after the other fields are resolved."""
    return grammar.place_names(text, guarded(forms), NAME_FIELD)


def place_names_in_runs(runs: list[str], forms: dict[str, OrgName | OrgList]) -> list[str]:
    """`place_names` over the runs of a paragraph (a name in bold keeps its sentence's context)."""
    return grammar.place_names_in_runs(runs, guarded(forms), NAME_FIELD)


unprotect = unguarded  # the braces of the names placed, given back once every field is resolved


def count_parties(text: str, count: int) -> str:
    """"les deux parties" written in a template for two parties says how many there really are."""
    if count == 2 or count < 2:
        return text
    words = grammar.count_words(count, feminine=True)
    text = re.sub(r"\b([Ll])es deux parties\b", lambda m: f"{m.group(1)}es {words} parties", text)
    return re.sub(r"\b([Dd])es deux parties\b", lambda m: f"{m.group(1)}es {words} parties", text)


def date_words(day: dt.date | None) -> str | None:
    return None if day is None else grammar.date_in_words(day, article=False)


def civility_of(signatory: str, organisation_id: int | None) -> str:
    """The civility of the person named as signatory, when a card of that organisation matches."""
    name = " ".join((signatory or "").split()).casefold()
    if not name:
        return ""
    query = Person.select(Person.first_name, Person.last_name, Person.civility).where(Person.deleted_at.is_null())
    if organisation_id:
        query = query.join(Affiliation).where(Affiliation.organisation == organisation_id)
    for person in query:
        if f"{person.first_name} {person.last_name}".strip().casefold() == name:
            return person.civility or ""
    return ""


def represented(party: Party, form: OrgName) -> str:
    """"représentée par Mme Claire Martin, présidente" ("" without a signatory)."""
    if not party.signatory.strip():
        return ""
    civility = "" if party.is_epn else civility_of(party.signatory, party.organisation_id)
    who = grammar.courtesy(civility, party.signatory)
    title = party.signatory_title.strip()
    return f"{form.agree('représenté', 'représentée')} par {who}" + (f", {title}" if title else "")
