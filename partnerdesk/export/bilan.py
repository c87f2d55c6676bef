"""Bilan of a project: what it aimed at, what was done, with whom, for how many people — shown to prove.

Handed to partners: the partners named are the engaged ones, staff hours and internal next steps
are not printed (they belong to the internal report). Figures that are 0 or unknown are replaced
by what exists; charts adapt to the amount of data (top partners + "others", quarters past
15 months); sessions are summarised by month, every session is listed in an appendix.
"""

from __future__ import annotations

from babel.dates import get_month_names
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from partnerdesk.domain.documents import BilanData
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.export import charts
from partnerdesk.export.base import CONTENT_WIDTH, Document, esc, long_date, money
from partnerdesk.export.dossier import contact_block, period
from partnerdesk.export.flowables import bullet_list, callout, chips, data_table, key_figures, paragraphs, photo_grid
from partnerdesk.i18n import _, babel_locale, format_date, format_number, format_percent, ngettext

#: partners drawn one by one in the chart; the others are summed in one bar
TOP_PARTNERS = 8
#: past this many months, the monthly chart groups by quarter
MONTHS_SHOWN = 15


def tiles(d: BilanData) -> list[tuple[str, str]]:
    """The key figures that exist (never a 0 or a "—"), at most five, most telling first."""
    held = len(d.held_sessions)
    partners = len({c.partner for c in d.commitments})
    candidates = [
        (held, lambda: (format_number(held), ngettext("session held", "sessions held", held))),
        (d.people or 0, lambda: (format_number(d.people), ngettext("person reached", "different people", d.people))),
        (d.participants, lambda: (format_number(d.participants),
                                  ngettext("participation", "participations", d.participants))),
        (d.attendance_rate, lambda: (format_percent(d.attendance_rate), _("of the places planned taken"))),
        (partners, lambda: (format_number(partners), ngettext("partner engaged", "partners engaged", partners))),
        (d.obtained_total, lambda: (money(d.obtained_total), _("contributions obtained"))),
        (len(d.realizations), lambda: (format_number(len(d.realizations)),
                                       ngettext("realization", "realizations", len(d.realizations)))),
        (len(d.photos), lambda: (format_number(len(d.photos)), ngettext("photo", "photos", len(d.photos)))),
    ]
    return [make() for value, make in candidates if value][:5]


def _rank(name: str, expected: float, obtained: float) -> tuple[float, str]:
    """Partners by what they bring (expected or obtained, the larger), then by name: the table
    and the chart list them in the same order."""
    return -max(expected, obtained), name


def ranked_commitments(commitments: list) -> list:
    """The contributions grouped by partner (their own order kept), the partners ranked."""
    groups: dict[str, list] = {}
    for c in commitments:
        groups.setdefault(c.partner, []).append(c)
    order = sorted(groups, key=lambda name: _rank(name, sum(c.expected or 0 for c in groups[name]),
                                                  sum(c.obtained or 0 for c in groups[name])))
    return [c for name in order for c in groups[name]]


def partner_bars(rows: list[tuple[str, float, float]], others_label: str) -> list[tuple[str, float, float]]:
    """The TOP_PARTNERS largest (ranked as in the table), then one bar for all the others."""
    ranked = sorted(rows, key=lambda r: _rank(*r))
    if len(ranked) <= TOP_PARTNERS + 1:
        return ranked
    top, rest = ranked[:TOP_PARTNERS], ranked[TOP_PARTNERS:]
    return top + [(others_label.format(count=len(rest)), sum(r[1] for r in rest), sum(r[2] for r in rest))]


def month_bars(months, several_years: bool) -> list[tuple[str, int, int]]:
    """(label, participations, sessions) by month, or by quarter past MONTHS_SHOWN months."""
    if len(months) <= MONTHS_SHOWN:
        short = get_month_names("abbreviated", locale=babel_locale())
        return [(short[m.month] + (f" {m.year % 100:02d}" if several_years else ""), m.participants, m.sessions)
                for m in months]
    quarters: dict[tuple[int, int], list[int]] = {}
    years: dict[int, list[int]] = {}
    for m in months:
        for bucket in (quarters.setdefault((m.year, (m.month - 1) // 3 + 1), [0, 0]), years.setdefault(m.year, [0, 0])):
            bucket[0] += m.participants
            bucket[1] += m.sessions
    if len(quarters) > MONTHS_SHOWN:
        return [(str(y), v[0], v[1]) for y, v in sorted(years.items())]
    return [(_("Q{quarter} {year}").format(quarter=q, year=f"{y % 100:02d}"), v[0], v[1])
            for (y, q), v in sorted(quarters.items())]


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
        issued = _("Issued on {date}").format(date=long_date(d.generated_on))
        story.append(Paragraph(esc(" · ".join(p for p in (when[:1].upper() + when[1:], issued) if p)), s["small"]))
        if d.publics:
            story.append(chips(d.publics, theme, s))
        figures = tiles(d)
        if figures:
            story.append(key_figures(figures, theme, s))
        if d.objectives or d.bilan_text.strip():
            self.section(story, _("Objectives and results"))
            if d.objectives:
                story.append(Paragraph(esc(_("What the project aimed at")), s["h2"]))
                story += bullet_list(d.objectives, s["body"], theme)
            if d.bilan_text.strip():
                story.append(Paragraph(esc(_("What it achieved")), s["h2"]))
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
                story.append(callout(block, theme))  # never split, kept after its heading
        if d.photos:
            grid = photo_grid(d.photos, s)
            if grid:
                self.section(story, _("In pictures"))
                story += grid
        self.section(story, _("Contact"))
        story.append(contact_block(d.contact, self.identity, self.epn_name, s, theme))
        if d.source.strip():
            story.append(Paragraph(esc(d.source), s["caption"]))
        if len(d.sessions) > 1:
            self.section(story, _("Appendix — every session"))
            story += self._every_session()
        return story

    def _partners(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        rows, shaded, previous, group = [], [], None, -1
        for c in ranked_commitments(d.commitments):  # the partner's name once, on its first line
            name = Paragraph(f"<b>{esc(c.partner)}</b>", s["cell"]) if c.partner != previous else ""
            group += c.partner != previous
            shaded.append(group % 2 == 1)
            previous = c.partner
            rows.append([name, c.kind + (f" — {c.description}" if c.description else ""),
                         _amount(c.expected), _amount(c.obtained),
                         c.status])
        out = [data_table(
            [_("Partner"), _("Contribution"), _("Expected"), _("Obtained"), _("Status")], rows,
            [48 * mm, CONTENT_WIDTH - 48 * mm - 24 * mm - 24 * mm - 24 * mm, 24 * mm, 24 * mm, 24 * mm], theme, s,
            ["l", "l", "r", "r", "l"],
            total=[_("Total"), "", money(d.expected_total), money(d.obtained_total), ""], shaded=shaded)]
        valued: dict[str, list[float]] = {}
        for c in d.commitments:
            if c.expected or c.obtained:
                pair = valued.setdefault(c.partner, [0.0, 0.0])
                pair[0] += c.expected or 0
                pair[1] += c.obtained or 0
        if len(valued) >= 2:
            bars = partner_bars([(k, v[0], v[1]) for k, v in valued.items()], _("{count} other partners"))
            out.append(Paragraph(esc(_("Expected and obtained, in euros")), s["h2"]))  # kept with the chart
            out.append(charts.compare_bars(bars, theme, (_("Expected"), _("Obtained"))))
        return out

    def _sessions(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        months = d.by_month()
        out: list = []
        held = len(d.held_sessions)
        parts = [ngettext("{count} session held", "{count} sessions held", held).format(count=format_number(held))]
        if d.participants:
            parts.append(ngettext("{count} participation", "{count} participations", d.participants).format(
                count=format_number(d.participants)))
        if d.people:
            parts.append(ngettext("{count} person reached", "{count} different people", d.people).format(
                count=format_number(d.people)))
        rate = d.attendance_rate
        if rate is not None:
            parts.append(_("{rate} of the places planned were taken").format(rate=format_percent(rate)))
        cancelled = len(d.sessions) - held
        if cancelled:
            parts.append(ngettext("{count} session cancelled", "{count} sessions cancelled", cancelled).format(count=cancelled))
        out.append(Paragraph(esc(", ".join(parts) + "."), s["body"]))
        if len(months) >= 2:
            bars = month_bars(months, len({m.year for m in months}) > 1)
            labels = [(f"{name}\n{ngettext('{n} session', '{n} sessions', n).format(n=n)}", people, n)
                      for name, people, n in bars]
            out.append(Paragraph(esc(_("Participations by month") if len(bars) == len(months)
                                     else _("Participations by period")), s["h2"]))  # kept with the chart
            out.append(charts.monthly_bars(labels, theme, _("participations")))
        if months:
            names = get_month_names("wide", locale=babel_locale())
            rows = [[f"{names[m.month]} {m.year}", format_number(m.sessions), format_number(m.participants)]
                    for m in months]
            out.append(Paragraph(esc(_("Month by month")), s["h2"]))
            out.append(data_table([_("Month"), _("Sessions held"), _("Participations")], rows,
                                  [CONTENT_WIDTH - 70 * mm, 35 * mm, 35 * mm], theme, s, ["l", "r", "r"],
                                  total=[_("Total"), format_number(held), format_number(d.participants)]))
        return out

    def _every_session(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        rows = []
        for line in sorted(d.sessions, key=lambda x: x.held_on):
            rows.append([format_date(line.held_on), line.time, line.place, line.facilitator,
                         "" if line.planned is None or line.cancelled else format_number(line.planned),
                         _("cancelled") if line.cancelled else
                         ("—" if line.actual is None else format_number(line.actual))])
        return [data_table(
            [_("Date"), _("Time"), _("Place"), _("Facilitator"), _("Planned"), _("Present")], rows,
            [22 * mm, 29 * mm, CONTENT_WIDTH - 22 * mm - 29 * mm - 38 * mm - 18 * mm - 20 * mm, 38 * mm, 18 * mm,
             20 * mm], theme, s, ["l", "l", "l", "l", "r", "r"], whole=(0, 1),
            total=[_("Total"), "", "", "", format_number(sum(x.planned or 0 for x in d.held_sessions)),
                   format_number(d.participants)])]

    def _committees(self) -> list:
        d, s = self.data, self.styles
        rows = [[format_date(c.held_on), c.title, format_number(c.present), format_number(c.decisions)]
                for c in d.committees]
        widths = [26 * mm, CONTENT_WIDTH - 26 * mm - 2 * 30 * mm, 30 * mm, 30 * mm]
        return [data_table([_("Date"), _("Committee"), _("Present"), _("Decisions")], rows, widths, self.theme, s,
                           align=["l", "l", "r", "r"], whole=(0,))]


def render_bilan(data: BilanData, identity: EpnIdentity) -> bytes:
    return BilanDocument(data, identity).render()


def _amount(value: float | None) -> str:
    """An amount, "0 €" included; "—" when it is not known."""
    return "—" if value is None else money(value)
