"""The person export in words a citizen reads: French labels and dates, no table names,
internal codes or file hashes.

`linked_sections(person_id)` describes every other record that points at the person:
known tables in sentences of their own; a table added later still shows, with its
columns in plain words, identifiers and file names left out.
"""

from __future__ import annotations

import datetime as dt
import json

from partnerdesk.domain.consent import ConsentScope
from partnerdesk.domain.partners import InteractionKind
from partnerdesk.domain.projects import Stage
from partnerdesk.i18n import _, format_date, format_datetime
from partnerdesk.services import tables
from partnerdesk.store import database

# Tables shown elsewhere in the export (identity, organisations, journal, tags).
SHOWN_ABOVE = ("affiliation", "interaction_person", "person_tag")
HIDDEN_COLUMNS = ("id", "file", "hash", "norm", "position")


def readable_value(value) -> str:
    """Dates as 22/11/2026, yes/no, lists joined; None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (dt.datetime, dt.date)):
        return format_datetime(value) if isinstance(value, dt.datetime) else format_date(value)
    text = str(value)
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return format_date(dt.date.fromisoformat(text))
        if len(text) >= 16 and text[4] == "-" and text[10] in " T":
            return format_datetime(dt.datetime.fromisoformat(text[:19]))
    except ValueError:
        pass
    if text.startswith("[") and text.endswith("]"):
        try:
            return ", ".join(str(v) for v in json.loads(text))
        except ValueError:
            pass
    return text


def proof_label(number: int, path) -> str:
    """"Document 1 (PDF)": the stored name is a hash, meaningless to the citizen."""
    return _("Document {number} ({kind})").format(number=number, kind=path.suffix.lstrip(".").upper() or "?")


def kind_label(kind: str) -> str:
    parsed = InteractionKind.parse(kind)
    return _(parsed.label) if parsed else kind


def _rows(sql: str, person_id: int) -> list[tuple]:
    return database.execute_sql(sql, (person_id,)).fetchall()


def _photo(person_id: int):
    rows = _rows("SELECT source_name, added_at FROM person_photo WHERE person_id = ?", person_id)
    return [(_("Original file name"), _("Added on"))], [(r[0] or "", readable_value(r[1])) for r in rows]


def _consent(person_id: int):
    rows = _rows("SELECT given, given_on, scopes, proof FROM photo_consent WHERE person_id = ?", person_id)
    out = []
    for given, given_on, scopes, proof in rows:
        names = []
        for code in json.loads(scopes or "[]"):
            scope = ConsentScope.parse(code)
            names.append(_(scope.label) if scope else code)
        out.append((_("yes") if given else _("no"), readable_value(given_on), ", ".join(names),
                    _("yes") if proof else _("no")))
    return [(_("Consent given"), _("On"), _("Uses allowed"), _("Proof kept"))], out


def _project_contact(person_id: int):
    rows = _rows("SELECT p.title, o.name, pp.stage FROM project_partner pp JOIN project p ON p.id = pp.project_id "
                 "JOIN organisation o ON o.id = pp.organisation_id WHERE pp.contact_person_id = ?", person_id)
    out = []
    for title, org, stage in rows:
        parsed = Stage.parse(stage)
        out.append((title, org, _(parsed.label) if parsed else ""))
    return [(_("Project"), _("Organisation"), _("Stage"))], out


def _project_photos(person_id: int):
    rows = _rows("SELECT p.title, ph.caption, ph.taken_on FROM project_photo_person pp "
                 "JOIN project_photo ph ON ph.id = pp.photo_id JOIN project p ON p.id = ph.project_id "
                 "WHERE pp.person_id = ?", person_id)
    return [(_("Project"), _("Caption"), _("Taken on"))], [(t, c or "", readable_value(d)) for t, c, d in rows]


def _sessions(person_id: int):
    rows = _rows("SELECT p.title, s.held_on, s.place FROM session_participant sp "
                 "JOIN project_session s ON s.id = sp.session_id JOIN project p ON p.id = s.project_id "
                 "WHERE sp.person_id = ? ORDER BY s.held_on", person_id)
    return [(_("Project"), _("Date"), _("Place"))], [(t, readable_value(d), pl or "") for t, d, pl in rows]


def _meetings(person_id: int):
    from partnerdesk.domain.meetings import Answer

    rows = _rows("SELECT m.title, m.held_on, i.answer FROM meeting_invitee i JOIN meeting m ON m.id = i.meeting_id "
                 "WHERE i.person_id = ? ORDER BY m.held_on", person_id)
    out = []
    for title, held_on, answer in rows:
        parsed = Answer.parse(answer)
        out.append((title, readable_value(held_on), _(parsed.label) if parsed else answer))
    return [(_("Meeting"), _("Date"), _("Answer"))], out


def _meeting_actions(person_id: int):
    rows = _rows("SELECT m.title, a.what, a.due_on, a.done_on FROM meeting_action a JOIN meeting m "
                 "ON m.id = a.meeting_id WHERE a.owner_person_id = ? ORDER BY a.due_on", person_id)
    return [(_("Meeting"), _("Action"), _("By"), _("Done on"))], [
        (t, w, readable_value(d), readable_value(done)) for t, w, d, done in rows]


KNOWN = {
    "person_photo": (lambda: _("Photo"), _photo),
    "photo_consent": (lambda: _("Image rights"), _consent),
    "project_partner": (lambda: _("Contact person for projects"), _project_contact),
    "project_photo_person": (lambda: _("Project photos where the person appears"), _project_photos),
    "session_participant": (lambda: _("Sessions attended"), _sessions),
    "meeting_invitee": (lambda: _("Meetings the person was invited to"), _meetings),
    "meeting_action": (lambda: _("Actions entrusted to the person in meetings"), _meeting_actions),
}


def _generic(table: str, column: str, person_id: int):
    cols = [c for c, _t in tables.columns(table)]
    keep = [i for i, c in enumerate(cols) if c != column and not c.endswith("_id")
            and not any(h == c or h in c.split("_") for h in HIDDEN_COLUMNS)]
    rows = database.execute_sql(f'SELECT * FROM "{table}" WHERE "{column}" = ?', (person_id,)).fetchall()
    headers = [cols[i].replace("_", " ").capitalize() for i in keep]
    return [tuple(headers)], [tuple(readable_value(r[i]) for i in keep) for r in rows]


def linked_sections(person_id: int) -> list[tuple[str, list[str], list[tuple]]]:
    """[(title, headers, rows)] of every other record about the person, in words."""
    sections = []
    for table, column in tables.references_to("person"):
        if table in SHOWN_ABOVE:
            continue
        if table in KNOWN:
            title, read = KNOWN[table]
            (headers,), rows = read(person_id)
            title = title()
        else:
            (headers,), rows = _generic(table, column, person_id)
            title = _("Other information")
        if rows:
            sections.append((title, list(headers), rows))
    return sections
