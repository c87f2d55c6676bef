"""Exports: CSV for a French spreadsheet, .ods, vCard 3.0 with photos, iCalendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

from partnerdesk.services import imports
from partnerdesk.services.exports import calendar, selection, tabular, vcard
from partnerdesk.services.imports.vcard import parse as parse_vcard
from partnerdesk.store import database

from tests.core.test_imports import DATA


def test_csv_bom_semicolon_and_formula_neutralised():
    raw = tabular.csv_bytes(["Nom", "Note"], [["=HYPERLINK(\"http://x\")", "+33 6"], ["@SUM(A1)", "-2"],
                                              ["Dupont; Fils", "ok"], [12, None]])
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == ["'=HYPERLINK(\"http://x\")", "'+33 6"]
    assert rows[2] == ["'@SUM(A1)", "'-2"]
    assert rows[3] == ["Dupont; Fils", "ok"] and rows[4] == ["12", ""]


def test_organisations_and_people_of_a_tag(demo_store):
    tag_id, tag_name = selection.list_tags()[0]
    rows = selection.organisation_rows(selection.Selection(tag_id=tag_id))
    expected = database.execute_sql("SELECT count(*) FROM organisation_tag WHERE tag_id = ?", (tag_id,)).fetchone()[0]
    assert len(rows) == expected and all(tag_name in r[12] for r in rows)
    assert len(selection.organisation_headers()) == len(rows[0])
    some = [c.id for c in selection.people()[:5]]
    assert [c.id for c in selection.people(selection.Selection(ids=some))] == some
    assert len(selection.people_rows()) == 120


def test_ods_is_a_valid_spreadsheet(demo_store):
    content = tabular.ods_bytes(selection.people_headers(), selection.people_rows(), "Contacts")
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        xml = z.read("content.xml").decode("utf-8")
    assert "office:spreadsheet" in xml and "table:name=\"Contacts\"" in xml
    from odf.opendocument import load
    from odf.table import TableRow

    doc = load(io.BytesIO(content))
    assert len(doc.spreadsheet.getElementsByType(TableRow)) == 121


def _agree_to_partners_use() -> None:
    from partnerdesk.domain.consent import Consent
    from partnerdesk.services import consent

    for (pid,) in database.execute_sql("SELECT person_id FROM person_photo").fetchall():
        consent.save_consent(pid, Consent(True, dt.date.today(), ["partenaires"]))


def test_vcard_export_round_trips_through_the_parser(store, tmp_path):
    imports.apply_plan(imports.plan_for(imports.read_file(DATA / "vcard30.vcf")), store)
    # An imported photo has no consent: it stays out of the export until the person agrees.
    assert "PHOTO" not in vcard.vcards(selection.people(), store).decode("utf-8")
    _agree_to_partners_use()
    text = vcard.vcards(selection.people(), store).decode("utf-8")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    back = parse_vcard(text)
    gwen = next(c for c in back.contacts if c.last_name == "Le Bihan")
    assert gwen.first_name == "Gwenaëlle" and gwen.photo and gwen.photo[:3] == b"\xff\xd8\xff"
    assert gwen.emails == ["gwen@imprimerie-exemple.fr", "gwenaelle.lebihan@gmail.com"]
    assert "virgule ; ici" in gwen.notes and gwen.organisation == "Imprimerie Le Bihan"
    assert gwen.department == "Atelier"  # ORG units: the affiliation's department since #19
    assert back.versions == {"3.0"}


def test_ics_with_paris_time_zone(store):
    now = "2026-11-22 09:00:00"
    database.execute_sql("INSERT INTO project (id, title, created_at, updated_at) VALUES (1, 'Seniors connectés', ?, ?)",
                         (now, now))
    database.execute_sql("INSERT INTO milestone (project_id, title, due_on, created_at) VALUES (1, 'Réunion de bilan', "
                         "'2027-01-15', ?)", (now,))
    database.execute_sql("INSERT INTO project_session (project_id, held_on, start_time, end_time, place, cancelled)"
                         " VALUES (1, '2026-12-03', '14:00', '16:30', 'Médiathèque, salle 2', 0)")
    database.execute_sql("INSERT INTO project_session (project_id, held_on, cancelled) VALUES (1, '2026-12-10', 1)")
    database.execute_sql("INSERT INTO organisation (name, contact_cadence_days, created_at, updated_at) "
                         "VALUES ('Médiathèque', 90, '2026-10-01 09:00:00', '2026-10-01 09:00:00')")
    events = calendar.events()
    assert [e.uid for e in events] == ["session-1", "reminder-cadence-1-", "milestone-1"]
    assert events[1].day.isoformat() == "2026-12-30" and "Médiathèque" in events[1].summary
    text = calendar.ics(events, now=dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.timezone.utc)).decode("utf-8")
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris" in text
    assert "DTSTART;TZID=Europe/Paris:20261203T140000" in text
    assert "DTEND;TZID=Europe/Paris:20261203T163000" in text
    assert "LOCATION:Médiathèque\\, salle 2" in text
    assert "DTSTART;VALUE=DATE:20270115" in text and "SUMMARY:Réunion de bilan — Seniors connectés" in text
    assert text.count("BEGIN:VEVENT") == 3 and text.endswith("END:VCALENDAR\r\n")
