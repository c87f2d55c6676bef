"""Demo: a few people no one has been in touch with for years, so that the RGPD
register has something to propose for anonymisation."""

from __future__ import annotations

import datetime as dt

from partnerdesk.store import database


def generate(ctx) -> None:
    silent = [r[0] for r in database.execute_sql(
        "SELECT p.id FROM person p WHERE NOT EXISTS (SELECT 1 FROM interaction_person ip WHERE ip.person_id = p.id)"
        " ORDER BY p.id")]
    count = max(1, len(silent) // 20)
    for pid in ctx.rng.sample(silent, min(count, len(silent))):
        long_ago = ctx.today - dt.timedelta(days=ctx.rng.randint(4 * 365, 7 * 365))
        database.execute_sql("UPDATE person SET created_at = ?, updated_at = ? WHERE id = ?",
                             (f"{long_ago.isoformat()} 09:00:00", f"{long_ago.isoformat()} 09:00:00", pid))
