"""Full-text search over organisations and people, behind a small interface.

The SQLite implementation uses the FTS5 table `partner_search` (migration 0002). User text
never reaches MATCH as typed: `web_query()` turns it into a safe FTS5 expression (DESIGN
pitfall 5: raw MATCH raises on `covid-19`, `o'brien`, quotes or empty input). Another
database would only need another implementation of the three functions below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from partnerdesk.domain.text import normalize
from partnerdesk.store.db import database

# Token characters of FTS5's unicode61 tokenizer: letters and digits (not "_").
_TOKEN = re.compile(r"[^\W_]+")


def web_query(text: str | None) -> str | None:
    """A safe FTS5 expression for what the user typed, or None when there is nothing to search.

    Words separated by spaces must all match (in any order); a word made of several tokens
    ("o'brien", "covid-19", an email) must match as a phrase; the last word matches as a
    prefix, so results follow the typing.
    """
    words = []
    for word in normalize(text).split(" "):
        tokens = _TOKEN.findall(word)
        if tokens:
            words.append('"' + " ".join(tokens) + '"')
    if not words:
        return None
    words[-1] += "*"
    return " AND ".join(words)


@dataclass
class SearchHits:
    """Matching ids, best first."""

    organisations: list[int] = field(default_factory=list)
    people: list[int] = field(default_factory=list)


def search(text: str | None, limit: int | None = None) -> SearchHits | None:
    """Organisations and people whose own text matches; None for an empty query."""
    query = web_query(text)
    if query is None:
        return None
    sql = "SELECT rowid FROM partner_search WHERE partner_search MATCH ? ORDER BY bm25(partner_search, 5.0, 1.0)"
    params: tuple = (query,)
    if limit is not None:
        sql += " LIMIT ?"
        params = (query, limit)
    hits = SearchHits()
    for (rowid,) in database.execute_sql(sql, params):
        (hits.people if rowid % 2 else hits.organisations).append(rowid // 2)
    return hits


def organisation_ids(text: str | None) -> set[int] | None:
    """Organisations matching by their own text or through one of their current people.

    None for an empty query (no filter). This runs at every keystroke of the search box.
    """
    query = web_query(text)
    if query is None:
        return None
    sql = """
        WITH hits AS (SELECT rowid FROM partner_search WHERE partner_search MATCH ?)
        SELECT rowid / 2 FROM hits WHERE rowid % 2 = 0
        UNION
        SELECT a.organisation_id FROM hits JOIN affiliation AS a ON a.person_id = hits.rowid / 2
        WHERE hits.rowid % 2 = 1 AND a.end_date IS NULL
    """
    return {row[0] for row in database.execute_sql(sql, (query,))}


def rebuild() -> None:
    """Re-index every card (after a restore from an old backup, or for repairs)."""
    from partnerdesk.store import migrate

    module = next(m for m in migrate.discover() if m.version == 2).load()
    with database.atomic():
        database.execute_sql("DELETE FROM partner_search")
        for statement in module.STATEMENTS:
            if statement.lstrip().startswith("INSERT INTO partner_search"):
                database.execute_sql(statement)
