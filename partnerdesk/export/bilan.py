"""Bilan of a project: what was done, with whom, for how many people — shown to prove."""

from __future__ import annotations

from babel.dates import get_month_names
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from partnerdesk.domain.documents import BilanData
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.export import charts
from partnerdesk.export.base import CONTENT_WIDTH, Document, esc, money
from partnerdesk.export.dossier import contact_block, period
from partnerdesk.export.flowables import (
    bullet_list,
    callout,
    chips,
    data_table,
    key_figures,
    paragraphs,
    photo_grid,
)
from partnerdesk.i18n import _, babel_locale, format_date, format_number, format_percent


def hours(value: float) -> str:
    return _("{hours} h").format(hours=format_number(value, 1 if value % 1 else 0))


class BilanDocument(Document):
    def __init__(self, data: BilanData, identity: EpnIdentity):
        super().__init__(identity, data.generated_on)
        self.data = data
        self.kind = _("Project report")

    def title(self) -> str:
        return f"{self.kind} — {self.data.title}"

    def subject(self) -> str:
        return _("Report of the project {title}").format(title=self.data.title)

    def header_text(self) -> str:
        return self.data.title

    def story(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        story: list = [
            Paragraph(esc(self.kind.upper()), s["kicker"]),
            Paragraph(esc(d.title), s["doc_title"]),
        ]
        when = period(d.start, d.end)
        if when:
            story.append(Paragraph(esc(when[:1].upper() + when[1:]), s["small"]))
        if d.publics:
            story.append(chips(d.publics, theme, s))
        rate = d.attendance_rate
        partners = {c.partner for c in d.commitments}
        story.append(key_figures([
            (format_number(len(d.held_sessions)), _("sessions held")),
            (format_number(d.participants), _("participants in all")),
            (format_percent(rate), _("attendance rate")),
            (format_number(len(partners)), _("partners")),
            (money(d.obtained_total), _("contributions obtained")),
        ], theme, s))


        if d.bilan_text.strip():
            self.section(story, _("In short"))
            story += paragraphs(d.bilan_text, s["lead"])
        if d.commitments:
            self.section(story, _("Partners and their contributions"))
            story += self._partners()
        if d.sessions:
            self.section(story, _("Sessions and attendance"))
            story += self._sessions()
        if d.committees:
            self.section(story, _("Committees held"))
            story += self._committees()
        if d.realizations:
            self.section(story, _("What was made"))
            for r in d.realizations:
                head = f"<b>{esc(r.title)}</b>"
                if r.made_on:
                    head += f'  <font color="#6B737B" size="8">{esc(format_date(r.made_on))}</font>'
                block = [Paragraph(head, s["body"])] + paragraphs(r.description, s["body"])
                story.append(callout(block, theme))  # one row: never split, kept after its heading
        if d.photos:
            grid = photo_grid(d.photos, s)
            if grid:
                self.section(story, _("In pictures"))
                story += grid
        if d.staff_time:
            self.section(story, _("Time spent and contributions obtained"))
            story += self._staff()
        if d.next_steps:
            self.section(story, _("Next steps"))
            story += bullet_list(d.next_steps, s["body"], theme)
        self.section(story, _("Contact"))
        story.append(contact_block(d.contact, self.identity, self.epn_name, s, theme))
        if d.source.strip():
            story.append(Paragraph(esc(d.source), s["caption"]))
        return story

    def _partners(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        rows, shaded, previous, group = [], [], None, -1
        for c in d.commitments:  # the partner's name once, on the first line of its contributions
            name = Paragraph(f"<b>{esc(c.partner)}</b>", s["cell"]) if c.partner != previous else ""
            group += c.partner != previous
            shaded.append(group % 2 == 1)
            previous = c.partner
            rows.append([name, c.kind + (f" — {c.description}" if c.description else ""),
                         money(c.expected) if c.expected else "—", money(c.obtained) if c.obtained else "—",
                         c.status])
        out = [data_table(
            [_("Partner"), _("Contribution"), _("Expected"), _("Obtained"), _("Status")], rows,
            [48 * mm, CONTENT_WIDTH - 48 * mm - 22 * mm - 22 * mm - 28 * mm, 22 * mm, 22 * mm, 28 * mm], theme, s,
            ["l", "l", "r", "r", "l"],
            total=[_("Total"), "", money(d.expected_total), money(d.obtained_total), ""], shaded=shaded)]
        valued: dict[str, list[float]] = {}
        for c in d.commitments:
            if c.expected or c.obtained:
                pair = valued.setdefault(c.partner, [0.0, 0.0])
                pair[0] += c.expected or 0
                pair[1] += c.obtained or 0
        if len(valued) >= 1:
            out.append(Paragraph(esc(_("Expected and obtained, in euros")), s["h2"]))  # kept with the chart
            out.append(charts.compare_bars([(k, v[0], v[1]) for k, v in valued.items()], theme,
                                           (_("Expected"), _("Obtained"))))
        return out

    def _sessions(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        months = d.by_month()
        out: list = []
        rate = d.attendance_rate
        summary = _("{sessions} sessions held, {people} participants in all").format(
            sessions=len(d.held_sessions), people=d.participants)
        if rate is not None:
            summary += " — " + _("{rate} of the places planned were taken").format(rate=format_percent(rate))
        cancelled = len(d.sessions) - len(d.held_sessions)
        if cancelled:
            summary += " — " + _("{count} cancelled").format(count=cancelled)
        out.append(Paragraph(esc(summary + "."), s["body"]))
        if months:
            several_years = len({m.year for m in months}) > 1
            short = get_month_names("abbreviated", locale=babel_locale())
            labels = [(short[m.month] + (f" {m.year % 100:02d}" if several_years else ""),
                       m.participants, m.sessions) for m in months]
            labels = [(f"{name}\n{_('{n} sess.').format(n=sessions)}", people, sessions)
                      for name, people, sessions in labels]
            out.append(Paragraph(esc(_("Participants by month")), s["h2"]))  # kept with the chart
            out.append(charts.monthly_bars(labels, theme, _("participants")))
        rows = []
        for line in sorted(d.sessions, key=lambda x: x.held_on):
            rows.append([format_date(line.held_on), line.time, line.place, line.facilitator,
                         "" if line.planned is None else format_number(line.planned),
                         _("cancelled") if line.cancelled else
                         ("—" if line.actual is None else format_number(line.actual))])
        out.append(Paragraph(esc(_("Every session")), s["h2"]))
        out.append(data_table(
            [_("Date"), _("Time"), _("Place"), _("Facilitator"), _("Planned"), _("Present")], rows,
            [22 * mm, 25 * mm, CONTENT_WIDTH - 22 * mm - 25 * mm - 38 * mm - 18 * mm - 20 * mm, 38 * mm, 18 * mm,
             20 * mm], theme, s, ["l", "l", "l", "l", "r", "r"],
            total=[_("Total"), "", "", "", format_number(sum(x.planned or 0 for x in d.held_sessions)),
                   format_number(d.participants)]))
        return out

    def _committees(self) -> list:
        d, s = self.data, self.styles
        rows = [[format_date(c.held_on), c.title, format_number(c.present), format_number(c.decisions)]
                for c in d.committees]
        widths = [26 * mm, CONTENT_WIDTH - 26 * mm - 2 * 30 * mm, 30 * mm, 30 * mm]
        return [data_table([_("Date"), _("Committee"), _("Present"), _("Decisions")], rows, widths, self.theme, s,
                           align=["l", "l", "r", "r"])]

    def _staff(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        out = [Paragraph(esc(_("The EPN's team gave {hours} of work to the project; the partners brought "
                               "{amount} in contributions.").format(hours=hours(d.staff_hours),
                                                                     amount=money(d.obtained_total))), s["body"])]
        rows = [[t.who or _("EPN team"), hours(t.hours)] for t in d.staff_time]
        out.append(data_table([_("Who"), _("Hours")], rows, [CONTENT_WIDTH - 35 * mm, 35 * mm], theme, s,
                              ["l", "r"], total=[_("Total"), hours(d.staff_hours)]))
        if d.partner_time:
            out.append(Paragraph(esc(_("Time spent with each partner, and what each one brought")), s["h2"]))
            rows = [[t.partner, hours(t.hours), money(t.obtained) if t.obtained else "—"] for t in d.partner_time]
            out.append(data_table(
                [_("Partner"), _("Time spent"), _("Obtained")], rows,
                [CONTENT_WIDTH - 35 * mm - 35 * mm, 35 * mm, 35 * mm], theme, s, ["l", "r", "r"],
                total=[_("Total"), hours(sum(t.hours for t in d.partner_time)),
                       money(sum(t.obtained for t in d.partner_time))]))
        return out


def render_bilan(data: BilanData, identity: EpnIdentity) -> bytes:
    return BilanDocument(data, identity).render()
