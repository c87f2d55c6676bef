"""Rencontres: meetings, series, invitations (one by one, tag, project, relais), answers, journal
entries, decisions, actions in "À faire" and on the partner's card."""

import datetime as dt

import pytest

from partnerdesk.domain.meetings import ActionData, Answer, MeetingData
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import MilestoneData, ProjectData, SessionData, Stage
from partnerdesk.domain.recurrence import Recurrence
from partnerdesk.domain.validation import ValidationError
from partnerdesk.services import journal, meetings, partners, projects, recurring, sessions, tags, todo
from partnerdesk.services.meetings import followup, invitations
from partnerdesk.store.models import Interaction, MeetingInvitee

TODAY = dt.date(2026, 11, 18)
D = dt.date


@pytest.fixture
def people(store):
    mairie = partners.create_organisation(OrganisationData("Mairie de Lunel", email="mairie@lunel.fr")).id
    ccas = partners.create_organisation(OrganisationData("CCAS")).id
    club = partners.create_organisation(OrganisationData("Club des aînés", email="club@aines.fr")).id
    helene = partners.create_person(PersonData("Martin", "Hélène", emails=["helene@lunel.fr"]), mairie,
                                    "Adjointe").id
    paul = partners.create_person(PersonData("Durand", "Paul", relais=True), ccas).id
    lone = partners.create_person(PersonData("Seul", "Jean", emails=["jean@free.fr"], relais=True)).id
    return dict(mairie=mairie, ccas=ccas, club=club, helene=helene, paul=paul, lone=lone)


def _meeting(**kw):
    values = dict(title="Seniors et numérique", held_on=D(2026, 12, 3), kind="thematique", start_time="14h",
                  end_time="16:30", place="EPN")
    values.update(kw)
    return meetings.create_meeting(MeetingData(**values))


def test_create_validates_and_normalises(store):
    with pytest.raises(ValidationError) as err:
        meetings.create_meeting(MeetingData("  ", None, kind="nope", start_time="25h", end_time="x"))
    assert set(err.value.errors) == {"title", "held_on", "kind", "start_time", "end_time"}
    with pytest.raises(ValidationError) as err:
        _meeting(start_time="16:00", end_time="14:00")
    assert set(err.value.errors) == {"end_time"}
    m = _meeting(title="Dupont & Fils <SARL>  comité", agenda="<p style='color:red'>Point <b>1</b></p><script>x"
                 "</script>")
    assert m.title == "Dupont & Fils <SARL> comité" and m.start_time == "14:00" and m.end_time == "16:30"
    assert m.agenda == "<p>Point <b>1</b></p>"
    long = _meeting(title="é" * 300)
    assert meetings.get_meeting(long.id).title == "é" * 300
    with pytest.raises(ValidationError):
        _meeting(title="é" * 301)


def test_series_every_two_months_with_skipped_dates_and_following_edit(store):
    p = projects.create_project(ProjectData("Programme inclusion numérique"))
    template = MeetingData("Comité de programmation", D(2026, 1, 31), kind="comite", project_id=p.id,
                           start_time="10:00", end_time="12:00", place="Mairie")
    made = meetings.create_series(template, Recurrence("months", 2), last=D(2026, 12, 31), skip=[D(2026, 7, 31)])
    assert [m.held_on for m in made] == [D(2026, 1, 31), D(2026, 3, 31), D(2026, 5, 31), D(2026, 9, 30),
                                         D(2026, 11, 30)]
    assert len({m.series_id for m in made}) == 1
    # one occurrence alone
    third = made[2]
    third.place = "Salle des fêtes"
    meetings.update_meeting(third)
    assert [m.place for m in (meetings.get_meeting(x.id) for x in made)] == [
        "Mairie", "Mairie", "Salle des fêtes", "Mairie", "Mairie"]
    # this one and the following: moved, re-planned with the rule, other fields shared
    second = meetings.get_meeting(made[1].id)
    second.held_on, second.start_time, second.end_time = D(2026, 4, 14), "14:00", "16:00"
    changed = meetings.update_following(second)
    assert [m.held_on for m in changed] == [D(2026, 4, 14), D(2026, 6, 14), D(2026, 8, 14), D(2026, 10, 14)]
    assert all(m.start_time == "14:00" for m in changed)
    assert meetings.get_meeting(made[0].id).held_on == D(2026, 1, 31)
    assert meetings.get_meeting(made[0].id).start_time == "10:00"
    with pytest.raises(ValidationError):
        meetings.create_series(template, Recurrence("weeks", 1), last=D(2026, 1, 1))


def test_invitations_from_a_tag_project_relais_and_one_by_one(people):
    m = _meeting()
    seniors = tags.create_tag("Seniors").id
    tags.tag_organisations(seniors, [people["club"], people["ccas"]])
    tags.tag_people(seniors, [people["helene"]])
    added = invitations.invite_tag(m.id, seniors)
    assert (added.added, added.already) == (3, 0)
    again = invitations.invite_tag(m.id, seniors)
    assert (again.added, again.already) == (0, 3)
    listed = invitations.invitees_of(m.id)
    assert [i.label for i in listed] == ["CCAS", "Club des aînés", "Hélène Martin (Mairie de Lunel)"]
    assert listed[2].role == "Adjointe" and all(i.source == "tag" and i.answer == "invite" for i in listed)

    p = projects.create_project(ProjectData("Tablettes"))
    card = projects.add_partner(p.id, people["mairie"])
    projects.add_partner(p.id, people["club"])
    dropped = projects.add_partner(p.id, people["ccas"])
    from partnerdesk.store.models import ProjectPartner
    ProjectPartner.update(contact_person=people["helene"]).where(ProjectPartner.id == card.id).execute()
    ProjectPartner.update(stage=Stage.ABANDONNE.value).where(ProjectPartner.id == dropped.id).execute()
    other = _meeting(title="Comité", kind="comite", project_id=p.id)
    assert invitations.invite_project_partners(other.id, p.id).added == 2
    assert sorted(i.label for i in invitations.invitees_of(other.id)) == [
        "Club des aînés", "Hélène Martin (Mairie de Lunel)"]

    assert invitations.invite_relais(other.id).added == 2
    assert invitations.invite(other.id, [people["mairie"], people["mairie"]], [people["paul"]]).added == 1
    trashed = partners.create_organisation(OrganisationData("À la corbeille")).id
    from partnerdesk.store.models import Organisation
    Organisation.update(deleted_at=dt.datetime.now()).where(Organisation.id == trashed).execute()
    assert invitations.invite(other.id, [trashed]).added == 0


def test_emails_for_bcc_and_mailto(people):
    m = _meeting()
    invitations.invite(m.id, [people["club"], people["ccas"]], [people["helene"], people["paul"]])
    found, missing = invitations.emails(m.id)
    assert found == ["club@aines.fr", "helene@lunel.fr"]
    assert sorted(missing) == ["CCAS", "Paul Durand (CCAS)"]
    link = invitations.mailto(found, "Invitation : Seniors & numérique")
    assert link.startswith("mailto:?bcc=club@aines.fr,helene@lunel.fr&subject=Invitation%20%3A%20Seniors%20%26")


def test_answers_and_journal_entry_linked_to_the_meeting(people):
    m = _meeting(kind="comite")
    invitations.invite(m.id, [people["club"]], [people["helene"], people["paul"]])
    by_label = {i.label: i for i in invitations.invitees_of(m.id)}
    invitations.set_answer(by_label["Club des aînés"].id, Answer.EXCUSE.value)
    assert meetings.get_meeting(m.id).interaction_id is None
    invitations.set_answers(m.id, {by_label["Hélène Martin (Mairie de Lunel)"].id: "present",
                                   by_label["Paul Durand (CCAS)"].id: "present"})
    entry_id = meetings.get_meeting(m.id).interaction_id
    entry = journal.get_interaction(entry_id)
    assert entry.kind == "comite" and entry.occurred_on == D(2026, 12, 3)
    assert sorted(entry.organisation_names) == ["CCAS", "Mairie de Lunel"]
    assert sorted(entry.person_names) == ["Hélène Martin", "Paul Durand"]
    assert followup.meeting_of_interaction(entry_id) == m.id
    assert [e.id for e in journal.journal_of_organisation(people["mairie"])] == [entry_id]
    # Paul was absent after all: the same entry is updated, never duplicated
    invitations.set_answer(by_label["Paul Durand (CCAS)"].id, "absent")
    assert meetings.get_meeting(m.id).interaction_id == entry_id
    assert journal.get_interaction(entry_id).person_names == ["Hélène Martin"]
    # the meeting moves: so does its entry
    moved = meetings.get_meeting(m.id)
    moved.held_on = D(2026, 12, 10)
    meetings.update_meeting(moved)
    assert journal.get_interaction(entry_id).occurred_on == D(2026, 12, 10)
    # nobody present any more: the entry goes
    invitations.set_answer(by_label["Hélène Martin (Mairie de Lunel)"].id, "invite")
    assert meetings.get_meeting(m.id).interaction_id is None
    assert Interaction.select().count() == 0
    with pytest.raises(ValidationError):
        invitations.set_answer(by_label["Paul Durand (CCAS)"].id, "maybe")


def test_actions_feed_todo_and_the_partner_card_until_done(people):
    m = _meeting(held_on=D(2026, 11, 12))
    with pytest.raises(ValidationError) as err:
        followup.add_action(ActionData(m.id, " ", None))
    assert set(err.value.errors) == {"what", "due_on", "owner"}
    a1 = followup.add_action(ActionData(m.id, "Envoyer le planning", D(2026, 11, 20),
                                        owner_person_id=people["helene"]))
    a2 = followup.add_action(ActionData(m.id, "Réserver la salle", D(2026, 11, 16), owner_epn="Sophie"))
    a3 = followup.add_action(ActionData(m.id, "Plus tard", D(2027, 2, 1), owner_organisation_id=people["club"]))
    assert a1.owner_label == "Hélène Martin (Mairie de Lunel)" and a2.owner_label == "Sophie"
    lines = {i.key: i for i in todo.items(TODAY)}
    assert f"meeting_action:{a1.id}" in lines and f"meeting_action:{a2.id}" in lines
    assert f"meeting_action:{a3.id}" not in lines  # beyond next week
    line = lines[f"meeting_action:{a2.id}"]
    assert line.is_overdue(TODAY) and line.open_kind == "meeting" and line.open_id == m.id
    assert line.title == "Réserver la salle — Sophie"
    assert [a.what for a in followup.open_actions_of_organisation(people["mairie"])] == ["Envoyer le planning"]
    assert [a.what for a in followup.open_actions_of_organisation(people["club"])] == ["Plus tard"]

    # closing it in "À faire" closes the action (and so the card's line)
    todo.mark_done(lines[f"meeting_action:{a1.id}"])
    assert followup.get_action(a1.id).done
    assert followup.open_actions_of_organisation(people["mairie"]) == []
    # postponing it there moves its date
    todo.postpone(line, D(2026, 11, 25))
    assert followup.get_action(a2.id).due_on == D(2026, 11, 25)
    # reopened in the meeting: back in "À faire"
    followup.set_action_done(a1.id, None)
    assert f"meeting_action:{a1.id}" in {i.key for i in todo.items(TODAY)}
    followup.set_action_done(a1.id, TODAY)
    assert f"meeting_action:{a1.id}" not in {i.key for i in todo.items(TODAY)}
    # a meeting in the trash takes its actions out of "À faire"
    meetings.delete_meeting(m.id)
    assert not [i for i in todo.items(TODAY) if i.kind == "meeting_action"]


def test_decisions(store):
    m = _meeting()
    first = followup.add_decision(m.id, "Ouvrir un créneau le samedi")
    followup.add_decision(m.id, "Budget validé")
    followup.update_decision(first.id, "Ouvrir deux créneaux le samedi")
    assert [d.text for d in followup.decisions_of(m.id)] == ["Ouvrir deux créneaux le samedi", "Budget validé"]
    with pytest.raises(ValidationError):
        followup.add_decision(m.id, "x" * 2001)


def test_list_upcoming_by_project_with_answers(people):
    p = projects.create_project(ProjectData("Programme"))
    past = _meeting(title="Passé", held_on=D(2026, 10, 1), project_id=p.id)
    coming = _meeting(title="À venir", held_on=D(2026, 12, 1))
    invitations.invite(coming.id, [people["club"], people["ccas"]], [people["helene"]])
    first = invitations.invitees_of(coming.id)[0]
    invitations.set_answer(first.id, "confirme")
    rows = meetings.list_meetings(today=TODAY)
    assert [r.meeting.title for r in rows] == ["Passé", "À venir"]
    upcoming = meetings.list_meetings(upcoming=True, today=TODAY)
    assert [r.meeting.id for r in upcoming] == [coming.id]
    assert upcoming[0].answers.invited == 3 and upcoming[0].answers.count("confirme") == 1
    assert upcoming[0].answers.count("invite") == 2
    assert [r.meeting.id for r in meetings.list_meetings(project_id=p.id, today=TODAY)] == [past.id]
    assert meetings.resolve_meeting("a venir") == coming.id
    with pytest.raises(meetings.MeetingError):
        meetings.resolve_meeting("999")


def test_person_deleted_from_the_database_leaves_the_meeting_consistent(people):
    m = _meeting()
    invitations.invite(m.id, (), [people["lone"]])
    followup.add_action(ActionData(m.id, "Appeler", D(2026, 12, 1), owner_person_id=people["lone"]))
    from partnerdesk.store.models import Person
    Person.delete().where(Person.id == people["lone"]).execute()
    assert MeetingInvitee.select().count() == 0
    action = followup.actions_of(m.id)[0]
    assert action.owner_person_id is None


def test_recurring_milestones_and_sessions(store):
    p = projects.create_project(ProjectData("Programme"))
    made = recurring.add_recurring_milestones(MilestoneData(p.id, "Point d'étape", D(2026, 1, 31)),
                                              Recurrence("months", 1), count=4, skip=[D(2026, 3, 31)])
    assert [m.due_on for m in made] == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 4, 30)]
    projects.set_milestone_status(made[0].id, "fait")
    assert recurring.update_milestones_following(made[1].id, "Point mensuel", D(2026, 3, 2)) == 2
    after = projects.milestones_of(p.id)
    assert [(m.title, m.due_on) for m in after] == [("Point d'étape", D(2026, 1, 31)),
                                                     ("Point mensuel", D(2026, 3, 2)),
                                                     ("Point mensuel", D(2026, 4, 2))]
    # sessions every month
    made = sessions.create_recurring(SessionData(p.id, D(2026, 1, 31), "14:00", "16:00"), D(2026, 1, 31),
                                     D(2026, 4, 30), rule=Recurrence("months", 1))
    assert [s.held_on for s in made] == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)]


def test_ics_archive_and_rgpd_cover_meetings(people, store, tmp_path):
    from partnerdesk.paths import DataPaths
    from partnerdesk.services import archive, data, rgpd
    from partnerdesk.services.exports import calendar

    m = _meeting(title="Comité & co", minutes="<p>Hélène Martin présente le bilan.</p>", place="Mairie")
    cancelled = _meeting(title="Annulée", cancelled=True)
    invitations.invite(m.id, [people["club"]], [people["helene"]])
    helene = next(i for i in invitations.invitees_of(m.id) if i.person_id == people["helene"])
    invitations.set_answer(helene.id, "present")
    followup.add_action(ActionData(m.id, "Écrire à Hélène Martin", D(2026, 12, 20), owner_person_id=people["helene"]))
    events = {e.uid: e for e in calendar.events()}
    assert events[f"meeting-{m.id}"].start == dt.time(14, 0) and events[f"meeting-{m.id}"].location == "Mairie"
    assert f"meeting-{cancelled.id}" not in events

    target = tmp_path / "all.zip"
    archive.export_all(store, target)
    data.close_data()
    restored = DataPaths(tmp_path / "restored").ensure()
    data.open_data(restored, daily_backup=False)
    archive.import_all(restored, target)
    assert [i.label for i in invitations.invitees_of(m.id)] == ["Club des aînés", "Hélène Martin (Mairie de Lunel)"]
    assert followup.actions_of(m.id)[0].what == "Écrire à Hélène Martin"

    page = rgpd.export_person(restored, people["helene"], tmp_path / "helene.html").read_text("utf-8")
    assert "Comité &amp; co" in page and "Attended" in page  # the meetings she was invited to, in words
    assert "Écrire à Hélène Martin" in page  # the action entrusted to her
    rgpd.anonymise(restored, people["helene"])
    assert "Hélène Martin" not in meetings.get_meeting(m.id).minutes
    assert "Hélène Martin" not in followup.actions_of(m.id)[0].what
    assert "Hélène" not in followup.actions_of(m.id)[0].owner_label
    # the attendance and the action stay, on the anonymised card
    assert [i.answer for i in invitations.invitees_of(m.id) if i.person_id == people["helene"]] == ["present"]
    data.close_data()
    data.open_data(store, daily_backup=False)


def test_bilan_lists_the_committees_held(people):
    from partnerdesk.services.meetings.documents import committee_lines

    p = projects.create_project(ProjectData("Programme"))
    made = meetings.create_series(MeetingData("Comité de pilotage", D(2026, 1, 13), kind="comite", project_id=p.id),
                                  Recurrence("months", 2), count=7)
    _meeting(title="Pas un comité", project_id=p.id, held_on=D(2026, 2, 1))
    invitations.invite(made[0].id, [people["club"], people["ccas"]])
    invitations.set_answers(made[0].id, {i.id: "present" for i in invitations.invitees_of(made[0].id)})
    followup.add_decision(made[0].id, "Go")
    lines = committee_lines(p.id, TODAY)
    assert [(c.held_on, c.present, c.decisions) for c in lines] == [
        (D(2026, 1, 13), 2, 1), (D(2026, 3, 13), 0, 0), (D(2026, 5, 13), 0, 0), (D(2026, 7, 13), 0, 0),
        (D(2026, 9, 13), 0, 0), (D(2026, 11, 13), 0, 0)]  # not January 2027, still to come


def test_invitation_letters_through_the_letters_engine(people, tmp_path):
    from partnerdesk.services.exports.letters import LetterError
    from partnerdesk.services.meetings import letters
    from partnerdesk.store.models import Organisation

    Organisation.update(address="1 place de la Mairie", postcode="34400", city="Lunel").where(
        Organisation.id.in_([people["mairie"], people["club"]])).execute()
    m = _meeting(theme="", place="")
    with pytest.raises(LetterError):
        letters.write_invitation_letters(m.id, tmp_path / "none.pdf")
    invitations.invite(m.id, [people["club"], people["ccas"]], [people["helene"], people["lone"]])
    excused = next(i for i in invitations.invitees_of(m.id) if i.organisation_id == people["ccas"])
    invitations.set_answer(excused.id, "excuse")
    made, skipped = letters.invitation_letters(m.id, letters.default_template())
    assert [letter.recipient[0] for letter in made] == ["Club des aînés", "Hélène Martin"]
    assert made[1].recipient[1:3] == ["Adjointe", "Mairie de Lunel"]
    assert skipped == ["Jean Seul"]  # no address; the excused CCAS gets no letter
    assert made[0].subject == "Invitation: Seniors et numérique"
    assert "on thursday, 3 december 2026, from 14:00 to 16:30." in made[0].body.lower()
    assert "Place: to be confirmed" in made[0].body and "\n\n\n" not in made[0].body
    from partnerdesk import i18n

    i18n.set_language("fr")
    made, _skipped = letters.invitation_letters(m.id, letters.default_template())
    assert made[0].subject == "Invitation : Seniors et numérique"
    assert "à la rencontre « Seniors et numérique », le jeudi 3\u00a0décembre 2026, de 14\u00a0h à 16\u00a0h\u00a030." in made[0].body
    assert "Lieu : à préciser" in made[0].body
    i18n.set_language("en")
    count, skipped = letters.write_invitation_letters(m.id, tmp_path / "invitations.pdf")
    assert count == 2 and (tmp_path / "invitations.pdf").read_bytes().startswith(b"%PDF")


def test_following_on_a_meeting_alone_moves_it(store):
    m = _meeting()
    m.held_on = D(2026, 12, 17)
    [moved] = meetings.update_following(m)
    assert moved.held_on == D(2026, 12, 17)


def test_todo_knows_the_meeting_actions_without_the_meetings_area_loaded(tmp_path):
    """The tabs are built lazily: "À faire" loads the sources of every area itself."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import sys
        from partnerdesk.services import todo
        assert "partnerdesk.services.meetings" not in sys.modules
        todo._load_sources()
        from partnerdesk.services.meetings import followup
        assert followup.meeting_actions_due in todo.SOURCES and "meeting_action" in todo.DONE_HOOKS
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_a_meeting_saved_with_its_typed_decision_and_action_all_or_nothing(store):
    meeting = _meeting()
    meeting.place = "Médiathèque"
    meeting.end_time, meeting.start_time = "09:00", "10:00"
    undated = ActionData(meeting.id, "Relancer la mairie", None, owner_epn="Claire")
    with pytest.raises(ValidationError) as refused:
        followup.save_with_typed(meeting, "Ouvrir le samedi matin", undated)
    assert set(refused.value.errors) == {"end_time", "due_on"}  # every refusal, of the three, at once
    meeting.end_time = "12:00"
    with pytest.raises(ValidationError) as refused:
        followup.save_with_typed(meeting, "  ", undated)
    assert set(refused.value.errors) == {"decision", "due_on"}
    assert meetings.get_meeting(meeting.id).place == "EPN"
    assert followup.decisions_of(meeting.id) == [] and followup.actions_of(meeting.id) == []
    undated.due_on = dt.date(2026, 12, 15)
    [saved] = followup.save_with_typed(meeting, "Ouvrir le samedi matin", undated)
    assert saved.place == "Médiathèque" and [d.text for d in followup.decisions_of(meeting.id)] == [
        "Ouvrir le samedi matin"]
    assert [a.what for a in followup.actions_of(meeting.id)] == ["Relancer la mairie"]
