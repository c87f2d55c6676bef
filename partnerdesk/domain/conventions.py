"""Conventions: statuses, the validation circuit and its presets, as pure rules.

The text side (merge fields, rich text) lives in `domain/merge_fields.py` and
`domain/rich_text.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain.convention_status import ENDING_SOON_DAYS, ConventionStatus, StepStatus  # noqa: F401
from partnerdesk.domain.labels import N_

class TransitionError(ValueError):
    """A status change that the rules forbid; `message` is English, marked for translation."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# status -> statuses it may move to
CONVENTION_TRANSITIONS: dict[ConventionStatus, tuple[ConventionStatus, ...]] = {
    ConventionStatus.BROUILLON: (ConventionStatus.EN_VALIDATION,),
    ConventionStatus.EN_VALIDATION: (ConventionStatus.BROUILLON, ConventionStatus.SIGNEE),
    ConventionStatus.SIGNEE: (ConventionStatus.EN_COURS, ConventionStatus.RESILIEE),
    ConventionStatus.EN_COURS: (ConventionStatus.ECHUE, ConventionStatus.RESILIEE),
    ConventionStatus.ECHUE: (),
    ConventionStatus.RESILIEE: (),
}

# step status -> {action: new status}
STEP_ACTIONS: dict[StepStatus, dict[str, StepStatus]] = {
    StepStatus.A_FAIRE: {"start": StepStatus.EN_COURS},
    StepStatus.EN_COURS: {"approve": StepStatus.VALIDE, "refuse": StepStatus.REFUSE},
    StepStatus.VALIDE: {"reopen": StepStatus.EN_COURS},
    StepStatus.REFUSE: {"reopen": StepStatus.EN_COURS},
}

STEP_ACTION_LABELS = {
    "start": N_("Start the step"),
    "approve": N_("Approve"),
    "refuse": N_("Refuse"),
    "reopen": N_("Reopen"),
}


@dataclass
class CircuitStep:
    label: str
    who: str = ""
    status: str = StepStatus.A_FAIRE.value
    started_on: dt.date | None = None
    decided_on: dt.date | None = None
    comment: str = ""
    id: int | None = None


def step_transition(step: CircuitStep, action: str, today: dt.date) -> CircuitStep:
    """The step after `action` (start, approve, refuse, reopen); raises TransitionError."""
    current = StepStatus(step.status)
    target = STEP_ACTIONS[current].get(action)
    if target is None:
        raise TransitionError(N_("This step cannot do that from its current status."))
    if target is StepStatus.REFUSE and not step.comment.strip():
        raise TransitionError(N_("Say why the step is refused in its comment."))
    new = CircuitStep(**{**step.__dict__})
    new.status = target.value
    if action in ("start", "reopen"):
        new.started_on = new.started_on or today
        new.decided_on = None
    elif target in (StepStatus.VALIDE, StepStatus.REFUSE):
        new.started_on = new.started_on or today
        new.decided_on = today
    return new


def check_transition(status: str, target: str, steps: list[CircuitStep], *,
                     signed_on: dt.date | None = None, start: dt.date | None = None,
                     end: dt.date | None = None) -> None:
    """Raise TransitionError unless the convention may go from `status` to `target`."""
    current, wanted = ConventionStatus(status), ConventionStatus(target)
    if wanted not in CONVENTION_TRANSITIONS[current]:
        raise TransitionError(N_("A convention cannot go from this status to that one."))
    if wanted is ConventionStatus.EN_VALIDATION and not steps:
        raise TransitionError(N_("Add at least one step to the validation circuit first."))
    if wanted is ConventionStatus.SIGNEE:
        if any(s.status != StepStatus.VALIDE.value for s in steps):
            raise TransitionError(N_("Every step of the circuit must be approved before signing."))
        if signed_on is None:
            raise TransitionError(N_("Fill in the signature date first."))
    if wanted is ConventionStatus.EN_COURS and start is None:
        raise TransitionError(N_("Fill in the start date first."))
    if wanted is ConventionStatus.ECHUE and (end is None or (signed_on and end < signed_on)):
        raise TransitionError(N_("Fill in a valid end date first."))


def address_line(address: str, postcode: str, city: str) -> str:
    """"2 rue de la Mairie, 35000 Saint-Aubin" on one line, for the parties block."""
    street = " ".join((address or "").split())
    return ", ".join(x for x in (street, f"{postcode or ''} {city or ''}".strip()) if x)


def allowed_targets(status: str) -> tuple[ConventionStatus, ...]:
    return CONVENTION_TRANSITIONS[ConventionStatus(status)]


def is_ending_soon(status: str, end: dt.date | None, today: dt.date, days: int = ENDING_SOON_DAYS) -> bool:
    if end is None or status not in (ConventionStatus.SIGNEE.value, ConventionStatus.EN_COURS.value):
        return False
    return today <= end <= today + dt.timedelta(days=days)


# Circuit presets by party kind (organisation kinds of domain/partners.py).
CIRCUIT_PRESETS: dict[str, list[tuple[str, str]]] = {
    "service_municipal": [
        (N_("Department in charge"), ""),
        (N_("Mayor's office / elected official"), ""),
        (N_("Municipal order or council decision"), ""),
    ],
    "association": [(N_("Association board"), ""), (N_("Board of directors"), "")],
    "entreprise": [(N_("Management"), "")],
    "etablissement_scolaire": [(N_("Head of school"), "")],
    "institution_publique": [(N_("Department in charge"), ""), (N_("Management"), "")],
    "fondation": [(N_("Management"), "")],
}


@dataclass
class Party:
    """One signing party: the EPN itself or a partner organisation."""

    name: str
    is_epn: bool = False
    organisation_id: int | None = None
    kind: str = ""
    address: str = ""
    signatory: str = ""
    signatory_title: str = ""
    engagements: str = ""  # rich text (the HTML subset)
    id: int | None = None


@dataclass
class Section:
    """A section of a convention or template. kind: text, engagements (one sub-section per
    party), signatures (text followed by the signature blocks)."""

    key: str
    title: str
    body: str = ""  # rich text (the HTML subset)
    kind: str = "text"


#: the languages a convention can be written in; what was written before they were recorded is French
LANGUAGES = ("fr", "en")
#: said beside a convention or a template (the language its text, labels and grammar are printed in)
IN_LANGUAGE = {"fr": N_("in French"), "en": N_("in English")}


def language_of(value: object) -> str:
    return value if value in LANGUAGES else "fr"


@dataclass
class ConventionContent:
    """What a version freezes: the sections, the parties' signatories and engagements, and the
    language they are written in (the printed labels and grammar follow it)."""

    sections: list[Section] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    language: str = "fr"

    def to_dict(self) -> dict:
        return {"sections": [s.__dict__.copy() for s in self.sections],
                "parties": [p.__dict__.copy() for p in self.parties], "language": self.language}

    @classmethod
    def from_dict(cls, data: dict) -> ConventionContent:
        sections = [Section(**{k: v for k, v in s.items() if k in Section.__dataclass_fields__})
                    for s in data.get("sections", [])]
        parties = [Party(**{k: v for k, v in p.items() if k in Party.__dataclass_fields__})
                   for p in data.get("parties", [])]
        return cls(sections, parties, language_of(data.get("language")))


@dataclass
class ConventionData:
    title: str
    project_id: int | None = None
    status: str = ConventionStatus.BROUILLON.value
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    signed_on: dt.date | None = None
    place: str = ""
    sessions_count: int | None = None
    people_count: int | None = None
    content: ConventionContent = field(default_factory=ConventionContent)
    steps: list[CircuitStep] = field(default_factory=list)
    version: int = 0
    id: int | None = None
    amends_id: int | None = None  # an amendment: the signed convention it amends
    template_id: int | None = None  # the user template it was made from (None: a built-in one)

    @property
    def read_only(self) -> bool:
        return ConventionStatus(self.status).is_signed


@dataclass
class ConventionSummary:
    id: int
    title: str
    project: str
    parties: list[str]
    status: str
    version: int
    start_date: dt.date | None
    end_date: dt.date | None
    signed_on: dt.date | None


@dataclass
class VersionInfo:
    number: int
    created_at: dt.datetime
    note: str
    id: int | None = None
