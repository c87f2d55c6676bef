"""Demo projects: a dozen at every stage (small) or 300 projects and 3,000 project partners (large)."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.projects import Stage
from partnerdesk.domain.text import normalize
from partnerdesk.services.demo.partners import _insert
from partnerdesk.store.models import (
    BudgetLine,
    Milestone,
    PartnerContribution,
    Project,
    ProjectNeed,
    ProjectPartner,
    ProjectPhoto,
    ProjectPhotoPerson,
    ProjectSession,
    Realization,
    SessionParticipant,
    StaffTime,
)

IN_CHARGE = ["Hélène Lefèvre", "Karim Benali", "Zoé Moreau"]
PLACES = ["EPN — salle multimédia", "Médiathèque Anne-Frank", "Collège Jean-Moulin", "Centre social",
          "EHPAD Les Glycines"]

# (title, description, objectives, publics, duration, status, start offset (days), length (days))
PROJECTS = [
    ("Premiers pas sur tablette", "Des ateliers hebdomadaires pour apprivoiser la tablette : allumer, "
     "photographier, appeler ses petits-enfants en visio.", "Rendre autonomes 12 seniors en six mois.",
     ["seniors"], "long", "en_cours", -70, 180),
    ("Café numérique du CCAS", "Un rendez-vous convivial pour poser ses questions sur le téléphone et "
     "les démarches en ligne.", "Rompre l'isolement et lever les freins.", ["seniors", "eloignes_numerique"],
     "long", "en_cours", -120, 300),
    ("Code & robotique au collège", "Initiation à la programmation avec des robots pour les 5e.",
     "Découvrir le code, travailler en équipe.", ["scolaires", "jeunes"], "long", "en_preparation", 30, 150),
    ("Démarches en ligne avec France Services", "Permanences d'accompagnement aux démarches "
     "administratives dématérialisées.", "Accompagner 200 personnes dans l'année.", ["tout_public"], "long",
     "en_cours", -200, 365),
    ("Fête de l'internet citoyen", "Une journée d'ateliers ouverts à tous, stands des associations "
     "& démonstrations.", "Faire connaître l'EPN et ses partenaires.", ["tout_public", "familles"], "ponctuel",
     "en_preparation", 60, 1),
    ("Exposition « Mon quartier vu par les jeunes »", "Des jeunes photographient leur quartier, "
     "retouchent et exposent leurs images.", "Valoriser la parole des jeunes.", ["jeunes"], "ponctuel",
     "termine", -240, 90),
    ("Ordinateurs reconditionnés pour les familles", "Remise d'ordinateurs reconditionnés avec une "
     "formation de prise en main.", "Équiper 30 familles.", ["familles", "eloignes_numerique"], "long",
     "en_cours", -40, 200),
    ("Atelier CV et emploi en ligne", "Créer son CV, son profil et candidater en ligne.",
     "Accompagner les demandeurs d'emploi vers l'autonomie.", ["demandeurs_emploi"], "long", "en_preparation",
     20, 120),
    ("Web radio des jeunes", "Une émission mensuelle préparée et animée par les jeunes de la MJC.",
     "Expression orale et éducation aux médias.", ["jeunes"], "long", "en_cours", -90, 270),
    ("Sécurité en ligne : arnaques et mots de passe", "Deux heures pour reconnaître une arnaque et "
     "gérer ses mots de passe.", "Prévenir les escroqueries.", ["seniors", "tout_public"], "ponctuel",
     "termine", -150, 1),
    ("Stage vacances : créer son jeu vidéo", "Une semaine de création de jeu pendant les vacances "
     "de printemps.", "Découvrir les métiers du numérique.", ["jeunes"], "ponctuel", "en_preparation", 100, 5),
    ("Lecture numérique à la médiathèque", "Liseuses et livres audio : des ateliers pour découvrir "
     "la lecture numérique.", "Ouvrir la médiathèque à de nouveaux publics.", ["tout_public", "seniors"],
     "long", "abandonne", -300, 120),
]

CONTRIBUTIONS = [
    ("financement", "Subvention de fonctionnement", 1500.0, ""),
    ("materiel", "Prêt de 10 tablettes", 2500.0, "pret"),
    ("materiel", "Achat d'un vidéoprojecteur", 650.0, "achat"),
    ("locaux", "Mise à disposition d'une salle le mercredi", 800.0, ""),
    ("intervenants", "Une animatrice deux heures par mois", 600.0, ""),
    ("public", "Orientation des bénéficiaires", None, ""),
    ("notoriete", "Article dans le journal municipal", None, ""),
]
BUDGET = [("Animation (heures d'animateur)", 3200.0), ("Matériel : tablettes", 2500.0),
          ("Communication & impression", 350.0), ("Goûters et convivialité", 180.0)]
STAGE_POOLS = {
    "en_preparation": [Stage.IDENTIFIE, Stage.PREMIER_CONTACT, Stage.RENCONTRE_INFORMELLE, Stage.CO_CONSTRUCTION,
                       Stage.CONVENTION_REDACTION],
    "en_cours": [Stage.CONVENTION_SIGNEE, Stage.ACTION_EN_COURS, Stage.CO_CONSTRUCTION, Stage.ACTION_EN_COURS,
                 Stage.PARTENARIAT_ENTRETENU, Stage.CONVENTION_REDACTION],
    "termine": [Stage.BILAN, Stage.PARTENARIAT_ENTRETENU, Stage.BILAN],
    "abandonne": [Stage.ABANDONNE, Stage.PREMIER_CONTACT, Stage.ABANDONNE],
}
MILESTONES = {
    "en_preparation": [("Rencontre informelle avec les partenaires", -12, "fait"),
                       ("Rencontre formelle et signature", 9, "a_faire"), ("Réunion de mise en place", 30, "a_faire")],
    "en_cours": [("Réunion de mise en place", -30, "fait"), ("Point d'étape avec les partenaires", 4, "a_faire"),
                 ("Réunion de bilan", 60, "a_faire")],
    "termine": [("Réunion de bilan", -20, "fait"), ("Envoyer le compte-rendu", 2, "a_faire"),
                ("Transmettre les réalisations aux partenaires", 12, "a_faire")],
    "abandonne": [("Rencontre informelle", -200, "fait")],
}
REASONS = ["Pas de budget cette année.", "Le conseil d'administration a préféré un autre projet.",
           "Plus de contact depuis le départ de la directrice."]


STAFF_NOTES = ["Préparation de la réunion et compte rendu", "Échanges de mails et appels", "Rencontre sur place",
               "Rédaction de la convention", "Préparation des séances avec l'intervenant",
               "Relances et suivi administratif"]


def generate(ctx) -> None:
    if ctx.size.name == "small":
        _small(ctx)
    else:
        _large(ctx)


def _project_rows(ctx, specs) -> list[dict]:
    now = dt.datetime.combine(ctx.today, dt.time(9, 0))
    rows = []
    for n, (title, desc, objectives, publics, duration, status, start, length) in enumerate(specs):
        start_date = ctx.today + dt.timedelta(days=start)
        rows.append(dict(title=title, title_norm=normalize(title), description=desc, objectives=objectives,
                         context="", publics=publics, duration_kind=duration, start_date=start_date,
                         end_date=start_date + dt.timedelta(days=length), place=PLACES[n % len(PLACES)],
                         in_charge=IN_CHARGE[n % len(IN_CHARGE)], status=status, bilan_text="",
                         created_at=now, updated_at=now))
    return rows


def _small(ctx) -> None:
    rng, today = ctx.rng, ctx.today
    orgs = ctx.ids["organisations"]
    project_ids = _insert(Project, _project_rows(ctx, PROJECTS))
    ctx.ids["projects"] = project_ids
    stages = Stage.pipeline()
    now = dt.datetime.combine(today, dt.time(9, 0))
    pp_rows = []
    for n, pid in enumerate(project_ids):
        count = 3 + n % 3
        for k, org in enumerate(rng.sample(orgs, count)):
            pool = STAGE_POOLS[PROJECTS[n][5]]
            stage = pool[(n + k) % len(pool)]
            if k == count - 1 and n % 4 == 3:
                stage = Stage.ABANDONNE
            step_on = today + dt.timedelta(days=rng.randint(-4, 20)) if rng.random() < 0.6 else None
            pp_rows.append(dict(project=pid, organisation=org, stage=stage.value, position=k,
                                closed_reason=rng.choice(REASONS) if stage.is_closed else "",
                                next_step=_next_step(stage) if step_on else "", next_step_on=step_on,
                                stage_since=today - dt.timedelta(days=rng.randint(3, 60)),
                                created_at=now, updated_at=now))
    pp_ids = _insert(ProjectPartner, pp_rows)
    ctx.ids["project_partners"] = pp_ids
    _renumber_positions()

    contributions, staff = [], []
    for pp_id, row in zip(pp_ids, pp_rows):
        for kind, desc, value, mode in rng.sample(CONTRIBUTIONS, rng.randint(1, 2)):
            reached = stages.index(Stage(row["stage"])) >= stages.index(Stage.CONVENTION_SIGNEE) \
                if row["stage"] != "abandonne" else False
            contributions.append(dict(project_partner=pp_id, kind=kind, description=desc, value=value,
                                      material_mode=mode, status="obtenu" if reached else "attendu",
                                      obtained_on=row["stage_since"] if reached else None))
        for _ in range(rng.randint(1, 3)):
            staff.append(dict(project=row["project"], project_partner=pp_id, organisation=row["organisation"],
                              hours=rng.choice([1, 1.5, 2, 3, 4]),
                              worked_on=today - dt.timedelta(days=rng.randint(1, 90)),
                              who=rng.choice(IN_CHARGE), note=rng.choice(STAFF_NOTES)))
    PartnerContribution.insert_many(contributions).execute()
    StaffTime.insert_many(staff).execute()

    needs, budget, milestones = [], [], []
    for n, pid in enumerate(project_ids):
        mine = [p for p, r in zip(pp_ids, pp_rows) if r["project"] == pid and r["stage"] != "abandonne"]
        needs += [dict(project=pid, kind="financement", description="Heures d'animation et goûters",
                       amount=2000.0 + 250 * n, material_mode="", position=0),
                  dict(project=pid, kind="materiel", description="10 tablettes", amount=2500.0,
                       material_mode=["pret", "achat", "location"][n % 3], position=1),
                  dict(project=pid, kind="locaux", description="Une salle calme avec le wifi", amount=None,
                       material_mode="", position=2)]
        for k, (label, amount) in enumerate(BUDGET):
            cover = mine[k] if k < len(mine) and k < 2 else None
            budget.append(dict(project=pid, label=label, amount=amount, project_partner=cover,
                               own_funds=(k == 2), position=k))
        for title, days, status in MILESTONES[PROJECTS[n][5]]:
            milestones.append(dict(project=pid, project_partner=None, title=title, kind="", status=status,
                                   due_on=today + dt.timedelta(days=days + n % 4),
                                   done_on=today + dt.timedelta(days=days) if status == "fait" else None,
                                   created_at=now))
    ProjectNeed.insert_many(needs).execute()
    BudgetLine.insert_many(budget).execute()
    Milestone.insert_many(milestones).execute()
    _sessions(ctx, project_ids)
    _realizations(ctx, project_ids)


def _next_step(stage: Stage) -> str:
    return {
        Stage.IDENTIFIE: "Trouver le bon interlocuteur",
        Stage.PREMIER_CONTACT: "Relancer par téléphone",
        Stage.RENCONTRE_INFORMELLE: "Proposer une date de rencontre formelle",
        Stage.CO_CONSTRUCTION: "Envoyer le programme des séances",
        Stage.CONVENTION_REDACTION: "Envoyer le projet de convention",
        Stage.CONVENTION_SIGNEE: "Fixer la réunion de mise en place",
        Stage.ACTION_EN_COURS: "Point d'étape",
        Stage.BILAN: "Envoyer le compte-rendu",
        Stage.PARTENARIAT_ENTRETENU: "Inviter à la fête de l'internet",
    }.get(stage, "")


def _renumber_positions() -> None:
    columns: dict[tuple[int, str], int] = {}
    for pp in ProjectPartner.select().order_by(ProjectPartner.id):
        key = (pp.project_id, pp.stage)
        position = columns.get(key, 0)
        columns[key] = position + 1
        if pp.position != position:
            ProjectPartner.update(position=position).where(ProjectPartner.id == pp.id).execute()


def _sessions(ctx, project_ids) -> None:
    """Weekly Wednesday sessions for the long-running projects under way, attendance for the past ones."""
    rng, today = ctx.rng, ctx.today
    people = ctx.ids.get("people", [])
    rows = []
    for n, pid in enumerate(project_ids[:4] + project_ids[6:9]):
        project = Project.get_by_id(pid)
        day = project.start_date + dt.timedelta(days=(2 - project.start_date.weekday()) % 7)
        org = ProjectPartner.select(ProjectPartner.organisation).where(ProjectPartner.project == pid).scalar()
        while day <= min(project.end_date, today + dt.timedelta(days=21)):
            planned = 12 if n % 2 == 0 else 8
            rows.append(dict(project=pid, held_on=day, start_time="14:00", end_time="16:00", place=project.place,
                             facilitator=project.in_charge, organisation=org, planned_attendance=planned,
                             actual_attendance=max(0, planned - rng.randint(0, 5)) if day < today else None,
                             cancelled=False, notes=""))
            day += dt.timedelta(weeks=1)
    ids = _insert(ProjectSession, rows)
    participants = []
    for sid, row in zip(ids, rows):
        if row["actual_attendance"] and people and rng.random() < 0.3:
            for person in rng.sample(people, min(len(people), row["actual_attendance"])):
                participants.append(dict(session=sid, person=person, name=""))
    if participants:
        from partnerdesk.store.models import Person
        names = {p.id: f"{p.first_name} {p.last_name}" for p in Person.select().where(
            Person.id.in_([x["person"] for x in participants]))}
        for x in participants:
            x["name"] = names.get(x["person"], "")
        SessionParticipant.insert_many(participants).execute()


def _realizations(ctx, project_ids) -> None:
    today = ctx.today
    done = project_ids[5]  # the photo exhibition
    rows = [dict(project=done, title="Exposition de 24 photographies", description="Accrochage à la "
                 "médiathèque pendant trois semaines, vernissage avec les familles.",
                 made_on=today - dt.timedelta(days=160)),
            dict(project=done, title="Livret « Mon quartier »", description="Un livret imprimé à 200 "
                 "exemplaires & distribué aux partenaires.", made_on=today - dt.timedelta(days=150)),
            dict(project=project_ids[0], title="Carnet de prise en main de la tablette",
                 description="Fiches illustrées rédigées avec les participants.",
                 made_on=today - dt.timedelta(days=10))]
    real_ids = _insert(Realization, rows)
    if ctx.paths is None:
        return
    from partnerdesk.services.demo.photos_art import draw_photo

    people = ctx.ids.get("people", [])
    now = dt.datetime.combine(today, dt.time(9, 0))
    for k in range(3):
        name = f"projects/demo-project-{done}-{k + 1}.jpg"
        draw_photo(ctx.paths.photos_dir / name, k)
        photo = ProjectPhoto.create(project=done, realization=real_ids[0], file=name,
                                    caption=["Vernissage à la médiathèque", "Atelier de retouche",
                                             "Les jeunes photographes"][k],
                                    taken_on=today - dt.timedelta(days=165 + k), created_at=now)
        for person in people[k * 2:k * 2 + 2]:
            ProjectPhotoPerson.create(photo=photo.id, person=person)


def _large(ctx) -> None:
    rng, today = ctx.rng, ctx.today
    orgs = ctx.ids["organisations"]
    specs = []
    for n in range(ctx.size.projects):
        base = PROJECTS[n % len(PROJECTS)]
        specs.append((f"{base[0]} — édition {n // len(PROJECTS) + 1}",) + base[1:5] +
                     (rng.choice(["en_preparation", "en_cours", "en_cours", "termine"]),
                      rng.randint(-400, 200), rng.randint(1, 300)))
    project_ids = _insert(Project, _project_rows(ctx, specs))
    ctx.ids["projects"] = project_ids
    per_project = max(1, ctx.size.project_partners // len(project_ids))
    stages = list(Stage)
    now = dt.datetime.combine(today, dt.time(9, 0))
    rows, columns = [], {}
    for pid in project_ids:
        for org in rng.sample(orgs, per_project):
            stage = rng.choice(stages)
            position = columns.get((pid, stage), 0)
            columns[(pid, stage)] = position + 1
            step_on = today + dt.timedelta(days=rng.randint(-10, 60)) if rng.random() < 0.5 else None
            rows.append(dict(project=pid, organisation=org, stage=stage.value, position=position,
                             closed_reason=rng.choice(REASONS) if stage.is_closed else "",
                             next_step=_next_step(stage) if step_on else "", next_step_on=step_on,
                             stage_since=today, created_at=now, updated_at=now))
    pp_ids = _insert(ProjectPartner, rows)
    ctx.ids["project_partners"] = pp_ids
    contributions = []
    for pp_id in pp_ids:
        kind, desc, value, mode = rng.choice(CONTRIBUTIONS)
        contributions.append(dict(project_partner=pp_id, kind=kind, description=desc, value=value,
                                  material_mode=mode, status=rng.choice(["attendu", "obtenu"])))
    for start in range(0, len(contributions), 500):
        PartnerContribution.insert_many(contributions[start:start + 500]).execute()
    milestones = [dict(project=pid, project_partner=None, title="Réunion de bilan", kind="bilan_meeting",
                       due_on=today + dt.timedelta(days=rng.randint(-30, 90)), status="a_faire", done_on=None,
                       created_at=now) for pid in project_ids]
    Milestone.insert_many(milestones).execute()
