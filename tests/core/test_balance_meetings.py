"""Staff time from a meeting: duration × EPN people present, shared between the partners present."""

import datetime as dt

import pytest

from partnerdesk.domain.meetings import MeetingData
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import balance, balance_meetings, meetings, partners, projects
from partnerdesk.services.meetings import invitations


def _org(name):
    return partners.create_organisation(OrganisationData(name)).id


def _meeting(project_id=None, start="14:00", end="16:30"):
    return meetings.create_meeting(MeetingData("Comité de programmation", dt.date(2026, 3, 10), kind="comite",
                                               start_time=start, end_time=end, in_charge="Hélène",
                                               project_id=project_id)).id


def _present(meeting_id, *org_ids, absent=()):
    invitations.invite(meeting_id, organisation_ids=list(org_ids) + list(absent))
    answers = {i.id: ("present" if i.organisation_id in org_ids else "excuse")
               for i in invitations.invitees_of(meeting_id)}
    invitations.set_answers(meeting_id, answers)


def test_time_is_shared_between_the_partners_present(store):
    project = projects.create_project(ProjectData("Programme numérique")).id
    mairie, ccas, absent = _org("Mairie"), _org("CCAS"), _org("Absente")
    projects.add_partner(project, mairie)
    meeting = _meeting(project)
    _present(meeting, mairie, ccas, absent=(absent,))
    plan = balance_meetings.plan(meeting)
    assert plan.hours_each == 2.5 and sorted(plan.organisation_ids) == sorted([mairie, ccas])
    made = balance_meetings.log_meeting_time(meeting, epn_people=2)
    assert sorted(e.hours for e in made) == [2.5, 2.5]  # 2 h 30 × 2 people, shared by 2 partners
    assert balance.organisation_balance(mairie).hours == 2.5
    assert balance.organisation_balance(absent).hours == 0
    [entry] = balance.time_entries(organisation_id=mairie)
    assert entry.project_id == project and entry.project_partner_id is not None
    assert entry.description == "Meeting: Comité de programmation" and entry.who == "Hélène"
    # Logged again (one more EPN person): replaced, never counted twice.
    balance_meetings.log_meeting_time(meeting, epn_people=3)
    assert balance.organisation_balance(mairie).hours == 3.75
    assert balance_meetings.plan(meeting).already == 7.5


def test_no_partner_present_goes_to_the_project_or_is_refused(store):
    project = projects.create_project(ProjectData("Programme")).id
    with_project = _meeting(project)
    [entry] = balance_meetings.log_meeting_time(with_project, epn_people=1)
    assert entry.organisation_id is None and entry.project_id == project and entry.hours == 2.5
    alone = _meeting(None)
    with pytest.raises(ValidationError) as err:
        balance_meetings.log_meeting_time(alone, epn_people=1)
    assert set(err.value.errors) == {"organisation"}


def test_duration_needed_and_people_bounded(store):
    org = _org("Médiathèque")
    meeting = _meeting(None, start="", end="")
    _present(meeting, org)
    assert balance_meetings.plan(meeting).hours_each is None
    with pytest.raises(ValidationError) as err:
        balance_meetings.log_meeting_time(meeting, epn_people=0)
    assert set(err.value.errors) == {"hours", "people"}
    [entry] = balance_meetings.log_meeting_time(meeting, epn_people=2, hours_each=1.5)
    assert entry.hours == 3


def test_a_deleted_meeting_keeps_the_time_spent(store):
    org = _org("Centre social")
    meeting = _meeting(None)
    _present(meeting, org)
    balance_meetings.log_meeting_time(meeting, epn_people=1)
    meetings.delete_meeting(meeting)
    assert balance.organisation_balance(org).hours == 2.5
