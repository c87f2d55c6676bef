"""Fiche partenaire: one organisation, its people, its projects, the last exchanges."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table

from partnerdesk.domain.documents import PartnerSheetData, PersonCard
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.phone_display import display_phone
from partnerdesk.export.base import BODY_HEIGHT, CONTENT_WIDTH, Document, esc, table_style
from partnerdesk.export.flowables import chips, data_table, info_table, photo
from partnerdesk.export.theme import RULE
from partnerdesk.i18n import _, format_date

PORTRAIT_W, PORTRAIT_H = 22 * mm, 28 * mm


class PartnerSheetDocument(Document):
    def __init__(self, data: PartnerSheetData, identity: EpnIdentity):
        super().__init__(identity, data.generated_on)
        self.data = data
        self.kind = _("Partner sheet")
        self.internal_mark = _("Internal document") if data.internal else ""

    def title(self) -> str:
        return f"{self.kind} — {self.data.name}"

    def subject(self) -> str:
        return _("Partner sheet of {name}").format(name=self.data.name)

    def header_text(self) -> str:
        return " · ".join(p for p in (self.internal_mark, self.data.name) if p)

    def story(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        kicker = " — ".join(p for p in (self.kind.upper(), self.internal_mark.upper()) if p)
        story: list = [Paragraph(esc(kicker), s["kicker"]), Paragraph(esc(d.name), s["doc_title"])]
        status = " · ".join(p for p in (d.kind, d.status) if p)
        if status:
            story.append(Paragraph(esc(status), s["small"]))
        if d.tags:
            story.append(chips(d.tags, theme, s))
        story.append(info_table([
            (_("Address"), d.address), (_("Phone"), display_phone(d.phone, _)), (_("Email"), d.email), (_("Website"), d.website),
            (_("How it decides"), d.decision_circuit),
            (_("Publics reached"), ", ".join(d.publics)), (_("Can bring"), ", ".join(d.contributions)),
        ], s))

        self.section(story, _("People"))
        if d.people:
            story += self._people()
        else:
            story.append(Paragraph(esc(_("No contact person recorded.")), s["small"]))
        self.section(story, _("Projects together"))
        if d.projects:
            rows = [[p.project, p.stage, format_date(p.since), p.contributions] for p in d.projects]
            story.append(data_table([_("Project"), _("Stage"), _("Since"), _("Contributions")], rows,
                                    [60 * mm, 38 * mm, 22 * mm, CONTENT_WIDTH - 120 * mm], theme, s, whole=(2,)))
        else:
            story.append(Paragraph(esc(_("No project together yet.")), s["small"]))
        if not d.internal:
            return story
        self.section(story, _("Last exchanges"))
        if d.interactions:
            rows = [[format_date(i.occurred_on), i.kind, i.summary, i.people] for i in d.interactions]
            story.append(data_table([_("Date"), _("Kind"), _("Summary"), _("With")], rows,
                                    [22 * mm, 26 * mm, CONTENT_WIDTH - 22 * mm - 26 * mm - 40 * mm, 40 * mm],
                                    theme, s, whole=(0,)))
        else:
            story.append(Paragraph(esc(_("No exchange recorded.")), s["small"]))
        return story

    def _people(self) -> list:
        """Two cards a row, both as high as the taller one; a card is never split."""
        gap = 5 * mm
        width = (CONTENT_WIDTH - gap) / 2
        people = self.data.people
        out = []
        for i in range(0, len(people), 2):
            pair = people[i:i + 2]
            height = max(self._card(p, width).wrap(width, 10_000)[1] for p in pair)
            fits = height < BODY_HEIGHT * 0.8  # a card taller than a page (2,000-character texts) may split
            cards = [self._card(p, width, height if fits else None) for p in pair]
            row = [cards[0], "", cards[1] if len(cards) > 1 else ""]
            table = Table([row], colWidths=[width, gap, width], splitInRow=0 if fits else 1)
            table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
            out.append(table)
        return out

    def _card(self, person: PersonCard, width: float, height: float | None = None) -> Table:
        s, theme = self.styles, self.theme
        lines = [Paragraph(f"<b>{esc(person.name)}</b>", s["cell"])]
        if person.role:
            lines.append(Paragraph(esc(person.role), s["small"]))
        for value in person.emails + [display_phone(p, _) for p in person.phones]:
            lines.append(Paragraph(esc(value), s["cell"]))
        if person.relais:
            lines.append(Paragraph(f'<font color="{theme.accent.hexval().replace("0x", "#")}"><b>'
                                   f'{esc(_("Relay of the EPN"))}</b></font>', s["small"]))
        picture = photo(person.photo, PORTRAIT_W, PORTRAIT_H, s) if person.photo else None
        if picture:
            data = [[picture[0], lines]]
            widths = [PORTRAIT_W + 4 * mm, width - PORTRAIT_W - 4 * mm]
        else:
            data = [[lines]]
            widths = [width]
        table = Table(data, colWidths=widths, rowHeights=[height] if height else None, splitInRow=0 if height else 1)
        table.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, -1), theme.pale),
            ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LINEABOVE", (0, 0), (-1, 0), 1.5, theme.main),
            ("BOX", (0, 0), (-1, -1), 0.3, RULE),
        ]))
        return table


def render_partner_sheet(data: PartnerSheetData, identity: EpnIdentity) -> bytes:
    return PartnerSheetDocument(data, identity).render()
