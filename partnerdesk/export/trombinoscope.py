"""The trombinoscope as an A4 PDF: a grid of photos (or initials), names, roles and
organisations under the EPN's header. A pure function of prepared data: the caller
(services.trombinoscope.export_pdf) already applied the consent gate, so `photo` is
None wherever the person's consent does not cover documents given to partners.

Self-contained for now; to be aligned on `export/base.py` when the PDF base lands.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.i18n import _, format_date
from partnerdesk.paths import resource

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
COLUMNS = 4
PHOTO_SIZE = 30 * mm
_registered = False


@dataclass(frozen=True)
class Entry:
    name: str
    role: str
    organisation: str
    photo: str | None  # absolute path, already cleared by the consent gate
    initials: str


def _register_fonts() -> None:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
        _registered = True


def _colour(value: str, default: str) -> colors.Color:
    try:
        return colors.HexColor(value or default)
    except (ValueError, TypeError):
        return colors.HexColor(default)


class Initials(Flowable):
    """A coloured disc with initials, where no photo may be used."""

    def __init__(self, text: str, size: float, colour: colors.Color):
        super().__init__()
        self.text, self.size, self.colour = text, size, colour
        self.width = self.height = size

    def draw(self):
        canvas = self.canv
        canvas.setFillColor(self.colour)
        canvas.circle(self.size / 2, self.size / 2, self.size / 2, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, self.size * 0.36)
        canvas.drawCentredString(self.size / 2, self.size / 2 - self.size * 0.13, self.text)


def _photo(entry: Entry, colour: colors.Color) -> Flowable:
    if entry.photo and Path(entry.photo).is_file():
        image = Image(entry.photo)
        ratio = min(PHOTO_SIZE / image.imageWidth, PHOTO_SIZE / image.imageHeight)
        image.drawWidth, image.drawHeight = image.imageWidth * ratio, image.imageHeight * ratio
        return image
    return Initials(entry.initials, PHOTO_SIZE * 0.8, colour)


def _styles():
    base = ParagraphStyle("tromb", fontName=FONT, fontSize=8, leading=10, alignment=TA_CENTER)
    return {
        "name": ParagraphStyle("name", parent=base, fontName=FONT_BOLD, fontSize=9, leading=11),
        "role": ParagraphStyle("role", parent=base, textColor=colors.HexColor("#333333")),
        "org": ParagraphStyle("org", parent=base, textColor=colors.HexColor("#666666"), fontSize=7.5),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20),
    }


def _header(canvas, doc, identity: EpnIdentity, title: str, colour: colors.Color) -> None:
    canvas.saveState()
    width, height = A4
    canvas.setFillColor(colour)
    canvas.rect(0, height - 8 * mm, width, 8 * mm, stroke=0, fill=1)
    left = 15 * mm
    if identity.logo_path and Path(identity.logo_path).is_file():
        try:
            canvas.drawImage(identity.logo_path, left, height - 27 * mm, 16 * mm, 16 * mm,
                             preserveAspectRatio=True, mask="auto")
            left += 19 * mm
        except OSError:
            pass
    canvas.setFillColor(colors.black)
    canvas.setFont(FONT_BOLD, 11)
    canvas.drawString(left, height - 15 * mm, identity.name or "PartnerDesk")
    canvas.setFont(FONT, 8)
    address = ", ".join(p for p in (identity.address, f"{identity.postcode} {identity.city}".strip()) if p)
    contact = " · ".join(p for p in (identity.phone, identity.email, identity.website) if p)
    canvas.drawString(left, height - 19.5 * mm, address)
    canvas.drawString(left, height - 23.5 * mm, contact)
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(colors.HexColor("#666666"))
    footer = f"{title} — {format_date(dt.date.today())}"
    if identity.legal_line:
        footer = f"{identity.legal_line} — {footer}"
    canvas.drawString(15 * mm, 10 * mm, footer)
    canvas.drawRightString(width - 15 * mm, 10 * mm, _("Page {number}").format(number=doc.page))
    canvas.restoreState()


def render(entries: list[Entry], identity: EpnIdentity, title: str = "") -> bytes:
    """The PDF bytes of the trombinoscope."""
    _register_fonts()
    title = title or _("Trombinoscope")
    styles = _styles()
    colour = _colour(identity.main_colour, "#2c5282")
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=32 * mm,
                            bottomMargin=18 * mm, title=title, author=identity.name or "PartnerDesk")
    cells = [[
        _photo(entry, colour),
        Spacer(1, 2 * mm),
        Paragraph(escape(entry.name), styles["name"]),
        Paragraph(escape(entry.role), styles["role"]),
        Paragraph(escape(entry.organisation), styles["org"]),
    ] for entry in entries]
    story = [Paragraph(escape(title), styles["title"]), Spacer(1, 5 * mm)]
    if not cells:
        story.append(Paragraph(escape(_("Nobody to show.")), styles["role"]))
    else:
        while len(cells) % COLUMNS:
            cells.append("")
        rows = [cells[i:i + COLUMNS] for i in range(0, len(cells), COLUMNS)]
        table = Table(rows, colWidths=[doc.width / COLUMNS] * COLUMNS)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        ]))
        story.append(table)

    def on_page(canvas, document):
        _header(canvas, document, identity, title, colour)

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()
