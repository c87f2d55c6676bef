"""Rencontres: thematic meetings, committees and the other meetings that bring partners together.

A meeting has a kind, a title and theme, a date and times, a place, the EPN
person in charge, optionally a project (a programme) and tags. Organisations
and people are invited; each invitee's answer goes from "invité" to
"confirmé" / "excusé", then "présent" / "absent" once the meeting is held.
Decisions and actions (who, what, by when) come out of it; the actions not
done appear in "À faire" and on the partner's card.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerdesk.domain.labels import N_, LabelledEnum


class MeetingKind(LabelledEnum):
    THEMATIQUE = "thematique"
    COMITE = "comite"
    MISE_EN_PLACE = "mise_en_place"
    BILAN = "bilan"
    PORTES_OUVERTES = "portes_ouvertes"
    AUTRE = "autre"

    @classmethod
    def _labels(cls):
        return {
            "thematique": N_("Thematic meeting"),
            "comite": N_("Steering / programming committee"),
            "mise_en_place": N_("Set-up meeting"),
            "bilan": N_("Review meeting"),
            "portes_ouvertes": N_("Open day"),
            "autre": N_("Other meeting"),
        }


class Answer(LabelledEnum):
    INVITE = "invite"
    CONFIRME = "confirme"
    EXCUSE = "excuse"
    ABSENT = "absent"
    PRESENT = "present"

    @classmethod
    def _labels(cls):
        return {
            "invite": N_("Invited"),
            "confirme": N_("Confirmed"),
            "excuse": N_("Excused"),
            "absent": N_("Absent"),
            "present": N_("Attended"),
        }


ANSWER_FORMS = [  # distinct English singular and plural: the French catalogue translates each
    ("present", (N_("{count} person present"), N_("{count} people present"))),
    ("confirme", (N_("{count} person confirmed"), N_("{count} people confirmed"))),
    ("invite", (N_("{count} answer awaited"), N_("{count} answers awaited"))),
    ("excuse", (N_("{count} person excused"), N_("{count} people excused"))),
    ("absent", (N_("{count} person absent"), N_("{count} people absent"))),
]

PENDING_ANSWERS = (Answer.INVITE.value,)
ATTENDED = (Answer.PRESENT.value,)


class InviteSource(LabelledEnum):
    """How an invitee came onto the list (kept to explain the list, never required)."""

    ONE = "one"
    TAG = "tag"
    PROJECT = "project"
    RELAIS = "relais"

    @classmethod
    def _labels(cls):
        return {"one": N_("Picked"), "tag": N_("From a tag"), "project": N_("Project partner"),
                "relais": N_("Relay")}


@dataclass
class MeetingData:
    title: str
    held_on: dt.date | None
    kind: str = MeetingKind.THEMATIQUE.value
    theme: str = ""
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    in_charge: str = ""
    project_id: int | None = None
    agenda: str = ""  # rich text (the conventions' subset)
    minutes: str = ""  # rich text
    cancelled: bool = False
    tag_ids: list[int] = field(default_factory=list)
    series_id: int | None = None
    interaction_id: int | None = None  # the journal entry of the people present
    id: int | None = None



@dataclass
class InviteeData:
    meeting_id: int
    organisation_id: int | None = None
    person_id: int | None = None
    answer: str = Answer.INVITE.value
    source: str = InviteSource.ONE.value
    organisation_name: str = ""
    person_name: str = ""
    role: str = ""
    emails: list[str] = field(default_factory=list)
    id: int | None = None

    @property
    def label(self) -> str:
        """"Hélène Martin (Mairie)", or the organisation alone."""
        if self.person_name and self.organisation_name:
            return f"{self.person_name} ({self.organisation_name})"
        return self.person_name or self.organisation_name


@dataclass
class DecisionData:
    meeting_id: int
    text: str
    position: int = 0
    id: int | None = None


@dataclass
class ActionData:
    """Who (an EPN person by name, or a partner's person / organisation), what, by when."""

    meeting_id: int
    what: str
    due_on: dt.date | None = None
    owner_person_id: int | None = None
    owner_organisation_id: int | None = None
    owner_epn: str = ""
    done_on: dt.date | None = None
    owner_label: str = ""  # filled by the services: "Hélène Martin (Mairie)", "EPN — Paul"
    meeting_title: str = ""
    meeting_on: dt.date | None = None
    id: int | None = None

    @property
    def done(self) -> bool:
        return self.done_on is not None


@dataclass
class AnswerCounts:
    invited: int = 0  # every invitee, whatever the answer
    by_answer: dict[str, int] = field(default_factory=dict)

    def count(self, answer: str) -> int:
        return self.by_answer.get(answer, 0)


@dataclass
class MeetingSummary:
    """A line of the list: the meeting and its invitees' answers counted."""

    meeting: MeetingData
    project_title: str = ""
    answers: AnswerCounts = field(default_factory=AnswerCounts)
    open_actions: int = 0


def count_answers(answers: list[str]) -> AnswerCounts:
    counts = AnswerCounts(len(answers))
    for answer in answers:
        counts.by_answer[answer] = counts.by_answer.get(answer, 0) + 1
    return counts


def is_past(meeting: MeetingData, today: dt.date) -> bool:
    return meeting.held_on is not None and meeting.held_on < today


@dataclass
class MinutesAction:
    what: str
    owner: str
    due_on: dt.date | None
    done_on: dt.date | None = None


@dataclass
class MinutesData:
    """The compte rendu, ready to render (no database access while rendering)."""

    title: str
    kind_label: str
    held_on: dt.date
    generated_on: dt.date
    theme: str = ""
    hours: str = ""
    place: str = ""
    in_charge: str = ""
    project: str = ""
    present: list[str] = field(default_factory=list)
    excused: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    agenda: str = ""  # rich text
    minutes: str = ""  # rich text
    decisions: list[str] = field(default_factory=list)
    actions: list[MinutesAction] = field(default_factory=list)
    next_meeting: str = ""  # "Mardi 13 janvier 2027, 10:00–12:00, Mairie"


@dataclass
class CommitteeLine:
    """A committee held, as the project's bilan lists it."""

    held_on: dt.date
    title: str
    present: int = 0
    decisions: int = 0
