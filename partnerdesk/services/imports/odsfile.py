"""LibreOffice / OpenOffice spreadsheets (.ods): the first sheet holding data, read as a table of
text, then the same header detection, column mapping and review as a CSV file.

An .ods file is untrusted input, a zip holding XML: its central directory is counted before it
is opened, `content.xml` is decompressed as a stream and refused past MAX_XML_BYTES (a "zip
bomb" stops there, it never fills the memory), parsed by expat as it comes with any DTD or
entity declaration refused, repeated rows and cells expanded only when they hold something,
and the cells kept are counted. What a cell shows is what is read: the text of its paragraphs
(a formula's last result, not the formula), a date as 22/11/2026.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.parsers import expat

from partnerdesk.i18n import _, format_number, ngettext
from partnerdesk.services.imports import csvfile
from partnerdesk.services.imports.errors import ImportFileError

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_XML_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 5_000
MAX_CELLS = 5_000_000
MAX_CELL_CHARS = 100_000
MAX_WIDTH = 1_024  # cells of a row kept (the header is refused past csvfile.MAX_COLUMNS)
CHUNK = 64 * 1024

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0 "
_CELLS = {_TABLE + "table-cell", _TABLE + "covered-table-cell"}


def is_ods(raw: bytes) -> bool:
    """A zip whose first entry names the OpenDocument spreadsheet type (as LibreOffice writes it)."""
    return raw.startswith(b"PK\x03\x04") and MIMETYPE in raw[:200]


def _not_ods() -> ImportFileError:
    return ImportFileError(_("This file is not a LibreOffice spreadsheet (.ods), though its name says so: it may "
                             "have been renamed. Open it in your spreadsheet and save it as .ods or .csv, then "
                             "import that file."))


def _damaged(reason) -> ImportFileError:
    return ImportFileError(_("This spreadsheet is damaged and cannot be read ({reason}). Open it in LibreOffice "
                             "and save it again, then import that file.").format(reason=str(reason)[:200]))


def _too_large() -> ImportFileError:
    return ImportFileError(_("This spreadsheet is too large to import: it holds more than {limit} MB once "
                             "unpacked. Split it into several files and import them one after the other.")
                           .format(limit=MAX_XML_BYTES // (1024 * 1024)))


def _entries(raw: bytes) -> int:
    """How many files the zip's end record announces (without reading its directory)."""
    end = raw.rfind(b"PK\x05\x06", max(0, len(raw) - 65_557))
    if end < 0 or end + 22 > len(raw):
        raise _not_ods()
    return struct.unpack("<H", raw[end + 10:end + 12])[0]


def _open(raw: bytes) -> zipfile.ZipFile:
    if len(raw) > MAX_FILE_BYTES:
        raise ImportFileError(_("This file is too large to import ({size} MB, at most {limit} MB).").format(
            size=len(raw) // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)))
    if not raw.startswith(b"PK\x03\x04"):
        raise _not_ods()
    if _entries(raw) > MAX_ENTRIES:
        raise _damaged(_("too many files inside"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = set(archive.namelist())
        mimetype = archive.open("mimetype").read(len(MIMETYPE) + 10) if "mimetype" in names else b""
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError,
            ValueError) as exc:
        raise _not_ods() from exc
    if mimetype.strip() != MIMETYPE or "content.xml" not in names:
        raise _not_ods()
    if "META-INF/manifest.xml" in names:
        with archive.open("META-INF/manifest.xml") as manifest:
            if b"encryption-data" in manifest.read(1024 * 1024):
                raise ImportFileError(_("This spreadsheet is protected by a password. In LibreOffice, save a copy "
                                        "without a password, then import that copy."))
    return archive


@dataclass
class _Cell:
    repeat: int = 1
    kind: str = ""
    value: str = ""
    date: str = ""
    formula: bool = False
    length: int = 0
    paragraphs: list[list[str]] = field(default_factory=list)

    def text(self) -> str:
        shown = "\n".join("".join(p) for p in self.paragraphs)
        if self.kind == "date" and self.date:
            try:
                day = dt.date.fromisoformat(self.date[:10])
            except ValueError:
                return shown
            return day.strftime("%d/%m/%Y")
        if not shown.strip() and self.kind in ("float", "percentage", "currency", "boolean"):
            return self.value
        return shown


class _Sheets:
    """expat's handlers: the rows of the first sheet holding a table, the names of the others holding data.

    A sheet whose rows all have a single cell filled (a « Lisez-moi » of a line or two) is passed over
    for a later sheet holding a table, and named with the others; a file without any table keeps its
    first sheet holding data, refused for its single column."""

    def __init__(self):
        self.rows: list[tuple[int, list[str]]] = []
        self.sheet = ""
        self.others: list[str] = []
        self.formulas = 0
        self.cells_kept = 0
        self.chars_kept = 0
        self._name = ""
        self._number = 0  # row number in the sheet
        self._row: list[str] | None = None
        self._row_repeat = 1
        self._blank = 0  # empty cells not yet put in the row (trailing ones never are)
        self._cell: _Cell | None = None
        self._aside = 0  # depth inside an annotation (a comment on a cell: not its value)
        self._has_data = False
        self._wide = False  # a row of the sheet has two cells filled or more
        self._narrow: tuple[str, list] | None = None  # the first sheet of one column, while no table is found

    def start(self, name: str, attrs: dict) -> None:
        if name == _TABLE + "table":
            self._name, self._number, self._has_data, self._wide = attrs.get(_TABLE + "name", ""), 0, False, False
        elif name == _TABLE + "table-row":
            self._row, self._blank = [], 0
            self._row_repeat = _count(attrs.get(_TABLE + "number-rows-repeated"))
        elif name in _CELLS and self._row is not None:
            self._cell = _Cell(_count(attrs.get(_TABLE + "number-columns-repeated")),
                               attrs.get(_OFFICE + "value-type", ""),
                               attrs.get(_OFFICE + "value") or attrs.get(_OFFICE + "boolean-value", ""),
                               attrs.get(_OFFICE + "date-value", ""), _TABLE + "formula" in attrs)
        elif self._cell is None:
            return
        elif name == _OFFICE + "annotation":
            self._aside += 1
        elif self._aside:
            return
        elif name == _TEXT + "p" or name == _TEXT + "h":
            self._cell.paragraphs.append([])
        elif name == _TEXT + "s":
            self.text(" " * min(_count(attrs.get(_TEXT + "c")), MAX_CELL_CHARS + 1))
        elif name == _TEXT + "tab":
            self.text("\t")
        elif name == _TEXT + "line-break":
            self.text("\n")

    def text(self, data: str) -> None:
        """Text of the cell being read (not of its comment), counted."""
        if self._cell is not None and not self._aside and self._cell.paragraphs:
            self._cell.paragraphs[-1].append(data)
            self._cell.length += len(data)
            if self._cell.length > MAX_CELL_CHARS:
                raise ImportFileError(_("A cell of row {row} holds more than {limit} characters: this does not look "
                                        "like a list of contacts.").format(row=self._number + 1,
                                                                          limit=format_number(MAX_CELL_CHARS)))

    def end(self, name: str) -> None:
        if name == _OFFICE + "annotation" and self._cell is not None:
            self._aside -= 1
        elif name in _CELLS and self._cell is not None:
            self._end_cell(self._cell)
            self._cell = None
        elif name == _TABLE + "table-row" and self._row is not None:
            self._end_row(self._row)
            self._row = None
        elif name == _TABLE + "table" and self._has_data and not self.sheet:
            self._end_sheet()

    def _end_sheet(self) -> None:
        if self._wide:
            self.sheet = self._name
            return
        if self._narrow is None:
            self._narrow = (self._name, self.rows)
        else:
            self.cells_kept -= sum(len(cells) for _n, cells in self.rows)
        self.others.append(self._name)
        self.rows = []

    def finish(self) -> None:
        """No sheet holds a table: the first one of a single column is the one read (and refused)."""
        if not self.sheet and self._narrow is not None:
            self.sheet, self.rows = self._narrow
            self.others.remove(self.sheet)

    def _end_cell(self, cell: _Cell) -> None:
        value = cell.text()
        if not value.strip():
            self._blank += cell.repeat
            return
        self._has_data = True
        if self.sheet:  # a later sheet: only whether it holds data matters
            if self._name not in self.others:
                self.others.append(self._name)
            return
        self.formulas += cell.formula * cell.repeat
        if len(self._row) + self._blank + cell.repeat > MAX_WIDTH:
            raise ImportFileError(_("This file has {count} columns: it does not look like a list of contacts.")
                                  .format(count=len(self._row) + self._blank + cell.repeat))
        self._row += [""] * self._blank + [value] * cell.repeat
        self._blank = 0

    def _end_row(self, row: list[str]) -> None:
        first = self._number + 1
        self._number += self._row_repeat
        if not row or self.sheet:
            return
        if len(self.rows) + self._row_repeat > csvfile.MAX_ROWS + 1:  # + 1: the header
            raise ImportFileError(_("This file has more than {limit} rows. Split it into several files and import "
                                    "them one after the other.").format(limit=format_number(csvfile.MAX_ROWS)))
        repeat = self._row_repeat
        self.cells_kept += len(row) * repeat
        self.chars_kept += sum(len(c) for c in row) * repeat  # repeated rows and cells say more than the XML
        if self.cells_kept > MAX_CELLS or self.chars_kept > MAX_XML_BYTES:
            raise _too_large()
        self.rows += [(first + n, list(row)) for n in range(repeat)]
        self._wide = self._wide or sum(1 for c in row if c.strip()) >= 2


def _count(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _refuse_dtd(*_args) -> None:
    raise _damaged(_("a document type declaration"))


def read_sheets(raw: bytes) -> _Sheets:
    archive = _open(raw)
    sheets = _Sheets()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler = sheets.start, sheets.end
    parser.CharacterDataHandler = sheets.text
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = _refuse_dtd
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    read = 0
    try:
        with archive.open("content.xml") as stream:
            while chunk := stream.read(CHUNK):
                read += len(chunk)
                if read > MAX_XML_BYTES:
                    raise _too_large()
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
        sheets.finish()
    except expat.ExpatError as exc:
        raise _damaged(expat.ErrorString(exc.code)) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise _damaged(exc) from exc
    return sheets


def read_table(raw: bytes) -> csvfile.CsvTable:
    """The first sheet holding data as a table; its `warnings` say what else the file holds."""
    sheets = read_sheets(raw)
    table = csvfile.build_table(sheets.rows, "; ", one_column=_(
        "The sheet « {sheet} » has a single column: PartnerDesk needs one column per field (first name, last "
        "name, email…).").format(sheet=sheets.sheet))
    table.sheet = sheets.sheet
    if sheets.others:
        table.warnings.append(_("Only the sheet « {sheet} » is imported; this file has other sheets with data: "
                                "{others}. Import them from a file of their own.").format(
            sheet=sheets.sheet, others=", ".join(f"« {name} »" for name in sheets.others)))
    if sheets.formulas:
        table.warnings.append(ngettext(
            "{count} cell holds a formula: its result, as the spreadsheet last computed it, is imported.",
            "{count} cells hold a formula: their result, as the spreadsheet last computed it, is imported.",
            sheets.formulas).format(count=sheets.formulas))
    return table
