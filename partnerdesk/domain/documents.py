"""What the PDF documents print, prepared in advance.

The services (`services/documents/`) read the database, apply the rules (the
photo consent, which contributions count as obtained…) and fill these plain
records; the renderers in `partnerdesk/export/` turn them into PDF bytes and
never touch the database. Every text is ready to print (labels already
translated); dates are `dt.date`, amounts euros as floats, formatted by the
renderer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain.meetings import CommitteeLine


@dataclass
class Picture:
    """An image file to print (a photo or a portrait) with its caption."""

    path: str
    caption: str = ""


@dataclass
class Contact:
    """Who to call about the document: usually the project's animateur."""

    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class CalendarItem:
    label: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class Need:
    """One need of the project, by contribution type ("Financement", "Locaux"…)."""

    kind: str
    description: str = ""
    amount: float | None = None


@dataclass
class BudgetLine:
    label: str
    amount: float
    funded_by: str = ""  # the partner's name, "Fonds propres de l'EPN", or "" when still to find
    secured: bool = False  # the funding is committed (signed or obtained)
    note: str = ""  # e.g. the partner planned has withdrawn: the line is to find again


@dataclass
class Commitment:
    """A contribution of one partner: expected, then obtained."""

    partner: str
    kind: str
    description: str = ""
    expected: float | None = None
    obtained: float | None = None
    status: str = ""  # printed as is ("Attendue", "Obtenue"…)
    secured: bool = False


@dataclass
class Benefit:
    """One paragraph of "Ce que ce partenariat vous apporte"."""

    title: str
    text: str


@dataclass
class Addressee:
    """The partner a dossier is addressed to."""

    organisation: str
    person: str = ""
    role: str = ""
    stage: str = ""
    article: str | None = None  # the card's article form (domain/grammar.py), None = proposed
    kind: str = ""


@dataclass
class DossierData:
    title: str
    generated_on: dt.date
    summary: str = ""
    context: str = ""
    description: str = ""
    objectives: str = ""
    publics: list[str] = field(default_factory=list)
    place: str = ""
    duration: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    calendar: list[CalendarItem] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)
    budget: list[BudgetLine] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    benefits: list[Benefit] = field(default_factory=list)
    addressee: Addressee | None = None
    cover_photo: Picture | None = None
    contact: Contact = field(default_factory=Contact)
    discussed: int = 0  # partners still under discussion (counted, not named, next to "Déjà engagés")

    @property
    def budget_total(self) -> float:
        return sum(line.amount for line in self.budget)

    @property
    def budget_secured(self) -> float:
        return sum(line.amount for line in self.budget if line.secured)

    @property
    def budget_pending(self) -> float:
        return sum(line.amount for line in self.budget if line.funded_by and not line.secured)


@dataclass
class SessionLine:
    held_on: dt.date
    time: str = ""  # "14:00 – 16:00"
    place: str = ""
    facilitator: str = ""
    planned: int | None = None
    actual: int | None = None  # who came: the head count, else the names on the sheet (None: not known)
    cancelled: bool = False
    from_names: bool = False  # `actual` counts the names (no head count): left out of the attendance rate


@dataclass
class MonthAttendance:
    year: int
    month: int
    sessions: int
    participants: int


@dataclass
class Realization:
    title: str
    description: str = ""
    made_on: dt.date | None = None


@dataclass
class StaffTime:
    who: str
    hours: float


@dataclass
class PartnerTime:
    """Staff time spent with one partner against what that partner brought."""

    partner: str
    hours: float
    obtained: float = 0.0


@dataclass
class BilanData:
    """The bilan handed to partners. Partners are the engaged ones only (domain/engagement.py);
    sessions are the held and the cancelled ones (`SessionData.is_held`)."""

    title: str
    generated_on: dt.date
    bilan_text: str = ""
    objectives: list[str] = field(default_factory=list)  # what the project aimed at, one per line
    people: int | None = None  # distinct people among the names on the attendance sheets (None: no names)
    start: dt.date | None = None
    end: dt.date | None = None
    publics: list[str] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    sessions: list[SessionLine] = field(default_factory=list)
    realizations: list[Realization] = field(default_factory=list)
    photos: list[Picture] = field(default_factory=list)
    photos_left_out: int = 0  # photos not printed because a person's consent does not cover it
    staff_time: list[StaffTime] = field(default_factory=list)
    partner_time: list[PartnerTime] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    contact: Contact = field(default_factory=Contact)
    source: str = ""
    committees: list[CommitteeLine] = field(default_factory=list)  # the project's committees held (Rencontres)

    @property
    def held_sessions(self) -> list[SessionLine]:
        return [s for s in self.sessions if not s.cancelled]

    @property
    def participants(self) -> int:
        return sum(s.actual or 0 for s in self.held_sessions)

    @property
    def attendance_rate(self) -> float | None:
        """Actual over planned attendance, on the sessions where both are known."""
        pairs = [(s.actual, s.planned) for s in self.held_sessions
                 if s.actual is not None and not s.from_names and s.planned]
        planned = sum(p for _a, p in pairs)
        return sum(a for a, _p in pairs) / planned if planned else None

    @property
    def staff_hours(self) -> float:
        return sum(t.hours for t in self.staff_time)

    @property
    def expected_total(self) -> float:
        return sum(c.expected or 0 for c in self.commitments)

    @property
    def obtained_total(self) -> float:
        return sum(c.obtained or 0 for c in self.commitments)

    def by_month(self) -> list[MonthAttendance]:
        months: dict[tuple[int, int], MonthAttendance] = {}
        for s in sorted(self.held_sessions, key=lambda s: s.held_on):
            key = (s.held_on.year, s.held_on.month)
            row = months.setdefault(key, MonthAttendance(key[0], key[1], 0, 0))
            row.sessions += 1
            row.participants += s.actual or 0
        return list(months.values())


@dataclass
class PersonCard:
    name: str
    role: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    relais: bool = False
    photo: Picture | None = None  # only when the person's consent covers it


@dataclass
class ProjectStage:
    project: str
    stage: str
    since: dt.date | None = None
    contributions: str = ""


@dataclass
class InteractionLine:
    occurred_on: dt.date
    kind: str
    summary: str = ""
    people: str = ""


@dataclass
class PartnerSheetData:
    name: str
    generated_on: dt.date
    kind: str = ""
    status: str = ""
    address: str = ""  # several lines
    phone: str = ""
    email: str = ""
    website: str = ""
    publics: list[str] = field(default_factory=list)
    contributions: list[str] = field(default_factory=list)
    decision_circuit: str = ""
    tags: list[str] = field(default_factory=list)
    people: list[PersonCard] = field(default_factory=list)
    projects: list[ProjectStage] = field(default_factory=list)
    interactions: list[InteractionLine] = field(default_factory=list)
    internal: bool = False  # the EPN's own copy (status, tags, journal); False: the partner's copy


@dataclass
class AttendanceSheetData:
    project: str
    held_on: dt.date
    generated_on: dt.date
    time: str = ""
    place: str = ""
    facilitator: str = ""
    partner: str = ""
    planned: int | None = None
    names: list[str] = field(default_factory=list)
    minimum_lines: int = 12
    structures: list[str] = field(default_factory=list)  # beside each name, its organisation (a meeting's sheet)
    related_project: str = ""  # the project a meeting belongs to

    @property
    def line_count(self) -> int:
        """Every known name, room for a few more, at least the planned attendance."""
        return max(len(self.names) + 3, self.planned or 0, self.minimum_lines)
