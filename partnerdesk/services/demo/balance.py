"""Demo data for the partnership balance: time on partners, benefits, a main funder, decision grids."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.balance import DEFAULT_CRITERIA, Benefit, Rating, Verdict
from partnerdesk.store.models import DecisionGrid, FunderProfile, Organisation, PartnerBenefit, StaffTime

PARTNER_TIME = [
    (2.0, "Rencontre annuelle avec l'élu·e délégué·e"),
    (1.5, "Vœux et point sur l'année"),
    (3.0, "Préparation du dossier de demande de subvention"),
    (1.0, "Appel de suivi"),
    (4.0, "Comité de pilotage et compte rendu"),
]
BENEFITS = [
    (Benefit.PUBLICS, "Des familles du quartier découvrent l'EPN"),
    (Benefit.CREDIBILITE, "Logo de l'EPN sur leur programme"),
    (Benefit.VISIBILITE, "Article dans le journal municipal"),
    (Benefit.RESEAU, "Mise en relation avec d'autres associations"),
]


def _answers(ratings: list[Rating | None], comments: dict[int, str]) -> list[dict]:
    return [{"criterion": c.label, "rating": r.value if r else None, "comment": comments.get(i, ""),
             "blocking": c.blocking} for i, (c, r) in enumerate(zip(DEFAULT_CRITERIA, ratings))]


def generate(ctx) -> None:
    rng, today = ctx.rng, ctx.today
    org_ids = ctx.ids.get("organisations") or [o.id for o in Organisation.select(Organisation.id).limit(50)]
    if not org_ids:
        return
    now = dt.datetime.combine(today, dt.time(9, 0))
    count = min(len(org_ids), 12 if ctx.size.name == "small" else 300)
    chosen = rng.sample(org_ids, count)
    times, benefits = [], []
    for n, org in enumerate(chosen):
        for hours, note in rng.sample(PARTNER_TIME, rng.randint(1, 3)):
            times.append(dict(organisation=org, project=None, project_partner=None, hours=hours, note=note,
                              who=rng.choice(["Hélène Lefèvre", "Karim Benali", "Zoé Moreau"]),
                              worked_on=today - dt.timedelta(days=rng.randint(5, 300))))
        if n % 3 != 2:
            benefit, note = BENEFITS[n % len(BENEFITS)]
            benefits.append(dict(organisation=org, benefit=benefit.value, note=note, created_at=now,
                                 noted_on=today - dt.timedelta(days=rng.randint(5, 200))))
    StaffTime.insert_many(times).execute()
    PartnerBenefit.insert_many(benefits).execute()
    funder = chosen[0]
    FunderProfile.insert(organisation=funder, main_funder=True, updated_at=now,
                         conditions="Pas d'exclusivité accordée à une entreprise ; logo du financeur sur "
                                    "toute communication ; bilan annuel avant le 31 mars.").execute()
    F, R, D = Rating.FAVORABLE, Rating.RESERVE, Rating.DEFAVORABLE
    grids = [
        (chosen[1], [F, F, F, F, R, F], {4: "Utile mais pas indispensable cette année"}, Verdict.OUI),
        (chosen[2], [F, R, F, R, R, F], {1: "Partenaire très commercial : à cadrer",
                                          3: "Beaucoup de réunions pour un petit apport"}, Verdict.A_DISCUTER),
        (chosen[3], [R, D, D, R, R, R], {1: "Image de marque contraire à notre neutralité",
                                          2: "Exclusivité demandée, incompatible avec notre financeur principal"},
         Verdict.NON),
    ]
    for org, ratings, comments, verdict in grids[: max(0, len(chosen) - 1)]:
        DecisionGrid.insert(organisation=org, project=None, answers=_answers(ratings, comments), verdict=verdict.value,
                            decided_on=today - dt.timedelta(days=rng.randint(10, 120)), note="",
                            created_at=now, updated_at=now).execute()
