"""Bilan interne des partenariats: what each partnership cost in staff time and brought, for a year.

An internal document: "Document interne" is printed on every page. It is never handed to a
partner (the hours per partner live here, not in the partner-facing bilan).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, TableStyle

from partnerdesk.domain.balance import InternalReport, Verdict
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.export.base import CONTENT_WIDTH, FONT_BOLD, PAGE_HEIGHT, PAGE_WIDTH, Document, esc, long_date, money
from partnerdesk.export.charts import compare_bars
from partnerdesk.export.flowables import callout, data_table, key_figures
from partnerdesk.i18n import _, format_date, format_number, ngettext

CHART_ROWS = 10
INTERNAL_RED = colors.HexColor("#A4262C")
FLAGGED_ROW = colors.HexColor("#FBE3E3")


def ratio_text(value: float | None) -> str:
    return "—" if value is None else format_number(value, 2)


class InternalBalanceDocument(Document):
    def __init__(self, data: InternalReport, identity: EpnIdentity):
        super().__init__(identity, data.issued_on)
        self.data = data
        self.kind = _("Internal document")

    def period(self) -> str:
        return str(self.data.year) if self.data.year else _("all years")

    def title(self) -> str:
        return _("Internal review of partnerships — {period}").format(period=self.period())

    def subject(self) -> str:
        return self.title()

    def header_text(self) -> str:
        return _("Internal review of partnerships")

    def _draw_page(self, canvas, doc) -> None:
        super()._draw_page(canvas, doc)
        canvas.saveState()
        canvas.setFillColor(INTERNAL_RED)
        canvas.setFont(FONT_BOLD, 7.5)
        label = _("INTERNAL DOCUMENT").upper()
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 23.5 * mm, label)
        canvas.setStrokeColor(INTERNAL_RED)
        canvas.setLineWidth(0.6)
        half = canvas.stringWidth(label, FONT_BOLD, 7.5) / 2 + 3 * mm
        canvas.rect(PAGE_WIDTH / 2 - half, PAGE_HEIGHT - 25 * mm, 2 * half, 4.6 * mm, stroke=1, fill=0)
        canvas.restoreState()

    def story(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        t = d.totals
        story: list = [
            Paragraph(esc(_("Internal document").upper()), s["kicker"]),
            Paragraph(esc(self.title()), s["doc_title"]),
            Paragraph(esc(_("Issued on {date}. Staff time valued at {cost} an hour (loaded cost).").format(
                date=long_date(d.issued_on), cost=money(d.hourly_cost))), s["small"]),
            Spacer(1, 3 * mm),
            key_figures([
                (format_number(t.hours, 1) + "\u00a0h", _("staff time")),
                (money(t.time_cost), _("cost of that time")),
                (money(t.value), _("value obtained")),
                (ratio_text(t.ratio), _("value per euro of time")),
            ], theme, s),
        ]
        if t.flagged:
            story.append(callout([Paragraph(esc(ngettext(
                "{n} partnership costs more than it brings, with no non-financial benefit recorded.",
                "{n} partnerships cost more than they bring, with no non-financial benefit recorded.",
                t.flagged).format(n=t.flagged)), s["callout"])], theme))

        self.section(story, _("Partners"))
        if d.rows:
            rows = [[r.name, format_number(r.hours, 1), money(r.time_cost), money(r.money), money(r.in_kind),
                     ratio_text(r.ratio), ", ".join(_(b.label) for b in r.benefits) or "—"] for r in d.rows]
            flagged = [r.flagged for r in d.rows]
            table = data_table(
                [_("Partner"), _("Hours"), _("Time cost"), _("Money"), _("In kind"), _("Ratio"), _("Benefits")],
                rows, [42 * mm, 16 * mm, 22 * mm, 21 * mm, 21 * mm, 14 * mm, CONTENT_WIDTH - 136 * mm], theme, s,
                align=["l", "r", "r", "r", "r", "r", "l"],
                total=[_("Total"), format_number(t.hours, 1), money(t.time_cost), money(t.money), money(t.in_kind),
                       ratio_text(t.ratio), ""],
                shaded=[False] * len(flagged))
            table.setStyle(TableStyle([("BACKGROUND", (0, i + 1), (-1, i + 1), FLAGGED_ROW)
                                       for i, flag in enumerate(flagged) if flag]))
            story.append(table)
            if any(flagged):
                story.append(Paragraph(esc(_("Rows in red: the partnership costs more than it brings and no "
                                             "non-financial benefit is recorded.")), s["small"]))
            top = sorted(d.rows, key=lambda r: -(max(r.time_cost, r.value)))[:CHART_ROWS]
            if any(r.time_cost or r.value for r in top):
                story.append(Spacer(1, 3 * mm))
                story.append(compare_bars([(r.name, r.time_cost, r.value) for r in top], theme,
                                          (_("Cost of staff time"), _("Value obtained"))))
        else:
            story.append(Paragraph(esc(_("No time, contribution or benefit recorded for this period.")), s["small"]))

        if d.projects:
            self.section(story, _("Projects"))
            story.append(data_table(
                [_("Project"), _("Hours"), _("Time cost"), _("Value obtained")],
                [[title, format_number(h, 1), money(c), money(v)] for title, h, c, v in d.projects],
                [CONTENT_WIDTH - 72 * mm, 18 * mm, 27 * mm, 27 * mm], theme, s, align=["l", "r", "r", "r"]))

        if d.benefits:
            self.section(story, _("Non-financial benefits"))
            story.append(data_table([_("Partner"), _("Benefit"), _("Note")],
                                    [[p, _(label), note] for p, label, note in d.benefits],
                                    [50 * mm, 35 * mm, CONTENT_WIDTH - 85 * mm], theme, s))

        if d.grids:
            self.section(story, _("Decisions: should we accept this partnership?"))
            rows = []
            for g in d.grids:
                reasons = "; ".join(f"{_(a.criterion)} : {a.comment}" if a.comment else _(a.criterion)
                                    for a in g.answers if a.rating is not None and a.rating.value != "favorable")
                rows.append([g.organisation_name, g.project_title or "—",
                             _(g.verdict.label) if g.verdict else _("Not decided"),
                             format_date(g.decided_on) if g.decided_on else "—", reasons or g.note or "—"])
            story.append(data_table([_("Partner"), _("Project"), _("Verdict"), _("Date"), _("Reservations")], rows,
                                    [36 * mm, 30 * mm, 20 * mm, 22 * mm, CONTENT_WIDTH - 108 * mm], theme, s,
                                    shaded=[g.verdict is Verdict.NON for g in d.grids], whole=(3,)))

        if d.funders:
            self.section(story, _("Main funders and their conditions"))
            story.append(data_table([_("Funder"), _("Conditions")],
                                    [[f.name, f.conditions or "—"] for f in d.funders],
                                    [55 * mm, CONTENT_WIDTH - 55 * mm], theme, s))
        return story
