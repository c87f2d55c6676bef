"""Merge fields: `{projet.titre}`, `{partenaire.nom}`, `{partenaires.2.representant}`...

A field is a dotted name between braces. Values come as a nested dict (lists
are indexed from 1 in names). A choice by the number of partners,
`{partenaires:au partenaire|aux partenaires}`, prints its first form for one partner and
its second for several (the count is `values[COUNTS]["partenaires"]`); a verb whose subject is
the list of partners agrees with it: `{partenaires.liste:accompagne|accompagnent}` (plural for
several partners, or for one named in the plural: `values[COUNTS]["partenaires.liste"]`), and so
does one with a single name: `{partenaire.nom:s'engage|s'engagent}`, `{epn.nom:…|…}`.

Resolution replaces what it can and lists every field that cannot be filled, with where it is:

- unknown: the name is not a field PartnerDesk knows (a typo, a field from another tool);
- missing: a known field with nothing behind it (no project linked, a third partner that
  does not exist, a date not set);
- empty: a known field whose value is blank (a partner without a representative);
- brace: a brace without its pair (`{partenaires.liste` not closed, `projet.titre}` not opened).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from partnerdesk.domain.labels import N_

FIELD = re.compile(r"\{([^\W\d][\w]*(?:\.[\w]+)*)\}")
# anything else between braces ("{ projet.titre }", "{Projet titre}") is an unknown field too:
# a convention never goes out with raw braces in it
BRACES = re.compile(r"\{([^{}\n]*)\}")
_NAMEISH = r"[^\W\d]\w*(?:[.:][\w|]*)+"
#: a field between braces, or a brace without its pair with the field-like name next to it
TOKEN = re.compile(r"\{([^{}\n]*)\}|\{(" + _NAMEISH + r")?|(" + _NAMEISH + r")?\}")
#: "{partenaires:one form|the other}": agreement with the number of partners (« au partenaire |
#: aux partenaires »); "{partenaires.liste:…|…}": with the partners as named (« Les Restos du Cœur
#: accompagnent », one partner with a plural name); "{partenaire.nom:s'engage|s'engagent}" (and
#: "{epn.nom:…|…}"): with that one name (each partner's own in its engagements)
CHOICE = re.compile(r"\{\s*(partenaires(?:\.liste)?|partenaire\.nom|epn\.nom)\s*:([^{}|\n]*)\|([^{}|\n]*)\}")
#: the key of `values` holding the counts that choices read (never a field of its own)
COUNTS = "_counts"

UNKNOWN, MISSING, EMPTY, BRACE = "unknown", "missing", "empty", "brace"
#: not a problem that blocks an export: a single-partner field in a text shared by several partners
FIRST_ONLY = "first_partner"
PROBLEM_LABELS = {UNKNOWN: N_("unknown field"), MISSING: N_("no value"), EMPTY: N_("empty value"),
                  BRACE: N_("brace without its pair"), FIRST_ONLY: N_("names only the first partner")}
SINGLE_PARTNER = re.compile(r"\{(partenaire\.\w+)\}")


@dataclass(frozen=True)
class FieldSpec:
    name: str  # `partenaires.N.nom` stands for every index
    label: str  # English, marked with N_


# The fields PartnerDesk fills, in the order of the side panel.
FIELDS = [
    FieldSpec("epn.nom", N_("EPN name")),
    FieldSpec("epn.adresse", N_("EPN address")),
    FieldSpec("epn.ville", N_("EPN town")),
    FieldSpec("epn.telephone", N_("EPN phone")),
    FieldSpec("epn.courriel", N_("EPN email")),
    FieldSpec("epn.signataire.nom", N_("EPN signatory")),
    FieldSpec("epn.signataire.qualite", N_("EPN signatory's title")),
    FieldSpec("projet.titre", N_("Project title")),
    FieldSpec("projet.description", N_("Project description")),
    FieldSpec("projet.objectifs", N_("Project objectives")),
    FieldSpec("projet.lieu", N_("Project place")),
    FieldSpec("projet.date_debut", N_("Project start date")),
    FieldSpec("projet.date_fin", N_("Project end date")),
    FieldSpec("partenaire.nom", N_("Partner name")),
    FieldSpec("partenaire.adresse", N_("Partner address")),
    FieldSpec("partenaire.representant", N_("Partner representative")),
    FieldSpec("partenaire.qualite", N_("Partner representative's title")),
    FieldSpec("partenaires.liste", N_("All partners (A, B and C)")),
    FieldSpec("partenaires:accompagne|accompagnent", N_("Agreement with the number of partners (one | several)")),
    FieldSpec("partenaires.liste:accompagne|accompagnent", N_("Verb agreeing with the partners named (one | several)")),
    FieldSpec("partenaire.nom:s'engage|s'engagent", N_("Verb agreeing with the partner's name (one | several)")),
    FieldSpec("partenaires.nombre", N_("Number of partners, in words")),
    FieldSpec("parties.nombre", N_("Number of parties (the EPN included), in words")),
    FieldSpec("partenaires.N.nom", N_("Name of the partner number N")),
    FieldSpec("partenaires.N.representant", N_("Representative of the partner number N")),
    FieldSpec("convention.titre", N_("Convention title")),
    FieldSpec("convention.lieu", N_("Place of the action")),
    FieldSpec("convention.version", N_("Version number")),
    FieldSpec("seances.nombre", N_("Number of sessions")),
    FieldSpec("personnes.nombre", N_("Number of people involved")),
    FieldSpec("date.debut", N_("Start date")),
    FieldSpec("date.fin", N_("End date")),
    FieldSpec("date.signature", N_("Signature date")),
    FieldSpec("date.jour", N_("Today's date")),
]
KNOWN = {f.name for f in FIELDS}


@dataclass(frozen=True)
class FieldProblem:
    name: str
    kind: str  # unknown, missing, empty
    where: str  # the section (or party) title


@dataclass
class Resolution:
    problems: list[FieldProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, problem: FieldProblem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)


def generic_name(name: str) -> str:
    """`partenaires.2.nom` -> `partenaires.N.nom`."""
    return ".".join("N" if part.isdigit() else part for part in name.split("."))


def is_known(name: str) -> bool:
    return generic_name(name) in KNOWN


def is_field(braced: str) -> bool:
    """Whether `{...}` is a field PartnerDesk fills: a known name or a choice by the number of partners."""
    if CHOICE.fullmatch(braced):
        return True
    match = FIELD.fullmatch(braced)
    return bool(match) and is_known(match.group(1))


def choose(braced: str, values: dict) -> str | None:
    """The form of a choice field for the number of partners in `values` (None if it is no choice)."""
    match = CHOICE.fullmatch(braced)
    if match is None:
        return None
    count = (values.get(COUNTS) or {}).get(match.group(1), 0)
    return (match.group(2) if count < 2 else match.group(3)).strip()


def lookup(name: str, values: dict) -> tuple[str, str | None]:
    """(kind, value): kind is "" when the field has a non-blank value."""
    if name.startswith("_"):
        return UNKNOWN, None
    node = values
    for part in name.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and 1 <= int(part) <= len(node):
            node = node[int(part) - 1]
        else:
            return (MISSING if is_known(name) else UNKNOWN), None
    if not is_known(name) and isinstance(node, (dict, list)):
        return UNKNOWN, None
    if node is None:
        return MISSING, None
    if isinstance(node, (dict, list)):
        return UNKNOWN, None
    text = str(node)
    if not text.strip():
        return EMPTY, text
    return "", text


def first_partner_only(texts: list[tuple[str, str]], partners: int) -> list[FieldProblem]:
    """The `{partenaire.…}` fields of texts shared by every party ((where, text) pairs), when there
    are several partners: they name the first one only (`{partenaires.liste}` names them all).
    Templates written for one partner keep them; this is said, not refused."""
    if partners < 2:
        return []
    found: list[FieldProblem] = []
    for where, text in texts:
        for name in SINGLE_PARTNER.findall(text or ""):
            problem = FieldProblem(name, FIRST_ONLY, where)
            if problem not in found:
                found.append(problem)
    return found


def fields_in(text: str) -> list[str]:
    return BRACES.findall(text or "")


BLANK = "…………"  # a place to fill in by hand on the printed convention


def resolve(text: str, values: dict, where: str, result: Resolution, *, blanks: bool = False) -> str:
    """`text` with every field replaced. A field that cannot be filled is recorded in
    `result` and kept as `{name}`, or printed as a dotted blank to fill by hand when
    `blanks` is True. A brace without its pair is a problem too (never printed when `blanks`:
    dropped, with the field name next to it)."""

    def replace(match: re.Match) -> str:
        if match.group(1) is None:  # "{partenaires.liste" not closed, "projet.titre}" not opened, "{", "}"
            near = match.group(2) or match.group(3)
            result.add(FieldProblem(near or "", BRACE, where))
            return (BLANK if near else "") if blanks else match.group(0)
        name = match.group(1)
        chosen = choose(match.group(0), values)
        if chosen is not None:
            return chosen
        if FIELD.fullmatch(match.group(0)):
            kind, value = lookup(name, values)
        else:
            kind, value = UNKNOWN, None
        if kind:
            result.add(FieldProblem(name, kind, where))  # shown as {name}: spaces kept, so it reads as typed
            return BLANK if blanks else match.group(0)
        return value

    return TOKEN.sub(replace, text or "")


def flatten(values: dict, prefix: str = "") -> dict[str, str | None]:
    """Every leaf of `values` by its dotted name (lists indexed from 1), for the side panel."""
    out: dict[str, str | None] = {}
    items = values.items() if isinstance(values, dict) else ((str(i), v) for i, v in enumerate(values, 1))
    for key, value in items:
        name = f"{prefix}{key}"
        if isinstance(value, (dict, list)):
            out.update(flatten(value, name + "."))
        else:
            out[name] = None if value is None else str(value)
    return out
