"""Merge-field values, resolution before export, and the PDF / ODT exports of a convention."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from partnerdesk.domain import merge_fields as mf
from partnerdesk.domain.convention_document import ConventionDocument, DocParty, DocSection
from partnerdesk.domain import grammar
from partnerdesk.domain.enumeration import english_count_words, join_words
from partnerdesk.domain.grammar import typographic
from partnerdesk.domain.conventions import ConventionData, ConventionStatus, Party, address_line
from partnerdesk.domain.identity import EPN_KIND, EpnIdentity
from partnerdesk.domain.rich_text import Block, parse_blocks
from partnerdesk.i18n import _, babel_locale, document_language, language
from partnerdesk.services import convention_french as french
from partnerdesk.services import projects, settings
from partnerdesk.services.conventions import get_convention
from partnerdesk.services.files import write_file
from partnerdesk.store.models import ConventionFrozen


class UnresolvedFields(Exception):
    """The export was refused: some fields cannot be filled (and blanks were not accepted)."""

    def __init__(self, problems: list[mf.FieldProblem]):
        super().__init__(", ".join(f"{{{p.name}}} ({p.where})" for p in problems))
        self.problems = problems


def _project(project_id: int | None) -> dict | None:
    project = projects.get_project(project_id) if project_id else None
    if project is None:
        return None
    return {"titre": project.title, "description": project.description, "objectifs": project.objectives,
            "lieu": project.place, "date_debut": _date(project.start_date), "date_fin": _date(project.end_date)}


def written_in(conv: ConventionData):
    """The block inside which a convention is merged and printed: its own language (the one of its
    template), whatever the documents' language setting, so that its labels and grammar never
    differ from its text."""
    return document_language(conv.content.language)


def _date(value) -> str | None:
    """Dates in words ("30 novembre 2026": French templates write "le {date.debut}"; "5 January 2026")."""
    if value is None:
        return None
    if language() == "fr":
        return french.date_words(value)
    from babel.dates import format_date as babel_date

    return babel_date(value, format="long", locale=babel_locale())


def _number(value: int | None) -> str | None:
    return None if value is None else str(value)


def _count_words(count: int, feminine: bool = False) -> str:
    """"trois" in a French convention, "three" in an English one."""
    return grammar.count_words(count, feminine) if language() == "fr" else english_count_words(count)


def _partners_values(partners: list[Party]) -> dict:
    """`partenaires.liste` ("A, B et C"), `partenaires.nombre` and each partner by its number."""
    numbered = {str(i): _party_values(p) for i, p in enumerate(partners, 1)}
    names = [p.name for p in partners]
    return {"liste": join_words(names, "et" if language() == "fr" else "and"),
            "nombre": _count_words(len(partners)), **numbered}


def _party_values(party: Party) -> dict:
    return {"nom": party.name, "adresse": party.address, "representant": party.signatory,
            "qualite": party.signatory_title}


def values_for(conv: ConventionData, identity: EpnIdentity | None = None,
               today: dt.date | None = None) -> dict:
    """The nested values behind every merge field of `conv`."""
    identity = identity or settings.identity()
    partners = [p for p in conv.content.parties if not p.is_epn]
    epn = next((p for p in conv.content.parties if p.is_epn), None)
    address = address_line(identity.address, identity.postcode, identity.city)
    return {
        "epn": {"nom": epn_name(identity, epn), "adresse": address, "ville": identity.city,
                "telephone": identity.phone, "courriel": identity.email,
                "signataire": {"nom": epn.signatory if epn else identity.signatory_name,
                               "qualite": epn.signatory_title if epn else identity.signatory_title}},
        "projet": _project(conv.project_id),
        "partenaire": _party_values(partners[0]) if partners else None,
        # no partner yet: these fields have no value (listed before export), never « les une parties »
        "partenaires": _partners_values(partners) if partners else None,
        "parties": {"nombre": _count_words(len(conv.content.parties), feminine=True)} if partners else None,
        "convention": {"titre": conv.title, "lieu": conv.place, "version": str(conv.version)},
        "seances": {"nombre": _number(conv.sessions_count)},
        "personnes": {"nombre": _number(conv.people_count)},
        "date": {"debut": _date(conv.start_date), "fin": _date(conv.end_date), "signature": _date(conv.signed_on),
                 "jour": _date(today or dt.date.today())},
        mf.COUNTS: {"partenaires": len(partners), **_numbers(conv, identity)},
    }


#: the EPN party's name that conventions made before 0.2.6 stored for an unnamed EPN
_OLD_UNNAMED = "EPN"


def epn_name(identity: EpnIdentity, epn: Party | None) -> str:
    """The EPN's name as a convention prints it (in its language: inside `written_in`): the identity's;
    else the name typed on the EPN's party; else the unnamed EPN's (`EpnIdentity.shown_name`), as on
    the page header, also for the « EPN » stored by conventions made before 0.2.6."""
    typed = " ".join(epn.name.split()) if epn else ""
    if identity.named or not typed or typed == _OLD_UNNAMED:
        return identity.shown_name(_)
    return typed


def _numbers(conv: ConventionData, identity: EpnIdentity) -> dict[str, int]:
    """How many the names are for a verb (the counts of `{partenaires.liste:…|…}`, `{partenaire.nom:…|…}`,
    `{epn.nom:…|…}`): in French, a name in the plural (« Les Restos du Cœur ») is several; in
    English a name is one organisation."""
    count = sum(1 for p in conv.content.parties if not p.is_epn)
    if language() != "fr":
        return {"partenaires.liste": count, "partenaire.nom": 1, "epn.nom": 1}
    forms = french.name_forms(conv.content.parties,
                              epn_name(identity, next((p for p in conv.content.parties if p.is_epn), None)))
    return {"partenaires.liste": max(count, number_of(forms["partenaires.liste"])),
            "partenaire.nom": number_of(forms.get("partenaire.nom")), "epn.nom": number_of(forms["epn.nom"])}


def number_of(form) -> int:
    """2 for a name in the plural (« Les Petits Débrouillards »), else 1."""
    return 2 if form is not None and form.plural else 1


def field_values(conv: ConventionData) -> list[tuple[str, str, str | None]]:
    """(name, English label, current value or None) of every field, for the side panel: the values
    as the convention prints them, in its language."""
    with written_in(conv):
        values = values_for(conv)
    flat = mf.flatten(values)
    out = []
    for spec in mf.FIELDS:
        if ".N." in spec.name:
            out.extend((name, spec.label, value) for name, value in flat.items()
                       if mf.generic_name(name) == spec.name)
        elif mf.CHOICE.fullmatch("{" + spec.name + "}"):
            out.append((spec.name, spec.label, mf.choose("{" + spec.name + "}", values)))
        else:
            kind, value = mf.lookup(spec.name, values)
            out.append((spec.name, spec.label, value if not kind else None))
    return out


def first_partner_fields(conv: ConventionData) -> list[mf.FieldProblem]:
    """Single-partner fields in the shared text of a convention with several partners (a notice
    for the side panel; the engagements of each partner are that partner's own)."""
    texts = [(s.title, t) for s in conv.content.sections for t in (s.title, s.body)]
    return mf.first_partner_only(texts, sum(1 for p in conv.content.parties if not p.is_epn))


def _resolve_blocks(html: str, values: dict, where: str, result: mf.Resolution, blanks: bool,
                    grammar_of: dict | None = None) -> list[Block]:
    """`grammar_of`: in French, the name forms and party count (see services/convention_french.py)."""
    blocks = parse_blocks(html)
    for block in blocks:
        placed = french.place_names_in_runs([run.text for run in block.runs], grammar_of["forms"]) if grammar_of \
            else [run.text for run in block.runs]
        for run, text in zip(block.runs, placed):
            text = mf.resolve(text, values, where, result, blanks=blanks)
            if grammar_of:  # and one kind of apostrophe: "L’Hôtel de ville s’engage"
                text = french.unprotect(typographic(french.count_parties(text, grammar_of["count"])))
            run.text = text
    return [b for b in blocks if b.text.strip()]


def document(conv: ConventionData, *, blanks: bool = False, identity: EpnIdentity | None = None,
             today: dt.date | None = None) -> tuple[ConventionDocument, mf.Resolution]:
    """The printable convention (merged now) and the fields that could not be filled."""
    identity = identity or settings.identity()
    values = values_for(conv, identity, today)
    if not identity.named:  # the page header names the EPN as the parties block does (`epn_name`)
        identity = dataclasses.replace(identity, name=values["epn"]["nom"])
    result = mf.Resolution()
    fr = language() == "fr"
    forms = french.name_forms(conv.content.parties, values["epn"]["nom"]) if fr else {}
    grammar_of = {"forms": forms, "count": len(conv.content.parties)} if fr else None
    sections = []
    for number, section in enumerate(conv.content.sections, 1):
        title = mf.resolve(french.place_names(section.title, forms) if fr else section.title, values,
                           section.title, result, blanks=blanks)
        title = french.unprotect(typographic(title)) if fr else title
        doc = DocSection(number, title, _resolve_blocks(section.body, values, section.title, result, blanks,
                                                        grammar_of),
                         signatures=section.kind == "signatures")
        if section.kind == "engagements":
            for party in conv.content.parties:
                form = _party_form(party, forms, identity)
                party_values = {**values, "partenaire": _party_values(party),
                                mf.COUNTS: {**values[mf.COUNTS], "partenaire.nom": number_of(form) if fr else 1}}
                where = f"{section.title} — {party.name}"
                heading = f"Engagements {form.de()}" if fr else _("Commitments of {name}").format(name=party.name)
                party_grammar = {**grammar_of, "forms": {**forms, "partenaire.nom": form}} if fr else None
                doc.subsections.append((heading, _resolve_blocks(party.engagements, party_values, where, result,
                                                                 blanks, party_grammar)))
        sections.append(doc)
    printed = [_as_printed(p, values) for p in conv.content.parties]
    parties = []
    for p in printed:
        form = _party_form(p, forms, identity) if fr else None
        parties.append(DocParty(p.name, p.address, p.signatory, p.signatory_title, p.is_epn,
                                french.represented(p, form) if form else "", typographic(form.bare()) if form else ""))
    project = (values.get("projet") or {}).get("titre") or ""
    if " ".join(project.split()).casefold() == " ".join(conv.title.split()).casefold():
        project = ""  # the title is not repeated as a subtitle
    labels = {
        "between": _("Between the undersigned"), "and": _("And"),
        "represented_by": _("represented by {name}, {title}"), "hereafter": _("hereafter “{name}”"),
        "page": _("page {page} / {pages}"), "signature": _("Signature"), "for": _("For {name}"),
        "version": _("Version {number}"), "signed_on": _("Signed on {date}"),
        "kind": _("Partnership agreement"), "draft": _("DRAFT — unsigned document"),
    }
    version_label = labels["version"].format(number=conv.version)
    draft = not ConventionStatus(conv.status).is_signed
    doc = ConventionDocument(conv.title, project, version_label, identity, parties, sections, labels, draft)
    return doc, result


def _as_printed(party: Party, values: dict) -> Party:
    """The EPN's party carries the EPN identity of the merge (name, address), so that the parties
    block and the text never disagree; its signatory stays the one chosen in the convention."""
    if not party.is_epn:
        return party
    epn = values["epn"]
    return dataclasses.replace(party, name=epn["nom"] or party.name, address=epn["adresse"] or party.address)


def _party_form(party: Party, forms: dict, identity: EpnIdentity) -> french.OrgName:
    if party.is_epn:
        return forms.get("epn.nom") or french.OrgName(epn_name(identity, party), None, EPN_KIND)
    return french.org_name(party.name, party.organisation_id, party.kind)


def printable(conv: ConventionData, *, blanks: bool = False) -> tuple[ConventionDocument, mf.Resolution]:
    """What is printed: the text frozen at signature for a signed convention (the same whatever
    changed since: identity, names, signatories), the text merged now for a draft."""
    if ConventionStatus(conv.status).is_signed:
        frozen = _frozen(conv)
        if frozen is None and conv.id is not None:  # signed before texts were kept (before migration
            freeze(conv.id)                           # 0008): the text printed now is kept from now on
            frozen = _frozen(conv)
        if frozen is not None:
            return ConventionDocument.from_dict(frozen.document), mf.Resolution()
    return document(conv, blanks=blanks)


def _frozen(conv: ConventionData) -> ConventionFrozen | None:
    return ConventionFrozen.get_or_none((ConventionFrozen.convention == conv.id)
                                        & (ConventionFrozen.version == conv.version))


def freeze(convention_id: int, now: dt.datetime | None = None) -> None:
    """Keep the merged text of the convention as signed (called when it becomes signed).
    Fields that cannot be filled are frozen as blanks to fill by hand, never as raw braces."""
    conv = get_convention(convention_id)
    if conv is None:
        return
    with written_in(conv):
        doc, _result = document(conv, blanks=True)
    doc.draft = False
    ConventionFrozen.insert(convention=convention_id, version=conv.version, frozen_at=now or dt.datetime.now(),
                            document=doc.to_dict()).on_conflict_replace().execute()


def rendered(convention_id: int, fmt: str = "pdf", *, accept_blanks: bool = False):
    """The convention as bytes (`documents.Rendered`, with `page_fill` for a PDF), in its own language."""
    from partnerdesk.services.documents import Rendered

    conv = get_convention(convention_id)
    if conv is None:
        raise LookupError(convention_id)
    with written_in(conv):
        doc, result = printable(conv, blanks=accept_blanks)
        if not result.ok and not accept_blanks:
            raise UnresolvedFields(result.problems)
        if fmt == "odt":
            from partnerdesk.export.convention_odt import render_odt

            return Rendered(render_odt(doc), doc.title)
        from partnerdesk.export.convention import ConventionPdf

        pdf = ConventionPdf(doc)
        data = pdf.render()
        return Rendered(data, doc.title, page_fill=pdf.page_fill)


def check(conv: ConventionData) -> mf.Resolution:
    with written_in(conv):
        return document(conv)[1]


def export(convention_id: int, path: Path, *, accept_blanks: bool = False) -> Path:
    """Write the convention as PDF or ODT (by the file's extension).

    Raises UnresolvedFields when a field is unknown or empty, unless `accept_blanks`
    (then those fields print as nothing: never as a raw `{...}`). A signed convention prints
    the text frozen at its signature."""
    path = Path(path)
    result = rendered(convention_id, "odt" if path.suffix.lower() == ".odt" else "pdf", accept_blanks=accept_blanks)
    write_file(path, result.pdf)
    return path
