"""Merge-field values, resolution before export, and the PDF / ODT exports of a convention."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerdesk.domain import merge_fields as mf
from partnerdesk.domain.convention_document import ConventionDocument, DocParty, DocSection
from partnerdesk.domain.conventions import ConventionData, Party, address_line
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.rich_text import Block, parse_blocks
from partnerdesk.i18n import _, document_language, format_date
from partnerdesk.services import projects, settings
from partnerdesk.services.conventions import get_convention
from partnerdesk.services.files import write_file


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


def _date(value) -> str | None:
    return None if value is None else format_date(value)


def _number(value: int | None) -> str | None:
    return None if value is None else str(value)


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
    numbered = {str(i): _party_values(p) for i, p in enumerate(partners, 1)}
    return {
        "epn": {"nom": identity.name or (epn.name if epn else ""), "adresse": address, "ville": identity.city,
                "telephone": identity.phone, "courriel": identity.email,
                "signataire": {"nom": epn.signatory if epn else identity.signatory_name,
                               "qualite": epn.signatory_title if epn else identity.signatory_title}},
        "projet": _project(conv.project_id),
        "partenaire": _party_values(partners[0]) if partners else None,
        "partenaires": {"liste": ", ".join(p.name for p in partners), **numbered},
        "convention": {"titre": conv.title, "lieu": conv.place, "version": str(conv.version)},
        "seances": {"nombre": _number(conv.sessions_count)},
        "personnes": {"nombre": _number(conv.people_count)},
        "date": {"debut": _date(conv.start_date), "fin": _date(conv.end_date), "signature": _date(conv.signed_on),
                 "jour": _date(today or dt.date.today())},
    }


def field_values(conv: ConventionData) -> list[tuple[str, str, str | None]]:
    """(name, English label, current value or None) of every field, for the side panel."""
    values = values_for(conv)
    flat = mf.flatten(values)
    out = []
    for spec in mf.FIELDS:
        if ".N." in spec.name:
            out.extend((name, spec.label, value) for name, value in flat.items()
                       if mf.generic_name(name) == spec.name)
        else:
            kind, value = mf.lookup(spec.name, values)
            out.append((spec.name, spec.label, value if not kind else None))
    return out


def _resolve_blocks(html: str, values: dict, where: str, result: mf.Resolution, blanks: bool) -> list[Block]:
    blocks = parse_blocks(html)
    for block in blocks:
        for run in block.runs:
            run.text = mf.resolve(run.text, values, where, result, blanks=blanks)
    return [b for b in blocks if b.text.strip()]


def document(conv: ConventionData, *, blanks: bool = False, identity: EpnIdentity | None = None,
             today: dt.date | None = None) -> tuple[ConventionDocument, mf.Resolution]:
    """The printable convention and the fields that could not be filled."""
    identity = identity or settings.identity()
    values = values_for(conv, identity, today)
    result = mf.Resolution()
    sections = []
    for number, section in enumerate(conv.content.sections, 1):
        title = mf.resolve(section.title, values, section.title, result, blanks=blanks)
        doc = DocSection(number, title, _resolve_blocks(section.body, values, section.title, result, blanks),
                         signatures=section.kind == "signatures")
        if section.kind == "engagements":
            for party in conv.content.parties:
                party_values = {**values, "partenaire": _party_values(party)}
                where = f"{section.title} — {party.name}"
                doc.subsections.append((_("Commitments of {name}").format(name=party.name),
                                        _resolve_blocks(party.engagements, party_values, where, result, blanks)))
        sections.append(doc)
    parties = [DocParty(p.name, p.address, p.signatory, p.signatory_title, p.is_epn) for p in conv.content.parties]
    project = (values.get("projet") or {}).get("titre") or ""
    labels = {
        "between": _("Between the undersigned"), "and": _("And"),
        "represented_by": _("represented by {name}, {title}"), "hereafter": _("hereafter « {name} »"),
        "page": _("page {page} / {pages}"), "signature": _("Signature"), "for": _("For {name}"),
        "version": _("Version {number}"), "signed_on": _("Signed on {date}"),
        "kind": _("Partnership convention"),
    }
    version_label = labels["version"].format(number=conv.version)
    doc = ConventionDocument(conv.title, project, version_label, identity, parties, sections, labels)
    return doc, result


def check(conv: ConventionData) -> mf.Resolution:
    return document(conv)[1]


def export(convention_id: int, path: Path, *, accept_blanks: bool = False) -> Path:
    """Write the convention as PDF or ODT (by the file's extension).

    Raises UnresolvedFields when a field is unknown or empty, unless `accept_blanks`
    (then those fields print as nothing: never as a raw `{...}`)."""
    conv = get_convention(convention_id)
    if conv is None:
        raise LookupError(convention_id)
    with document_language(settings.document_language()):
        doc, result = document(conv, blanks=accept_blanks)
        if not result.ok and not accept_blanks:
            raise UnresolvedFields(result.problems)
        path = Path(path)
        if path.suffix.lower() == ".odt":
            from partnerdesk.export.convention_odt import render_odt

            data = render_odt(doc)
        else:
            from partnerdesk.export.convention import render_pdf

            data = render_pdf(doc)
    write_file(path, data)
    return path
