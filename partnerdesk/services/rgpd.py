"""RGPD duties: a person's data exported in one readable file, erasure by
anonymisation, the register (photos without consent, people out of contact
for N years) and the log of exports and erasures.

Anonymising keeps the anonymous statistics (the card itself, its relay flag,
its tags, the journal entries it took part in) and the history of the
organisations (affiliations and roles), and removes the name, the contacts,
the notes, the photo and the consent proofs, everywhere in the database
(free text of other tables included), then VACUUMs so that no deleted page,
WAL frame or search-index segment keeps a trace.
"""

from __future__ import annotations

import base64
import datetime as dt
import getpass
import html
import json
import socket
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.domain.grammar import of
from partnerdesk.domain.contact_points import PLACE_KINDS, addresses_from
from partnerdesk.i18n import _, format_datetime, language, ngettext
from partnerdesk.paths import DataPaths
from partnerdesk.services import erasure, person_photos, settings, tables
from partnerdesk.services.imports.phones import written_forms
from partnerdesk.services.rgpd_readable import kind_label, linked_sections, proof_label, readable_value
from partnerdesk.store import database

KEPT_LINKS = ("affiliation", "interaction_person", "person_tag")
PERSONAL_TABLE_HINTS = ("consent", "photo")


class RgpdError(Exception):
    """`str(exc)` is a translated message."""


@dataclass
class LogEntry:
    occurred_at: dt.datetime
    action: str
    person_id: int | None
    what: str
    done_by: str


@dataclass
class PersonIdentity:
    id: int
    first_name: str
    last_name: str
    emails: list[str]
    phones: list[str]
    notes: str
    addresses: list = field(default_factory=list)  # domain.contact_points.Address (migration 0010)
    websites: list[str] = field(default_factory=list)
    title: str = ""
    civility: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class ErasurePreview:
    person: PersonIdentity
    photo_files: list[str] = field(default_factory=list)
    proof_files: list[str] = field(default_factory=list)
    kept_interactions: int = 0
    kept_affiliations: int = 0
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (where, excerpt): the last name alone

    # How many mentions the confirmation lists in full (the rest are counted).
    SHOWN_MENTIONS = 8

    def describe(self) -> str:
        """What will happen, in words, for the confirmation dialog."""
        p = self.person
        lines = [_("The card of {name} will be anonymised. This cannot be undone.").format(
            name=p.full_name, of_name=of(p.full_name)), "",
                 _("Removed:"),
                 "• " + _("the name ({name})").format(name=p.full_name),
                 "• " + ngettext("{count} email address", "{count} email addresses", len(p.emails)).format(
                     count=len(p.emails)) + _(" and ") + ngettext(
                     "{count} phone number", "{count} phone numbers", len(p.phones)).format(count=len(p.phones)),
                 "• " + _("the notes of the card, and the name wherever it was written as this person's (first and "
                          "last name, initial and last name, or Mrs/Mr and last name when no one else could be "
                          "meant), with the email addresses and phone numbers")]
        if self.photo_files:
            lines.append("• " + _("the photo (file deleted from the disk)"))
        if self.proof_files:
            lines.append("• " + ngettext("{count} consent proof (file deleted from the disk)",
                                         "{count} consent proofs (files deleted from the disk)",
                                         len(self.proof_files)).format(count=len(self.proof_files)))
        lines += ["", _("Kept, without the name:"),
                  "• " + ngettext("{count} journal entry, for the statistics",
                                  "{count} journal entries, for the statistics",
                                  self.kept_interactions).format(count=self.kept_interactions),
                  "• " + ngettext("{count} affiliation: the history of the organisations",
                                  "{count} affiliations: the history of the organisations",
                                  self.kept_affiliations).format(count=self.kept_affiliations)]
        lines += self._mention_lines()
        lines += ["", _("Older backups (photos and proofs included) still hold this person until the rotation drops "
                         "them, at most 12 months later; copies on a USB key or a network folder, until the next "
                         "copy there.")]
        return "\n".join(lines)

    def _mention_lines(self) -> list[str]:
        if not self.mentions:
            return []
        count = len(self.mentions)
        lines = ["", ngettext("Not changed, to review yourself: the last name alone ({name}) is written in {count} "
                              "place. It may be another person or an ordinary word, so it stays as it is:",
                              "Not changed, to review yourself: the last name alone ({name}) is written in {count} "
                              "places. It may be another person or an ordinary word, so it stays as it is:",
                              count).format(name=self.person.last_name, count=count)]
        lines += [f"• {where}: « {excerpt} »" for where, excerpt in self.mentions[:self.SHOWN_MENTIONS]]
        if count > self.SHOWN_MENTIONS:
            rest = count - self.SHOWN_MENTIONS
            lines.append("• " + ngettext("and {count} other place", "and {count} other places", rest).format(count=rest))
        return lines


def done_by() -> str:
    """Who, on this PC: the session's user name and the computer's name."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some sandboxes
        user = "?"
    return f"{user} @ {socket.gethostname()}"


def log(action: str, person_id: int | None, what: str) -> None:
    database.execute_sql("INSERT INTO rgpd_log (occurred_at, action, person_id, what, done_by) VALUES (?,?,?,?,?)",
                         (dt.datetime.now().isoformat(sep=" ", timespec="seconds"), action, person_id, what,
                          done_by()))


def log_entries() -> list[LogEntry]:
    rows = database.execute_sql("SELECT occurred_at, action, person_id, what, done_by FROM rgpd_log ORDER BY id DESC")
    return [LogEntry(dt.datetime.fromisoformat(r[0]), r[1], r[2], r[3], r[4]) for r in rows]


def person(person_id: int) -> PersonIdentity:
    row = database.execute_sql("SELECT id, first_name, last_name, emails, phones, notes, addresses, websites, title, "
                               "civility FROM person WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        raise RgpdError(_("This person no longer exists."))
    return PersonIdentity(row[0], row[1], row[2], json.loads(row[3] or "[]"), json.loads(row[4] or "[]"), row[5],
                          addresses_from(json.loads(row[6] or "[]")), json.loads(row[7] or "[]"), row[8] or "",
                          row[9] or "")


def is_anonymised(person_id: int) -> bool:
    return database.execute_sql("SELECT 1 FROM rgpd_log WHERE action = 'erase' AND person_id = ?",
                                (person_id,)).fetchone() is not None


# --- register ----------------------------------------------------------------

@dataclass
class RegisterRow:
    person_id: int
    name: str
    organisation: str
    last_contact: dt.date | None


def erased_ids() -> set[int]:
    return {r[0] for r in database.execute_sql("SELECT person_id FROM rgpd_log WHERE action = 'erase'")}


def _current_org() -> dict[int, str]:
    return {r[0]: r[1] for r in database.execute_sql(
        "SELECT a.person_id, o.name FROM affiliation a JOIN organisation o ON o.id = a.organisation_id "
        "WHERE a.end_date IS NULL ORDER BY a.start_date")}


def inactive_people(years: int | None = None, today: dt.date | None = None) -> list[RegisterRow]:
    """People with no journal entry for `years` years (the setting by default), oldest first."""
    years = settings.get(settings.RGPD_INACTIVE_YEARS) if years is None else years
    today = today or dt.date.today()
    try:
        limit = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - years, day=28)
    erased, orgs = erased_ids(), _current_org()
    rows = []
    for pid, first, last, last_seen, created in database.execute_sql(
            "SELECT p.id, p.first_name, p.last_name, (SELECT max(i.occurred_on) FROM interaction_person ip "
            " JOIN interaction i ON i.id = ip.interaction_id WHERE ip.person_id = p.id), p.created_at "
            "FROM person p WHERE p.deleted_at IS NULL"):
        if pid in erased:
            continue
        seen = dt.date.fromisoformat(str(last_seen)[:10]) if last_seen else None
        reference = seen or dt.date.fromisoformat(str(created)[:10])
        if reference < limit:
            rows.append(RegisterRow(pid, f"{first} {last}".strip(), orgs.get(pid, ""), seen))
    rows.sort(key=lambda r: (r.last_contact or dt.date.min, r.name))
    return rows


def photos_without_consent(paths: DataPaths) -> list[RegisterRow]:
    erased, orgs = erased_ids(), _current_org()
    wanted = set(person_photos.people_without_consent()) - erased
    found = [RegisterRow(pid, f"{first} {last}".strip(), orgs.get(pid, ""), None)
             for pid, first, last in database.execute_sql(
                 "SELECT id, first_name, last_name FROM person WHERE deleted_at IS NULL")
             if pid in wanted]
    return sorted(found, key=lambda r: r.name)


# --- export of one person's data ---------------------------------------------

def _table_html(headers, rows) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
                   for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def export_person(paths: DataPaths, person_id: int, target: Path) -> Path:
    """Everything PartnerDesk holds about a person, in one HTML file readable in any browser."""
    p = person(person_id)
    affiliations = database.execute_sql(
        "SELECT o.name, a.role, a.department, a.start_date, a.end_date FROM affiliation a JOIN organisation o "
        "ON o.id = a.organisation_id WHERE a.person_id = ? ORDER BY a.start_date", (person_id,)).fetchall()
    journal = database.execute_sql(
        "SELECT i.occurred_on, i.kind, i.summary FROM interaction i JOIN interaction_person ip "
        "ON ip.interaction_id = i.id WHERE ip.person_id = ? ORDER BY i.occurred_on", (person_id,)).fetchall()
    tags = [r[0] for r in database.execute_sql(
        "SELECT t.name FROM tag t JOIN person_tag pt ON pt.tag_id = t.id WHERE pt.person_id = ?", (person_id,))]
    heading = _("Personal data held by {epn} about {name}").format(
        epn=settings.identity().in_sentence(language(), _), name=p.full_name)
    parts = [f"<h1>{html.escape(heading)}</h1>",
             f"<p>{html.escape(_('Exported on {date}.').format(date=format_datetime(dt.datetime.now())))}</p>",
             f"<h2>{html.escape(_('Identity and contacts'))}</h2>",
             _table_html([_("Field"), _("Value")], [
                 (_("First name"), p.first_name), (_("Last name"), p.last_name),
                 (_("Emails"), ", ".join(p.emails)), (_("Phones"), ", ".join(p.phones)),
                 (_("Websites"), ", ".join(p.websites)), (_("Occupation"), p.title),
                 *[(_("Address ({kind})").format(kind=_(PLACE_KINDS[a.kind])), a.one_line()) for a in p.addresses],
                 (_("Tags"), ", ".join(tags)), (_("Notes"), p.notes)]),
             f"<h2>{html.escape(_('Organisations'))}</h2>",
             _table_html([_("Organisation"), _("Job title"), _("Department"), _("From"), _("To")],
                         [(o, r, d, readable_value(s), readable_value(e)) for o, r, d, s, e in affiliations]),
             f"<h2>{html.escape(_('Journal'))}</h2>",
             _table_html([_("Date"), _("Kind"), _("Summary")],
                         [(readable_value(d), kind_label(k), t) for d, k, t in journal])]
    photo = person_photos.photo_path(paths, person_id)
    if photo is not None:
        mime = "image/png" if photo.suffix == ".png" else "image/jpeg"
        data = base64.b64encode(photo.read_bytes()).decode("ascii")
        parts += [f"<h2>{html.escape(_('Photo'))}</h2>", f'<img alt="photo" src="data:{mime};base64,{data}" '
                                                         'style="max-width:240px">']
    proofs = person_photos.proofs_of(paths, person_id)
    if proofs:
        parts += [f"<h2>{html.escape(_('Consent proofs'))}</h2>",
                  "<ul>" + "".join(f"<li>{html.escape(proof_label(n, f))}</li>"
                                   for n, f in enumerate(proofs, start=1)) + "</ul>"]
    for title, headers, rows in linked_sections(person_id):
        parts += [f"<h2>{html.escape(title)}</h2>", _table_html(headers, rows)]
    page = ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>"
            f"{html.escape(p.full_name)}</title><style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}"
            "table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #999;padding:4px 8px;"
            "text-align:left;vertical-align:top;white-space:pre-wrap}</style></head><body>"
            + "\n".join(parts) + "</body></html>\n")
    target = Path(target)
    target.write_text(page, encoding="utf-8")
    with database.atomic():
        log("export", person_id, _("Export of the data of person no. {id}").format(id=person_id))
    return target


# --- erasure -----------------------------------------------------------------

def _scrubber(p: PersonIdentity, hidden: str) -> erasure.Scrubber:
    """The full name (any case), emails, phones (as typed and as E.164), websites and street lines."""
    phones = list(p.phones) + [variant for ph in p.phones for variant in written_forms(ph)]
    others = [w for w in p.websites if len(w) >= 8]
    others += [line.strip() for a in p.addresses for line in a.street.splitlines() if len(line.strip()) >= 6]
    return erasure.Scrubber(erasure.Traces(p.id, p.first_name, p.last_name, p.civility, tuple(p.emails),
                                           tuple(phones), tuple(others)), hidden)


def _hidden() -> str:
    return "[" + _("anonymised") + "]"


def erasure_preview(paths: DataPaths, person_id: int) -> ErasurePreview:
    p = person(person_id)
    count = lambda sql: database.execute_sql(sql, (person_id,)).fetchone()[0]  # noqa: E731
    return ErasurePreview(
        p,
        [f.name for f in [person_photos.photo_path(paths, person_id)] if f],
        [f.name for f in person_photos.proofs_of(paths, person_id)],
        count("SELECT count(*) FROM interaction_person WHERE person_id = ?"),
        count("SELECT count(*) FROM affiliation WHERE person_id = ?"),
        [(erasure.place_of(m), m.excerpt) for m in _scrubber(p, _hidden()).mentions()],
    )


def erase_card(p: PersonIdentity) -> None:
    """Anonymise the card of `p` and its traces; inside the caller's transaction, nothing logged."""
    for table, column in tables.references_to("person"):
        if table not in KEPT_LINKS and any(h in table for h in PERSONAL_TABLE_HINTS):
            database.execute_sql(f'DELETE FROM "{table}" WHERE "{column}" = ?', (p.id,))
    _scrubber(p, _hidden()).apply()
    database.execute_sql("DELETE FROM person_file_history WHERE person_id = ?", (p.id,))
    placeholder = _("Anonymised person")
    database.execute_sql(
        "UPDATE person SET first_name = '', last_name = ?, name_norm = ?, emails = '[]', phones = '[]', "
        "notes = '', verified_on = NULL, addresses = '[]', websites = '[]', labels = '{}', title = '', "
        "updated_at = ? WHERE id = ?",
        (placeholder, placeholder.lower(), dt.datetime.now().isoformat(sep=" "), p.id))


def anonymise(paths: DataPaths, person_id: int) -> None:
    p = person(person_id)
    if is_anonymised(person_id):
        raise RgpdError(_("This person was already anonymised."))
    files = erasure.person_files(paths, person_id)
    database.execute_sql("PRAGMA secure_delete = ON")
    with database.atomic("IMMEDIATE"):
        erase_card(p)
        removed = [_("name"),
                   ngettext("{count} email", "{count} emails", len(p.emails)).format(count=len(p.emails)),
                   ngettext("{count} phone", "{count} phones", len(p.phones)).format(count=len(p.phones)),
                   ngettext("{count} file", "{count} files", len(files)).format(count=len(files))]
        what = _("Anonymisation of person no. {id}: {removed} removed").format(id=person_id,
                                                                             removed=", ".join(removed))
        log("erase", person_id, what)
    for path in files:
        path.unlink(missing_ok=True)
    compact()


def compact() -> None:
    """Leave no trace in free pages, search-index segments or the WAL file."""
    for fts in tables.fts5_tables():
        try:
            database.execute_sql(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
        except Exception:  # noqa: BLE001 - contentless index
            database.execute_sql(f'INSERT INTO "{fts}"("{fts}") VALUES (\'optimize\')')
    database.execute_sql("VACUUM")
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
