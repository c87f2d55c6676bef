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
from partnerdesk.domain.grammar import OrgName
from partnerdesk.domain.identity import EPN_KIND
from partnerdesk.store.models import Affiliation, Organisation, Person

#: the merge fields that hold an organisation's name
NAME_FIELD = re.compile(r"\{((?:epn|partenaire|partenaires\.\d+)\.nom)\}")
_BEFORE = re.compile(r"(?:(?P<de>\b[Dd]e |\b[Dd][’'])|(?P<a>\b[àÀ] )|(?P<with>\b(?:avec|pour|par|entre|et|chez|envers"
                     r"|sur|vers|contre|sans) )|(?P<start>^\s*|[.!?:]\s+))$")


def org_name(name: str, organisation_id: int | None = None, kind: str = "") -> OrgName:
    """The name with the card's article (proposed from the name when the card has none)."""
    article = None
    if organisation_id:
        row = Organisation.get_or_none(Organisation.id == organisation_id)
        if row is not None:
            article, kind = row.article, kind or row.kind
    return OrgName(name, article, kind)


def name_forms(parties: list[Party], epn_name: str) -> dict[str, OrgName]:
    """Merge-field name -> OrgName, for the EPN and each partner."""
    forms = {"epn.nom": OrgName(epn_name, None, EPN_KIND)}
    partners = [p for p in parties if not p.is_epn]
    for i, party in enumerate(partners, 1):
        form = org_name(party.name, party.organisation_id, party.kind)
        forms[f"partenaires.{i}.nom"] = form
        if i == 1:
            forms["partenaire.nom"] = form
    return forms


def place_names(text: str, forms: dict[str, OrgName]) -> str:
    """Replace each name field by the form its context asks for; other fields are left to the merge."""
    out, last = [], 0
    for match in NAME_FIELD.finditer(text):
        form = forms.get(match.group(1))
        if form is None or not form.name.strip():
            continue
        before = text[last:match.start()]
        context = _BEFORE.search(text[:match.start()])
        if context and context.group("de"):
            capital = context.group("de")[0] == "D"
            before = before[:len(before) - len(context.group("de"))] if len(before) >= len(context.group("de")) \
                else before
            value = form.de()
            value = value[:1].upper() + value[1:] if capital else value
        elif context and context.group("a"):
            capital = context.group("a")[0] == "À"
            before = before[:len(before) - 2] if len(before) >= 2 else before
            value = form.a()
            value = value[:1].upper() + value[1:] if capital else value
        elif context and context.group("with"):
            value = form.bare()
        elif context and context.group("start") is not None:
            value = form.subject()
        else:
            value = form.bare()
        out.append(before + value)
        last = match.end()
    out.append(text[last:])
    return "".join(out)


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
