"""A new database built beside the live one, row by row, before it replaces it.

Used by the archive import: the rows of an untrusted archive go into this copy of the
(empty, migrated) live database; the live file is untouched until `store.restore` renames
the checked copy over it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from partnerdesk.store.backup import copy_database


def json_columns() -> set[tuple[str, str]]:
    """(table, column) of every JSON column, from the peewee models."""
    from partnerdesk.store.models import BaseModel, JSONField

    found = set()
    pending = list(BaseModel.__subclasses__())
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        for field in model._meta.sorted_fields:
            if isinstance(field, JSONField):
                found.add((model._meta.table_name, field.column_name))
    return found


class StagingDatabase:
    def __init__(self, live_db: Path, path: Path):
        self.path = Path(path)
        copy_database(Path(live_db), self.path)
        self.con = sqlite3.connect(str(self.path))
        self.con.execute("PRAGMA foreign_keys = OFF")
        self.con.execute("PRAGMA synchronous = OFF")  # synced once, when it is checked and renamed
        self.con.execute("BEGIN")

    def columns(self, table: str) -> list[tuple[str, str, bool, bool, bool]]:
        """[(name, declared type, not null, has default, primary key)]"""
        return [(r[1], (r[2] or "").upper(), bool(r[3]), r[4] is not None, bool(r[5]))
                for r in self.con.execute(f'PRAGMA table_info("{table}")')]

    def insert(self, table: str, columns: list[str], rows: list[list]) -> None:
        quoted = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _c in columns)
        self.con.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)

    def clear(self, table: str) -> None:
        self.con.execute(f'DELETE FROM "{table}"')

    def foreign_key_problems(self, limit: int = 10) -> list[tuple[str, int, str]]:
        """[(table, rowid, referenced table)]"""
        return [(r[0], r[1], r[2]) for r in self.con.execute("PRAGMA foreign_key_check").fetchmany(limit)]

    def rebuild_search(self, fts_tables: list[str]) -> None:
        for fts in fts_tables:
            try:
                self.con.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
            except sqlite3.DatabaseError:  # a contentless index has nothing to rebuild from
                pass

    def rederive(self, statements) -> None:
        """Work out again what the schema keeps derived (`partner_queries.DERIVED`)."""
        for statement in statements:
            self.con.execute(statement)

    def commit(self) -> None:
        self.con.commit()
        self.con.execute("PRAGMA journal_mode = DELETE")
        self.close()

    def close(self) -> None:
        self.con.close()

    def discard(self) -> None:
        try:
            self.con.close()
        finally:
            self.path.unlink(missing_ok=True)
            self.path.with_name(self.path.name + "-journal").unlink(missing_ok=True)
