"""The trombinoscope as an A4 PDF: a grid of photos (or initials), names, roles and
organisations, on the shared page template (`export/base.py`: fonts, EPN header and
footer, "2 / 5" page numbers). A pure function of prepared data: the caller
(services.trombinoscope.export_pdf) already applied the consent gate, so `photo` is
None wherever the person's consent does not cover documents given to partners.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from partnerdesk.domain.documents import Picture
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.export.base import CONTENT_WIDTH, FONT_BOLD, Document, esc, long_date, table_style
from partnerdesk.export.flowables import photo
from partnerdesk.export.theme import MUTED
from partnerdesk.i18n import _, ngettext

COLUMNS = 4
PHOTO_SIZE = 30 * mm


@dataclass(frozen=True)
class Entry:
    name: str
    role: str
    organisation: str
    photo: str | None  # absolute path, already cleared by the consent gate
    initials: str


class Initials(Flowable):
    """A coloured disc with initials, where no photo may be used, centred in a box as
    high as a photo so that the names of a row line up."""

    def __init__(self, text: str, size: float, colour: colors.Color, box: float = PHOTO_SIZE):
        super().__init__()
        self.text, self.size, self.colour = text, size, colour
        self.width, self.height = size, max(size, box)
        self.hAlign = "CENTER"

    def draw(self):
        canvas = self.canv
        radius, middle = self.size / 2, self.height / 2
        canvas.setFillColor(self.colour)
        canvas.circle(radius, middle, radius, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, self.size * 0.36)
        canvas.drawCentredString(radius, middle - self.size * 0.13, self.text)


class TrombinoscopeDocument(Document):
    def __init__(self, entries: list[Entry], identity: EpnIdentity, title: str = ""):
        super().__init__(identity)
        self.entries = entries
        self.kind = _("Trombinoscope")
        self.heading = title or self.kind
        centred = self.styles["cell_center"]
        self.card_styles = {
            "name": ParagraphStyle("name", parent=centred, fontName=FONT_BOLD, fontSize=9, leading=11),
            "role": ParagraphStyle("role", parent=centred, fontSize=8, leading=10),
            "org": ParagraphStyle("org", parent=centred, fontSize=7.5, leading=9.5, textColor=MUTED),
        }

    def title(self) -> str:
        return self.heading

    def story(self) -> list:
        s = self.styles
        count = len(self.entries)
        story: list = []
        if self.heading != self.kind:
            story.append(Paragraph(esc(self.kind.upper()), s["kicker"]))
        story += [
            Paragraph(esc(self.heading), s["doc_title"]),
            Paragraph(esc(ngettext("{count} person", "{count} people", count).format(count=count)
                          + " · " + long_date(self.generated_on)), s["small"]),
            Spacer(1, 4 * mm),
        ]
        if not self.entries:
            story.append(Paragraph(esc(_("Nobody to show.")), s["body"]))
            return story
        # one small table per row of cards (a row never splits; pages break between rows), each
        # photo read only when its row is drawn: 10,000 people print in bounded memory
        style = table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        ])
        for start in range(0, len(self.entries), COLUMNS):
            story.append(_Row(self, self.entries[start:start + COLUMNS], style))
        return story

    def _card(self, entry: Entry) -> list:
        s = self.card_styles
        return [
            self._picture(entry),
            Spacer(1, 2 * mm),
            Paragraph(esc(entry.name), s["name"]),
            Paragraph(esc(entry.role), s["role"]),
            Paragraph(esc(entry.organisation), s["org"]),
        ]

    def _picture(self, entry: Entry) -> Flowable:
        parts = photo(Picture(entry.photo), PHOTO_SIZE, PHOTO_SIZE, self.styles) if entry.photo else None
        if parts:
            parts[0].hAlign = "CENTER"
            return parts[0]
        return Initials(entry.initials, PHOTO_SIZE * 0.8, self.theme.main)

    def row_table(self, entries: list[Entry], style) -> Table:
        cells = [self._card(entry) for entry in entries]
        cells += [""] * (COLUMNS - len(cells))
        table = Table([cells], colWidths=[CONTENT_WIDTH / COLUMNS] * COLUMNS)
        table.setStyle(style)
        return table


class _Row(Flowable):
    """A row of cards built when it is laid out and dropped once drawn: the story holds names,
    not thousands of decoded photos and paragraphs."""

    def __init__(self, document: TrombinoscopeDocument, entries: list[Entry], style):
        super().__init__()
        self.document, self.entries, self.style = document, entries, style
        self._table: Table | None = None

    def _built(self) -> Table:
        if self._table is None:
            self._table = self.document.row_table(self.entries, self.style)
        return self._table

    def wrap(self, avail_width, avail_height):
        self.width, self.height = self._built().wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self):
        self._built().drawOn(self.canv, 0, 0)
        self._table = None  # its images now live in the PDF only


def render(entries: list[Entry], identity: EpnIdentity, title: str = "") -> bytes:
    """The PDF bytes of the trombinoscope."""
    return TrombinoscopeDocument(entries, identity, title).render()


def render_to(path, entries: list[Entry], identity: EpnIdentity, title: str = "") -> int:
    """Write the trombinoscope to the file `path`; the number of pages."""
    return TrombinoscopeDocument(entries, identity, title).render_to(path)
