"""CSV files: delimiter, rows with their line numbers, and rows -> contacts."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from partnerdesk.domain.dataio import MULTI_TARGETS, Contact, Refusal
from partnerdesk.i18n import _
from partnerdesk.services.imports.errors import ImportFileError

DELIMITERS = (";", ",", "\t")
MAX_ROWS = 100_000
MAX_COLUMNS = 500
PREAMBLE_LINES = 10
GOOGLE_SEPARATOR = " ::: "
_SKIPPED_TAGS = {"* mycontacts", "* starred", "mycontacts", "* my contacts"}


@dataclass
class CsvTable:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (line number in the file, cells)
    delimiter: str
    refused: list[Refusal] = field(default_factory=list)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most regular, then the most, columns
    (lines of notes above the header do not count)."""
    sample = text[:20000]
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    if not lines:
        return ";"
    best, best_score = ";", -1.0
    for delimiter in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)]
        except csv.Error:
            continue
        wide = [c for c in counts if c >= 2]
        if not wide:
            continue
        usual = max(set(wide), key=lambda c: (wide.count(c), c))  # the column count most lines share
        score = wide.count(usual) / len(counts) * 1000 + usual
        if score > best_score:
            best, best_score = delimiter, score
    return best


_EXCEL_SEP = re.compile(r'^"?sep=(.)"?[ \t]*(\r\n|\r|\n)', re.IGNORECASE)


def read_table(text: str, delimiter: str | None = None) -> CsvTable:
    start = 1
    hint = _EXCEL_SEP.match(text)
    if hint:  # Excel's "sep=;" first line names the delimiter
        delimiter, text, start = delimiter or hint.group(1), text[hint.end():], 2
    delimiter = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    refused: list[Refusal] = []
    headers: list[str] | None = None
    preamble = 0
    offset = start - 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1 + offset
            if headers is None:
                if not any(c.strip() for c in cells):
                    continue
                if sum(1 for c in cells if c.strip()) < 2 and line < PREAMBLE_LINES:
                    preamble += 1
                    continue  # a note above the header (LinkedIn's "Notes:" lines)
                headers = [c.strip() for c in cells]
                if len(headers) > MAX_COLUMNS:
                    raise ImportFileError(_("This file has {count} columns: it does not look like a list of "
                                            "contacts.").format(count=len(headers)))
                continue
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(headers) and any(c.strip() for c in cells[len(headers):]):
                refused.append(Refusal(line, _("This row has more cells ({count}) than the header has "
                                                "columns ({columns}).").format(count=len(cells),
                                                                               columns=len(headers)),
                                       delimiter.join(cells)[:200]))
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(_("This file has more than {limit} rows. Split it into several files "
                                        "and import them one after the other.").format(limit=f"{MAX_ROWS:,}"))
            rows.append((line, cells[:len(headers)] + [""] * (len(headers) - len(cells))))
    except csv.Error as exc:
        raise ImportFileError(_("This CSV file is damaged near line {line} ({reason}).").format(
            line=reader.line_num, reason=exc)) from exc
    if headers is None and not preamble:
        raise ImportFileError(_("This file is empty."))
    if headers is None or len(headers) < 2:
        raise ImportFileError(_("No column separator (; , or tab) was found on the first line: this does not "
                                "look like a CSV file."))
    return CsvTable(headers, rows, delimiter, refused)


def split_multi(value: str) -> list[str]:
    """Google puts several values in one cell: "a@x.fr ::: b@y.fr"."""
    parts = value.split(GOOGLE_SEPARATOR) if GOOGLE_SEPARATOR in value else [value]
    return [p.strip() for p in parts if p.strip()]


def to_contacts(table: CsvTable, mapping: dict[int, str]) -> list[Contact]:
    """Apply a column mapping to every row."""
    contacts = []
    for line, cells in table.rows:
        contact = Contact(line)
        notes, address = [], []
        for index, target in mapping.items():
            if not target or index >= len(cells):
                continue
            value = cells[index].strip()
            if not value:
                continue
            if target == "email":
                contact.emails.extend(v for v in split_multi(value) if v not in contact.emails)
            elif target == "phone":
                contact.phones.extend(v for v in split_multi(value) if v not in contact.phones)
            elif target == "tags":
                parts = split_multi(value) if GOOGLE_SEPARATOR in value else re.split(r"[,;]", value)
                for tag in (p.strip() for p in parts):
                    if tag and tag.casefold() not in _SKIPPED_TAGS and tag not in contact.tags:
                        contact.tags.append(tag)
            elif target == "notes":
                notes.append(value)
            elif target == "address":
                address.append(value)
            elif target not in MULTI_TARGETS and not getattr(contact, target):
                setattr(contact, target, value)
        contact.notes = "\n".join(notes)
        contact.address = "\n".join(address)
        contacts.append(contact)
    return contacts
