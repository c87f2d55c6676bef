"""Demo conventions at every status, with versions and validation circuits."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.conventions import CircuitStep
from partnerdesk.i18n import _
from partnerdesk.services import conventions
from partnerdesk.services.demo import names
from partnerdesk.store.models import Convention, Organisation, Project, ProjectPartner

# (status, days from today to the start, duration in days)
PLAN = [
    ("brouillon", 40, 120),
    ("en_validation", 20, 180),
    ("signee", 10, 200),
    ("en_cours", -150, 200),  # ends within 60 days: shows in "À faire"
    ("en_cours", -30, 300),
    ("echue", -400, 300),
    ("resiliee", -200, 365),
    ("brouillon", 60, 90),
]
TITLES = ["Ateliers numériques", "Accompagnement aux démarches en ligne", "Initiation à la tablette",
          "Club code", "Café numérique", "Atelier photo et droit à l'image"]


WHO = ["Mme Le Goff, cheffe de service", "M. Bertin, adjoint au numérique", "Secrétariat général",
       "Mme Roux, présidente"]


def _person(ctx) -> str:
    return f"{ctx.rng.choice(names.FIRST_NAMES)} {ctx.rng.choice(names.LAST_NAMES)}"


def _circuit(kinds: list[str], status: str, day: dt.date) -> list[CircuitStep]:
    steps = conventions.preset_steps(kinds) or [CircuitStep("Direction")]
    for i, step in enumerate(steps):
        step.label = _(step.label)
        step.who = WHO[i % len(WHO)]
        if status in ("signee", "en_cours", "echue", "resiliee"):
            step.status = "valide"
            step.started_on, step.decided_on = day - dt.timedelta(30 - i), day - dt.timedelta(25 - i)
        elif status == "en_validation" and i == 0:
            step.status, step.started_on, step.decided_on = "valide", day - dt.timedelta(12), day - dt.timedelta(5)
        elif status == "en_validation" and i == 1:
            step.status, step.started_on = "en_cours", day - dt.timedelta(5)
            step.comment = "Transmise au secrétariat le " + (day - dt.timedelta(5)).strftime("%d/%m/%Y")
    return steps


def generate(ctx) -> None:
    orgs = list(Organisation.select(Organisation.id, Organisation.kind, Organisation.name)
                .where(Organisation.deleted_at.is_null()).order_by(Organisation.id))
    if not orgs:
        return
    projects = ctx.ids.get("projects", [])
    by_id = {o.id: o for o in orgs}
    count = len(PLAN) if ctx.size.name == "small" else max(len(PLAN), ctx.size.projects // 3)
    made = []
    for n in range(count):
        status, offset, duration = PLAN[n % len(PLAN)]
        project_id = projects[n % len(projects)] if projects else None
        wanted = 2 if n % 3 == 1 else 1
        in_project = [by_id[r.organisation_id] for r in ProjectPartner.select(ProjectPartner.organisation)
                      .where(ProjectPartner.project == project_id).order_by(ProjectPartner.id)
                      if r.organisation_id in by_id] if project_id else []
        partners = in_project[:wanted] if len(in_project) >= wanted else ctx.rng.sample(orgs, wanted)
        start = ctx.today + dt.timedelta(days=offset)
        project = Project.get_or_none(Project.id == project_id) if project_id else None
        title = f"Convention — {project.title if project else TITLES[n % len(TITLES)]}"
        conv = conventions.create_convention(title, [o.id for o in partners], project_id=project_id)
        conv.start_date, conv.end_date = start, start + dt.timedelta(days=duration)
        conv.sessions_count, conv.people_count = ctx.rng.choice([6, 8, 10, 12]), ctx.rng.choice([3, 4, 5])
        conv.place = "Espace Public Numérique, salle multimédia"
        for party in conv.content.parties[1:]:
            party.signatory = _person(ctx)
            party.signatory_title = ctx.rng.choice(["Directrice", "Président", "Gérant", "Adjointe au maire"])
        if n % 2 == 0:
            conv.content.sections[1].body += "<p>Une attention particulière est portée aux personnes âgées.</p>"
        conventions.save_convention(conv)
        if n % 2 == 0:
            conventions.save_version(conv.id, "Après la rencontre informelle")
        conventions.set_steps(conv.id, _circuit([o.kind for o in partners], status, start))
        if status != "brouillon" and status != "en_validation":
            conventions.set_dates(conv.id, signed_on=start - dt.timedelta(days=15))
        Convention.update(status=status).where(Convention.id == conv.id).execute()
        made.append(conv.id)
    ctx.ids["conventions"] = made
