"""Generic access to every table of the database, whichever area made it:
used by the full archive and by the RGPD erasure so that tables added by
other areas are covered without listing them here."""

from __future__ import annotations

from partnerdesk.store import database

FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config", "_segments", "_segdir", "_stat")


def virtual_tables() -> list[str]:
    return [r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]


def fts5_tables() -> list[str]:
    return [r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' "
        "AND lower(sql) LIKE '%using fts5%' ORDER BY name")]


def data_tables() -> list[str]:
    """Ordinary tables holding data: no SQLite internals, no virtual (search) tables or their shadows."""
    virtual = virtual_tables()
    names = [r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return [n for n in names if n not in virtual
            and not any(n == v + s for v in virtual for s in FTS_SHADOW_SUFFIXES)]


def columns(table: str) -> list[tuple[str, str]]:
    """[(name, declared type)]"""
    return [(r[1], (r[2] or "").upper()) for r in database.execute_sql(f'PRAGMA table_info("{table}")')]


def text_columns(table: str) -> list[str]:
    return [name for name, kind in columns(table) if kind in ("TEXT", "") or "CHAR" in kind or "CLOB" in kind]


def references_to(target: str) -> list[tuple[str, str]]:
    """[(table, column)] of every foreign key pointing at `target`."""
    found = []
    for table in data_tables():
        for row in database.execute_sql(f'PRAGMA foreign_key_list("{table}")'):
            if row[2] == target:
                found.append((table, row[3]))
    return found


def rows(table: str) -> tuple[list[str], list[tuple]]:
    cols = [c for c, _t in columns(table)]
    quoted = ", ".join(f'"{c}"' for c in cols)
    order = ", ".join(str(i + 1) for i in range(len(cols)))
    cursor = database.execute_sql(f'SELECT {quoted} FROM "{table}" ORDER BY {order}')
    return cols, cursor.fetchall()
