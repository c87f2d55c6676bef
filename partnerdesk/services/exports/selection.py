"""Which organisations and people an export covers (all, a tag, or the ids of
the current filtered list), as rows with translated headers."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from partnerdesk.domain.affiliation_cells import AffiliationLine, day_text, format_cell
from partnerdesk.domain.contact_points import Address, addresses_from, describe
from partnerdesk.domain.dataio import EXPORT_ADDRESS_SEPARATOR, EXPORT_SEPARATOR, ORGANISATION_EXPORT, PEOPLE_EXPORT
from partnerdesk.domain.grammar import ARTICLE_CHOICES, CIVILITY_CHOICES
from partnerdesk.domain.partners import Contribution, OrgKind, OrgStatus, Public
from partnerdesk.i18n import _
from partnerdesk.store import database


CIVILITIES = {code: label for code, label in CIVILITY_CHOICES if code}
ARTICLE_LABELS = dict(ARTICLE_CHOICES)


def article_text(article: str | None) -> str:
    """An organisation's article form as its card names it ("la … (feminine)", "no article");
    empty when the card lets PartnerDesk propose it from the name (NULL)."""
    if article is None:
        return ""
    return _(ARTICLE_LABELS[article]) if article in ARTICLE_LABELS else article


@dataclass
class Selection:
    """tag_id: only cards with this tag; ids: only these cards (the filtered list)."""

    tag_id: int | None = None
    ids: list[int] | None = None

    def where(self, kind: str, alias: str) -> tuple[str, list]:
        clauses, params = [f"{alias}.deleted_at IS NULL"], []
        if self.tag_id is not None:
            clauses.append(f"{alias}.id IN (SELECT {kind}_id FROM {kind}_tag WHERE tag_id = ?)")
            params.append(self.tag_id)
        if self.ids is not None:
            clauses.append(f"{alias}.id IN ({', '.join('?' for _i in self.ids) or 'NULL'})")
            params.extend(self.ids)
        return " AND ".join(clauses), params


@dataclass
class PersonCard:
    id: int
    first_name: str
    last_name: str
    emails: list[str]
    phones: list[str]
    notes: str
    organisation: str = ""
    organisation_id: int | None = None
    role: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    tags: list[str] = field(default_factory=list)
    relais: bool = False
    # migration 0010 (issue #19)
    department: str = ""
    title: str = ""  # held without an organisation
    addresses: list[Address] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    labels: dict[str, dict] = field(default_factory=dict)
    since: dt.date | None = None  # start of the affiliation to `organisation`
    history: list[AffiliationLine] = field(default_factory=list)  # the other affiliations, past ones too
    civility: str = ""
    verified_on: dt.date | None = None  # last checked in the yearly review

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def list_tags() -> list[tuple[int, str]]:
    return [(r[0], r[1]) for r in database.execute_sql("SELECT id, name FROM tag ORDER BY name COLLATE NOCASE")]


def _tags(kind: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for owner, name in database.execute_sql(
            f"SELECT l.{kind}_id, t.name FROM {kind}_tag l JOIN tag t ON t.id = l.tag_id ORDER BY t.name"):
        out.setdefault(owner, []).append(name)
    return out


def _labels(enum, values_json: str) -> str:
    try:
        values = json.loads(values_json or "[]")
    except ValueError:
        return ""
    return ", ".join(_(enum.parse(v).label) if enum.parse(v) else str(v) for v in values)


def organisation_headers() -> list[str]:
    return [_(name) for name, _target in ORGANISATION_EXPORT]


def organisation_rows(selection: Selection | None = None) -> list[list]:
    where, params = (selection or Selection()).where("organisation", "o")
    tags = _tags("organisation")
    rows = []
    for r in database.execute_sql(
            "SELECT o.id, o.name, o.kind, o.status, o.address, o.postcode, o.city, o.country, o.phone, o.email,"
            " o.website, o.publics, o.contributions, o.notes, o.decision_circuit, o.contact_cadence_days,"
            f" o.article, o.verified_on FROM organisation o WHERE {where}"
            " ORDER BY o.name_norm", params):
        kind, status = OrgKind.parse(r[2]), OrgStatus.parse(r[3])
        rows.append([r[1], _(kind.label) if kind else r[2], _(status.label) if status else r[3], r[4], r[5], r[6],
                     r[7], r[8], r[9], r[10], _labels(Public, r[11]), _labels(Contribution, r[12]),
                     ", ".join(tags.get(r[0], [])), r[13], r[14], r[15] or "", article_text(r[16]),
                     day_text(_day(r[17]))])
    return rows


def people(selection: Selection | None = None) -> list[PersonCard]:
    where, params = (selection or Selection()).where("person", "p")
    tags = _tags("person")
    affiliations = _affiliations()
    cards = []
    for r in database.execute_sql(
            "SELECT p.id, p.first_name, p.last_name, p.emails, p.phones, p.notes, p.relais,"
            " o.id, o.name, a.role, o.address, o.postcode, o.city, o.country,"
            " a.department, p.title, p.addresses, p.websites, p.labels, a.id, a.start_date, p.civility,"
            " p.verified_on"
            " FROM person p LEFT JOIN affiliation a ON a.id = ("
            "   SELECT a2.id FROM affiliation a2 WHERE a2.person_id = p.id AND a2.end_date IS NULL"
            "   ORDER BY a2.start_date DESC, a2.id DESC LIMIT 1)"
            " LEFT JOIN organisation o ON o.id = a.organisation_id"
            f" WHERE {where} ORDER BY p.name_norm", params):
        cards.append(PersonCard(r[0], r[1], r[2], json.loads(r[3] or "[]"), json.loads(r[4] or "[]"), r[5],
                                r[8] or "", r[7], r[9] or "", r[10] or "", r[11] or "", r[12] or "", r[13] or "",
                                tags.get(r[0], []), bool(r[6]), department=r[14] or "", title=r[15] or "",
                                addresses=addresses_from(json.loads(r[16] or "[]")),
                                websites=json.loads(r[17] or "[]"), labels=json.loads(r[18] or "{}"),
                                since=_day(r[20]), civility=r[21] or "", verified_on=_day(r[22]),
                                history=[line for aid, line in affiliations.get(r[0], []) if aid != r[19]]))
    return cards


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _affiliations() -> dict[int, list[tuple[int, AffiliationLine]]]:
    """Every affiliation of every person, oldest first: (affiliation id, line)."""
    out: dict[int, list[tuple[int, AffiliationLine]]] = {}
    for aid, pid, name, role, department, start, end in database.execute_sql(
            "SELECT a.id, a.person_id, o.name, a.role, a.department, a.start_date, a.end_date FROM affiliation a"
            " JOIN organisation o ON o.id = a.organisation_id"
            " ORDER BY a.person_id, a.start_date IS NOT NULL, a.start_date, a.id"):
        out.setdefault(pid, []).append((aid, AffiliationLine(name, role or "", department or "", _day(start),
                                                             _day(end))))
    return out


def people_headers() -> list[str]:
    return [_(name) for name, _target in PEOPLE_EXPORT]


def people_rows(selection: Selection | None = None) -> list[list]:
    """One row per person; phones and emails with their kind and extension ("… ext. 12 (work)")."""
    def described(values, labels) -> str:
        return EXPORT_SEPARATOR.join(describe(v, labels.get(v), _) for v in values)

    def place(c: PersonCard, kind: str) -> str:
        return EXPORT_ADDRESS_SEPARATOR.join(a.one_line() for a in c.addresses if a.kind == kind)

    return [[c.first_name, c.last_name, described(c.emails, c.labels), described(c.phones, c.labels), c.organisation,
             c.role, _("yes") if c.relais else "", ", ".join(c.tags), c.notes, c.department, c.title,
             described(c.websites, c.labels), place(c, "home"), place(c, "work"), place(c, "other"),
             day_text(c.since), format_cell(c.history), _(CIVILITIES[c.civility]) if c.civility in CIVILITIES else c.civility,
             day_text(c.verified_on)]
            for c in people(selection)]
