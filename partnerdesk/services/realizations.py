"""Realizations of a project and its photos (with the people shown, for the image-rights rule)."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain import validation as v
from partnerdesk.domain.projects import PhotoData, RealizationData
from partnerdesk.store import database
from partnerdesk.store.models import ProjectPhoto, ProjectPhotoPerson, Realization


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


def set_people_shown(photo_id: int, person_ids: list[int]) -> None:
    with database.atomic():
        ProjectPhotoPerson.delete().where(ProjectPhotoPerson.photo == photo_id).execute()
        for person_id in dict.fromkeys(person_ids):
            ProjectPhotoPerson.create(photo=photo_id, person=person_id)


def delete_photo(photo_id: int) -> None:
    ProjectPhoto.delete().where(ProjectPhoto.id == photo_id).execute()


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
