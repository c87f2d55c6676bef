"""Demo data for the PDF exports: the EPN's identity (with a drawn logo), the text
of the bilans, and photos of the tablet workshops — most with people whose consent
covers documents given to partners, one without, so that the bilan shows the rule."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.consent import ConsentScope
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.services import settings
from partnerdesk.store.models import PhotoConsent, Project, ProjectPhoto, ProjectPhotoPerson

BILAN_TEXT = (
    "Les participants sont venus avec régularité et plusieurs d'entre eux viennent désormais seuls à l'EPN "
    "pour leurs démarches. Les partenaires ont orienté vers les ateliers des personnes que l'EPN ne touchait pas.\n\n"
    "Ce bilan a été relu avec les partenaires lors de la réunion de bilan ; il est partagé avec chacun d'eux."
)


def draw_logo(path) -> None:
    """A simple mark: a rounded square with a screen and a dot, and two bars."""
    from PIL import Image, ImageDraw  # Pillow only when demo data is made

    image = Image.new("RGBA", (520, 180), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([0, 0, 180, 180], 40, fill=(31, 86, 115, 255))
    draw.rounded_rectangle([36, 48, 144, 118], 10, outline=(255, 255, 255, 255), width=10)
    draw.rectangle([78, 118, 102, 138], fill=(255, 255, 255, 255))
    draw.ellipse([124, 20, 160, 56], fill=(224, 122, 63, 255))
    draw.rounded_rectangle([210, 54, 500, 80], 12, fill=(31, 86, 115, 255))
    draw.rounded_rectangle([210, 104, 420, 126], 11, fill=(224, 122, 63, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG")


def generate(ctx) -> None:
    logo = ""
    if ctx.paths is not None:
        target = ctx.paths.root / "identity" / "logo.png"
        draw_logo(target)
        logo = str(target)
    settings.save_identity(EpnIdentity(
        name="Espace public numérique de Saint-Aubin-des-Prés", address="12, rue de l'Église", postcode="35510",
        city="Saint-Aubin-des-Prés", phone="02 99 12 34 56", email="epn@saint-aubin-des-pres.fr",
        website="www.saint-aubin-des-pres.fr/epn", logo_path=logo, main_colour="#1F5673", accent_colour="#E07A3F",
        legal_line="Mairie de Saint-Aubin-des-Prés — SIRET 213 502 510 00018 — service public municipal",
        signatory_name="Hélène Le Goff", signatory_title="Maire adjointe chargée du numérique"))
    project_ids = ctx.ids.get("projects", [])
    (Project.update(bilan_text=BILAN_TEXT)
     .where(Project.id.in_(project_ids) & Project.status.in_(["en_cours", "termine"])).execute())
    if ctx.paths is None or not project_ids:
        return
    _workshop_photos(ctx, project_ids[0])


def _workshop_photos(ctx, project_id: int) -> None:
    from partnerdesk.services.demo.photos_art import draw_photo

    shared = [row.person_id for row in PhotoConsent.select().where(PhotoConsent.given)
              if ConsentScope.PARTENAIRES.value in (row.scopes or [])]
    refused = [row.person_id for row in PhotoConsent.select().where(~PhotoConsent.given)]
    captions = ["Premier atelier : allumer et déverrouiller la tablette", "Appel en visio avec les petits-enfants",
                "Les démarches en ligne, pas à pas", "Photo de groupe à la fin du cycle"]
    now = dt.datetime.combine(ctx.today, dt.time(9, 0))
    for k, caption in enumerate(captions):
        name = f"demo-projet-{project_id}-atelier-{k + 1}.jpg"
        draw_photo(ctx.paths.photos_dir / name, k, size=(1280, 960))
        photo = ProjectPhoto.create(project=project_id, file=name, caption=caption,
                                    taken_on=ctx.today - dt.timedelta(days=60 - k * 14), created_at=now)
        people = refused[:1] if k == 3 and refused else shared[k * 2:k * 2 + 2]
        for person in people:
            ProjectPhotoPerson.create(photo=photo.id, person=person)
