"""Fast read of the people grid (trombinoscope): plain tuples straight from SQLite.

Ten thousand people must load in well under a tenth of a second, so this skips
model instances and field conversions; the services turn the tuples into cards.
"""

from __future__ import annotations

from partnerdesk.store.db import database

CURRENT_AFFILIATIONS = """
    SELECT a.person_id, a.organisation_id, o.name, a.role
    FROM affiliation a JOIN organisation o ON o.id = a.organisation_id
    WHERE a.end_date IS NULL AND o.deleted_at IS NULL
    ORDER BY a.start_date IS NOT NULL, a.start_date, a.id
"""

PEOPLE = """
    SELECT p.id, p.first_name, p.last_name, p.name_norm,
           EXISTS (SELECT 1 FROM json_each(p.emails) WHERE trim(value) <> ''),
           EXISTS (SELECT 1 FROM json_each(p.phones) WHERE trim(value) <> ''),
           ph.file,
           c.given, c.given_on, c.scopes, c.proof
    FROM person p
    LEFT JOIN person_photo ph ON ph.person_id = p.id
    LEFT JOIN photo_consent c ON c.person_id = p.id
    WHERE p.deleted_at IS NULL
"""

TAGGED_PEOPLE = """
    SELECT person_id FROM person_tag WHERE tag_id = ?
    UNION
    SELECT a.person_id FROM affiliation a JOIN organisation_tag ot ON ot.organisation_id = a.organisation_id
    WHERE ot.tag_id = ? AND a.end_date IS NULL
"""


def current_affiliations() -> dict[int, tuple[int, str, str]]:
    """{person id: (organisation id, organisation name, role)}: each person's latest open affiliation."""
    rows = database.execute_sql(CURRENT_AFFILIATIONS).fetchall()
    return {pid: (oid, name, role) for pid, oid, name, role in rows}


def people_rows() -> list[tuple]:
    """(id, first, last, name_norm, has email, has phone, photo file, consent given, given_on text,
    scopes json, proof) of every person not in the trash."""
    return database.execute_sql(PEOPLE).fetchall()


def tagged_people(tag_id: int) -> set[int]:
    """People tagged `tag_id` or currently working in an organisation tagged with it."""
    return {row[0] for row in database.execute_sql(TAGGED_PEOPLE, (tag_id, tag_id)).fetchall()}

PROJECT_PEOPLE = """
    SELECT a.person_id FROM affiliation a JOIN project_partner pp ON pp.organisation_id = a.organisation_id
    WHERE pp.project_id = ? AND a.end_date IS NULL
    UNION
    SELECT contact_person_id FROM project_partner WHERE project_id = ? AND contact_person_id IS NOT NULL
    UNION
    SELECT sp.person_id FROM session_participant sp JOIN project_session s ON s.id = sp.session_id
    WHERE s.project_id = ? AND sp.person_id IS NOT NULL
"""

PROJECTS = "SELECT id, title FROM project WHERE deleted_at IS NULL ORDER BY title_norm"


def project_people(project_id: int) -> set[int]:
    """People of a project: current members of its partner organisations, its contacts, its participants."""
    rows = database.execute_sql(PROJECT_PEOPLE, (project_id, project_id, project_id)).fetchall()
    return {row[0] for row in rows}


def projects() -> list[tuple[int, str]]:
    return [tuple(row) for row in database.execute_sql(PROJECTS).fetchall()]
