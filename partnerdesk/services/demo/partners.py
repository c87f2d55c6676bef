"""Demo organisations, people, tags and journal."""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata

from partnerdesk.domain.text import normalize
from partnerdesk.services.demo import names
from partnerdesk.store.models import (
    Affiliation,
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    OrganisationTag,
    Person,
    PersonTag,
    Tag,
)

# (name, kind, status, publics, contributions)
ORGANISATIONS = [
    ("Mairie de Saint-Aubin-des-Prés — Service jeunesse", "service_municipal", "actif", ["jeunes"], ["financement", "locaux"]),
    ("Mairie de Saint-Aubin-des-Prés — CCAS", "service_municipal", "actif", ["seniors", "eloignes_numerique"], ["financement", "public"]),
    ("Collège Jean-Moulin", "etablissement_scolaire", "actif", ["scolaires", "jeunes"], ["public", "locaux"]),
    ("École élémentaire Louise-Michel", "etablissement_scolaire", "actif", ["scolaires"], ["public"]),
    ("Lycée professionnel Jules-Verne", "etablissement_scolaire", "prospect", ["jeunes"], ["intervenants", "materiel"]),
    ("Médiathèque Anne-Frank", "service_municipal", "actif", ["tout_public", "familles"], ["locaux", "relais_communication"]),
    ("Association Lire & Écrire 35", "association", "actif", ["eloignes_numerique"], ["intervenants", "public"]),
    ("L'Atelier d'alphabétisation du Pont-Neuf", "association", "actif", ["eloignes_numerique", "familles"], ["public", "competences"]),
    ("Club des aînés « Les Tilleuls »", "association", "actif", ["seniors"], ["public"]),
    ("Maison des jeunes et de la culture (MJC)", "association", "actif", ["jeunes"], ["locaux", "intervenants"]),
    ("Centre social Les Champs-Manceaux", "association", "actif", ["familles", "tout_public"], ["public", "relais_communication"]),
    ("Secours populaire — antenne de Saint-Aubin", "association", "prospect", ["eloignes_numerique"], ["public"]),
    ("Restos du Cœur — centre de Vitré", "association", "ancien", ["eloignes_numerique", "familles"], ["public"]),
    ("France Travail — agence de Vitré", "institution_publique", "actif", ["demandeurs_emploi"], ["public", "relais_communication"]),
    ("Mission locale du Pays de Vitré", "institution_publique", "actif", ["jeunes", "demandeurs_emploi"], ["public", "competences"]),
    ("Caisse d'allocations familiales d'Ille-et-Vilaine", "institution_publique", "prospect", ["familles"], ["financement"]),
    ("Conseil départemental d'Ille-et-Vilaine", "service_municipal", "actif", ["tout_public"], ["financement"]),
    ("Fondation pour l'inclusion numérique", "fondation", "prospect", ["eloignes_numerique"], ["financement", "notoriete"]),
    ("Fondation Crédit Coopératif", "fondation", "ecarte", ["tout_public"], ["financement"]),
    ("Boulangerie Dupont & Fils <SARL>", "entreprise", "prospect", [], ["financement"]),
    ("Informatique Services Vitré", "entreprise", "actif", [], ["materiel", "competences"]),
    ("Recyclerie numérique L'Ordi Solidaire", "association", "actif", ["eloignes_numerique"], ["materiel"]),
    ("Imprimerie Le Bihan", "entreprise", "ancien", [], ["materiel", "notoriete"]),
    ("Crédit Agricole — agence de Châteaugiron", "entreprise", "prospect", [], ["financement"]),
    ("Orange — boutique de Cesson-Sévigné", "entreprise", "prospect", [], ["materiel"]),
    ("Radio Rennes Campus", "association", "actif", ["jeunes"], ["notoriete", "relais_communication"]),
    ("Ouest-Ville, journal municipal", "service_municipal", "actif", ["tout_public"], ["relais_communication", "notoriete"]),
    ("EHPAD Les Glycines", "institution_publique", "actif", ["seniors"], ["public", "locaux"]),
    ("Résidence autonomie Saint-Éloi", "institution_publique", "prospect", ["seniors"], ["public"]),
    ("Association des parents d'élèves du collège", "association", "actif", ["familles"], ["public", "relais_communication"]),
    ("Espace France Services de Châteaugiron", "institution_publique", "actif", ["tout_public"], ["competences", "public"]),
    ("Les Petits Débrouillards Bretagne", "association", "actif", ["jeunes", "scolaires"], ["intervenants", "competences"]),
    ("FabLab de Vitré Communauté", "association", "actif", ["jeunes", "tout_public"], ["materiel", "competences"]),
    ("Association Emmaüs Connect", "association", "prospect", ["eloignes_numerique"], ["materiel", "competences"]),
    ("Office de tourisme du Pays de Châteaugiron", "institution_publique", "ancien", ["tout_public"], ["notoriete"]),
    ("Amicale laïque de Noyal-sur-Vilaine", "association", "actif", ["familles", "jeunes"], ["public", "locaux"]),
    ("Pharmacie de l'Église", "entreprise", "ecarte", [], ["relais_communication"]),
    ("Cabinet comptable Lemaître & Associés", "entreprise", "prospect", [], ["competences", "financement"]),
    ("Conservatoire de musique et de danse", "service_municipal", "actif", ["jeunes"], ["locaux"]),
    ("Groupe d'entraide mutuelle L'Éclaircie", "association", "actif", ["eloignes_numerique"], ["public"]),
]

TAGS = [("jeunesse", "#3b82f6"), ("seniors", "#a855f7"), ("numérique responsable", "#16a34a"),
        ("inclusion", "#f59e0b"), ("financeurs", "#dc2626"), ("presse", "#0ea5e9")]

_LARGE_PREFIXES = ["Association", "Collectif", "Maison", "Club", "Amicale", "Centre", "Atelier", "Entreprise",
                   "Fondation", "École", "Collège", "Service"]
_LARGE_THEMES = ["du numérique", "des aînés", "de l'emploi", "des familles", "du quartier", "de la jeunesse",
                 "solidaire", "culturel", "d'entraide", "sportif", "des arts", "de l'insertion"]
_KIND_BY_PREFIX = {"Association": "association", "Collectif": "association", "Maison": "association",
                   "Club": "association", "Amicale": "association", "Centre": "association",
                   "Atelier": "association", "Entreprise": "entreprise", "Fondation": "fondation",
                   "École": "etablissement_scolaire", "Collège": "etablissement_scolaire",
                   "Service": "service_municipal"}


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum() and ord(c) < 128).lower()


def _organisation_rows(ctx) -> list[dict]:
    rng = ctx.rng
    count = ctx.size.organisations
    specs = list(ORGANISATIONS)
    if count > len(specs):
        for i in itertools.count(1):
            if len(specs) >= count:
                break
            prefix = rng.choice(_LARGE_PREFIXES)
            town = rng.choice(names.TOWNS)[0]
            specs.append((f"{prefix} {rng.choice(_LARGE_THEMES)} de {town} n°{i}", _KIND_BY_PREFIX[prefix],
                          rng.choice(["prospect", "actif", "actif", "ancien", "ecarte"]),
                          rng.sample(["jeunes", "seniors", "familles", "tout_public", "eloignes_numerique"], 2),
                          rng.sample(["financement", "materiel", "locaux", "public", "competences"], 2)))
    now = dt.datetime.combine(ctx.today, dt.time(9, 0))
    rows = []
    for name, kind, status, publics, contributions in specs[:count]:
        town, postcode = rng.choice(names.TOWNS)
        domain = _ascii(name.split("—")[0])[:20] or "epn"
        verified = ctx.today - dt.timedelta(days=rng.randint(0, 720)) if rng.random() < 0.85 else None
        rows.append(dict(
            name=name, name_norm=normalize(name), kind=kind, status=status,
            address=f"{rng.randint(1, 120)} {rng.choice(names.STREETS)}", postcode=postcode, city=town,
            phone=f"02 99 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            email=f"contact@{domain}.fr", website=f"www.{domain}.fr",
            publics=publics, contributions=contributions,
            decision_circuit=_circuit(kind), notes="",
            contact_cadence_days=rng.choice([None, 30, 90, 90, 180, 365]),
            verified_on=verified, created_at=now, updated_at=now,
        ))
    return rows


def _circuit(kind: str) -> str:
    return {
        "service_municipal": "Validation par le cabinet du maire, puis arrêté municipal (conseil mensuel).",
        "association": "Décision du bureau, validée en conseil d'administration (tous les deux mois).",
        "entreprise": "Direction de l'entreprise ; réponse sous un mois.",
        "etablissement_scolaire": "Principal ou directeur, après avis du conseil d'administration.",
        "fondation": "Comité de sélection sur dossier, deux sessions par an.",
    }.get(kind, "")


def _insert(model, rows, batch=500) -> list[int]:
    for start in range(0, len(rows), batch):
        chunk = rows[start:start + batch]
        model.insert_many(chunk).execute()
    last = model.select(model.id).order_by(model.id.desc()).limit(1).scalar() or 0
    ids = list(range(last - len(rows) + 1, last + 1))
    return ids


def generate(ctx) -> None:
    rng = ctx.rng
    org_ids = _insert(Organisation, _organisation_rows(ctx))
    ctx.ids["organisations"] = org_ids

    tag_ids = [Tag.create(name=n, colour=c).id for n, c in TAGS]
    ctx.ids["tags"] = tag_ids
    OrganisationTag.insert_many(
        [dict(organisation=o, tag=t) for o in org_ids for t in rng.sample(tag_ids, rng.randint(0, 2))]
    ).execute()

    now = dt.datetime.combine(ctx.today, dt.time(9, 0))
    people, used = [], set()
    for i in range(ctx.size.people):
        first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
        key = (first, last)
        suffix = "" if key not in used else str(i)
        used.add(key)
        login = f"{_ascii(first)}.{_ascii(last)}{suffix}"
        verified = ctx.today - dt.timedelta(days=rng.randint(0, 800)) if rng.random() < 0.8 else None
        people.append(dict(
            first_name=first, last_name=last, name_norm=normalize(f"{first} {last}"),
            emails=[f"{login}@exemple.fr"] + ([f"{login}@gmail.com"] if rng.random() < 0.2 else []),
            phones=[f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"],
            relais=rng.random() < 0.15, notes="", verified_on=verified, created_at=now, updated_at=now,
        ))
    person_ids = _insert(Person, people)
    ctx.ids["people"] = person_ids

    affiliations = []
    for n, pid in enumerate(person_ids):
        org = org_ids[n % len(org_ids)] if n < len(org_ids) * 2 else rng.choice(org_ids)
        start = ctx.today - dt.timedelta(days=rng.randint(60, 3000))
        if rng.random() < 0.1:  # changed job: a closed affiliation kept as history
            old_end = start - dt.timedelta(days=1)
            affiliations.append(dict(person=pid, organisation=rng.choice(org_ids), role=rng.choice(names.ROLES),
                                     start_date=old_end - dt.timedelta(days=900), end_date=old_end))
        affiliations.append(dict(person=pid, organisation=org, role=rng.choice(names.ROLES),
                                 start_date=start, end_date=None))
    _insert(Affiliation, affiliations)
    PersonTag.insert_many(
        [dict(person=p, tag=rng.choice(tag_ids)) for p in person_ids if rng.random() < 0.2]
    ).execute()

    members: dict[int, list[int]] = {}
    for row in affiliations:
        if row["end_date"] is None:
            members.setdefault(row["organisation"], []).append(row["person"])
    kinds = ["rencontre", "appel", "mail", "mail", "evenement", "comite", "autre"]
    interactions, org_links, person_links = [], [], []
    first_id = (Interaction.select(Interaction.id).order_by(Interaction.id.desc()).limit(1).scalar() or 0) + 1
    for n in range(ctx.size.interactions):
        org = rng.choice(org_ids)
        when = ctx.today - dt.timedelta(days=int(rng.expovariate(1 / 120)))
        kind = rng.choice(kinds) if when.month != 1 or rng.random() < 0.7 else "voeux"
        interactions.append(dict(id=first_id + n, kind=kind, occurred_on=when,
                                 summary=rng.choice(names.SUMMARIES), created_at=now))
        org_links.append(dict(interaction=first_id + n, organisation=org))
        for pid in rng.sample(members.get(org, []), min(len(members.get(org, [])), rng.randint(0, 2))):
            person_links.append(dict(interaction=first_id + n, person=pid))
    _insert(Interaction, interactions)
    for start in range(0, len(org_links), 500):
        InteractionOrganisation.insert_many(org_links[start:start + 500]).execute()
    for start in range(0, len(person_links), 500):
        InteractionPerson.insert_many(person_links[start:start + 500]).execute()
    ctx.ids["interactions"] = [r["id"] for r in interactions]
