"""The convention as PDF: the EPN identity on every page (the shared page template of
`export/base.py`), the parties block, numbered articles, "page 2 / 5", signature boxes kept
together on one page.

A pure function of a prepared `ConventionDocument` (every field already resolved). Every
user string goes through `text()`: the shared `esc()` after dropping the characters the
font cannot draw.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus.flowables import _listWrapOn
from reportlab.platypus import CondPageBreak, KeepTogether, ListFlowable, ListItem, Paragraph, Spacer, Table

from partnerdesk.domain.convention_document import ConventionDocument, DocParty
from partnerdesk.domain.rich_text import Block, Run
from partnerdesk.export.base import (
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Document,
    drawable,
    esc,
    table_style,
)
from partnerdesk.export.theme import MUTED

#: the height a page gives to the text (its frame, less the frame's padding)
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 12


def text(value: object) -> str:
    """The escaping helper of this document (the shared `esc`: drawable, then escaped)."""
    return esc(value)


def runs_markup(runs: list[Run]) -> str:
    out = []
    for run in runs:
        part = text(run.text)
        if run.italic:
            part = f"<i>{part}</i>"
        if run.bold:
            part = f"<b>{part}</b>"
        out.append(part)
    return "".join(out)


def blocks_flowables(blocks: list[Block], styles: dict) -> list:
    """Paragraphs, sub-headings and lists of the rich-text subset."""
    flow, items, ordered = [], [], False

    def flush():
        nonlocal items
        if items:
            options = {"bulletType": "1", "bulletFormat": "%s."} if ordered else {"bulletType": "bullet",
                                                                                  "start": "•"}
            flow.append(ListFlowable(items, leftIndent=7 * mm, bulletFontName=FONT, bulletFontSize=8.5,
                                     bulletColor=MUTED, **options))
            items = []

    for block in blocks:
        if block.kind == "li":
            if items and block.ordered != ordered:
                flush()
            ordered = block.ordered
            items.append(ListItem(Paragraph(runs_markup(block.runs), styles["body"])))
            continue
        flush()
        flow.append(Paragraph(runs_markup(block.runs), styles["sub"] if block.kind == "h" else styles["body"]))
    flush()
    return flow


class ConventionPdf(Document):
    def __init__(self, doc: ConventionDocument):
        super().__init__(doc.identity)
        self.doc = doc
        self.kind = doc.labels.get("kind", "")
        base = self.styles["body"]
        self.styles.update({
            "conv_title": ParagraphStyle("conv_title", self.styles["doc_title"], alignment=TA_CENTER),
            "subtitle": ParagraphStyle("subtitle", base, fontSize=11, leading=15, alignment=TA_CENTER,
                                       textColor=MUTED),
            "article": ParagraphStyle("article", base, fontName=FONT_BOLD, fontSize=11.5, leading=15,
                                      textColor=self.theme.main, spaceBefore=10, spaceAfter=5, keepWithNext=1),
            "sub": ParagraphStyle("sub", base, fontName=FONT_BOLD, spaceBefore=4, spaceAfter=3, keepWithNext=1),
            "party": ParagraphStyle("party", base, leftIndent=8 * mm, spaceAfter=1),
            "lead_in": ParagraphStyle("lead_in", base, fontName=FONT_BOLD, spaceBefore=6, spaceAfter=5),
        })

    def title(self) -> str:
        return drawable(self.doc.title)

    def header_text(self) -> str:
        if self.doc.draft:
            return drawable(self.doc.labels.get("draft", "")) + " · " + drawable(self.doc.version_label)
        return drawable(self.doc.version_label)

    def _draw_page(self, canvas, doc) -> None:
        super()._draw_page(canvas, doc)
        if self.doc.draft:  # a draft never looks final: a light diagonal mark on every page
            canvas.saveState()
            canvas.setFillColor(self.theme.accent, alpha=0.13)
            canvas.setFont(FONT_BOLD, 40)
            canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canvas.rotate(35)
            canvas.drawCentredString(0, 0, drawable(self.doc.labels.get("draft", "")))
            canvas.restoreState()

    def _draw_numbers(self, canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.setFillColor(self.theme.main)
        canvas.drawRightString(PAGE_WIDTH - 20 * mm, 12.5 * mm, self.doc.labels["page"].format(page=page,
                                                                                             pages=total))
        canvas.restoreState()

    def _party(self, party: DocParty) -> list:
        s, labels = self.styles, self.doc.labels
        lines = [Paragraph(f"<b>{text(party.name)}</b>", s["party"])]
        if party.address:
            lines.append(Paragraph(text(party.address), s["party"]))
        if party.represented:
            lines.append(Paragraph(text(party.represented), s["party"]))
        elif party.signatory:
            line = labels["represented_by"].format(name=party.signatory, title=party.signatory_title).rstrip(", ")
            lines.append(Paragraph(text(line), s["party"]))
        lines.append(Paragraph(text(labels["hereafter"].format(name=party.called)), s["party"]))
        return lines

    def _signatures(self) -> list[Table]:
        """Two parties a row: "For X", the signatory, then a box to sign, aligned across the row. One
        table per row, never split: a party's box is on the page of its name."""
        s, labels, parties = self.styles, self.doc.labels, self.doc.parties
        tables = []
        for start in range(0, len(parties), 2):
            pair = parties[start:start + 2]
            names = [Paragraph(f"<b>{text(labels['for'].format(name=p.called))}</b>", s["body"]) for p in pair]
            who = [Paragraph(text(", ".join(x for x in (p.signatory, p.signatory_title) if x)) or "&nbsp;",
                             s["body"]) for p in pair]
            boxes = [Paragraph(text(labels["signature"]), s["small"]) for _p in pair]
            rows = [cells + [""] * (2 - len(cells)) for cells in (names, who, boxes)]
            commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
            commands += [("BOX", (col, 2), (col, 2), 0.5, MUTED) for col in range(len(pair))]
            table = Table(rows, colWidths=[CONTENT_WIDTH / 2] * 2,
                          rowHeights=[None, None, 28 * mm if len(parties) <= 2 else 22 * mm])
            table.setStyle(table_style(commands))
            tables.append(table)
        return tables

    def _signature_block(self, lead: list) -> list:
        """The article, its sentence and every box on one page when they fit on a page; otherwise
        the article and its sentence with the first row of boxes, then row after row, each whole."""
        first, *others = self._signatures()
        rows = [[*lead, Spacer(1, 4 * mm), first], *([Spacer(1, 4 * mm), row] for row in others)]
        flat = [f for row in rows for f in row]
        _w, height = _listWrapOn(flat, CONTENT_WIDTH, None)
        if height <= FRAME_HEIGHT:
            return [KeepTogether(flat)]  # flat: a KeepTogether inside another always breaks the page
        return [KeepTogether(row) for row in rows]

    def story(self) -> list:
        doc, s = self.doc, self.styles
        story = [Paragraph(text(doc.title), s["conv_title"])]
        if doc.draft:
            story.append(Paragraph(f"<b>{text(doc.labels.get('draft', ''))}</b>", s["subtitle"]))
        if doc.subtitle:
            story.append(Paragraph(text(doc.subtitle), s["subtitle"]))
        story += [Spacer(1, 7 * mm), Paragraph(text(doc.labels["between"]), s["lead_in"])]
        for i, party in enumerate(doc.parties):
            if i:
                story.append(Paragraph(text(doc.labels["and"]), s["lead_in"]))
            story.append(KeepTogether(self._party(party)))
        story.append(Spacer(1, 5 * mm))
        for section in doc.sections:
            heading = Paragraph(f"{section.number}. {text(section.title)}", s["article"])
            body = blocks_flowables(section.blocks, s)
            if section.signatures:
                story += self._signature_block([heading, *body])
                continue
            story += [CondPageBreak(30 * mm), heading, *body]
            for k, (title, blocks) in enumerate(section.subsections, 1):
                # a party's heading, its lead-in (« … s’engage à : ») and the list that follows stay together
                flow = blocks_flowables(blocks, s)
                story.append(KeepTogether([Paragraph(f"{section.number}.{k}. {text(title)}", s["sub"]), *flow[:2]]))
                story += flow[2:]
        return story


def render_pdf(doc: ConventionDocument) -> bytes:
    return ConventionPdf(doc).render()


__all__ = ["ConventionPdf", "drawable", "render_pdf", "text"]
