"""Realizations of a project and its photos (with the people shown, for the image-rights rule).

Project photos live in the data folder's photos/projects/ (`file` is relative to photos/),
apart from the people's portraits.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

from partnerdesk.domain import validation as v
from partnerdesk.domain.projects import PhotoData, RealizationData
from partnerdesk.services import photos
from partnerdesk.store import database
from partnerdesk.store.models import (
    Affiliation,
    Organisation,
    Person,
    ProjectPartner,
    ProjectPhoto,
    ProjectPhotoPerson,
    Realization,
)


def add_realization(data: RealizationData) -> RealizationData:
    v.collect({"title": v.check_required(data.title)})
    row = Realization.create(project=data.project_id, title=data.title.strip(), description=data.description,
                             made_on=data.made_on)
    data.id = row.id
    return data


def update_realization(data: RealizationData) -> None:
    v.collect({"title": v.check_required(data.title)})
    Realization.update(title=data.title.strip(), description=data.description, made_on=data.made_on).where(
        Realization.id == data.id).execute()


def delete_realization(realization_id: int) -> None:
    Realization.delete().where(Realization.id == realization_id).execute()


def realizations_of(project_id: int) -> list[RealizationData]:
    rows = Realization.select().where(Realization.project == project_id).order_by(
        Realization.made_on.asc(nulls="LAST"), Realization.id)
    return [RealizationData(r.project_id, r.title, r.description, r.made_on, r.id) for r in rows]


def add_photo(data: PhotoData) -> PhotoData:
    """Record a photo already copied into the data folder's photos/ (`file` is relative to it)."""
    v.collect({"file": v.check_required(data.file)})
    with database.atomic():
        row = ProjectPhoto.create(project=data.project_id, realization=data.realization_id, file=data.file,
                                  caption=data.caption, taken_on=data.taken_on, created_at=dt.datetime.now())
        for person_id in dict.fromkeys(data.person_ids):
            ProjectPhotoPerson.create(photo=row.id, person=person_id)
    data.id = row.id
    return data


PROJECT_PHOTOS = "projects"
MAX_SIDE = 2400  # project photos go into the bilan: larger than people's portraits


def import_photo(paths, project_id: int, source: str | os.PathLike, caption: str = "",
                 person_ids: list[int] | None = None, taken_on: dt.date | None = None) -> PhotoData:
    """Copy a picture into photos/projects/ (upright JPEG, at most 2400 px) and record it.

    The picture goes through the people's photos pipeline (`photos.prepare`): a refused file
    raises `photos.PhotoError` (HEIC, damaged, not an image...)."""
    source = Path(source)
    jpeg, _width, _height = photos.prepare(photos.read_source(source), MAX_SIDE)
    folder = paths.photos_dir / PROJECT_PHOTOS
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{PROJECT_PHOTOS}/project-{project_id}-{uuid.uuid4().hex[:12]}.jpg"
    (paths.photos_dir / name).write_bytes(jpeg)
    return add_photo(PhotoData(project_id, name, caption.strip() or source.stem, taken_on, None,
                               list(person_ids or [])))


def update_photo(photo_id: int, caption: str, person_ids: list[int]) -> None:
    with database.atomic():
        ProjectPhoto.update(caption=caption.strip()).where(ProjectPhoto.id == photo_id).execute()
        set_people_shown(photo_id, person_ids)


def set_people_shown(photo_id: int, person_ids: list[int]) -> None:
    with database.atomic():
        ProjectPhotoPerson.delete().where(ProjectPhotoPerson.photo == photo_id).execute()
        for person_id in dict.fromkeys(person_ids):
            ProjectPhotoPerson.create(photo=photo_id, person=person_id)


def delete_photo(paths, photo_id: int) -> None:
    """Forget the photo and delete its file."""
    row = ProjectPhoto.get_or_none(ProjectPhoto.id == photo_id)
    if row is None:
        return
    ProjectPhoto.delete().where(ProjectPhoto.id == photo_id).execute()
    (paths.photos_dir / row.file).unlink(missing_ok=True)


def people_of_partners(project_id: int) -> list[tuple[int, str, str]]:
    """(person id, full name, organisation) of the people currently in the project's partner
    organisations: who may appear on the project's photos."""
    rows = (Person.select(Person.id, Person.first_name, Person.last_name, Organisation.name)
            .join(Affiliation).join(Organisation)
            .join(ProjectPartner, on=(ProjectPartner.organisation == Organisation.id))
            .where((ProjectPartner.project == project_id) & Affiliation.end_date.is_null()
                   & Person.deleted_at.is_null())
            .order_by(Person.name_norm).tuples())
    seen, out = set(), []
    for pid, first, last, org in rows:
        if pid not in seen:
            seen.add(pid)
            out.append((pid, f"{first} {last}".strip(), org))
    return out


def photos_of(project_id: int) -> list[PhotoData]:
    """Every photo of the project with the ids of the people shown. The bilan keeps only the
    photos whose people all consent (the consent rule belongs to the photos/consent area)."""
    people: dict[int, list[int]] = {}
    for photo_id, person_id in (ProjectPhotoPerson.select(ProjectPhotoPerson.photo, ProjectPhotoPerson.person)
                                .join(ProjectPhoto).where(ProjectPhoto.project == project_id).tuples()):
        people.setdefault(photo_id, []).append(person_id)
    rows = ProjectPhoto.select().where(ProjectPhoto.project == project_id).order_by(ProjectPhoto.id)
    return [PhotoData(r.project_id, r.file, r.caption, r.taken_on, r.realization_id, people.get(r.id, []), r.id)
            for r in rows]
