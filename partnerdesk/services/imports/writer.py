"""Writing a reviewed import in ONE transaction, and undoing it as a whole.

Every card created or changed is recorded in `import_batch_item` (with the
values it had before a merge), so "Annuler cet import" puts everything back.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.domain.dataio import Contact
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import _
from partnerdesk.paths import DataPaths
from partnerdesk.services import person_photos, photos
from partnerdesk.services.imports.plan import ImportPlan, PlanRow
from partnerdesk.store import database

_ORG_FILL = ("address", "postcode", "city", "country", "website")


class UndoError(Exception):
    """The import cannot be undone; `str(exc)` is a translated message."""


@dataclass
class ImportResult:
    batch_id: int
    people_created: int = 0
    organisations_created: int = 0
    merged: int = 0
    skipped: int = 0
    photos: int = 0
    refused: int = 0
    photo_files: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "photo_files"}


def _now() -> str:
    return dt.datetime.now().isoformat(sep=" ")


def _insert(sql: str, params) -> int:
    return database.execute_sql(sql, params).lastrowid


class _Writer:
    def __init__(self, plan: ImportPlan, paths: DataPaths, batch_id: int):
        self.plan, self.paths, self.batch_id = plan, paths, batch_id
        self.now = _now()
        self.items: list[tuple] = []
        self.orgs = {n: i for i, n in database.execute_sql(
            "SELECT id, name_norm FROM organisation WHERE deleted_at IS NULL ORDER BY id DESC")}
        self.tags = {str(n).casefold(): i for i, n in database.execute_sql("SELECT id, name FROM tag")}
        self.with_photo = set(person_photos.people_with_photo(paths))
        self.result = ImportResult(batch_id, refused=len(plan.refused))

    def item(self, entity: str, entity_id: int, action: str, before: dict | None = None) -> None:
        self.items.append((self.batch_id, entity, entity_id, action, json.dumps(before or {}, ensure_ascii=False)))

    # --- organisations ------------------------------------------------------

    def organisation(self, c: Contact) -> int:
        key = normalize(c.organisation)
        if key in self.orgs:
            return self.orgs[key]
        notes = c.notes if not c.is_person else ""
        if not c.is_person:
            extra = [f"{_('Email')} : {e}" for e in c.emails[1:]] + [f"{_('Phone')} : {p}" for p in c.phones[1:]]
            notes = "\n".join(x for x in [notes] + extra if x)
        oid = _insert(
            "INSERT INTO organisation (name, name_norm, address, postcode, city, country, phone, email, website,"
            " notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (c.organisation, key, c.address, c.postcode, c.city, c.country,
             "" if c.is_person else (c.phones[:1] or [""])[0], "" if c.is_person else (c.emails[:1] or [""])[0],
             c.website, notes, self.now, self.now))
        self.orgs[key] = oid
        self.item("organisation", oid, "created")
        self.result.organisations_created += 1
        if not c.is_person:
            self.tag_links("organisation", oid, c.tags)
        return oid

    def merge_organisation(self, row: PlanRow) -> None:
        c, oid = row.contact, row.match_id
        cols = ("address", "postcode", "city", "country", "phone", "email", "website", "notes", "updated_at")
        current = dict(zip(cols, database.execute_sql(
            f"SELECT {', '.join(cols)} FROM organisation WHERE id = ?", (oid,)).fetchone()))
        new = dict(current)
        for name in _ORG_FILL:
            if not new[name] and getattr(c, name):
                new[name] = getattr(c, name)
        if not new["phone"] and c.phones:
            new["phone"] = c.phones[0]
        if not new["email"] and c.emails:
            new["email"] = c.emails[0]
        if c.notes and c.notes not in new["notes"]:
            new["notes"] = "\n".join(x for x in (new["notes"], c.notes) if x)
        new["updated_at"] = self.now
        database.execute_sql(f"UPDATE organisation SET {', '.join(f'{k} = ?' for k in cols)} WHERE id = ?",
                             (*[new[k] for k in cols], oid))
        self.item("organisation", oid, "merged", current)
        self.tag_links("organisation", oid, c.tags)
        self.result.merged += 1

    # --- people -------------------------------------------------------------

    def person_notes(self, c: Contact) -> str:
        notes = [c.notes] if c.notes else []
        if not c.organisation:
            address = ", ".join(x for x in (c.address.replace("\n", ", "), f"{c.postcode} {c.city}".strip(),
                                            c.country) if x)
            if address:
                notes.append(f"{_('Address')} : {address}")
            if c.website:
                notes.append(f"{_('Website')} : {c.website}")
        return "\n".join(notes)

    def person(self, c: Contact) -> int:
        pid = _insert(
            "INSERT INTO person (first_name, last_name, name_norm, emails, phones, notes, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (c.first_name, c.last_name, normalize(f"{c.first_name} {c.last_name}"),
             json.dumps(c.emails, ensure_ascii=False), json.dumps(c.phones, ensure_ascii=False),
             self.person_notes(c), self.now, self.now))
        self.item("person", pid, "created")
        self.result.people_created += 1
        self.affiliate(pid, c, new=True)
        self.tag_links("person", pid, c.tags)
        self.photo(pid, c)
        return pid

    def merge_person(self, row: PlanRow) -> None:
        c, pid = row.contact, row.match_id
        emails_json, phones_json, notes, updated = database.execute_sql(
            "SELECT emails, phones, notes, updated_at FROM person WHERE id = ?", (pid,)).fetchone()
        emails, phones = json.loads(emails_json or "[]"), json.loads(phones_json or "[]")
        known = {e.casefold() for e in emails}
        new_emails = emails + [e for e in c.emails if e.casefold() not in known]
        new_phones = phones + [p for p in c.phones if p not in phones]
        extra = self.person_notes(c)
        new_notes = "\n".join(x for x in (notes, extra) if x) if extra and extra not in notes else notes
        database.execute_sql(
            "UPDATE person SET emails = ?, phones = ?, notes = ?, updated_at = ? WHERE id = ?",
            (json.dumps(new_emails, ensure_ascii=False), json.dumps(new_phones, ensure_ascii=False), new_notes,
             self.now, pid))
        self.item("person", pid, "merged", {"emails": emails_json, "phones": phones_json, "notes": notes,
                                            "updated_at": updated})
        self.affiliate(pid, c)
        self.tag_links("person", pid, c.tags)
        if pid not in self.with_photo:
            self.photo(pid, c)
        self.result.merged += 1

    def affiliate(self, pid: int, c: Contact, new: bool = False) -> None:
        if not c.organisation:
            return
        oid = self.organisation(c)
        # "+organisation_id": look the person's few affiliations up, not the organisation's thousands
        exists = not new and database.execute_sql(
            "SELECT 1 FROM affiliation WHERE person_id = ? AND +organisation_id = ? AND end_date IS NULL",
            (pid, oid)).fetchone()
        if not exists:
            aid = _insert("INSERT INTO affiliation (person_id, organisation_id, role) VALUES (?,?,?)",
                          (pid, oid, c.title))
            self.item("affiliation", aid, "created")

    def tag_links(self, kind: str, owner_id: int, tags: list[str]) -> None:
        for name in tags:
            key = name.casefold()
            if key not in self.tags:
                self.tags[key] = _insert("INSERT INTO tag (name) VALUES (?)", (name[:100],))
                self.item("tag", self.tags[key], "created")
            cursor = database.execute_sql(
                f"INSERT OR IGNORE INTO {kind}_tag ({kind}_id, tag_id) VALUES (?, ?)", (owner_id, self.tags[key]))
            if cursor.rowcount:
                self.item(f"{kind}_tag", owner_id, "created", {"tag_id": self.tags[key]})

    def photo(self, pid: int, c: Contact) -> None:
        if c.photo is None:
            return
        try:
            path, created = person_photos.save_imported(self.paths, pid, c.photo, c.photo_ext)
        except photos.PhotoError:
            return  # the parser checked it is an image; a format the photo store refuses is left out
        if created:
            self.result.photo_files.append(str(path))
        self.item("photo", pid, "created", {"file": path.name})
        self.result.photos += 1


def _mark_created_checked(batch_id: int) -> None:
    """Cards created by an import count as checked today for the yearly review."""
    today = dt.date.today().isoformat()
    for entity in ("person", "organisation"):
        database.execute_sql(
            f"UPDATE {entity} SET verified_on = ? WHERE verified_on IS NULL AND id IN "
            "(SELECT entity_id FROM import_batch_item WHERE batch_id = ? AND entity = ? AND action = 'created')",
            (today, batch_id, entity))


def apply_plan(plan: ImportPlan, paths: DataPaths,
               report: Callable[[int, int], None] | None = None) -> ImportResult:
    """Write the plan in one transaction. On any error (or cancel) nothing is written."""
    ordered = sorted(plan.rows, key=lambda r: r.kind != "organisation")
    total = len(ordered)
    writer = None
    try:
        with database.atomic("IMMEDIATE"):
            batch_id = _insert("INSERT INTO import_batch (source_name, format, created_at, summary) VALUES (?,?,?,?)",
                               (plan.source_name, plan.format, _now(), "{}"))
            writer = _Writer(plan, paths, batch_id)
            for done, row in enumerate(ordered):
                if report and done % 250 == 0:
                    report(done, total)
                if row.is_match and not row.merge:
                    writer.result.skipped += 1
                elif row.kind == "organisation":
                    writer.merge_organisation(row) if row.is_match else writer.organisation(row.contact)
                else:
                    writer.merge_person(row) if row.is_match else writer.person(row.contact)
            database.obj.cursor().executemany(
                "INSERT INTO import_batch_item (batch_id, entity, entity_id, action, before) VALUES (?,?,?,?,?)",
                writer.items)
            _mark_created_checked(batch_id)
            database.execute_sql("UPDATE import_batch SET summary = ? WHERE id = ?",
                                 (json.dumps(writer.result.as_dict()), batch_id))
            if report:
                report(total, total)
    except BaseException:
        if writer is not None:
            for name in writer.result.photo_files:
                Path(name).unlink(missing_ok=True)
        raise
    return writer.result


def last_batch() -> tuple[int, str, str] | None:
    """(id, source name, created_at) of the newest import that can still be undone."""
    row = database.execute_sql(
        "SELECT id, source_name, created_at, undone_at FROM import_batch ORDER BY id DESC LIMIT 1").fetchone()
    if row is None or row[3] is not None:
        return None
    return row[0], row[1], row[2]


_RESTORE = {
    "person": ("emails", "phones", "notes", "updated_at"),
    "organisation": ("address", "postcode", "city", "country", "phone", "email", "website", "notes", "updated_at"),
}


def undo_batch(batch_id: int, paths: DataPaths) -> int:
    """Undo a whole import (the newest one). Returns how many changes were undone."""
    latest = last_batch()
    if latest is None or latest[0] != batch_id:
        raise UndoError(_("Only the latest import can be undone, and only once."))
    files: list[str] = []
    try:
        with database.atomic("IMMEDIATE"):
            items = database.execute_sql(
                "SELECT entity, entity_id, action, before FROM import_batch_item WHERE batch_id = ? ORDER BY id DESC",
                (batch_id,)).fetchall()
            for entity, entity_id, action, before_json in items:
                before = json.loads(before_json or "{}")
                if action == "merged":
                    cols = _RESTORE[entity]
                    database.execute_sql(f"UPDATE {entity} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                                         (*[before[c] for c in cols], entity_id))
                elif entity == "photo":
                    database.execute_sql("DELETE FROM person_photo WHERE person_id = ? AND file = ?",
                                         (entity_id, before["file"]))
                    files.append(Path(before["file"]).name)
                elif entity in ("person_tag", "organisation_tag"):
                    owner = entity.removesuffix("_tag")
                    database.execute_sql(f"DELETE FROM {entity} WHERE {owner}_id = ? AND tag_id = ?",
                                         (entity_id, before["tag_id"]))
                elif entity in ("person", "organisation", "affiliation", "tag"):
                    database.execute_sql(f"DELETE FROM {entity} WHERE id = ?", (entity_id,))
            database.execute_sql("UPDATE import_batch SET undone_at = ? WHERE id = ?", (_now(), batch_id))
    except UndoError:
        raise
    except Exception as exc:  # noqa: BLE001 - e.g. a card used by another record since
        raise UndoError(_("This import cannot be undone any more: {reason}").format(reason=exc)) from exc
    for name in files:
        if not person_photos.file_in_use(name):
            (paths.photos_dir / name).unlink(missing_ok=True)
    return len(items)
