"""A person's other affiliations (past ones, or a second current one) written in one cell of
the people list, one per line, and read back by the importer:

    Mairie de Rennes | Chargée de mission | Jeunesse | 01/09/2019 | 30/06/2022

organisation | role | department | start | end (dates 22/11/2026, empty when unknown; an empty
end: still current). A "|" inside a value is doubled ("||"), so every value comes back as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

SEPARATOR = " | "
_SPLIT = re.compile(r"(?<!\|)\|(?!\|)")


@dataclass(frozen=True)
class AffiliationLine:
    organisation: str
    role: str = ""
    department: str = ""
    start: dt.date | None = None
    end: dt.date | None = None


def day_text(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _escaped(value: str) -> str:
    return re.sub(r"\s*[\r\n]+\s*", " ", value).replace("|", "||")


def format_line(line: AffiliationLine) -> str:
    return SEPARATOR.join((_escaped(line.organisation), _escaped(line.role), _escaped(line.department),
                           day_text(line.start), day_text(line.end)))


def format_cell(lines: list[AffiliationLine]) -> str:
    return "\n".join(format_line(line) for line in lines)


def parse_line(text: str, parse_date: Callable[[str], dt.date | None]) -> AffiliationLine:
    """Raises ValueError when the line is not one of these (too many parts, no organisation, a
    date that is not one). `parse_date` reads a date ("" -> None, junk -> ValueError)."""
    parts = [p.strip().replace("||", "|") for p in _SPLIT.split(text)]
    if not parts[0] or len(parts) > 5:
        raise ValueError(text)
    parts += [""] * (5 - len(parts))
    start, end = parse_date(parts[3]), parse_date(parts[4])
    return AffiliationLine(parts[0], parts[1], parts[2], start, end)


def parse_cell(cell: str, parse_date: Callable[[str], dt.date | None]) -> tuple[list[AffiliationLine], list[str]]:
    """(the affiliations read, the lines that are not one)."""
    found, unreadable = [], []
    for text in cell.splitlines():
        if not text.strip():
            continue
        try:
            found.append(parse_line(text, parse_date))
        except ValueError:
            unreadable.append(text.strip())
    return found, unreadable
