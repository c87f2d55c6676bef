"""OpenDocument spreadsheets written the way LibreOffice Calc writes them (a stored `mimetype`
first, `content.xml`, a manifest), to feed the importer; and damaged or hostile ones."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3">'
        '<office:body><office:spreadsheet>')
TAIL = "</office:spreadsheet></office:body></office:document-content>"
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="' + MIMETYPE + '"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')


def cell(value="", *, repeat=1, kind="string", attrs="") -> str:
    """A cell as Calc writes it: a string, or kind="float" / "date" / "formula" with `attrs`."""
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value == "" and not attrs:
        return f"<table:table-cell{rep}/>"
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n"))
    type_attr = f' office:value-type="{kind}"'
    return f"<table:table-cell{rep}{type_attr} {attrs}>{paragraphs}</table:table-cell>"


def row(*cells, repeat=1) -> str:
    rep = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{rep}>" + "".join(c if c.startswith("<") else cell(c) for c in cells) + \
        "</table:table-row>"


def sheet(name: str, *rows) -> str:
    return (f'<table:table table:name="{escape(name)}"><table:table-column table:number-columns-repeated="1024"/>'
            + "".join(rows) + "</table:table>")


def content(*sheets) -> str:
    return HEAD + "".join(sheets) + TAIL


def ods(xml: str | bytes, *, manifest: str = MANIFEST, mimetype: str = MIMETYPE, extra=()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # stored, first: as Calc does
        archive.writestr("content.xml", xml, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in extra:
            archive.writestr(name, data)
    return out.getvalue()


def bomb(unpacked_mb: int, *, in_a_cell: bool = False) -> bytes:
    """A small .ods whose content.xml is `unpacked_mb` MB of blanks between two rows (or in a cell)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE)
        info = zipfile.ZipInfo("content.xml", (2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            stream.write((HEAD + '<table:table table:name="A"><table:table-row><table:table-cell>'
                          '<text:p>a</text:p></table:table-cell></table:table-row>').encode())
            if in_a_cell:
                stream.write(b'<table:table-row><table:table-cell><text:p>')
            blanks = b" " * (1024 * 1024)
            for _n in range(unpacked_mb):
                stream.write(blanks)
            if in_a_cell:
                stream.write(b"</text:p></table:table-cell></table:table-row>")
            stream.write(("</table:table>" + TAIL).encode())
    return out.getvalue()
