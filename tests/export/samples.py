"""Prepared data for the renderers' tests: realistic French content, awkward names,
photos drawn with Pillow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image, ImageDraw

from partnerdesk.domain.documents import (
    Addressee,
    AttendanceSheetData,
    Benefit,
    BilanData,
    BudgetLine,
    CalendarItem,
    Commitment,
    Contact,
    DossierData,
    InteractionLine,
    Need,
    PartnerSheetData,
    PartnerTime,
    PersonCard,
    Picture,
    ProjectStage,
    Realization,
    SessionLine,
    StaffTime,
)
from partnerdesk.domain.identity import EpnIdentity

TODAY = dt.date(2026, 11, 22)
LONG_URL = "https://www.saint-aubin-des-pres.fr/vie-municipale/numerique/ateliers-seniors-inscriptions-2026-2027"


def make_photo(path: Path, size=(1600, 1200), colour=(70, 130, 160), seed: int = 0, fmt: str = "JPEG") -> Path:
    """A photo-like picture: sky, ground and a few shapes."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.rectangle([0, h * 0.62, w, h], fill=(colour[2], colour[1] // 2 + 60, colour[0] // 2 + 30))
    for i in range(5):
        x = (seed * 97 + i * w // 5) % w
        draw.ellipse([x, h * 0.3, x + w // 8, h * 0.3 + w // 8], fill=(240 - i * 20, 200, 120 + i * 20))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, quality=90)
    return path


def make_logo(path: Path) -> Path:
    image = Image.new("RGBA", (480, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([0, 0, 160, 160], 36, fill=(31, 86, 115, 255))
    draw.ellipse([40, 40, 120, 120], fill=(224, 122, 63, 255))
    draw.rectangle([190, 50, 460, 70], fill=(31, 86, 115, 255))
    draw.rectangle([190, 95, 400, 112], fill=(224, 122, 63, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG")
    return path


def identity(folder: Path | None = None) -> EpnIdentity:
    return EpnIdentity(
        name="Espace numérique « La Fabrique » de Saint-Aubin-des-Prés",
        address="12, rue de l'Église", postcode="35510", city="Saint-Aubin-des-Prés",
        phone="02 99 12 34 56", email="epn@saint-aubin-des-pres.fr", website="www.saint-aubin-des-pres.fr/epn",
        logo_path=str(make_logo(folder / "logo.png")) if folder else "",
        main_colour="#1F5673", accent_colour="#E07A3F",
        legal_line="Mairie de Saint-Aubin-des-Prés — SIRET 213 502 510 00018 — service public municipal",
        signatory_name="Hélène Le Goff", signatory_title="Maire adjointe au numérique",
    )


def contact() -> Contact:
    return Contact("Élodie Marchand", "Animatrice multimédia", "02 99 12 34 57", "e.marchand@saint-aubin-des-pres.fr")


def dossier(folder: Path | None = None, partner: bool = True) -> DossierData:
    photo = None
    if folder:
        photo = Picture(str(make_photo(folder / "cover.jpg", (2400, 1600))), "Atelier tablette, mars 2026")
    return DossierData(
        title="Ateliers numériques pour les seniors : « Cœur connecté »",
        generated_on=TODAY,
        summary="Douze ateliers pour que les aînés de la commune gardent le lien avec leurs proches, "
                "fassent leurs démarches en ligne et déjouent les arnaques.",
        description="Des ateliers en petits groupes, à l'EPN et dans les résidences, pour apprendre "
                    "à se servir d'une tablette, d'un smartphone et des services publics en ligne.\n\n"
                    f"Inscriptions et programme : {LONG_URL}",
        context="Un habitant sur quatre a plus de 65 ans ; la fermeture du guichet de la CAF pousse "
                "les démarches vers Internet. Les demandes d'aide à l'EPN ont doublé en deux ans.",
        objectives="- Rendre autonomes 60 seniors sur les usages essentiels\n- Créer un réseau d'entraide "
                   "entre générations\n- Prévenir les arnaques en ligne",
        publics=["Seniors", "Personnes éloignées du numérique", "Familles"],
        place="EPN La Fabrique et résidence autonomie Saint-Éloi",
        duration="Action ponctuelle (12 séances)",
        start=dt.date(2027, 1, 12), end=dt.date(2027, 6, 30),
        calendar=[CalendarItem("Rencontre des partenaires", dt.date(2026, 12, 8)),
                  CalendarItem("Séances hebdomadaires", dt.date(2027, 1, 12), dt.date(2027, 6, 15)),
                  CalendarItem("Réunion de bilan", dt.date(2027, 6, 30))],
        needs=[Need("Financement", "Animation et supports", 4200.0), Need("Matériel", "10 tablettes (prêt)", 2500.0),
               Need("Locaux", "Salle accessible en rez-de-chaussée"), Need("Public", "Orientation des seniors isolés")],
        budget=[BudgetLine("Temps d'animation (96 h)", 3360.0, "Fonds propres de l'EPN", True),
                BudgetLine("Tablettes et housses", 2500.0, "Informatique Services Vitré", False),
                BudgetLine("Supports imprimés", 840.0, "Conseil départemental d'Ille-et-Vilaine", True),
                BudgetLine("Transport des participants", 1200.0, "", False)],
        commitments=[Commitment("Conseil départemental d'Ille-et-Vilaine", "Financement", "Subvention", 840.0, 840.0,
                                "Obtenue", True),
                     Commitment("Boulangerie Dupont & Fils <SARL>", "Notoriété", "Goûters des ateliers", 150.0, None,
                                "Attendue", False),
                     Commitment("Club des aînés « Les Tilleuls »", "Public", "Relais auprès des adhérents", None, None,
                                "Convention signée", True)],
        benefits=[Benefit("Visibilité", "Votre logo sur les supports et les comptes rendus diffusés aux 3 200 foyers."),
                  Benefit("Publics touchés", "60 seniors de la commune, dont vos adhérents, accompagnés pas à pas."),
                  Benefit("Image", "Un engagement concret pour l'inclusion numérique, visible localement."),
                  Benefit("Contreparties", "Une séance réservée à votre public ; un bilan chiffré avec photos.")],
        addressee=Addressee("Boulangerie Dupont & Fils <SARL>", "Jean-Noël Dupont", "Gérant",
                            "Rencontre informelle") if partner else None,
        cover_photo=photo,
        contact=contact(),
    )


def bilan(folder: Path | None = None, photos: int = 6, sessions: int = 14) -> BilanData:
    pictures = []
    if folder:
        for i in range(photos):
            path = make_photo(folder / f"photo{i}.jpg", (1600, 1200) if i % 3 else (1200, 1600), seed=i)
            pictures.append(Picture(str(path), f"Séance n° {i + 1} : atelier « mes démarches en ligne »"))
    lines = []
    for i in range(sessions):
        day = dt.date(2026, 1, 6) + dt.timedelta(days=11 * i)
        lines.append(SessionLine(day, "14:00 – 16:00", "EPN La Fabrique" if i % 2 else "Résidence Saint-Éloi",
                                 "Élodie Marchand", 10, 6 + (i * 3) % 5, cancelled=(i == 4)))
    return BilanData(
        title="Ateliers numériques pour les seniors : « Cœur connecté »",
        generated_on=TODAY,
        bilan_text="Les ateliers ont réuni des seniors très assidus ; plusieurs participants viennent désormais "
                   "seuls à l'EPN pour leurs démarches.\n\nLe partenariat avec le club des aînés a permis "
                   "d'atteindre des personnes isolées que l'EPN ne touchait pas.",
        start=dt.date(2026, 1, 6), end=dt.date(2026, 6, 30),
        publics=["Seniors", "Personnes éloignées du numérique"],
        commitments=[Commitment("Conseil départemental d'Ille-et-Vilaine", "Financement", "Subvention", 840.0, 840.0,
                                "Obtenue", True),
                     Commitment("Informatique Services Vitré", "Matériel", "Prêt de 10 tablettes", 2500.0, 2000.0,
                                "Obtenue en partie", True),
                     Commitment("Boulangerie Dupont & Fils <SARL>", "Notoriété", "Goûters", 150.0, None,
                                "Non obtenue", False)],
        sessions=lines,
        realizations=[Realization("Guide « Mes démarches pas à pas »", "Un livret de 16 pages écrit avec les "
                                  "participants, imprimé à 200 exemplaires.", dt.date(2026, 5, 20)),
                      Realization("Exposition photo", f"Portraits des participants. Galerie en ligne : {LONG_URL}",
                                  dt.date(2026, 6, 20))],
        photos=pictures, photos_left_out=1,
        staff_time=[StaffTime("Élodie Marchand", 64.0), StaffTime("Karim Benali", 22.5)],
        partner_time=[PartnerTime("Conseil départemental d'Ille-et-Vilaine", 6.0, 840.0),
                      PartnerTime("Informatique Services Vitré", 12.5, 2000.0),
                      PartnerTime("Le projet dans son ensemble", 68.0)],
        next_steps=["Reconduire les ateliers à la rentrée 2026", "Former deux bénévoles du club des aînés"],
        contact=contact(),
        source="Chiffres issus de PartnerDesk (feuilles d'émargement et registre des séances de l'EPN) "
               "au 22/11/2026.",
    )


def partner_sheet(folder: Path | None = None) -> PartnerSheetData:
    portrait = Picture(str(make_photo(folder / "portrait.jpg", (800, 1000), (200, 160, 140)))) if folder else None
    return PartnerSheetData(
        name="Boulangerie Dupont & Fils <SARL>", generated_on=TODAY, kind="Entreprise", status="Actif",
        address="3, place du Marché\n35510 Saint-Aubin-des-Prés", phone="02 99 00 11 22",
        email="contact@dupont-et-fils.fr", website=LONG_URL,
        publics=["Familles", "Tout public"], contributions=["Financement", "Notoriété"],
        decision_circuit="Le gérant décide seul, en fin de mois.", tags=["Commerces", "Vœux 2027"],
        people=[PersonCard("Jean-Noël Dupont", "Gérant", ["jn.dupont@dupont-et-fils.fr"], ["06 12 34 56 78"], True,
                           portrait),
                PersonCard("Zoé Œillet", "Responsable communication", ["z.oeillet@dupont-et-fils.fr"], [], False,
                           None)],
        projects=[ProjectStage("Ateliers numériques pour les seniors", "Convention signée", dt.date(2026, 3, 2),
                               "Goûters (150 €)"),
                  ProjectStage("Fête de l'Internet 2027", "Premier contact", dt.date(2026, 10, 1), "")],
        interactions=[InteractionLine(dt.date(2026, 10, 14), "Rencontre", "Présentation du bilan des ateliers ; "
                                      "accord pour reconduire.", "Jean-Noël Dupont"),
                      InteractionLine(dt.date(2026, 9, 2), "Appel", "Relance pour la Fête de l'Internet.", "")],
        internal=True,
    )


def attendance(names: int = 8) -> AttendanceSheetData:
    people = ["Hélène Le Goff", "François Œuvray", "Zoé Dupont & Cie", "Anaïs Müller", "Noël Lefèvre",
              "Jean-Baptiste de La Fontaine-Saint-Éloi", "Maëlle Kerjean", "Loïc Guégan"]
    return AttendanceSheetData(
        project="Ateliers numériques pour les seniors : « Cœur connecté »", held_on=dt.date(2027, 1, 12),
        generated_on=TODAY, time="14:00 – 16:00", place="Résidence autonomie Saint-Éloi",
        facilitator="Élodie Marchand", partner="Club des aînés « Les Tilleuls »", planned=12,
        names=(people * (names // len(people) + 1))[:names])
