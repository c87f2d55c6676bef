"""Who is invited to a meeting, and their answers.

Invite organisations and people one by one, from a tag (a thematic list), from
a project's partners (their contact person when there is one) or from the
relais. Inviting twice is harmless: someone already on the list keeps their
answer. A person is shown with the organisation they currently work for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from partnerdesk.domain.meetings import Answer, InviteeData, InviteSource
from partnerdesk.domain.partners import unique_emails
from partnerdesk.domain.projects import Stage
from partnerdesk.domain.validation import ValidationError
from partnerdesk.i18n import N_
from partnerdesk.services import partners, tags
from partnerdesk.store import database
from partnerdesk.store.query import JOIN
from partnerdesk.store.models import (
    Affiliation,
    Meeting,
    MeetingInvitee,
    Organisation,
    Person,
    ProjectPartner,
)

CLOSED_STAGES = (Stage.ABANDONNE.value,)


@dataclass
class Added:
    """What an invitation call did: how many were added, how many were already invited."""

    added: int = 0
    already: int = 0


def _current_organisation(person_ids: list[int]) -> dict[int, int]:
    """person -> the organisation of their latest current affiliation."""
    out: dict[int, int] = {}
    if not person_ids:
        return out
    rows = (Affiliation.select(Affiliation.person, Affiliation.organisation)
            .join(Organisation).where(Affiliation.person.in_(person_ids) & Affiliation.end_date.is_null()
                                      & Organisation.deleted_at.is_null())
            .order_by(Affiliation.start_date, Affiliation.id).tuples())
    for person_id, org_id in rows:
        out[person_id] = org_id  # the latest wins
    return out


def _check_meeting(meeting_id: int) -> None:
    if not Meeting.select().where((Meeting.id == meeting_id) & Meeting.deleted_at.is_null()).exists():
        raise ValidationError({"meeting": N_("This meeting no longer exists.")})


def invite(meeting_id: int, organisation_ids: Iterable[int] = (), person_ids: Iterable[int] = (),
           source: str = InviteSource.ONE.value, person_organisations: dict[int, int] | None = None,
           today: dt.date | None = None) -> Added:
    """Add organisations (as such) and people (with their current organisation) to the list."""
    _check_meeting(meeting_id)
    today = today or dt.date.today()
    organisation_ids = [o for o in dict.fromkeys(organisation_ids) if o is not None]
    person_ids = [p for p in dict.fromkeys(person_ids) if p is not None]
    live_orgs = {o for (o,) in Organisation.select(Organisation.id).where(
        Organisation.id.in_(organisation_ids) & Organisation.deleted_at.is_null()).tuples()} if organisation_ids \
        else set()
    live_people = {p for (p,) in Person.select(Person.id).where(
        Person.id.in_(person_ids) & Person.deleted_at.is_null()).tuples()} if person_ids else set()
    employer = _current_organisation(person_ids)
    employer.update(person_organisations or {})
    result = Added()
    with database.atomic():
        present_people = {p for (p,) in MeetingInvitee.select(MeetingInvitee.person).where(
            (MeetingInvitee.meeting == meeting_id) & MeetingInvitee.person.is_null(False)).tuples()}
        present_orgs = {o for (o,) in MeetingInvitee.select(MeetingInvitee.organisation).where(
            (MeetingInvitee.meeting == meeting_id) & MeetingInvitee.person.is_null()).tuples()}
        for org_id in organisation_ids:
            if org_id not in live_orgs:
                continue
            if org_id in present_orgs:
                result.already += 1
                continue
            MeetingInvitee.create(meeting=meeting_id, organisation=org_id, source=source, invited_on=today)
            present_orgs.add(org_id)
            result.added += 1
        for person_id in person_ids:
            if person_id not in live_people:
                continue
            if person_id in present_people:
                result.already += 1
                continue
            MeetingInvitee.create(meeting=meeting_id, person=person_id, organisation=employer.get(person_id),
                                  source=source, invited_on=today)
            present_people.add(person_id)
            result.added += 1
    return result


def invite_tag(meeting_id: int, tag_id: int) -> Added:
    """Every organisation and person carrying the tag (not in the trash)."""
    orgs, people = tags.members_of(tag_id)
    return invite(meeting_id, orgs, people, InviteSource.TAG.value)


def invite_project_partners(meeting_id: int, project_id: int) -> Added:
    """The project's partners still in the running: their contact person, or the organisation."""
    rows = (ProjectPartner.select(ProjectPartner.organisation, ProjectPartner.contact_person)
            .where((ProjectPartner.project == project_id) & ProjectPartner.stage.not_in(CLOSED_STAGES))
            .order_by(ProjectPartner.position, ProjectPartner.id).tuples())
    orgs, people, employers = [], [], {}
    for org_id, person_id in rows:
        if person_id:
            people.append(person_id)
            employers[person_id] = org_id
        else:
            orgs.append(org_id)
    return invite(meeting_id, orgs, people, InviteSource.PROJECT.value, employers)


def invite_relais(meeting_id: int) -> Added:
    people = [p for (p,) in Person.select(Person.id).where(
        (Person.relais == True) & Person.deleted_at.is_null()).tuples()]  # noqa: E712
    return invite(meeting_id, (), people, InviteSource.RELAIS.value)


def invitees_of(meeting_id: int) -> list[InviteeData]:
    """The list, organisations by name then people by name, with their emails."""
    rows = (MeetingInvitee.select(MeetingInvitee, Organisation.name.alias("org_name"),
                                  Organisation.email.alias("org_email"), Person.first_name, Person.last_name,
                                  Person.emails.alias("person_emails"))
            .join(Organisation, join_type=JOIN.LEFT_OUTER, on=(MeetingInvitee.organisation == Organisation.id))
            .switch(MeetingInvitee)
            .join(Person, join_type=JOIN.LEFT_OUTER, on=(MeetingInvitee.person == Person.id))
            .where(MeetingInvitee.meeting == meeting_id).objects())
    roles = {}
    people = [r.person_id for r in rows if r.person_id]
    if people:
        for person_id, org_id, role in Affiliation.select(Affiliation.person, Affiliation.organisation,
                                                          Affiliation.role).where(
                Affiliation.person.in_(people) & Affiliation.end_date.is_null()).tuples():
            roles[(person_id, org_id)] = role
    out = []
    for r in rows:
        person_name = f"{r.first_name or ''} {r.last_name or ''}".strip() if r.person_id else ""
        raw = r.person_emails
        emails = list(Person.emails.python_value(raw) if isinstance(raw, str) else raw or []) if r.person_id else (
            [r.org_email] if getattr(r, "org_email", "") else [])
        out.append(InviteeData(meeting_id, r.organisation_id, r.person_id, r.answer, r.source,
                               getattr(r, "org_name", None) or "", person_name,
                               roles.get((r.person_id, r.organisation_id), ""), emails, r.id))
    out.sort(key=lambda i: (i.organisation_name.casefold() if i.organisation_name else i.person_name.casefold(),
                            i.person_id is not None, i.person_name.casefold()))
    return out


def set_answer(invitee_id: int, answer: str, today: dt.date | None = None) -> None:
    """Record an answer (invité, confirmé, excusé, absent, présent); the journal entry of the
    people present follows."""
    from partnerdesk.services.meetings import followup

    if Answer.parse(answer) is None:
        raise ValidationError({"answer": N_("Choose an answer.")})
    with database.atomic():
        row = MeetingInvitee.get_or_none(MeetingInvitee.id == invitee_id)
        if row is None:
            raise ValidationError({"answer": N_("This person is no longer on the list.")})
        MeetingInvitee.update(answer=answer, answered_on=today or dt.date.today()).where(
            MeetingInvitee.id == invitee_id).execute()
        followup.sync_journal(row.meeting_id)


def set_answers(meeting_id: int, answers: dict[int, str], today: dt.date | None = None) -> None:
    """Several answers at once (the attendance of a whole meeting), one journal update."""
    from partnerdesk.services.meetings import followup

    if any(Answer.parse(a) is None for a in answers.values()):
        raise ValidationError({"answer": N_("Choose an answer.")})
    with database.atomic():
        for invitee_id, answer in answers.items():
            MeetingInvitee.update(answer=answer, answered_on=today or dt.date.today()).where(
                (MeetingInvitee.id == invitee_id) & (MeetingInvitee.meeting == meeting_id)).execute()
        followup.sync_journal(meeting_id)


def remove_invitee(invitee_id: int) -> None:
    from partnerdesk.services.meetings import followup

    with database.atomic():
        row = MeetingInvitee.get_or_none(MeetingInvitee.id == invitee_id)
        if row is not None:
            row.delete_instance()
            followup.sync_journal(row.meeting_id)


def emails(meeting_id: int, answers: Iterable[str] | None = None) -> tuple[list[str], list[str]]:
    """(emails ready for Bcc, names of invitees without any email), optionally for some answers only.

    A person's first email; an organisation's own email, or else its current people's."""
    wanted = set(answers) if answers is not None else None
    found, missing = [], []
    for invitee in invitees_of(meeting_id):
        if wanted is not None and invitee.answer not in wanted:
            continue
        mails = [e for e in invitee.emails if e][:1]
        if not mails and invitee.person_id is None and invitee.organisation_id:
            mails = partners.emails_of([invitee.organisation_id], (), with_people=True)
        if mails:
            found += mails
        else:
            missing.append(invitee.label)
    return unique_emails(found), missing


def mailto(addresses: list[str], subject: str = "", body: str = "") -> str:
    """A mailto: link with everyone in Bcc (nobody sees the others' addresses)."""
    query = [f"bcc={quote(','.join(addresses), safe='@,')}"]
    if subject:
        query.append(f"subject={quote(subject)}")
    if body:
        query.append(f"body={quote(body)}")
    return "mailto:?" + "&".join(query)
