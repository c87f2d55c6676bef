"""Reading an import file into contacts: CSV or vCard, whichever it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from partnerdesk.domain.dataio import Contact, Refusal
from partnerdesk.i18n import _
from partnerdesk.services.imports import csvfile, decode, headers, mappings, vcard
from partnerdesk.services.imports.errors import ImportFileError

VCARD_SUFFIXES = {".vcf", ".vcard"}


@dataclass
class ParsedFile:
    path: Path
    kind: str  # "csv" or "vcard"
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
    versions: set[str] = field(default_factory=set)

    @property
    def needs_mapping(self) -> bool:
        return self.kind == "csv" and self.header_set is None

    def preview(self, count: int = 5) -> list[list[str]]:
        return [cells for _line, cells in (self.table.rows[:count] if self.table else [])]

    def remap(self, mapping: dict[int, str]) -> None:
        """Use another column mapping (the mapping screen)."""
        self.mapping = {i: t for i, t in mapping.items() if t}
        if self.table is not None:
            self.contacts = csvfile.to_contacts(self.table, self.mapping)


def read_text(text: str, name: str = "", encoding: str = "utf-8", *, base_dir: Path | None = None,
              recall: bool = True) -> ParsedFile:
    path = Path(name or "import")
    if path.suffix.lower() in VCARD_SUFFIXES or vcard.looks_like_vcard(text):
        found = vcard.parse(text, base_dir)
        return ParsedFile(path, "vcard", encoding, found.contacts, found.refused, found.warnings,
                          versions=found.versions)
    table = csvfile.read_table(text)
    header_set, mapping = headers.detect(table.headers)
    if header_set is None and recall:
        remembered = mappings.recall(table.headers)
        if remembered:
            header_set, mapping = "remembered", remembered
    parsed = ParsedFile(path, "csv", encoding, refused=list(table.refused), delimiter=table.delimiter,
                        header_set=header_set, headers=table.headers, table=table)
    parsed.remap(mapping)
    return parsed


def read_file(path: Path, *, recall: bool = True) -> ParsedFile:
    """Raises ImportFileError (a French message) when the file cannot be used at all."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(_("No such file: {path}").format(path=path))
    text, encoding = decode.decode(decode.read_bytes(path))
    if not text.strip():
        raise ImportFileError(_("This file is empty."))
    parsed = read_text(text, path.name, encoding, base_dir=path.parent, recall=recall)
    parsed.path = path
    return parsed
