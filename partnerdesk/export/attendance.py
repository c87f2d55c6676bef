"""Feuille d'émargement of one session: the details, then lines to sign."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from partnerdesk.domain.documents import AttendanceSheetData
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.export.base import BODY_HEIGHT, CONTENT_WIDTH, FONT, Document, esc, table_style
from partnerdesk.export.flowables import info_table
from partnerdesk.export.minutes import long_date
from partnerdesk.export.theme import RULE
from partnerdesk.i18n import _, format_number, language

ROW_HEIGHT = 11 * mm
WIDTHS = [12 * mm, 62 * mm, 48 * mm, CONTENT_WIDTH - 122 * mm]


class AttendanceSheetDocument(Document):
    def __init__(self, data: AttendanceSheetData, identity: EpnIdentity):
        super().__init__(identity, data.generated_on)
        self.data = data
        self.kind = _("Attendance sheet")

    def long_date(self) -> str:
        return long_date(self.data.held_on)

    def title(self) -> str:
        return f"{self.kind} — {self.data.project} — {self.long_date()}"

    def subject(self) -> str:
        return _("Attendance sheet of the session of {date}").format(date=self.long_date())

    def header_text(self) -> str:
        return self.long_date()

    def story(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        top: list = [Paragraph(esc(self.kind.upper()), s["kicker"]), Paragraph(esc(d.project), s["doc_title"]),
                     Spacer(1, 4)]
        top.append(info_table([
            (_("Date"), self.long_date()), (_("Time"), d.time), (_("Place"), d.place),
            (_("Facilitator"), d.facilitator), (_("With"), d.partner), (_("Project"), d.related_project),
            (_("Planned attendance"), format_number(d.planned) if d.planned else ""),
        ], s))
        header = [Paragraph(esc(t), s[st]) for t, st in (
            (_("No."), "th_center"), (_("Last and first name"), "th"), (_("Organisation / town"), "th"),
            (_("Signature"), "th"))]
        closing = self._closing()
        lines, row_height = self._line_count(top, header, closing)
        rows = [header]
        for index in range(lines):
            name = d.names[index] if index < len(d.names) else ""
            structure = d.structures[index] if index < len(d.structures) else ""
            rows.append([Paragraph(str(index + 1), s["cell_center"]), Paragraph(esc(name), s["cell"]),
                         Paragraph(esc(structure), s["cell"]) if structure else "", ""])
        table = Table(rows, colWidths=WIDTHS, rowHeights=[None] + [row_height] * lines, repeatRows=1)
        commands = [
            ("BACKGROUND", (0, 0), (-1, 0), theme.main),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, 0), 6), ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
            ("GRID", (0, 1), (-1, -1), 0.5, RULE),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
        ]
        for r in range(2, len(rows), 2):
            commands.append(("BACKGROUND", (0, r), (2, r), theme.pale))
        table.setStyle(table_style(commands))
        return [*top, table, *closing]

    def _closing(self) -> list:
        s = self.styles
        sign = Table([[Paragraph(esc(_("Number of participants present:")), s["cell"]),
                       Paragraph(esc(_("Signature of the facilitator:")), s["cell"])]],
                     colWidths=[CONTENT_WIDTH / 2, CONTENT_WIDTH / 2], rowHeights=[22 * mm])
        sign.setStyle(table_style([("BOX", (0, 0), (-1, -1), 0.5, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 6)]))
        return [Spacer(1, 8 * mm), KeepTogether([sign, Spacer(1, 4 * mm), Paragraph(esc(_(
            "The names collected on this sheet are only used to count attendance in the report of the action; "
            "they are kept by {epn} and never handed to third parties.").format(
            epn=self.identity.in_sentence(language(), _))), s["caption"])])]

    def _line_count(self, top: list, header: list, closing: list) -> tuple[int, float]:
        """(lines, row height) so that the closing box ends the last page of names: a few blank lines
        fewer, or rows a little lower (down to 9 mm), when the box would otherwise spill onto a page of
        its own; else the page filled with blank lines and three more on the next one with the box."""
        d = self.data
        wanted = d.line_count
        top_h = sum(_height(f) for f in top)
        head_h = Table([header], colWidths=WIDTHS).wrap(CONTENT_WIDTH, BODY_HEIGHT)[1] + 12
        close_h = sum(_height(f) for f in closing) + 12

        def fits(lines: int, row: float) -> bool:
            first = max(1, int((BODY_HEIGHT - top_h - head_h) // row))
            other = max(1, int((BODY_HEIGHT - head_h) // row))
            if lines <= first:
                used = top_h + head_h + lines * row
            else:
                last = (lines - first) - ((lines - first - 1) // other) * other
                used = head_h + last * row
            return BODY_HEIGHT - used >= close_h

        least = max(len(d.names) + 1, d.planned or 0, 1)
        for row in (ROW_HEIGHT, 10 * mm, 9 * mm):
            for lines in range(wanted, min(least, wanted) - 1, -1):
                if fits(lines, row):
                    return lines, row
        lines = wanted
        while not fits(lines, ROW_HEIGHT) or lines < wanted + 3:
            lines += 1
        return lines, ROW_HEIGHT


def _height(flowable) -> float:
    """The height a flowable takes in the frame, spaces included (the parts of a KeepTogether added up)."""
    if hasattr(flowable, "_content"):
        return sum(_height(f) for f in flowable._content)
    return flowable.wrap(CONTENT_WIDTH, BODY_HEIGHT)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def render_attendance_sheet(data: AttendanceSheetData, identity: EpnIdentity) -> bytes:
    return AttendanceSheetDocument(data, identity).render()
