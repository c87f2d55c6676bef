"""Reading an import file into contacts: CSV, LibreOffice spreadsheet (.ods) or vCard, whichever it is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.domain.dataio import Contact, Refusal
from partnerdesk.i18n import _
from partnerdesk.services.imports import csvfile, decode, headers, mappings, odsfile, vcard, vcard_bytes
from partnerdesk.services.imports.errors import ImportFileError

VCARD_SUFFIXES = {".vcf", ".vcard"}
_VCARD_BYTES = re.compile(rb"^\s*BEGIN:VCARD\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass
class ParsedFile:
    path: Path
    kind: str  # "csv" (a table: a CSV file or a spreadsheet's sheet) or "vcard"
    encoding: str
    contacts: list[Contact] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # CSV only
    delimiter: str = ""
    header_set: str | None = None  # a known set, "remembered", or None (mapping to confirm)
    headers: list[str] = field(default_factory=list)
    mapping: dict[int, str] = field(default_factory=dict)
    table: csvfile.CsvTable | None = None
    sheet: str = ""  # the sheet read, for a spreadsheet (.ods)
    versions: set[str] = field(default_factory=set)
    # False when the encoding was not declared and the detector is not sure: ask the user
    confident: bool = True
    encoding_candidates: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def needs_mapping(self) -> bool:
        return self.kind == "csv" and self.header_set is None

    def how_read(self) -> str:
        """"UTF-8, separator « ; »", or the sheet of a spreadsheet, for the mapping screen."""
        if self.sheet:
            return _("LibreOffice spreadsheet, sheet « {sheet} »").format(sheet=self.sheet)
        sep = _("tab") if self.delimiter == "\t" else self.delimiter
        return _("{encoding}, separator « {sep} »").format(encoding=self.encoding, sep=sep)

    @property
    def needs_encoding(self) -> bool:
        """The user must choose the encoding (from `encoding_candidates`) before the review."""
        return not self.confident

    def preview(self, count: int = 5) -> list[list[str]]:
        return [cells for _line, cells in (self.table.rows[:count] if self.table else [])]

    def remap(self, mapping: dict[int, str]) -> None:
        """Use another column mapping (the mapping screen)."""
        self.mapping = {i: t for i, t in mapping.items()
                        if t and not (i < len(self.headers) and headers.is_consent(self.headers[i]))}
        if self.table is not None:
            self.contacts = csvfile.to_contacts(self.table, self.mapping,
                                                keep_unmapped=self.header_set in headers.HEADER_SET_LABELS,
                                                own_list=self.header_set == headers.PARTNERDESK)


def read_text(text: str, name: str = "", encoding: str = "utf-8", *, base_dir: Path | None = None,
              recall: bool = True) -> ParsedFile:
    path = Path(name or "import")
    if path.suffix.lower() in VCARD_SUFFIXES or vcard.looks_like_vcard(text):
        found = vcard.parse(text, base_dir)
        return ParsedFile(path, "vcard", encoding, found.contacts, found.refused, found.warnings,
                          versions=found.versions)
    return _from_table(csvfile.read_table(text), path, encoding, recall)


def _from_table(table: csvfile.CsvTable, path: Path, encoding: str, recall: bool) -> ParsedFile:
    header_set, mapping = headers.detect(table.headers)
    if header_set is None and recall:
        remembered = mappings.recall(table.headers)
        if remembered:
            header_set, mapping = "remembered", remembered
    parsed = ParsedFile(path, "csv", encoding, refused=list(table.refused),
                        warnings=list(table.warnings) + headers.consent_warnings(table.headers),
                        delimiter=table.delimiter, header_set=header_set, headers=table.headers, table=table,
                        sheet=table.sheet)
    parsed.remap(mapping)
    return parsed


def read_bytes(raw: bytes, name: str = "", *, encoding: str | None = None, base_dir: Path | None = None,
               recall: bool = True) -> ParsedFile:
    """`encoding`: the one the user chose when the detector was not confident."""
    path = Path(name or "import")
    if path.suffix.lower() == ".ods" or odsfile.is_ods(raw):
        return _from_table(odsfile.read_table(raw), path, "", recall)
    decode.check_binary(raw)
    if not decode.unicode_encoding(raw) and (path.suffix.lower() in VCARD_SUFFIXES
                                             or _VCARD_BYTES.search(raw[:65536])):
        unfolded = vcard_bytes.decode(raw, encoding)
        if not any(line.strip().upper() == "BEGIN:VCARD" for _n, line in unfolded.lines):
            raise ImportFileError(_("This file holds no vCard (no BEGIN:VCARD line)."))
        found = vcard.parse_lines(unfolded.lines, base_dir)
        return ParsedFile(path, "vcard", unfolded.encoding, found.contacts, found.refused, found.warnings,
                          versions=found.versions, confident=unfolded.confident,
                          encoding_candidates=unfolded.candidates)
    guess = decode.decode_text(raw, encoding)
    if not guess.text.strip():
        raise ImportFileError(_("This file is empty."))
    parsed = read_text(guess.text, path.name, guess.encoding, base_dir=base_dir, recall=recall)
    parsed.confident, parsed.encoding_candidates = guess.confident, guess.candidates
    return parsed


def read_file(path: Path, *, recall: bool = True, encoding: str | None = None) -> ParsedFile:
    """Raises ImportFileError (a French message) when the file cannot be used at all."""
    path = Path(path)
    if not path.is_file():
        from partnerdesk.services.sentences import not_a_file

        raise ImportFileError(not_a_file(path))
    raw = decode.read_bytes(path)
    if not raw.strip():
        raise ImportFileError(_("This file is empty."))
    parsed = read_bytes(raw, path.name, encoding=encoding, base_dir=path.parent, recall=recall)
    parsed.path = path
    return parsed
