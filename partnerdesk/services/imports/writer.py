"""Writing a reviewed import in ONE transaction.

Every card created or changed is recorded in `import_batch_item` (with the
values it had before a merge), so "Annuler cet import" puts everything back
(`undo.py`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.domain.grammar import of, of_organisation
from partnerdesk.domain.contact_points import Address, addresses_from
from partnerdesk.domain.affiliation_cells import AffiliationLine
from partnerdesk.domain.dataio import Contact
from partnerdesk.domain.partners import OrgKind, OrgStatus
from partnerdesk.domain.validation import check_phone
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import _, ngettext
from partnerdesk.paths import DataPaths
from partnerdesk.services import org_logos, person_photos, photos
from partnerdesk.services.imports.orgkeys import organisation_key
from partnerdesk.services.imports.plan import ImportPlan, PlanRow
from partnerdesk.services.imports.undo import RESTORED
from partnerdesk.store import database



@dataclass
class ImportResult:
    batch_id: int  # 0 when nothing was written (nothing to undo)
    people_created: int = 0
    organisations_created: int = 0
    merged: int = 0
    skipped: int = 0
    photos: int = 0
    refused: int = 0
    photo_files: list[str] = field(default_factory=list)
    logo_files: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # pictures the photo store refused, with the reason

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("photo_files", "logo_files", "left_out")}

    @property
    def undoable(self) -> bool:
        return bool(self.batch_id)


def _now() -> str:
    return dt.datetime.now().isoformat(sep=" ")


def _insert(sql: str, params) -> int:
    return database.execute_sql(sql, params).lastrowid


class _Writer:
    def __init__(self, plan: ImportPlan, paths: DataPaths, batch_id: int):
        self.plan, self.paths, self.batch_id = plan, paths, batch_id
        self.now = _now()
        self.items: list[tuple] = []
        self.orgs = {organisation_key(n): i for i, n in database.execute_sql(
            "SELECT id, name FROM organisation WHERE deleted_at IS NULL ORDER BY id DESC")}
        self.tags = {str(n).casefold(): i for i, n in database.execute_sql("SELECT id, name FROM tag")}
        self.with_photo = set(person_photos.people_with_photo(paths))
        self.result = ImportResult(batch_id, refused=len(plan.refused))
        # cards created from a file whose "Checked on" cell is empty: never checked, they stay due for review
        self.never_checked: list[tuple[str, int]] = []

    def item(self, entity: str, entity_id: int, action: str, before: dict | None = None) -> None:
        self.items.append((self.batch_id, entity, entity_id, action, json.dumps(before or {}, ensure_ascii=False)))

    # --- organisations ------------------------------------------------------

    def organisation(self, c: Contact, address: Address | None = None) -> int:
        """The organisation of a row (an organisation's row, or the one a person belongs to), created
        when the data folder has none of that name."""
        key = organisation_key(c.organisation)
        if key in self.orgs:
            oid = self.orgs[key]
            if address is not None:
                self.fill_address(oid, address)
            if c.is_person and (c.kind or c.publics or c.contributions):
                current = self.org_values(oid)
                self.write_org(oid, _completed(current, c, self.now))
                self.item("organisation", oid, "merged", current)
            return oid
        is_org = not c.is_person
        if is_org:
            address = c.addresses[0] if c.addresses else None
        address = address or Address()
        notes = c.notes if is_org else ""
        if is_org:
            extra = [f"{_('Email')} : {e}" for e in c.emails[1:]] \
                + [f"{_('Phone')} : {p}" for p in c.phones if p != _org_phone(c)] \
                + [f"{_('Website')} : {w}" for w in c.websites[1:]]
            notes = "\n".join(x for x in [notes] + extra if x)
        oid = _insert(
            "INSERT INTO organisation (name, name_norm, kind, status, address, postcode, city, country, phone, email,"
            " website, publics, contributions, notes, decision_circuit, contact_cadence_days, article, verified_on,"
            " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (c.organisation, normalize(c.organisation), c.kind or OrgKind.AUTRE.value,
             c.status or OrgStatus.PROSPECT.value, _street(address), address.postcode, address.city,
             address.country, _org_phone(c) if is_org else "", (c.emails[:1] or [""])[0] if is_org else "",
             c.website if is_org else "", _json(c.publics), _json(c.contributions), notes,
             c.decision_circuit if is_org else "", c.cadence if is_org else None, c.article if is_org else None,
             _iso(c.verified_on) if is_org else None, self.now, self.now))
        self.orgs[key] = oid
        if is_org and c.checked_column and c.verified_on is None:
            self.never_checked.append(("organisation", oid))
        self.item("organisation", oid, "created")
        self.result.organisations_created += 1
        if is_org:
            self.tag_links("organisation", oid, c.tags)
        return oid

    def fill_address(self, oid: int, address: Address) -> None:
        """A person's work address for an organisation that has none (said in the review)."""
        current = self.org_values(oid)
        if current["address"] or current["city"] or current["postcode"]:
            return
        new = dict(current, address=_street(address), postcode=address.postcode, city=address.city,
                   country=current["country"] or address.country, updated_at=self.now)
        self.write_org(oid, new)
        self.item("organisation", oid, "merged", current)

    def org_values(self, oid: int) -> dict:
        return dict(zip(RESTORED["organisation"], database.execute_sql(
            f"SELECT {', '.join(RESTORED['organisation'])} FROM organisation WHERE id = ?", (oid,)).fetchone()))

    def write_org(self, oid: int, values: dict) -> None:
        cols = RESTORED["organisation"]
        database.execute_sql(f"UPDATE organisation SET {', '.join(f'{k} = ?' for k in cols)} WHERE id = ?",
                             (*[values[k] for k in cols], oid))

    def merge_organisation(self, row: PlanRow) -> None:
        c, oid = row.contact, row.match_id
        current = self.org_values(oid)
        new = dict(current)
        address = c.addresses[0] if c.addresses else Address()
        if not (new["address"] or new["city"] or new["postcode"]) and not address.is_empty:
            new.update(address=_street(address), postcode=address.postcode, city=address.city)
            new["country"] = new["country"] or address.country
        for name, value in (("website", c.website), ("phone", _org_phone(c)),
                            ("email", (c.emails[:1] or [""])[0])):
            if not new[name] and value:
                new[name] = value
        new = _completed(new, c, self.now)
        if c.notes and c.notes not in new["notes"]:
            new["notes"] = "\n".join(x for x in (new["notes"], c.notes) if x)
        new["updated_at"] = self.now
        self.write_org(oid, new)
        self.item("organisation", oid, "merged", current)
        self.tag_links("organisation", oid, c.tags)
        self.logo(oid, c)
        self.result.merged += 1

    # --- people -------------------------------------------------------------

    def person(self, row: PlanRow) -> int:
        c = row.contact
        pid = _insert(
            "INSERT INTO person (first_name, last_name, name_norm, emails, phones, notes, addresses, websites,"
            " labels, title, relais, civility, verified_on, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (c.first_name, c.last_name, normalize(f"{c.first_name} {c.last_name}"), _json(c.emails), _json(c.phones),
             c.notes, _json([a.as_dict() for a in c.addresses]), _json(c.websites), _json(c.labels),
             _occupation(c), bool(c.relais), c.civility, _iso(c.verified_on), self.now, self.now))
        if c.checked_column and c.verified_on is None:
            self.never_checked.append(("person", pid))
        self.item("person", pid, "created")
        self.result.people_created += 1
        self.affiliate(pid, row, new=True)
        self.tag_links("person", pid, c.tags)
        self.photo(pid, c)
        return pid

    def merge_person(self, row: PlanRow) -> None:
        c, pid = row.contact, row.match_id
        cols = RESTORED["person"]
        before = dict(zip(cols, database.execute_sql(f"SELECT {', '.join(cols)} FROM person WHERE id = ?",
                                                     (pid,)).fetchone()))
        emails, phones = json.loads(before["emails"] or "[]"), json.loads(before["phones"] or "[]")
        websites, labels = json.loads(before["websites"] or "[]"), json.loads(before["labels"] or "{}")
        addresses = addresses_from(json.loads(before["addresses"] or "[]"))
        known = {e.casefold() for e in emails}
        emails += [e for e in c.emails if e.casefold() not in known]
        phones += [p for p in c.phones if p not in phones]
        websites += [w for w in c.websites if w not in websites]
        for value, label in c.labels.items():
            labels.setdefault(value, label)
        addresses += [a for a in c.addresses if not any(a.same_place(b) for b in addresses)]
        notes = before["notes"]
        if c.notes and c.notes not in notes:
            notes = "\n".join(x for x in (notes, c.notes) if x)
        title = before["title"] or _occupation(c)
        database.execute_sql(
            "UPDATE person SET emails = ?, phones = ?, notes = ?, addresses = ?, websites = ?, labels = ?, title = ?,"
            " relais = ?, civility = ?, verified_on = ?, updated_at = ? WHERE id = ?",
            (_json(emails), _json(phones), notes, _json([a.as_dict() for a in addresses]), _json(websites),
             _json(labels), title, bool(before["relais"] or c.relais), before["civility"] or c.civility,
             before["verified_on"] or _iso(c.verified_on), self.now, pid))
        self.item("person", pid, "merged", before)
        self.affiliate(pid, row)
        self.tag_links("person", pid, c.tags)
        if pid not in self.with_photo:
            self.photo(pid, c)
        self.result.merged += 1

    def affiliate(self, pid: int, row: PlanRow, new: bool = False) -> None:
        c = row.contact
        for line in c.history:
            self.past_affiliation(pid, line)
        if not c.organisation:
            return
        oid = self.organisation(c, row.org_address)
        self.logo(oid, c)
        # "+organisation_id": look the person's few affiliations up, not the organisation's thousands
        exists = not new and database.execute_sql(
            "SELECT 1 FROM affiliation WHERE person_id = ? AND +organisation_id = ? AND end_date IS NULL",
            (pid, oid)).fetchone()
        if not exists:
            aid = _insert("INSERT INTO affiliation (person_id, organisation_id, role, department, start_date)"
                          " VALUES (?,?,?,?,?)", (pid, oid, c.title, c.department, _iso(c.since)))
            self.item("affiliation", aid, "created")

    def past_affiliation(self, pid: int, line: AffiliationLine) -> None:
        """One of the other affiliations of the people list (past ones too), unless the card has it."""
        oid = self.organisation(Contact(0, organisation=line.organisation))
        same = database.execute_sql(
            "SELECT 1 FROM affiliation WHERE person_id = ? AND +organisation_id = ? AND role = ? AND department = ?"
            " AND start_date IS ? AND end_date IS ?", (pid, oid, line.role, line.department, _iso(line.start),
                                                       _iso(line.end)))
        if same.fetchone() is None:
            aid = _insert("INSERT INTO affiliation (person_id, organisation_id, role, department, start_date, end_date)"
                          " VALUES (?,?,?,?,?,?)", (pid, oid, line.role, line.department, _iso(line.start),
                                                    _iso(line.end)))
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
        except photos.PhotoError as exc:
            self.result.left_out.append(_("Line {line}: the photo of {who} was left out: {reason}").format(
                line=c.line, who=c.display_name, of_who=of(c.display_name), reason=_(exc.message)))
            return
        if created:
            self.result.photo_files.append(str(path))
        self.item("photo", pid, "created", {"file": path.name})
        self.result.photos += 1

    def logo(self, oid: int, c: Contact) -> None:
        data = c.logo if c.logo is not None else (c.photo if not c.is_person else None)
        if data is None:
            return
        current = database.execute_sql("SELECT logo FROM organisation WHERE id = ?", (oid,)).fetchone()[0]
        if current:
            return
        try:
            name, created = org_logos.store(self.paths, data)
        except photos.PhotoError as exc:
            self.result.left_out.append(_("Line {line}: the logo of {who} was left out: {reason}").format(
                line=c.line, who=c.organisation, of_who=of_organisation(c.organisation), reason=_(exc.message)))
            return
        if created:
            self.result.logo_files.append(name)
        database.execute_sql("UPDATE organisation SET logo = ? WHERE id = ?", (name, oid))
        self.item("logo", oid, "created", {"file": name})


def _completed(values: dict, c: Contact, now: str) -> dict:
    """An organisation's values completed by a row: the kind when the card says "other", the publics
    and contributions it does not list yet (its status stays the card's)."""
    new = dict(values, updated_at=now)
    if c.kind and new["kind"] == OrgKind.AUTRE.value:
        new["kind"] = c.kind
    if not c.is_person:  # a person's row says nothing of how their organisation decides
        new["decision_circuit"] = new["decision_circuit"] or c.decision_circuit
        new["contact_cadence_days"] = new["contact_cadence_days"] or c.cadence
        new["article"] = new["article"] if new["article"] is not None else c.article
        new["verified_on"] = new["verified_on"] or _iso(c.verified_on)
    for name in ("publics", "contributions"):
        known = json.loads(new[name] or "[]")
        new[name] = _json(known + [x for x in getattr(c, name) if x not in known])
    return new


def _occupation(c: Contact) -> str:
    """The person card's job held without an organisation."""
    return c.occupation or ("" if c.organisation else c.title)


def _org_phone(c: Contact) -> str:
    """The organisation card's one phone: the first that its validation accepts (a number kept as
    typed goes to the notes, so that the card can still be saved)."""
    return next((p for p in c.phones if not check_phone(p)), "")


def _street(address: Address) -> str:
    return address.street if not address.region else "\n".join(x for x in (address.street, address.region) if x)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _mark_created_checked(batch_id: int, never_checked: list[tuple[str, int]] = ()) -> None:
    """Cards created by an import count as checked today for the yearly review, but those a list
    of PartnerDesk's own says were never checked (its "Checked on" cell empty)."""
    today = dt.date.today().isoformat()
    for entity in ("person", "organisation"):
        database.execute_sql(
            f"UPDATE {entity} SET verified_on = ? WHERE verified_on IS NULL AND id IN "
            "(SELECT entity_id FROM import_batch_item WHERE batch_id = ? AND entity = ? AND action = 'created')",
            (today, batch_id, entity))
        database.obj.cursor().executemany(f"UPDATE {entity} SET verified_on = NULL WHERE id = ?",
                                          [(i,) for e, i in never_checked if e == entity])


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
                    if row.is_match:
                        writer.merge_organisation(row)
                    else:
                        writer.logo(writer.organisation(row.contact), row.contact)
                else:
                    writer.merge_person(row) if row.is_match else writer.person(row)
            database.obj.cursor().executemany(
                "INSERT INTO import_batch_item (batch_id, entity, entity_id, action, before) VALUES (?,?,?,?,?)",
                writer.items)
            _mark_created_checked(batch_id, writer.never_checked)
            database.execute_sql("UPDATE import_batch SET summary = ? WHERE id = ?",
                                 (json.dumps(writer.result.as_dict()), batch_id))
            if not writer.items:  # nothing written: it must not take the undo of the import before it
                database.execute_sql("DELETE FROM import_batch WHERE id = ?", (batch_id,))
                writer.result.batch_id = 0
            if report:
                report(total, total)
    except BaseException:
        if writer is not None:
            for name in writer.result.photo_files:
                Path(name).unlink(missing_ok=True)
            for name in writer.result.logo_files:
                (paths.logos_dir / name).unlink(missing_ok=True)
        raise
    return writer.result


def result_text(result: ImportResult) -> str:
    """What the import did, counted exactly, with French plurals by count."""
    people, orgs = result.people_created, result.organisations_created
    text = _("Import done: {people} and {organisations} created, {merged}, {skipped}, {refused}.").format(
        people=ngettext("{count} person", "{count} people", people).format(count=people),
        organisations=ngettext("{count} organisation", "{count} organisations", orgs).format(count=orgs),
        merged=ngettext("{count} card completed", "{count} cards completed", result.merged)
        .format(count=result.merged),
        skipped=ngettext("{count} row skipped", "{count} rows skipped", result.skipped).format(count=result.skipped),
        refused=ngettext("{count} row refused", "{count} rows refused", result.refused).format(count=result.refused))
    if result.photos:
        text += " " + ngettext("{count} photo imported without consent: ask for it before any use.",
                               "{count} photos imported without consent: ask for it before any use.",
                               result.photos).format(count=result.photos)
    if result.left_out:
        text += "\n" + "\n".join(result.left_out)
    return text
