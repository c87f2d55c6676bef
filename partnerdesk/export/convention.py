"""The convention as PDF: EPN identity on every page, the parties block, numbered
articles, "page 2 / 5", signature blocks kept together on one page.

A pure function of a prepared `ConventionDocument` (every field already
resolved). Every user string goes through `esc()` (DESIGN.md pitfall 6).
Self-contained for now (fonts, escaping); the shared `export/base.py` of the
PDF exports can replace `register_fonts` / `esc` at merge time.
"""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from partnerdesk.domain.convention_document import ConventionDocument, DocParty
from partnerdesk.domain.rich_text import Block, Run
from partnerdesk.paths import resource

FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique",
                                                   "DejaVuSans-BoldOblique")
MAIN = colors.HexColor("#1F5673")
MUTED = colors.HexColor("#6B737B")
MARGIN = 20 * mm
_fonts_ready = False


def _to_unicode_cmap(fontname, subset):
    """ReportLab 4-5 writes code points above U+FFFF (the emoji DejaVu draws) as odd-length
    hex in the ToUnicode map, so PDF readers cannot copy or search them; write UTF-16 instead."""
    text = _original_cmap(fontname, subset)
    for v in subset:
        if v > 0xFFFF:
            text = text.replace("<%04X>" % v, "<%s>" % chr(v).encode("utf-16-be").hex().upper())
    return text


_original_cmap = ttfonts.makeToUnicodeCMap


def register_fonts() -> None:
    global _fonts_ready
    if _fonts_ready:
        return
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    _fonts_ready = True


def drawable(text: str) -> str:
    """`text` without the characters the font has no glyph for (emoji, mostly): ReportLab
    would print an empty box and write an unreadable text layer for them."""
    register_fonts()
    glyphs = pdfmetrics.getFont(FONT).face.charToGlyph
    return "".join(c for c in text if c == "\n" or ord(c) in glyphs)


def esc(text: object) -> str:
    """The one escaping helper: user text made safe for Paragraph markup, line breaks kept."""
    return escape(drawable("" if text is None else str(text))).replace("\n", "<br/>")


def _colour(value: str, default: colors.Color) -> colors.Color:
    value = (value or "").strip()
    try:
        return colors.HexColor(value if value.startswith("#") else "#" + value) if value else default
    except ValueError:
        return default


def _styles(main: colors.Color) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, spaceAfter=5)
    return {
        "body": base,
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=18, leading=22, alignment=TA_CENTER,
                                textColor=main, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=11, alignment=TA_CENTER, textColor=MUTED),
        "article": ParagraphStyle("article", base, fontName=FONT_BOLD, fontSize=12, leading=16, textColor=main,
                                  spaceBefore=10, spaceAfter=6, keepWithNext=1),
        "sub": ParagraphStyle("sub", base, fontName=FONT_BOLD, fontSize=10.5, spaceBefore=4, spaceAfter=3,
                              keepWithNext=1),
        "party": ParagraphStyle("party", base, leftIndent=8 * mm, spaceAfter=2),
        "and": ParagraphStyle("and", base, fontName=FONT_BOLD, spaceBefore=6, spaceAfter=6),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=11, textColor=MUTED),
    }


def runs_markup(runs: list[Run]) -> str:
    out = []
    for run in runs:
        text = esc(run.text)
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def blocks_flowables(blocks: list[Block], styles: dict) -> list:
    flow, items, ordered = [], [], False

    def flush():
        nonlocal items
        if items:
            flow.append(ListFlowable(items, bulletType="1" if ordered else "bullet", start=None if ordered else "•",
                                     leftIndent=8 * mm, bulletFontName=FONT, bulletFontSize=9))
            items = []

    for block in blocks:
        if block.kind == "li":
            if items and block.ordered != ordered:
                flush()
            ordered = block.ordered
            items.append(ListItem(Paragraph(runs_markup(block.runs), styles["body"])))
            continue
        flush()
        style = styles["sub"] if block.kind == "h" else styles["body"]
        flow.append(Paragraph(runs_markup(block.runs), style))
    flush()
    return flow


def _party_lines(party: DocParty, doc: ConventionDocument, styles: dict) -> list:
    labels = doc.labels
    lines = [Paragraph(f"<b>{esc(party.name)}</b>", styles["party"])]
    if party.address:
        lines.append(Paragraph(esc(party.address), styles["party"]))
    if party.signatory:
        lines.append(Paragraph(esc(labels["represented_by"].format(name=party.signatory,
                                                                   title=party.signatory_title).rstrip(", ")),
                               styles["party"]))
    lines.append(Paragraph(esc(labels["hereafter"].format(name=party.name)), styles["party"]))
    return lines


def _signature_table(doc: ConventionDocument, styles: dict, width: float) -> Table:
    """Two parties a row: "For X", the signatory, then a box to sign, aligned across the row."""
    rows, style = [], [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
    heights = []
    for start in range(0, len(doc.parties), 2):
        pair = doc.parties[start:start + 2]
        names = [Paragraph(f"<b>{esc(doc.labels['for'].format(name=p.name))}</b>", styles["body"]) for p in pair]
        who = [Paragraph(esc(", ".join(x for x in (p.signatory, p.signatory_title) if x)) or "&nbsp;",
                         styles["body"]) for p in pair]
        boxes = [Paragraph(esc(doc.labels["signature"]), styles["small"]) for _p in pair]
        for cells in (names, who, boxes):
            rows.append(cells + [""] * (2 - len(cells)))
        box_row = len(rows) - 1
        heights += [None, None, 28 * mm]
        for col in range(len(pair)):
            style.append(("BOX", (col, box_row), (col, box_row), 0.5, MUTED))
        style.append(("BOTTOMPADDING", (0, box_row), (-1, box_row), 8))
        if start + 2 < len(doc.parties):
            rows.append(["", ""])
            heights.append(6 * mm)
    table = Table(rows, colWidths=[width / 2] * 2, rowHeights=heights)
    table.setStyle(TableStyle(style))
    return table


class _NumberedCanvas(Canvas):
    """Draws "page N / total" once the total is known."""

    def __init__(self, *args, footer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer = footer

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(self, self._pageNumber, total)
            super().showPage()
        super().save()


def render_pdf(doc: ConventionDocument) -> bytes:
    register_fonts()
    identity = doc.identity
    main = _colour(identity.main_colour, MAIN)
    styles = _styles(main)
    width, height = A4
    content_width = width - 2 * MARGIN
    logo = Path(identity.logo_path) if identity.logo_path else None

    def header(canvas, _doc):
        canvas.saveState()
        canvas.setFillColor(main)
        canvas.rect(0, height - 6 * mm, width, 6 * mm, stroke=0, fill=1)
        x = MARGIN
        if logo and logo.is_file():
            try:
                canvas.drawImage(str(logo), MARGIN, height - 19 * mm, 11 * mm, 11 * mm, preserveAspectRatio=True,
                                 mask="auto")
                x += 14 * mm
            except Exception:  # noqa: BLE001 - a broken logo never stops the export
                pass
        canvas.setFont(FONT_BOLD, 10)
        canvas.setFillColor(colors.black)
        canvas.drawString(x, height - 13 * mm, drawable(identity.name or ""))
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        contact = " · ".join(x for x in (identity.address, f"{identity.postcode} {identity.city}".strip(),
                                          identity.phone, identity.email) if x)
        canvas.drawString(x, height - 17 * mm, drawable(contact))
        canvas.drawRightString(width - MARGIN, height - 13 * mm, drawable(doc.version_label))
        canvas.restoreState()

    def footer(canvas, page, total):
        canvas.saveState()
        canvas.setStrokeColor(MUTED)
        canvas.line(MARGIN, 15 * mm, width - MARGIN, 15 * mm)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 10 * mm, drawable(identity.legal_line or doc.title)[:110])
        canvas.drawRightString(width - MARGIN, 10 * mm, doc.labels["page"].format(page=page, pages=total))
        canvas.restoreState()

    story = [Paragraph(esc(doc.title), styles["title"])]
    if doc.subtitle:
        story.append(Paragraph(esc(doc.subtitle), styles["subtitle"]))
    story.append(Spacer(1, 8 * mm))
    story.append(Paragraph(esc(doc.labels["between"]), styles["and"]))
    for i, party in enumerate(doc.parties):
        if i:
            story.append(Paragraph(esc(doc.labels["and"]), styles["and"]))
        story.append(KeepTogether(_party_lines(party, doc, styles)))
    story.append(Spacer(1, 6 * mm))
    for section in doc.sections:
        heading = Paragraph(f"{section.number}. {esc(section.title)}", styles["article"])
        body = blocks_flowables(section.blocks, styles)
        if section.signatures:
            story.append(KeepTogether([heading, *body, Spacer(1, 4 * mm),
                                       _signature_table(doc, styles, content_width)]))
            continue
        story.append(CondPageBreak(30 * mm))
        story.append(heading)
        story.extend(body)
        for k, (title, blocks) in enumerate(section.subsections, 1):
            story.append(Paragraph(f"{section.number}.{k}. {esc(title)}", styles["sub"]))
            story.extend(blocks_flowables(blocks, styles))
    buffer = io.BytesIO()
    template = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=26 * mm,
                                 bottomMargin=22 * mm, title=doc.title, author=identity.name or "PartnerDesk")
    template.build(story, onFirstPage=header, onLaterPages=header,
                   canvasmaker=partial(_NumberedCanvas, footer=footer))
    return buffer.getvalue()


__all__ = ["drawable", "esc", "register_fonts", "render_pdf"]
