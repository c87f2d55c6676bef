"""Letters to a group: one addressed letter per page, in one PDF."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table

from partnerdesk.domain.dataio import Letter
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.export.base import CONTENT_WIDTH, Document, esc, table_style
from partnerdesk.i18n import _


class LettersDocument(Document):
    def __init__(self, letters: list[Letter], identity: EpnIdentity, title: str = ""):
        super().__init__(identity)
        self.letters = letters
        self.kind = _("Letter")
        self._title = title or self.kind

    def title(self) -> str:
        return self._title

    def _draw_numbers(self, canvas, page: int, total: int) -> None:
        """No "2 / 8" on a letter: each page goes to a different addressee."""

    def story(self) -> list:
        s = self.styles
        right = ParagraphStyle("right", parent=s["body"], alignment=TA_RIGHT)
        address = ParagraphStyle("address", parent=s["lead"], spaceAfter=0, leading=15)
        subject = ParagraphStyle("subject", parent=s["body"], fontName="DejaVuSans-Bold", spaceBefore=6,
                                 spaceAfter=10)
        story: list = []
        for number, letter in enumerate(self.letters):
            if number:
                story.append(PageBreak())
            block = Paragraph("<br/>".join(esc(line) for line in letter.recipient), address)
            table = Table([["", block]], colWidths=[CONTENT_WIDTH - 85 * mm, 85 * mm])
            table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                        ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
            story += [Spacer(1, 8 * mm), table, Spacer(1, 12 * mm), Paragraph(esc(letter.place_date), right)]
            if letter.subject:
                story.append(Paragraph(esc(_("Subject: {subject}").format(subject=letter.subject)), subject))
            for paragraph in letter.body.replace("\r\n", "\n").split("\n\n"):
                story.append(Paragraph(esc(paragraph), s["body"]))
            if letter.signatory:
                story.append(KeepTogether([Spacer(1, 10 * mm)] + [
                    Paragraph(esc(line), right) for line in letter.signatory]))
        return story
