"""What comes out of a meeting: decisions, actions (who, what, by when), the journal entry.

Actions not done appear in "À faire" (kind "meeting_action") until they are done;
marking the line done there closes the action, postponing it moves its date.

The people and organisations marked present share one journal entry ("Comité" for a
committee, "Rencontre" otherwise) dated on the meeting and tied to its project; the
meeting keeps its id (`meeting.interaction_id`), so the entry is updated, never
duplicated, as the attendance changes, and removed when nobody is left present.
"""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain import validation as v
from partnerdesk.domain.meetings import ATTENDED, ActionData, DecisionData, MeetingData, MeetingKind
from partnerdesk.domain.partners import InteractionKind
from partnerdesk.i18n import N_, _
from partnerdesk.services import journal, todo
from partnerdesk.store import database
from partnerdesk.services.meeting_todo import (  # noqa: F401 - the À faire source, imported by todo first
    ACTION_KIND,
    _actions,
    meeting_actions_due,
)
from partnerdesk.store.models import (
    Affiliation,
    Interaction,
    Meeting,
    MeetingAction,
    MeetingDecision,
    MeetingInvitee,
)

MAX_TEXT = 2000


# --- decisions ------------------------------------------------------------------------

def _clean_text(text: str, field: str) -> str:
    text = (text or "").strip()
    v.collect({field: v.check_required(text) or (
        N_("This text is too long (2,000 characters at most).") if len(text) > MAX_TEXT else None)})
    return text


def add_decision(meeting_id: int, text: str) -> DecisionData:
    text = _clean_text(text, "decision")
    with database.atomic():
        position = MeetingDecision.select().where(MeetingDecision.meeting == meeting_id).count()
        row = MeetingDecision.create(meeting=meeting_id, text=text, position=position)
    return DecisionData(meeting_id, text, position, row.id)


def update_decision(decision_id: int, text: str) -> None:
    text = _clean_text(text, "decision")
    MeetingDecision.update(text=text).where(MeetingDecision.id == decision_id).execute()


def delete_decision(decision_id: int) -> None:
    MeetingDecision.delete().where(MeetingDecision.id == decision_id).execute()


def decisions_of(meeting_id: int) -> list[DecisionData]:
    rows = MeetingDecision.select().where(MeetingDecision.meeting == meeting_id).order_by(
        MeetingDecision.position, MeetingDecision.id)
    return [DecisionData(r.meeting_id, r.text, r.position, r.id) for r in rows]


# --- actions --------------------------------------------------------------------------

def validate_action(data: ActionData) -> ActionData:
    errors: dict[str, str | None] = {}
    data.what = (data.what or "").strip()
    data.owner_epn = " ".join((data.owner_epn or "").split())
    errors["what"] = v.check_required(data.what) or (
        N_("This text is too long (2,000 characters at most).") if len(data.what) > MAX_TEXT else None)
    if not isinstance(data.due_on, dt.date):
        errors["due_on"] = N_("Enter a date (dd/mm/yyyy).")
    if not (data.owner_person_id or data.owner_organisation_id or data.owner_epn):
        errors["owner"] = N_("Say who does it: someone of the EPN or a partner.")
    v.collect(errors)
    return data


def add_action(data: ActionData) -> ActionData:
    validate_action(data)
    with database.atomic():
        position = MeetingAction.select().where(MeetingAction.meeting == data.meeting_id).count()
        row = MeetingAction.create(meeting=data.meeting_id, what=data.what, due_on=data.due_on,
                                   owner_person=data.owner_person_id, owner_organisation=data.owner_organisation_id,
                                   owner_epn=data.owner_epn, done_on=data.done_on, position=position,
                                   created_at=dt.datetime.now())
    return get_action(row.id)


def update_action(data: ActionData) -> ActionData:
    validate_action(data)
    MeetingAction.update(what=data.what, due_on=data.due_on, owner_person=data.owner_person_id,
                         owner_organisation=data.owner_organisation_id, owner_epn=data.owner_epn,
                         done_on=data.done_on).where(MeetingAction.id == data.id).execute()
    return get_action(data.id)


# --- a meeting saved with what was typed in its minutes, all or nothing -----------------------

def refusals(data: MeetingData, decision: str | None = None, action: ActionData | None = None) -> dict[str, str]:
    """Every refusal of the meeting's fields, of the decision and of the action typed with it
    ({field: English message}; empty when all three can be written). Normalises them as writing would."""
    from partnerdesk.services import meetings

    errors: dict[str, str] = {}
    checks = [lambda: meetings.validate_meeting(data)]
    if decision is not None:
        checks.append(lambda: _clean_text(decision, "decision"))
    if action is not None:
        checks.append(lambda: validate_action(action))
    for check in checks:
        try:
            check()
        except v.ValidationError as exc:
            errors.update({k: m for k, m in exc.errors.items() if k not in errors})
    return errors


def save_with_typed(data: MeetingData, decision: str | None = None, action: ActionData | None = None,
                    following: bool = False) -> list[MeetingData]:
    """Enregistrer of a meeting: its fields (with `following`, the later meetings of its series too), the
    decision and the action typed and not added yet, in one transaction. Anything refused: ValidationError
    with every refusal of the three, and nothing written (never the decision without the action)."""
    from partnerdesk.services import meetings

    errors = refusals(data, decision, action)
    if errors:
        raise v.ValidationError(errors)
    with database.atomic():
        saved = meetings.update_following(data) if following else [meetings.update_meeting(data)]
        if decision is not None:
            add_decision(data.id, decision)
        if action is not None:
            action.meeting_id = data.id
            add_action(action)
    return saved


def set_action_done(action_id: int, done_on: dt.date | None) -> None:
    """Done on that day, or open again with None (its "À faire" line comes back)."""
    with database.atomic():
        MeetingAction.update(done_on=done_on).where(MeetingAction.id == action_id).execute()
        if done_on is None:
            todo.reopen(f"{ACTION_KIND}:{action_id}")


def delete_action(action_id: int) -> None:
    MeetingAction.delete().where(MeetingAction.id == action_id).execute()


def get_action(action_id: int) -> ActionData | None:
    found = _actions(MeetingAction.id == action_id)
    return found[0] if found else None


def actions_of(meeting_id: int) -> list[ActionData]:
    return _actions(MeetingAction.meeting == meeting_id)


def open_actions_of_organisation(organisation_id: int) -> list[ActionData]:
    """Actions not done that the organisation or one of its current people carries, by date."""
    members = Affiliation.select(Affiliation.person).where(
        (Affiliation.organisation == organisation_id) & Affiliation.end_date.is_null())
    return _actions(MeetingAction.done_on.is_null()
                    & ((MeetingAction.owner_organisation == organisation_id)
                       | MeetingAction.owner_person.in_(members)),
                    (MeetingAction.due_on, MeetingAction.id))


def open_actions_of_person(person_id: int) -> list[ActionData]:
    return _actions(MeetingAction.done_on.is_null() & (MeetingAction.owner_person == person_id),
                    (MeetingAction.due_on, MeetingAction.id))


# --- the journal ----------------------------------------------------------------------

def _attended(meeting_id: int) -> tuple[list[int], list[int]]:
    orgs, people = [], []
    for org_id, person_id in MeetingInvitee.select(MeetingInvitee.organisation, MeetingInvitee.person).where(
            (MeetingInvitee.meeting == meeting_id) & MeetingInvitee.answer.in_(ATTENDED)).tuples():
        if org_id:
            orgs.append(org_id)
        if person_id:
            people.append(person_id)
    return list(dict.fromkeys(orgs)), list(dict.fromkeys(people))


def journal_summary(kind: str, title: str) -> str:
    kind_enum = MeetingKind.parse(kind) or MeetingKind.AUTRE
    return _("{kind}: {title}").format(kind=_(kind_enum.label), title=title)


def sync_journal(meeting_id: int) -> int | None:
    """Create, update or remove the journal entry of the people present; returns its id."""
    meeting = Meeting.get_or_none(Meeting.id == meeting_id)
    if meeting is None:
        return None
    orgs, people = _attended(meeting_id)
    existing = meeting.interaction_id
    if existing is not None and not Interaction.select().where(Interaction.id == existing).exists():
        existing = None
    if (not orgs and not people) or meeting.deleted_at is not None or meeting.cancelled:
        if existing is not None:
            journal.delete_interaction(existing)
        Meeting.update(interaction=None).where(Meeting.id == meeting_id).execute()
        return None
    kind = InteractionKind.COMITE.value if meeting.kind == MeetingKind.COMITE.value else \
        InteractionKind.RENCONTRE.value
    summary = journal_summary(meeting.kind, meeting.title)
    if existing is None:
        entry = journal.log_interaction(kind, meeting.held_on, summary, orgs, people, meeting.project_id)
    else:
        entry = journal.get_interaction(existing)
        entry.kind, entry.occurred_on, entry.summary = kind, meeting.held_on, summary
        entry.organisation_ids, entry.person_ids, entry.project_id = orgs, people, meeting.project_id
        entry = journal.update_interaction(entry)
    Meeting.update(interaction=entry.id).where(Meeting.id == meeting_id).execute()
    return entry.id


def meeting_of_interaction(interaction_id: int) -> int | None:
    """The meeting a journal entry was made for (to open it from the journal)."""
    row = Meeting.get_or_none((Meeting.interaction == interaction_id) & Meeting.deleted_at.is_null())
    return row.id if row else None
