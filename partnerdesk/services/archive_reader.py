"""Reading an archive as untrusted input: bounded sizes, a streamed JSON reader, and a check
of every value against the schema's types before anything is written."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from partnerdesk.domain import validation

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 200 * MB         # one photo, proof or template
    total_bytes: int = 8 * 1024 * MB   # everything the archive expands to
    json_bytes: int = 1024 * MB        # one table's JSON
    row_bytes: int = 8 * MB            # one row of it (what the reader holds in memory at once)
    manifest_bytes: int = 16 * MB
    entries: int = 500_000


class TooLarge(Exception):
    pass


class Damaged(Exception):
    pass


class Budget:
    """Bytes still allowed for the whole archive."""

    def __init__(self, total: int):
        self.left = total

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise TooLarge("total")


def read_bounded(stream, limit: int, budget: Budget, chunk: int = 1 << 16) -> Iterator[bytes]:
    """The bytes of `stream`, refusing more than `limit` (whatever the zip header claims)."""
    seen = 0
    while True:
        block = stream.read(chunk)
        if not block:
            return
        seen += len(block)
        budget.spend(len(block))
        if seen > limit:
            raise TooLarge("file")
        yield block


_WS = re.compile(r"[ \t\n\r]*")


class _Text:
    """Decoded text of a byte iterator, with a window that only grows as far as one value needs."""

    def __init__(self, blocks: Iterator[bytes], row_limit: int):
        self.blocks = blocks
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.row_limit = row_limit

    def more(self) -> bool:
        if self.eof:
            return False
        if self.pos > 1 << 20:
            self.buf, self.pos = self.buf[self.pos:], 0
        try:
            block = next(self.blocks)
            self.buf += self.decoder.decode(block)
        except StopIteration:
            self.buf += self.decoder.decode(b"", final=True)
            self.eof = True
        except UnicodeDecodeError as exc:
            raise Damaged("not UTF-8") from exc
        return True

    def skip_ws(self) -> None:
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or not self.more():
                return

    def expect(self, chars: str) -> str:
        self.skip_ws()
        if self.pos >= len(self.buf) or self.buf[self.pos] not in chars:
            raise Damaged(f"expected {chars!r}")
        char = self.buf[self.pos]
        self.pos += 1
        return char

    def value(self):
        decoder = json.JSONDecoder()
        self.skip_ws()
        while True:
            try:
                value, end = decoder.raw_decode(self.buf, self.pos)
                # a number at the very end of the window may continue in the next block
                if end < len(self.buf) or self.eof or not isinstance(value, (int, float)):
                    self.pos = end
                    return value
            except json.JSONDecodeError:
                if self.eof:
                    raise Damaged("invalid JSON") from None
            if len(self.buf) - self.pos > self.row_limit:
                raise TooLarge("row")
            self.more()


def stream_table(blocks: Iterator[bytes], limits: Limits) -> tuple[dict, Iterator[dict]]:
    """Read `{"table": ..., "columns": [...], "rows": [{...}, ...]}` with "rows" last, one row in
    memory at a time. Returns (the other keys, an iterator of rows)."""
    text = _Text(blocks, limits.row_bytes)
    header: dict = {}
    text.expect("{")
    while True:
        text.skip_ws()
        key = text.value()
        if not isinstance(key, str):
            raise Damaged("key")
        text.expect(":")
        if key == "rows":
            text.expect("[")
            return header, _rows(text)
        header[key] = text.value()
        text.expect(",")


def _rows(text: _Text) -> Iterator[dict]:
    text.skip_ws()
    if text.buf[text.pos:text.pos + 1] == "]":
        text.pos += 1
        return
    while True:
        row = text.value()
        if not isinstance(row, dict):
            raise Damaged("a row is not an object")
        yield row
        if text.expect(",]") == "]":
            return


# --- entry names ----------------------------------------------------------------------

def collisions(rels: list[str]) -> list[str]:
    """Paths that are both a file and a folder of another file ("photos/a" and "photos/a/b")."""
    folders = {"/".join(PurePosixPath(r).parts[:i]) for r in rels for i in range(1, len(PurePosixPath(r).parts))}
    return sorted(set(rels) & folders)


# --- values ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    not_null: bool
    has_default: bool
    primary_key: bool
    is_json: bool
    is_email: bool


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _date_ok(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return len(value) == 10
    except ValueError:
        return False


def _datetime_ok(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
        return True
    except ValueError:
        return False


def problem_with(column: Column, value) -> str | None:
    """None when `value` fits the column, else the English key of the problem."""
    if value is None:
        if column.not_null and not column.primary_key:
            return "missing"
        return None
    kind = column.kind
    if kind == "BLOB":
        return None if isinstance(value, (bytes, str)) else "text"
    if isinstance(value, bytes):
        return "text"
    if "INT" in kind or kind in ("BOOLEAN", "BOOL"):
        return None if _is_int(value) or (kind in ("BOOLEAN", "BOOL") and isinstance(value, bool)) else "integer"
    if kind in ("REAL", "FLOAT", "DOUBLE") or "DECIMAL" in kind or "NUMERIC" in kind:
        return None if _is_int(value) or (isinstance(value, float) and math.isfinite(value)) else "number"
    if not isinstance(value, str):
        return {"DATE": "date", "DATETIME": "datetime", "TIMESTAMP": "datetime"}.get(kind, "text")
    if kind == "DATE":
        return None if value == "" or _date_ok(value) else "date"
    if kind in ("DATETIME", "TIMESTAMP"):
        return None if value == "" or _datetime_ok(value) else "datetime"
    if column.is_json:
        try:
            parsed = json.loads(value) if value else []
        except ValueError:
            return "json"
        if not isinstance(parsed, (list, dict)):
            return "json"
        if column.is_email and (not isinstance(parsed, list) or any(
                not isinstance(e, str) or validation.check_email(e) for e in parsed)):
            return "email"
        return None
    if column.is_email and validation.check_email(value):
        return "email"
    return None
