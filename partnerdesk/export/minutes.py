"""Compte rendu of a meeting: who came and who was excused, the agenda, the minutes,
the decisions, the actions (who, what, by when) and the next meeting. Sent to every
participant; built on the shared export base (EPN identity on every page)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.meetings import ANSWER_FORMS, MinutesData
from partnerdesk.domain.rich_text import parse_blocks
from partnerdesk.export.base import CONTENT_WIDTH, FONT_BOLD, Document
from partnerdesk.export.convention import blocks_flowables, drawable, text
from partnerdesk.export.flowables import callout, data_table, info_table
from partnerdesk.i18n import _, format_date, format_full_date, ngettext


def long_date(day) -> str:
    """"Dimanche 1er novembre 2026" (a heading's capital)."""
    words = format_full_date(day)
    return words[:1].upper() + words[1:]


class MinutesDocument(Document):
    def __init__(self, data: MinutesData, identity: EpnIdentity):
        super().__init__(identity, data.generated_on)
        drawable("")  # fonts in place before anything is measured
        self.data = data
        self.kind = _("Minutes")
        self.styles["sub"] = ParagraphStyle("sub", self.styles["body"], fontName=FONT_BOLD, spaceBefore=4,
                                            spaceAfter=3, keepWithNext=1)

    def title(self) -> str:
        return drawable(f"{self.kind} — {self.data.title} — {format_date(self.data.held_on)}")

    def subject(self) -> str:
        return drawable(_("Minutes of the meeting of {date}").format(date=long_date(self.data.held_on)))

    def header_text(self) -> str:
        return drawable(format_date(self.data.held_on))

    def _names(self, answer: str, names: list[str]) -> list:
        """"2 people present" (French "2 présents"), then the names."""
        if not names:
            return []
        label = ngettext(*dict(ANSWER_FORMS)[answer], len(names)).format(count=len(names))
        return [Paragraph(f"<b>{text(label)}</b>", self.styles["body"]),
                Paragraph(text(", ".join(names)), self.styles["body"])]

    def _rich(self, story: list, heading: str, html: str, empty: str) -> None:
        self.section(story, heading)
        blocks = parse_blocks(html)
        story += blocks_flowables(blocks, self.styles) if any(b.text.strip() for b in blocks) else [
            Paragraph(text(empty), self.styles["small"])]

    def story(self) -> list:
        d, s = self.data, self.styles
        story: list = [Paragraph(text((self.kind + " — " + d.kind_label).upper()), s["kicker"]),
                       Paragraph(text(d.title), s["doc_title"])]
        if d.theme:
            story.append(Paragraph(text(d.theme), s["lead"]))
        story.append(Spacer(1, 2))
        story.append(info_table([
            (_("Date"), long_date(d.held_on)), (_("Time"), d.hours), (_("Place"), d.place),
            (_("In charge"), d.in_charge), (_("Project"), d.project)], s))
        self.section(story, _("Participants"))
        people = (self._names("present", d.present) + self._names("excuse", d.excused)
                  + self._names("absent", d.absent))
        story += people or [Paragraph(text(_("Attendance was not recorded.")), s["small"])]
        self._rich(story, _("Agenda"), d.agenda, _("No agenda was written."))
        self._rich(story, _("Minutes"), d.minutes, _("No minutes were written."))
        self.section(story, _("Decisions"))
        if d.decisions:
            story += [Paragraph(text(item), s["body"], bulletText=f"{n}.") for n, item in enumerate(d.decisions, 1)]
        else:
            story.append(Paragraph(text(_("No decision was recorded.")), s["small"]))
        self.section(story, _("Actions"))
        if d.actions:
            rows = [[a.what, a.owner, format_date(a.due_on) if a.due_on else "",
                     _("done on {date}").format(date=format_date(a.done_on)) if a.done_on else ""]
                    for a in d.actions]
            widths = [CONTENT_WIDTH * 0.46, CONTENT_WIDTH * 0.26, 24 * mm]
            widths.append(CONTENT_WIDTH - sum(widths))
            story.append(data_table([_("What"), _("Who"), _("By"), _("Status")],
                                    [[drawable(c) for c in row] for row in rows], widths, self.theme, s,
                                    whole=(2,)))
        else:
            story.append(Paragraph(text(_("No action was decided.")), s["small"]))
        if d.next_meeting:
            story.append(Spacer(1, 6 * mm))
            story.append(callout([Paragraph(f"<b>{text(_('Next meeting'))}</b>", s["callout"]),
                                  Paragraph(text(d.next_meeting), s["callout"])], self.theme))
        return story


def render_minutes(data: MinutesData, identity: EpnIdentity) -> bytes:
    return MinutesDocument(data, identity).render()
