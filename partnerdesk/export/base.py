"""What every PDF document shares: the DejaVu fonts, one escaping helper, the
EPN's colours, the paragraph styles and the page template that prints the
EPN's identity in the header and the footer with "2 / 5" page numbers.

A renderer subclasses `Document`, builds a list of flowables from prepared
data (`partnerdesk.domain.documents`) and calls `self.build(story)`, which
returns the PDF bytes (built in memory). Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from xml.sax.saxutils import escape

from babel.numbers import format_currency
from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, PageTemplate, Paragraph, TableStyle

from partnerdesk.domain.grammar import OrgName, tight
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.phone_display import display_phone
from partnerdesk.export.images import logo_image
from partnerdesk.export.pagination import KeepStart
from partnerdesk.export.theme import MUTED, RULE, TEXT, Theme, hex_of
from partnerdesk.i18n import _, babel_locale, format_long_date, format_money, language
from partnerdesk.paths import resource


FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"


PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 24 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
BODY_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

_fonts_ready = False

# Images and fonts are stored as binary streams: ASCII85 makes the file a quarter larger
# and, without ReportLab's C accelerator, costs ~50 ms per photo in pure Python.
rl_config.useA85 = 0


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
    """Register the DejaVu family once (covers French, œ, € and « »)."""
    global _fonts_ready
    if _fonts_ready:
        return
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    folder = resource("fonts")
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    _fonts_ready = True


def money(amount: float | None) -> str:
    """1 234 € for whole euros, 1 234,50 € otherwise; "—" when unknown."""
    if amount is None:
        return "—"
    if abs(amount - round(amount)) < 0.005:
        pattern = "#,##0\u00a0¤" if language() == "fr" else "¤#,##0"  # "1 234 €", "€1,234"
        return format_currency(round(amount), "EUR", format=pattern, locale=babel_locale(), currency_digits=False)
    return format_money(amount)


def labelled(text: str) -> str:
    """"Téléphone :" (a no-break space before the colon in French), "Phone:"."""
    return f"{text}\u00a0:" if language() == "fr" else f"{text}:"


_glyphs: dict | None = None


def drawable(value: object) -> str:
    """`value` as text without the characters the font has no glyph for (some emoji, rare
    symbols): ReportLab would print an empty box for them."""
    global _glyphs
    if _glyphs is None:
        register_fonts()
        _glyphs = pdfmetrics.getFont(FONT).face.charToGlyph
    value = "" if value is None else str(value)
    if value.isascii():
        return value
    kept = "".join(c if c in "\n\r\t" or ord(c) in _glyphs else "\x00" for c in value)
    if "\x00" not in kept:
        return kept
    # "Dupont & Fils 🦄, l’Université", "« Fils 🦄 »": the space before the dropped emoji goes with it
    # before punctuation or a closing quotation mark
    return _DROPPED_BEFORE_STOP.sub("", kept).replace("\x00", "")


_DROPPED_BEFORE_STOP = re.compile(r"[ \t]*\x00+(?=[ \t\u00a0\u202f]*[,.;:!?)\]”»\"])")


def esc(text: object) -> str:
    """Any user text, made safe for Paragraph markup: characters the font cannot draw dropped,
    & < > escaped, line breaks kept."""
    if text is None:
        return ""
    value = escape(drawable(text)).replace("\r\n", "\n").replace("\r", "\n")
    return tight(value).replace("\n", "<br/>")


def org_text(name: str, article: str | None = None, kind: str = "") -> str:
    """An organisation's name as a French sentence writes it ("la Caisse…", "l’Association…");
    the name alone in English."""
    return OrgName(name, article, kind).in_sentence(language())


long_date = format_long_date  # dates in words on covers and in letters ("30 novembre 2026")


def table_style(commands: list) -> TableStyle:
    """A TableStyle whose every cell uses DejaVu (even empty ones: no Helvetica left in the PDF)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def make_styles(theme: Theme) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=14, textColor=TEXT,
                          spaceAfter=5, splitLongWords=1)

    def style(name, **kw):
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "lead": style("lead", fontSize=11, leading=16.5, spaceAfter=8),
        "small": style("small", fontSize=8, leading=11, textColor=MUTED, spaceAfter=2),
        "caption": style("caption", fontName=FONT_ITALIC, fontSize=7.5, leading=10, textColor=MUTED,
                         spaceBefore=3, spaceAfter=0),
        "h1": style("h1", fontName=FONT_BOLD, fontSize=14.5, leading=18, textColor=theme.main_ink, spaceAfter=0),
        "h2": style("h2", fontName=FONT_BOLD, fontSize=10.5, leading=14, textColor=theme.main_ink,
                    spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "kicker": style("kicker", fontName=FONT_BOLD, fontSize=8, leading=11, textColor=theme.accent_ink,
                        spaceAfter=2),
        "title": style("title", fontName=FONT_BOLD, fontSize=26, leading=31, textColor=theme.main_ink, spaceAfter=8),
        "doc_title": style("doc_title", fontName=FONT_BOLD, fontSize=20, leading=25, textColor=theme.main_ink,
                           spaceAfter=4),
        "cell": style("cell", fontSize=8.5, leading=11.5, spaceAfter=0),
        "cell_bold": style("cell_bold", fontName=FONT_BOLD, fontSize=8.5, leading=11.5, spaceAfter=0),
        "cell_right": style("cell_right", fontSize=8.5, leading=11.5, spaceAfter=0, alignment=TA_RIGHT),
        "cell_center": style("cell_center", fontSize=8.5, leading=11.5, spaceAfter=0, alignment=TA_CENTER),
        "th": style("th", fontName=FONT_BOLD, fontSize=8, leading=10.5, textColor=theme.on_main, spaceAfter=0),
        "th_right": style("th_right", fontName=FONT_BOLD, fontSize=8, leading=10.5, textColor=theme.on_main,
                          spaceAfter=0, alignment=TA_RIGHT),
        "th_center": style("th_center", fontName=FONT_BOLD, fontSize=8, leading=10.5, textColor=theme.on_main,
                           spaceAfter=0, alignment=TA_CENTER),
        "figure": style("figure", fontName=FONT_BOLD, fontSize=17, leading=21, textColor=theme.main_ink,
                        spaceAfter=1, alignment=TA_CENTER),
        "figure_label": style("figure_label", fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=0,
                              alignment=TA_CENTER),
        "callout": style("callout", fontSize=9.5, leading=14, spaceAfter=0),
    }


class SectionHeading(Flowable):
    """A numbered section title with an accent bar, kept with what follows."""

    def __init__(self, text: str, theme: Theme, style, number: int | None = None):
        super().__init__()
        label = esc(text)
        if number is not None:
            label = f'<font color="{hex_of(theme.accent_ink)}">{number:02d}</font>&nbsp;&nbsp;{label}'
        self.para = Paragraph(label, style)
        self.theme = theme
        self.keepWithNext = True
        self.spaceBefore = 16
        self.spaceAfter = 8

    def wrap(self, avail_width, avail_height):
        _w, h = self.para.wrap(avail_width - 5 * mm, avail_height)
        self.height = h + 4
        self.width = avail_width
        return avail_width, self.height

    def draw(self):
        canvas = self.canv
        canvas.setFillColor(self.theme.accent)
        canvas.roundRect(0, 2, 1.6 * mm, self.height - 3, 0.6 * mm, stroke=0, fill=1)
        self.para.drawOn(canvas, 5 * mm, 3)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(5 * mm, 0, self.width, 0)


class _NumberedCanvas(Canvas):
    """Keeps every page until the end so that footers can say "2 / 5"."""

    painter = None  # set by Document._canvas_class

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initialFontName", FONT)
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            type(self).painter(self, self._pageNumber, total)
            super().showPage()
        super().save()


class _Template(BaseDocTemplate):
    """Records how far down each page's body the content reached (`page_fill`, 0–1); a heading
    kept with what follows it splits that block rather than leaving a page empty (KeepStart)."""

    def __init__(self, *args, **kwargs):
        self.page_fill: list[float] = []
        super().__init__(*args, keepTogetherClass=KeepStart, **kwargs)

    def handle_pageEnd(self):
        frame = getattr(self, "frame", None)
        if frame is not None and self.pageTemplate.id != "cover":
            top = frame._y1 + frame._height - frame._topPadding
            self.page_fill.append(max(0.0, min(1.0, (top - frame._y) / max(1.0, frame._height))))
        super().handle_pageEnd()


class Document:
    """A PDF with the EPN's identity on every page. Subclasses fill `story()`.

    After `render()`, `page_fill` holds, for every page but the cover, how far down the body
    the content reached (0–1): the pagination test wants ≥ 0.55 on every page but the last."""

    #: the document's kind, printed in the header ("Bilan", "Dossier de présentation"…)
    kind = ""
    has_cover = False

    def __init__(self, identity: EpnIdentity, generated_on: dt.date | None = None):
        register_fonts()
        self.identity = identity
        self.theme = Theme.of(identity)
        self.styles = make_styles(self.theme)
        self.generated_on = generated_on or dt.date.today()
        self._logo = logo_image(identity.logo_path)

    # --- to override ----------------------------------------------------

    def title(self) -> str:
        raise NotImplementedError

    def subject(self) -> str:
        return self.kind

    def story(self) -> list:
        raise NotImplementedError

    def section(self, story: list, text: str) -> None:
        """A numbered section heading; a new page first when less than a few lines are left."""
        self._sections = getattr(self, "_sections", 0) + 1
        story.append(CondPageBreak(45 * mm))
        story.append(SectionHeading(text, self.theme, self.styles["h1"], self._sections))

    def draw_cover(self, canvas, doc) -> None:
        """The cover page's background (only when has_cover)."""

    # --- shared -----------------------------------------------------------

    @property
    def epn_name(self) -> str:
        return self.identity.shown_name(_)

    def render(self) -> bytes:
        self._sections = 0
        return self.build(self.story())

    def render_to(self, path) -> int:
        """Write the PDF straight to the file `path` (no copy of its bytes kept); the number of pages."""
        self._sections = 0
        self.build(self.story(), str(path))
        return len(self.page_fill)

    def build(self, story: list, path: str | None = None) -> bytes:
        buffer = path or io.BytesIO()
        doc = _Template(
            buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=self.title(), author=self.epn_name, subject=self.subject(),
            creator="PartnerDesk", producer="PartnerDesk (ReportLab)", keywords=self.kind,
            lang="fr-FR" if language() == "fr" else "en-GB", displayDocTitle=True, initialFontName=FONT,
        )
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = [PageTemplate("page", [frame], onPage=self._draw_page)]
        if self.has_cover:
            cover_frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_BOTTOM - 20 * mm,
                                id="cover", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            templates.insert(0, PageTemplate("cover", [cover_frame], onPage=self.draw_cover))
        doc.addPageTemplates(templates)
        canvas_class = type("PageCanvas", (_NumberedCanvas,), {"painter": staticmethod(self._draw_numbers)})
        doc.build(story, canvasmaker=canvas_class)
        self.page_fill = doc.page_fill
        return b"" if path else buffer.getvalue()

    def _draw_page(self, canvas, doc) -> None:
        """Header (logo, EPN name, document) and footer (contact, legal line)."""
        canvas.saveState()
        top = PAGE_HEIGHT - 11 * mm
        x = MARGIN_X
        if self._logo is not None:
            width, height = self._logo.fit(32 * mm, 9 * mm)
            canvas.drawImage(self._logo.reader, x, top - 2.2 * mm - height / 2, width, height, mask="auto")
            x += width + 4 * mm
        right = PAGE_WIDTH - MARGIN_X
        room = right - x - 8 * mm
        # What the document is ("PROJET — document non signé · Version 2") comes first, on up to
        # 60 % of the line: the EPN's name is in the footer too. The name shrinks (down to 6.5 pt)
        # into the rest before anything of it is cut.
        header = _clip(canvas, drawable(self.header_text()), FONT, 8, room * 0.6)
        name_room = room - canvas.stringWidth(header, FONT, 8)
        epn = drawable(self.epn_name)
        size = 9.0
        while size > 6.5 and canvas.stringWidth(epn, FONT_BOLD, size) > name_room:
            size -= 0.5
        canvas.setFillColor(self.theme.main_ink)
        canvas.setFont(FONT_BOLD, size)
        name = _clip(canvas, epn, FONT_BOLD, size, name_room)
        canvas.drawString(x, top - 5 * mm, name)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 8)
        canvas.drawRightString(right, top - 5 * mm, header)
        canvas.setStrokeColor(self.theme.accent)
        canvas.setLineWidth(1.2)
        canvas.line(MARGIN_X, top - 8 * mm, right, top - 8 * mm)
        self._draw_footer(canvas)
        canvas.restoreState()

    def header_text(self) -> str:
        return self.kind

    def _draw_footer(self, canvas) -> None:
        """The EPN's name and address, contacts, legal line: each wraps to two lines (in a smaller
        font when needed) rather than being cut."""
        ident = self.identity
        place = " ".join(p for p in (ident.postcode.strip(), ident.city.strip()) if p)
        address = ", ".join(p for p in (ident.address.strip().replace("\n", ", "), place) if p)
        items = [(" · ".join(p for p in (self.epn_name, address) if p), 7),
                 (" · ".join(p.strip() for p in (display_phone(ident.phone, _), ident.email, ident.website) if p.strip()), 7),
                 (ident.legal_line.strip(), 6.3)]
        width = CONTENT_WIDTH - 22 * mm
        lines: list[tuple[str, float]] = []
        for text, size in items:
            text = drawable(" ".join(text.split()))
            if not text:
                continue
            while size > 5.5 and len(simpleSplit(text, FONT, size, width)) > 2:
                size -= 0.3
            wrapped = simpleSplit(text, FONT, size, width)
            if len(wrapped) > 2:
                wrapped = [wrapped[0], _clip(canvas, " ".join(wrapped[1:]), FONT, size, width)]
            lines += [(line, size) for line in wrapped]
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, 17 * mm, PAGE_WIDTH - MARGIN_X, 17 * mm)
        canvas.setFillColor(MUTED)
        step = min(3.2 * mm, 12.5 * mm / max(1, len(lines)))
        y = 13.6 * mm
        for line, size in lines:
            canvas.setFont(FONT, min(size, step / mm * 2.2))
            canvas.drawString(MARGIN_X, y, line)
            y -= step

    def _draw_numbers(self, canvas, page: int, total: int) -> None:
        if self.has_cover and page == 1:
            return
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.setFillColor(self.theme.main)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, 12.5 * mm, f"{page} / {total}")
        canvas.restoreState()


def _clip(canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten a one-line text with an ellipsis to fit `width` (headers: the whole text is in the body)."""
    text = " ".join(str(text).split())
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


clip_line = _clip
