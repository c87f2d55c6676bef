"""CSV for a French spreadsheet (UTF-8 with BOM, `;`) and OpenDocument .ods.

Cells starting with `=`, `+`, `-`, `@` (or a tab / carriage return) are
neutralised with a leading apostrophe, so a spreadsheet never runs a formula
that came from a partner's card (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_bytes(headers: Sequence[str], rows: Sequence[Sequence]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(h) for h in headers])
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def ods_bytes(headers: Sequence[str], rows: Sequence[Sequence], sheet: str = "PartnerDesk", report=None) -> bytes:
    """Every cell is a text or number cell: nothing is ever read as a formula."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    bold = Style(name="header", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    wide = Style(name="col", family="table-column")
    wide.addElement(TableColumnProperties(columnwidth="4.5cm"))
    doc.automaticstyles.addElement(wide)
    table = Table(name=sheet[:31] or "PartnerDesk")
    table.addElement(TableColumn(numbercolumnsrepeated=max(1, len(headers)), stylename=wide))

    def add_row(values, style=None):
        tr = TableRow()
        for value in values:
            if isinstance(value, bool) or value is None or isinstance(value, bytes):
                value = "" if value is None else (f"<{len(value)} bytes>" if isinstance(value, bytes) else str(value))
            if isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string", stylename=style) if style else TableCell(valuetype="string")
                for line in str(value).split("\n") or [""]:
                    cell.addElement(P(text=_xml_safe(line)))
            tr.addElement(cell)
        table.addElement(tr)

    add_row(headers, bold)
    for number, row in enumerate(rows):
        if report and number % 500 == 0:
            report(number, len(rows))
        add_row(row)
    doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n" or ord(c) >= 32)
