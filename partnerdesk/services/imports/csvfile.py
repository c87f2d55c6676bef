"""CSV files: delimiter, rows with their line numbers, and rows -> contacts."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from partnerdesk.domain.contact_points import Address, kind_of, parse_described
from partnerdesk.domain.dataio import (
    ADDRESS_TARGETS,
    EXPORT_ADDRESS_SEPARATOR,
    EXPORT_SEPARATOR,
    MULTI_TARGETS,
    PHONE_TARGETS,
    Contact,
    Refusal,
)
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import _, format_number
from partnerdesk.services.exports.tabular import FORMULA_STARTS
from partnerdesk.services.imports import vocabulary
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
    truncated_line: int | None = None  # the last row, when the file ends in the middle of it
    last_width: int = 0  # cells of the last row read
    sheet: str = ""  # the sheet read, for a spreadsheet
    warnings: list[str] = field(default_factory=list)


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

    def numbered():
        line = start
        for cells in reader:
            yield line, cells
            line = reader.line_num + start

    try:
        table = build_table(numbered(), delimiter)
    except csv.Error as exc:
        raise ImportFileError(_("This CSV file is damaged near line {line} ({reason}).").format(
            line=reader.line_num, reason=exc)) from exc
    if table.rows and not text.endswith(("\n", "\r")):
        if table.last_width < len(table.headers) or text.count('"') % 2:
            table.truncated_line = table.rows[-1][0]
    return table


def build_table(numbered_rows, delimiter: str = ";", one_column: str = "") -> CsvTable:
    """The header (the first row with two cells or more, below a few lines of notes) and the rows
    under it, from (line or row number, cells) of a CSV file or a spreadsheet's sheet. `one_column`:
    the message when the header has a single column."""
    rows: list[tuple[int, list[str]]] = []
    refused: list[Refusal] = []
    headers: list[str] | None = None
    preamble = 0
    last_width = 0
    for line, cells in numbered_rows:
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
                                    "and import them one after the other.").format(limit=format_number(MAX_ROWS)))
        rows.append((line, cells[:len(headers)] + [""] * (len(headers) - len(cells))))
        last_width = len(cells)
    if headers is None and not preamble:
        raise ImportFileError(_("This file is empty."))
    if headers is None or len(headers) < 2:
        raise ImportFileError(one_column or _("No column separator (; , or tab) was found on the first line: this does not "
                                "look like a CSV file."))
    return CsvTable(headers, rows, delimiter, refused, last_width=last_width)


def unneutralised(cell: str) -> str:
    """A cell of PartnerDesk's CSV as the card holds it ("'=SUM" was "=SUM" on the card)."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA_STARTS and cell[1:2] else cell


_EMAIL_SPLIT = re.compile(r"\s*[,;]\s*")


def split_multi(value: str) -> list[str]:
    """Google puts several values in one cell: "a@x.fr ::: b@y.fr"."""
    parts = value.split(GOOGLE_SEPARATOR) if GOOGLE_SEPARATOR in value else [value]
    return [p.strip() for p in parts if p.strip()]


def _add_values(contact: Contact, field_name: str, cell: str, kind: str) -> None:
    """Several values in one cell ("a@x.fr, b@y.fr", Google's " ::: "), each perhaps described as
    PartnerDesk's exports write it ("+33299123456 ext. 12 (work)")."""
    for text in split_multi(cell):
        for piece in _EMAIL_SPLIT.split(text) if field_name == "emails" else text.split(EXPORT_SEPARATOR):
            value, label = parse_described(piece, _)
            contact.add_value(field_name, value, label.get("kind", kind), label.get("ext", ""))


def to_contacts(table: CsvTable, mapping: dict[int, str], keep_unmapped: bool = False,
                own_list: bool = False) -> list[Contact]:
    """Apply a column mapping to every row. `keep_unmapped`: the file is a known export, whose
    other columns (birthday, civility, custom fields...) go to the notes under their header.
    `own_list`: PartnerDesk's own list: in a CSV file (not in a sheet, which has text cells), cells
    starting like a formula were written with an apostrophe before them (services/exports/tabular.py):
    it is taken off."""
    from partnerdesk.services.imports.headers import is_consent, is_redundant

    contacts = []
    order = sorted(i for i, t in mapping.items() if t)
    others = [i for i, h in enumerate(table.headers) if i not in mapping and h.strip() and not is_consent(h)
              ] if keep_unmapped else []
    for line, cells in table.rows:
        contact = Contact(line, from_own_list=own_list, checked_column="verified_on" in mapping.values())
        if own_list and not table.sheet:
            cells = [unneutralised(c) for c in cells]
        notes: list[str] = []
        slots: dict[str, dict[str, list[str]]] = {}
        pending: dict[str, str] = {}  # "email"/"phone"/"website" -> kind named by the column before
        for index in order:
            target = mapping[index]
            value = cells[index].strip() if index < len(cells) else ""
            if target.endswith("_type") and target in ("email_type", "phone_type", "website_type"):
                pending[target[:-5]] = value
                continue
            if not value:
                if target in ("email", "phone", "website"):
                    pending.pop(target, None)
                continue
            if target == "email":
                _add_values(contact, "emails", value, kind_of([pending.pop("email", "")]))
            elif target in PHONE_TARGETS:
                kind = PHONE_TARGETS[target] or kind_of([pending.pop("phone", "")], phone=True)
                _add_values(contact, "phones", value, kind)
            elif target == "website":
                _add_values(contact, "websites", value, kind_of([pending.pop("website", "")]))
            elif target in ADDRESS_TARGETS:
                slot, part = ADDRESS_TARGETS[target]
                slots.setdefault(slot, {}).setdefault(part, []).extend(split_multi(value))
            elif target == "tags":
                parts = split_multi(value) if GOOGLE_SEPARATOR in value else re.split(r"[,;]", value)
                for tag in (p.strip() for p in parts):
                    if tag and tag.casefold() not in _SKIPPED_TAGS and tag not in contact.tags:
                        contact.tags.append(tag)
            elif target == "notes":
                notes.append(value)
            elif vocabulary.reads(target):
                vocabulary.read_cell(contact, target, table.headers[index], value)
            elif target in MULTI_TARGETS or getattr(contact, target, None) is None:
                continue
            elif not getattr(contact, target):
                setattr(contact, target, value)
            else:
                contact.noted.append((table.headers[index], value))
        for slot, parts in slots.items():
            _slot_addresses(contact, slot, parts)
        for index in others:
            value = cells[index].strip() if index < len(cells) else ""
            if not value:
                continue
            if normalize(table.headers[index]) == "photo":
                contact.remarks.append(_("The photo is a link to a web page ({url}): PartnerDesk works offline and "
                                         "did not download it.").format(url=value[:100]))
            elif not is_redundant(table.headers[index]):
                contact.noted.append((table.headers[index], value))
        contact.notes = "\n".join(notes)
        if line == table.truncated_line:
            contact.remarks.append(_("The file ends in the middle of this row: it may be incomplete, check it."))
        contacts.append(contact)
    return contacts


def _slot_addresses(contact: Contact, slot: str, parts: dict[str, list[str]]) -> None:
    """One address per slot; Google puts several in one slot with " ::: " (kept in order)."""
    kinds = parts.get("type", [])
    if set(parts) <= {"address", "type"} and len(parts.get("address", [])) == 1:  # one cell: one or more
        for line in parts["address"][0].split(EXPORT_ADDRESS_SEPARATOR):  # whole addresses (PartnerDesk's lists)
            contact.add_address(Address.from_line(_slot_kind(contact, slot, kinds, 0), line))
        return
    count = max((len(v) for k, v in parts.items() if k not in ("type", "address")), default=1)
    for n in range(count):
        def part(name: str) -> str:
            values = parts.get(name, [])
            if name == "address" and count == 1:  # "Street", "Street 2", "Street 3": one street, several lines
                return "\n".join(values)
            return values[n] if n < len(values) else ""

        contact.add_address(Address(_slot_kind(contact, slot, kinds, n), part("address"),
                                    part("postcode"), part("city"), part("region"), part("country")))


def _slot_kind(contact: Contact, slot: str, kinds: list[str], n: int) -> str:
    if slot in ("work", "home"):
        return slot
    named = kinds[n] if n < len(kinds) else (kinds[0] if kinds else "")
    kind = kind_of([named]) if named else ("work" if contact.organisation else "other")
    return kind if kind in ("work", "home") else "other"
