"""Hot queries of the projects area, in plain SQL for speed (the board shows 3,000 cards)."""

from __future__ import annotations

from partnerdesk.store.db import database

_BOARD = """
SELECT pp.id, pp.project_id, pp.organisation_id, pp.stage, pp.position, pp.closed_reason,
       pp.next_step, pp.next_step_on, p.title, p.in_charge, o.name,
       COALESCE(c.expected, 0), COALESCE(c.obtained, 0), COALESCE(c.kinds, '')
FROM project_partner pp
JOIN project p ON p.id = pp.project_id
JOIN organisation o ON o.id = pp.organisation_id
LEFT JOIN (
    SELECT project_partner_id,
           SUM(CASE WHEN status = 'attendu' THEN COALESCE(value, 0) ELSE 0 END) AS expected,
           SUM(CASE WHEN status = 'obtenu' THEN COALESCE(value, 0) ELSE 0 END) AS obtained,
           GROUP_CONCAT(DISTINCT kind) AS kinds
    FROM contribution {where_contribution}
    GROUP BY project_partner_id
) c ON c.project_partner_id = pp.id
WHERE p.deleted_at IS NULL AND o.deleted_at IS NULL {where}
ORDER BY pp.position, pp.id
"""


def board_rows(project_id: int | None = None, in_charge: str | None = None) -> list[tuple]:
    """(id, project_id, organisation_id, stage, position, closed_reason, next_step, next_step_on (ISO text),
    project title, in_charge, organisation name, expected, obtained, kinds (comma-separated))."""
    where, params, where_contribution, sub_params = "", [], "", []
    if project_id is not None:
        where += " AND pp.project_id = ?"
        params.append(project_id)
        where_contribution = ("WHERE project_partner_id IN (SELECT id FROM project_partner WHERE project_id = ?)")
        sub_params.append(project_id)
    if in_charge:
        where += " AND p.in_charge = ?"
        params.append(in_charge)
    sql = _BOARD.format(where=where, where_contribution=where_contribution)
    return database.execute_sql(sql, sub_params + params).fetchall()


def project_titles() -> list[tuple[int, str]]:
    return database.execute_sql(
        "SELECT id, title FROM project WHERE deleted_at IS NULL ORDER BY title_norm").fetchall()
