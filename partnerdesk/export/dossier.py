"""Dossier de présentation of a project, optionally addressed to one partner."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, NextPageTemplate, PageBreak, Paragraph, Spacer, Table

from partnerdesk.domain.documents import DossierData
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.phone_display import display_phone
from partnerdesk.export import charts
from partnerdesk.export.base import (
    BODY_HEIGHT,
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Document,
    clip_line,
    esc,
    labelled,
    long_date,
    money,
    org_text,
    table_style,
)
from partnerdesk.export.flowables import (
    bullet_list,
    callout,
    chips,
    data_table,
    info_table,
    key_figures,
    paragraphs,
)
from partnerdesk.export.images import prepare_photo
from partnerdesk.export.pagination import unsplittable
from partnerdesk.export.theme import contrast, tint
from partnerdesk.i18n import _, format_date, format_percent, language, ngettext


def period(start, end, in_words: bool = True) -> str:
    """"du 1er octobre 2026 au 31 décembre 2026" in the text of a document (like "Édité le…"
    beside it); `in_words=False` in a table's narrow cell ("du 01/10/2026 au 31/12/2026")."""
    show = long_date if in_words else format_date
    if start and end:
        return _("from {start} to {end}").format(start=show(start), end=show(end))
    if start:
        return _("from {start}").format(start=show(start))
    if end:
        return _("until {end}").format(end=show(end))
    return ""


def text_lines(text: str) -> list[str]:
    """Lines of a user list ("- one\\n- two"), bullets and blanks removed."""
    return [line.strip().lstrip("-•*").strip() for line in (text or "").splitlines() if line.strip()]


def contact_block(contact, identity: EpnIdentity, epn_name: str, styles, theme) -> Table:
    lines = []
    if contact.name:
        who = f"<b>{esc(contact.name)}</b>"
        if contact.role:
            who += f" — {esc(contact.role)}"
        lines.append(Paragraph(who, styles["callout"]))
    lines.append(Paragraph(f"<b>{esc(epn_name)}</b>" if not contact.name else esc(epn_name), styles["callout"]))
    place = " ".join(p for p in (identity.postcode, identity.city) if p.strip())
    for value in (identity.address, place):
        if value.strip():
            lines.append(Paragraph(esc(value), styles["callout"]))
    phone = display_phone(contact.phone or identity.phone, _)
    email = contact.email or identity.email
    for name, value in ((_("Phone"), phone), (_("Email"), email), (_("Website"), identity.website)):
        if value and value.strip():
            lines.append(Paragraph(f'<font color="#6B737B">{esc(labelled(name))}</font> {esc(value)}',
                                   styles["callout"]))
    return callout(lines, theme, bar=theme.accent)


class DossierDocument(Document):
    has_cover = True

    def __init__(self, data: DossierData, identity: EpnIdentity):
        super().__init__(identity, data.generated_on)
        self.data = data
        self.kind = _("Presentation dossier")

    def title(self) -> str:
        return f"{self.kind} — {self.data.title}"

    def subject(self) -> str:
        if self.data.addressee:
            return _("Presentation of the project {title} for {partner}").format(
                title=self.data.title, partner=self.data.addressee.organisation)
        return _("Presentation of the project {title}").format(title=self.data.title)

    def header_text(self) -> str:
        return self.data.title

    # --- cover ------------------------------------------------------------

    def draw_cover(self, canvas, doc) -> None:
        d, theme, styles = self.data, self.theme, self.styles
        canvas.saveState()
        top = PAGE_HEIGHT
        x = MARGIN_X
        # identity line at the top of the band
        ident_y = top - 22 * mm
        kicker_y = top - 48 * mm


        ink = theme.on_main  # white on the band, or dark text when the chosen colour is too light
        title = _fitted(esc(d.title), ParagraphStyle("cover_title", parent=styles["title"], textColor=ink),
                        CONTENT_WIDTH, 80 * mm, smallest=13)  # the whole title, smaller when long
        title_h = title.height
        lead = ParagraphStyle("cover_lead", parent=styles["lead"],
                              textColor=tint(theme.main, 0.85) if ink == colors.white else ink)
        summary = Paragraph(esc(_shorten(d.summary, 260)), lead) if d.summary.strip() else None
        summary_h = summary.wrap(CONTENT_WIDTH * 0.9, 40 * mm)[1] if summary else 0
        band_bottom = kicker_y - 6 * mm - title_h - (summary_h + 3 * mm if summary else 0) - 10 * mm
        canvas.setFillColor(theme.main)
        canvas.rect(0, band_bottom, PAGE_WIDTH, top - band_bottom, stroke=0, fill=1)
        canvas.setFillColor(theme.accent)
        canvas.rect(0, band_bottom - 2 * mm, PAGE_WIDTH, 2 * mm, stroke=0, fill=1)

        name_x = x
        if self._logo is not None:
            box_h = 17 * mm
            logo_w, logo_h = self._logo.fit(45 * mm, box_h - 4 * mm)
            canvas.setFillColor(colors.white)
            canvas.roundRect(x, ident_y - 3 * mm, logo_w + 6 * mm, box_h, 2 * mm, stroke=0, fill=1)
            canvas.drawImage(self._logo.reader, x + 3 * mm, ident_y - 3 * mm + (box_h - logo_h) / 2, logo_w, logo_h,
                             mask="auto")
            name_x = x + logo_w + 11 * mm
        # the EPN's name wraps (then shrinks) within the band instead of running off the page
        name = _fitted(f"<b>{esc(self.epn_name)}</b>", ParagraphStyle(
            "cover_epn", parent=styles["body"], fontSize=11, leading=13, textColor=ink, spaceAfter=0),
            PAGE_WIDTH - MARGIN_X - name_x, 11 * mm, smallest=7)
        name.drawOn(canvas, name_x, ident_y + 9.5 * mm - name.height)
        city = self.identity.city.strip()
        if city and name.height <= 7 * mm:
            canvas.setFont(FONT, 8.5)
            canvas.setFillColor(tint(theme.main, 0.75) if ink == colors.white else ink)
            canvas.drawString(name_x, ident_y + 1 * mm, city)

        canvas.setFillColor(theme.accent if contrast(theme.accent, theme.main) >= 3 else ink)
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawString(x, kicker_y, self.kind.upper())
        y = kicker_y - 5 * mm - title_h
        title.drawOn(canvas, x, y)
        if summary:
            y -= summary_h + 3 * mm
            summary.drawOn(canvas, x, y)

        # below the band: photo, addressee, date, contact
        bottom_block = 62 * mm
        y = band_bottom - 10 * mm
        prepared = prepare_photo(d.cover_photo.path, CONTENT_WIDTH, y - bottom_block - 6 * mm) \
            if d.cover_photo else None
        if prepared is not None:
            w, h = prepared.fit(CONTENT_WIDTH, y - bottom_block - 6 * mm)
            canvas.drawImage(prepared.reader, x + (CONTENT_WIDTH - w) / 2, y - h, w, h)
            y -= h + 6 * mm
        else:
            y = self._draw_facts(canvas, y)
        self._draw_addressee(canvas, min(y, bottom_block + 40 * mm) if d.addressee else y)
        self._draw_footer(canvas)
        canvas.restoreState()

    def _draw_facts(self, canvas, top: float) -> float:
        """Without a photo, the cover shows the project at a glance: where, when, for whom."""
        d, s = self.data, self.styles
        facts = [(label, value) for label, value in (
            (_("Who it is for"), ", ".join(d.publics)), (_("When"), period(d.start, d.end)),
            (_("Where"), d.place), (_("Format"), d.duration)) if value]
        if not facts:
            return top
        value_style = ParagraphStyle("cover_fact", parent=s["lead"], textColor=self.theme.main, spaceAfter=0)
        blocks = []
        for label, value in facts:
            para = Paragraph(esc(value[:1].upper() + value[1:]), value_style)
            blocks.append((label, para, para.wrap(CONTENT_WIDTH - 20 * mm, 40 * mm)[1]))
        height = sum(h + 10 * mm for _l, _p, h in blocks) + 6 * mm
        canvas.setFillColor(self.theme.pale)
        canvas.roundRect(MARGIN_X, top - height, CONTENT_WIDTH, height, 3 * mm, stroke=0, fill=1)
        canvas.setFillColor(self.theme.accent)
        canvas.rect(MARGIN_X, top - height, 1.6 * mm, height, stroke=0, fill=1)
        y = top - 6 * mm
        for label, para, h in blocks:
            canvas.setFillColor(self.theme.accent)
            canvas.setFont(FONT_BOLD, 7.5)
            canvas.drawString(MARGIN_X + 10 * mm, y - 2 * mm, label.upper())
            para.drawOn(canvas, MARGIN_X + 10 * mm, y - 4 * mm - h)
            y -= h + 10 * mm
        return top - height - 10 * mm

    def _draw_addressee(self, canvas, y: float) -> None:
        d, theme = self.data, self.theme
        x = MARGIN_X
        if d.addressee:
            canvas.setFillColor(theme.accent)
            canvas.setFont(FONT_BOLD, 8)
            canvas.drawString(x, y - 4 * mm, _("FOR THE ATTENTION OF").upper())
            canvas.setFillColor(theme.main)
            para = _fitted(esc(d.addressee.organisation), self.styles["doc_title"], CONTENT_WIDTH * 0.62, 24 * mm,
                           smallest=9)
            h = para.height
            para.drawOn(canvas, x, y - 6 * mm - h)
            who = " — ".join(p for p in (d.addressee.person, d.addressee.role) if p)
            if who:
                canvas.setFont(FONT, 9.5)
                canvas.setFillColor(self.styles["body"].textColor)
                canvas.drawString(x, y - 11 * mm - h, clip_line(canvas, who, FONT, 9.5, CONTENT_WIDTH * 0.62))
        canvas.setFillColor(theme.main)
        canvas.setFont(FONT, 9)
        place = self.identity.city.strip()
        when = long_date(d.generated_on)
        dated = _("{place}, {date}").format(place=place, date=when) if place else when
        if language() == "fr":
            dated = f"{place}, le {when}" if place else f"Le {when}"
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, y - 4 * mm, dated)

    # --- pages ------------------------------------------------------------

    def story(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        story: list = [Spacer(1, 1), NextPageTemplate("page"), PageBreak()]

        self.section(story, _("The project"))
        story += paragraphs(d.description or d.summary, s["lead"])
        story.append(info_table([
            (_("Where"), d.place),
            (_("When"), period(d.start, d.end)),
            (_("Format"), d.duration),
        ], s))
        if d.publics:
            story.append(Paragraph(esc(_("Who it is for")), s["h2"]))
            story.append(chips(d.publics, theme, s))
        if d.context.strip():
            story.append(Paragraph(esc(_("Context")), s["h2"]))
            story += paragraphs(d.context, s["body"])
        objectives = text_lines(d.objectives)
        if objectives:
            story.append(Paragraph(esc(_("Objectives")), s["h2"]))
            story += bullet_list(objectives, s["body"], theme)
        if d.calendar:
            story.append(Paragraph(esc(_("Calendar")), s["h2"]))
            rows = [[period(c.start, c.end, in_words=False) if c.end and c.end != c.start else format_date(c.start), c.label]
                    for c in d.calendar]
            story.append(data_table([_("When"), _("Step")], rows, [45 * mm, CONTENT_WIDTH - 45 * mm], theme, s,
                                    whole=(0,)))

        if d.needs or d.budget:
            self.section(story, _("Needs and budget"))
            story += self._budget()
        self.section(story, _("Already committed"))
        story += self._commitments()
        if d.benefits:  # the closing argument reads as one block: never cut across two pages
            part: list = []
            self.section(part, _("What this partnership brings you"))
            if d.addressee:
                partner = org_text(d.addressee.organisation, d.addressee.article, d.addressee.kind)
                part.append(Paragraph(esc(_("Written for {partner}, from what it does and the publics it serves.")
                                          .format(partner=partner)), s["small"]))
            part += self._benefits()
            story.append(KeepTogether(part))
        self.section(story, _("Contact"))
        invitation = Paragraph(esc(_("We would be glad to present the project to you in person and to build it "
                                     "with you.")), s["body"])
        invitation.keepWithNext = True
        story.append(invitation)
        story.append(contact_block(d.contact, self.identity, self.epn_name, s, theme))
        return story

    def _budget(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        out: list = []
        total = d.budget_total
        if d.budget:
            secured, pending = d.budget_secured, d.budget_pending
            missing = max(0.0, total - secured - pending)
            figures = key_figures([(money(total), _("total budget"))] + [  # no "0 €" tile
                (money(value), label) for value, label in ((secured, _("already secured")),
                                                           (pending, _("under discussion")),
                                                           (missing, _("still to find"))) if value >= 0.005
            ], theme, s)
            ratio = secured / total if total else None
            figures.keepWithNext = True  # with its heading and the ring below
            out.extend([figures, charts.doughnut([
                (_("Secured: {amount}").format(amount=money(secured)), secured, theme.main),
                (_("Under discussion: {amount}").format(amount=money(pending)), pending, tint(theme.main, 0.55)),
                (_("Still to find: {amount}").format(amount=money(missing)), missing, theme.accent),
            ], format_percent(ratio), _("secured"))])
        if d.needs:
            out.append(Paragraph(esc(_("What the project needs")), s["h2"]))
            rows = [[n.kind, n.description, money(n.amount) if n.amount else "—"] for n in d.needs]
            out.append(data_table([_("Type"), _("Description"), _("Estimate")], rows,
                                  [38 * mm, CONTENT_WIDTH - 38 * mm - 30 * mm, 30 * mm], theme, s, ["l", "l", "r"]))
        if d.budget:
            out.append(Paragraph(esc(_("Budget")), s["h2"]))
            rows = [[b.label, b.funded_by or b.note or _("to find"), _("secured") if b.secured else
                     (_("under discussion") if b.funded_by else _("to find")), money(b.amount)] for b in d.budget]
            out.append(data_table(
                [_("Item"), _("Funded by"), _("Status"), _("Amount")], rows,
                [CONTENT_WIDTH - 55 * mm - 30 * mm - 28 * mm, 55 * mm, 30 * mm, 28 * mm], theme, s,
                ["l", "l", "l", "r"], total=[_("Total"), "", "", money(total)]))
        return out

    def _commitments(self) -> list:
        d, s, theme = self.data, self.styles, self.theme
        if not d.commitments:
            return [callout([Paragraph(esc(_("No partner has committed yet: your support would be the first one, "
                                             "and the project would be built with you from the start.")),
                                       s["callout"])], theme)]  # partners under discussion are not named
        grouped: dict[str, list] = {}
        for c in d.commitments:
            grouped.setdefault(c.partner, []).append(c)
        count = len(grouped)
        line = (_("{count} partners already support the project.").format(count=count)
                if count > 1 else _("One partner already supports the project."))
        if d.discussed:
            line += " " + ngettext("{count} other partner is under discussion.",
                                   "{count} other partners are under discussion.", d.discussed).format(
                count=d.discussed)
        out = [Paragraph(esc(line), s["body"])]
        rows = []
        for partner, items in grouped.items():
            what = [Paragraph(esc(c.kind + (f" — {c.description}" if c.description else "")), s["cell"],
                              bulletText="•" if len(items) > 1 else None) for c in items]
            known = [c.obtained if c.obtained is not None else c.expected for c in items]
            known = [v for v in known if v is not None]
            status = ", ".join(dict.fromkeys(c.status for c in items if c.status))
            rows.append([Paragraph(f"<b>{esc(partner)}</b>", s["cell"]), what,
                         money(sum(known)) if known else "—", status])
        out.append(data_table([_("Partner"), _("Contribution"), _("Value"), _("Status")], rows,
                              [50 * mm, CONTENT_WIDTH - 50 * mm - 24 * mm - 30 * mm, 24 * mm, 30 * mm],
                              theme, s, ["l", "l", "r", "l"]))
        return out

    def _benefits(self) -> list:
        s, theme = self.styles, self.theme
        gap = 5 * mm
        width = (CONTENT_WIDTH - gap) / 2
        cells = [[Paragraph(esc(b.title), s["h2"]), Paragraph(esc(b.text), s["callout"])]
                 for b in self.data.benefits]
        rows = []
        for i in range(0, len(cells), 2):
            rows.append([cells[i], "", cells[i + 1] if i + 1 < len(cells) else ""])
        table = Table(rows, colWidths=[width, gap, width])
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                    ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                    ("LINEBELOW", (0, 0), (-1, -1), 5, colors.white)]
        for r, row in enumerate(rows):
            for c in (0, 2):
                if row[c] != "":
                    commands.append(("BACKGROUND", (c, r), (c, r), theme.accent_pale))
                    commands.append(("LINEABOVE", (c, r), (c, r), 2, theme.accent))
        table.setStyle(table_style(commands))
        return [unsplittable(table, CONTENT_WIDTH, BODY_HEIGHT * 0.8)]


def _fitted(markup: str, style: ParagraphStyle, width: float, height: float, smallest: float = 8) -> Paragraph:
    """A paragraph that fits `width` × `height`: wrapped, then in a smaller font when still too tall
    (down to `smallest` points; below that it is printed whole at that size). `.height` is set."""
    size = style.fontSize
    while True:
        fitted = ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size,
                                leading=size * style.leading / style.fontSize)
        para = Paragraph(markup, fitted)
        _w, h = para.wrap(width, height)
        if h <= height or size <= smallest:
            para.height = h
            return para
        size = max(smallest, size - 1)


def _shorten(text: str, length: int) -> str:
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def render_dossier(data: DossierData, identity: EpnIdentity) -> bytes:
    return DossierDocument(data, identity).render()
