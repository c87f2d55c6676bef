"""Demo Rencontres: a programme's committee every two months since January (minutes,
decisions and actions for the past ones), a thematic meeting "Seniors et numérique"
with five organisations, and a coming meeting whose answers are still awaited."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.meetings import ActionData, MeetingData
from partnerdesk.domain.recurrence import Recurrence
from partnerdesk.services import meetings
from partnerdesk.services.meetings import followup, invitations
from partnerdesk.store.models import Affiliation, Organisation, Project, ProjectPartner

COMMITTEE_AGENDA = ("<ol><li>Bilan des actions depuis le dernier comité</li><li>Programmation des deux mois "
                    "à venir</li><li>Questions diverses</li></ol>")
COMMITTEE_MINUTES = [
    "<p>Les partenaires ont présenté les ateliers menés depuis le dernier comité. La fréquentation est "
    "<b>en hausse</b>, en particulier chez les seniors orientés par le CCAS.</p><ul><li>Les permanences du "
    "mardi affichent complet.</li><li>Le créneau du samedi matin reste à faire connaître.</li></ul>",
    "<p>Le comité a arrêté la programmation des deux prochains mois et réparti les animations entre les "
    "structures.</p><p>Un point d'attention : le prêt de tablettes doit être renouvelé <i>avant l'été</i>.</p>",
]
DECISIONS = [
    ["Ouvrir un second créneau d'accompagnement le samedi matin.", "Valider le calendrier des ateliers."],
    ["Présenter le programme au prochain conseil municipal.", "Reconduire le prêt de tablettes jusqu'en décembre."],
]
ACTIONS = [("Envoyer le calendrier des ateliers aux partenaires", 10), ("Réserver la salle du conseil", 20),
           ("Faire le point sur les inscriptions", 45)]
SENIORS_MINUTES = ("<p>Cinq structures réunies autour des usages numériques des seniors : repérage des "
                   "personnes isolées, ateliers de proximité, aide aux démarches.</p><ul><li>Le CCAS oriente "
                   "les personnes repérées lors des visites à domicile.</li><li>L'EHPAD accueille un atelier "
                   "« visio en famille » chaque mois.</li></ul>")


def _people_of(org_ids: list[int]) -> dict[int, int]:
    """organisation -> one of its current people."""
    out: dict[int, int] = {}
    for person_id, org_id in (Affiliation.select(Affiliation.person, Affiliation.organisation)
                              .where(Affiliation.organisation.in_(org_ids) & Affiliation.end_date.is_null())
                              .order_by(Affiliation.id).tuples()):
        out.setdefault(org_id, person_id)
    return out


def _programme(ctx) -> int | None:
    """The running project with the most partners: the demo's programme."""
    best, best_count = None, 0
    for project in Project.select(Project.id).where(Project.status == "en_cours").order_by(Project.id):
        count = ProjectPartner.select().where(ProjectPartner.project == project.id).count()
        if count > best_count:
            best, best_count = project.id, count
    return best


def _committees(ctx, project_id: int) -> None:
    today, rng = ctx.today, ctx.rng
    project = Project.get_by_id(project_id)
    first = dt.date(today.year, 1, 13)
    template = MeetingData("Comité de programmation", first, kind="comite", theme=project.title,
                           start_time="10:00", end_time="12:00", place="Mairie — salle du conseil",
                           in_charge=project.in_charge, project_id=project_id, agenda=COMMITTEE_AGENDA)
    last = max(dt.date(today.year, 12, 31), today + dt.timedelta(days=120))  # always a committee to come
    made = meetings.create_series(template, Recurrence("months", 2), last=last)
    invited_orgs = [o for (o,) in ProjectPartner.select(ProjectPartner.organisation)
                    .where(ProjectPartner.project == project_id).tuples()]
    contacts = _people_of(invited_orgs)
    coming_seen = False
    for n, meeting in enumerate(made):
        invitations.invite(meeting.id, [o for o in invited_orgs if o not in contacts], list(contacts.values()),
                           "project", {p: o for o, p in contacts.items()})
        listed = invitations.invitees_of(meeting.id)
        if meeting.held_on < today:
            answers = {i.id: rng.choice(["present", "present", "present", "excuse", "absent"]) for i in listed}
            answers[listed[0].id] = "present"
            invitations.set_answers(meeting.id, answers, today=meeting.held_on)
            meeting.minutes = COMMITTEE_MINUTES[n % 2]
            meetings.update_meeting(meeting)
            for text in DECISIONS[n % 2]:
                followup.add_decision(meeting.id, text)
            present = [i for i in listed if answers[i.id] == "present"]
            for k, (what, days) in enumerate(ACTIONS):
                owner = present[k % len(present)]
                due = meeting.held_on + dt.timedelta(days=days)
                done = due + dt.timedelta(days=-2) if due < today - dt.timedelta(days=7) else None
                followup.add_action(ActionData(meeting.id, what, due, owner_person_id=owner.person_id,
                                               owner_organisation_id=None if owner.person_id else
                                               owner.organisation_id, done_on=done))
            followup.add_action(ActionData(meeting.id, "Préparer l'ordre du jour du prochain comité",
                                           meeting.held_on + dt.timedelta(days=50), owner_epn=project.in_charge,
                                           done_on=None if meeting.held_on + dt.timedelta(days=50) >= today
                                           else meeting.held_on + dt.timedelta(days=48)))
        elif not coming_seen:  # the next one: some answers in, others awaited
            coming_seen = True
            invitations.set_answers(meeting.id, {i.id: "confirme" for i in listed[::2]}, today=today)
            if len(listed) > 3:
                invitations.set_answer(listed[1].id, "excuse", today=today)


def _seniors(ctx) -> None:
    today = ctx.today
    rows = list(Organisation.select(Organisation.id, Organisation.publics).where(
        Organisation.deleted_at.is_null()).order_by(Organisation.id))
    seniors = [o.id for o in rows if "seniors" in (o.publics or [])]
    orgs = (seniors + [o.id for o in rows if o.id not in seniors])[:5]  # five organisations
    held = today - dt.timedelta(days=20)
    meeting = meetings.create_meeting(MeetingData(
        "Seniors et numérique", held, kind="thematique",
        theme="Repérer et accompagner les seniors éloignés du numérique", start_time="14:00", end_time="16:30",
        place="EPN — salle multimédia", in_charge="Hélène Lefèvre",
        agenda="<ol><li>Tour de table des structures</li><li>Ce que chacun observe</li>"
               "<li>Ce que nous pourrions faire ensemble</li></ol>", minutes=SENIORS_MINUTES))
    contacts = _people_of(orgs)
    invitations.invite(meeting.id, [o for o in orgs if o not in contacts], list(contacts.values()), "tag",
                       {p: o for o, p in contacts.items()})
    listed = invitations.invitees_of(meeting.id)
    invitations.set_answers(meeting.id, {i.id: "present" for i in listed}, today=held)
    followup.add_decision(meeting.id, "Se retrouver chaque trimestre, à tour de rôle chez chaque structure.")
    owner = listed[0]
    followup.add_action(ActionData(meeting.id, "Diffuser la liste des ateliers seniors", today + dt.timedelta(days=3),
                                   owner_person_id=owner.person_id,
                                   owner_organisation_id=None if owner.person_id else owner.organisation_id))
    followup.add_action(ActionData(meeting.id, "Envoyer le compte rendu aux participants",
                                   held + dt.timedelta(days=7), owner_epn="Hélène Lefèvre"))


def _setup_meeting(ctx) -> None:
    """A coming set-up meeting for a project in preparation: invitations sent, no answer yet."""
    project = Project.select().where(Project.status == "en_preparation").order_by(Project.id).first()
    if project is None:
        return
    meeting = meetings.create_meeting(MeetingData(
        f"Mise en place — {project.title}", ctx.today + dt.timedelta(days=9), kind="mise_en_place",
        start_time="17:30", end_time="19:00", place=project.place or "EPN", in_charge=project.in_charge,
        project_id=project.id))
    invitations.invite_project_partners(meeting.id, project.id)


def generate(ctx) -> None:
    programme = _programme(ctx)
    if programme is not None:
        _committees(ctx, programme)
    _seniors(ctx)
    _setup_meeting(ctx)
