"""The convention as OpenDocument text (odfpy), so partners can propose changes
in LibreOffice or Word: the same content and headings as the PDF."""

from __future__ import annotations

import io

from odf import teletype
from odf.opendocument import OpenDocumentText
from odf.draw import Frame, Image
from odf.style import (
    FontFace,
    Footer,
    GraphicProperties,
    Header,
    HeaderFooterProperties,
    HeaderStyle,
    ListLevelProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableRowProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import (
    H,
    List,
    ListItem,
    ListLevelStyleBullet,
    ListLevelStyleNumber,
    ListStyle,
    P,
    PageCount,
    PageNumber,
    Span,
)

from partnerdesk.domain.convention_document import ConventionDocument
from partnerdesk.domain.conventions import address_line
from partnerdesk.domain.grammar import tight
from partnerdesk.domain.rich_text import Block, Run
from partnerdesk.i18n import _

FONT = "DejaVu Sans"


class _Styles:
    def __init__(self, odt: OpenDocumentText, colour: str):
        odt.fontfacedecls.addElement(FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="swiss"))
        default = Style(name="Standard", family="paragraph")
        default.addElement(TextProperties(fontname=FONT, fontsize="10pt"))
        default.addElement(ParagraphProperties(margintop="0cm", marginbottom="0.18cm"))
        odt.styles.addElement(default)
        self.body = self._para(odt, "Body", "10pt")
        self.title = self._para(odt, "ConventionTitle", "18pt", bold=True, colour=colour, align="center")
        self.subtitle = self._para(odt, "ConventionSubtitle", "11pt", align="center", colour="#6b737b")
        self.strong = self._para(odt, "PartiesLead", "10pt", bold=True, space="0.25cm")
        self.party = self._para(odt, "Party", "10pt", indent="0.8cm")
        self.small = self._para(odt, "Small", "8.5pt", colour="#6b737b")
        self.h1 = self._heading(odt, "Heading_20_1", "Heading 1", "12pt", colour)
        self.h2 = self._heading(odt, "Heading_20_2", "Heading 2", "10.5pt", "#000000")
        self.h3 = self._heading(odt, "Heading_20_3", "Heading 3", "10pt", "#000000")
        self.bold = Style(name="Bold", family="text")
        self.bold.addElement(TextProperties(fontweight="bold", fontweightasian="bold", fontweightcomplex="bold"))
        self.italic = Style(name="Italic", family="text")
        self.italic.addElement(TextProperties(fontstyle="italic", fontstyleasian="italic", fontstylecomplex="italic"))
        self.bold_italic = Style(name="BoldItalic", family="text")
        self.bold_italic.addElement(TextProperties(fontweight="bold", fontstyle="italic"))
        for s in (self.bold, self.italic, self.bold_italic):
            odt.automaticstyles.addElement(s)
        self.bullets = ListStyle(name="Bullets")
        self.bullets.addElement(ListLevelStyleBullet(level=1, bulletchar="•"))
        self.numbers = ListStyle(name="Numbers")
        self.numbers.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
        for lst in (self.bullets, self.numbers):
            lst.firstChild.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.5cm"))
            odt.automaticstyles.addElement(lst)
        self.column = Style(name="SignatureColumn", family="table-column")
        self.column.addElement(TableColumnProperties(columnwidth="8.5cm"))
        odt.automaticstyles.addElement(self.column)
        self.row = Style(name="SignatureRow", family="table-row")  # a box is never cut by a page break
        self.row.addElement(TableRowProperties(keeptogether="always"))
        odt.automaticstyles.addElement(self.row)
        self.cell = Style(name="SignatureCell", family="table-cell")  # a framed box to sign in
        self.cell.addElement(TableCellProperties(border="0.5pt solid #6b737b", padding="0.25cm"))
        odt.automaticstyles.addElement(self.cell)
        self.header = self._para(odt, "EpnHeader", "8.5pt", colour="#6b737b")
        self.header.addElement(ParagraphProperties(borderbottom=f"1pt solid {colour}", paddingbottom="0.15cm"))
        self.draft = self._para(odt, "DraftMark", "11pt", bold=True, colour="#b3411b", align="center",
                                space="0.2cm")
        self.logo = Style(name="LogoFrame", family="graphic")
        self.logo.addElement(GraphicProperties(verticalpos="middle", verticalrel="text", wrap="none"))
        odt.automaticstyles.addElement(self.logo)

    @staticmethod
    def _para(odt, name, size, bold=False, colour=None, align=None, indent=None, space=None):
        style = Style(name=name, family="paragraph", parentstylename="Standard")
        props = {"fontsize": size, "fontname": FONT}
        if bold:
            props["fontweight"] = "bold"
        if colour:
            props["color"] = colour
        style.addElement(TextProperties(**props))
        para = {}
        if align:
            para["textalign"] = align
        if indent:
            para["marginleft"] = indent
        if space:
            para["margintop"] = space
            para["marginbottom"] = space
        if para:
            style.addElement(ParagraphProperties(**para))
        odt.styles.addElement(style)
        return style

    @staticmethod
    def _heading(odt, name, display, size, colour):
        style = Style(name=name, displayname=display, family="paragraph", parentstylename="Standard",
                      defaultoutlinelevel=display[-1])
        style.addElement(TextProperties(fontsize=size, fontweight="bold", color=colour, fontname=FONT))
        style.addElement(ParagraphProperties(margintop="0.35cm", marginbottom="0.15cm", keepwithnext="always"))
        odt.styles.addElement(style)
        return style


def _runs(element, runs: list[Run], styles: _Styles):
    for run in runs:
        if run.bold or run.italic:
            style = styles.bold_italic if run.bold and run.italic else (styles.bold if run.bold else styles.italic)
            span = Span(stylename=style)
            teletype.addTextToElement(span, tight(run.text))
            element.addElement(span)
        else:
            teletype.addTextToElement(element, tight(run.text))
    return element


def _blocks(parent, blocks: list[Block], styles: _Styles) -> None:
    current = None
    ordered = None
    for block in blocks:
        if block.kind == "li":
            if current is None or ordered != block.ordered:
                ordered = block.ordered
                current = List(stylename=styles.numbers if ordered else styles.bullets)
                parent.addElement(current)
            item = ListItem()
            item.addElement(_runs(P(stylename=styles.body), block.runs, styles))
            current.addElement(item)
            continue
        current = None
        if block.kind == "h":
            parent.addElement(_runs(H(outlinelevel=3, stylename=styles.h3), block.runs, styles))
        else:
            parent.addElement(_runs(P(stylename=styles.body), block.runs, styles))


def _text(element, text: str):
    teletype.addTextToElement(element, tight(text))
    return element


def _logo(odt: OpenDocumentText, path: str, styles: _Styles, height_cm: float = 1.1):
    """The EPN's logo as a picture anchored in the header line (None when unreadable)."""
    if not path:
        return None
    try:
        from PIL import Image as PilImage

        with PilImage.open(path) as image:
            width, height = image.size
        href = odt.addPicture(path)
    except (OSError, ValueError):
        return None
    if not width or not height:
        return None
    frame = Frame(stylename=styles.logo, anchortype="as-char", height=f"{height_cm}cm",
                  width=f"{height_cm * width / height:.2f}cm")
    frame.addElement(Image(href=href))
    return frame


def _page_frame(odt: OpenDocumentText, styles: _Styles, doc: ConventionDocument) -> None:
    """A4 pages with the EPN's identity in the header and "page 2 / 5" in the footer."""
    layout = PageLayout(name="ConventionPage")
    layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
                                           margintop="1.5cm", marginbottom="1.5cm", marginleft="2cm",
                                           marginright="2cm"))
    odt.automaticstyles.addElement(layout)
    spaced = HeaderStyle()
    spaced.addElement(HeaderFooterProperties(minheight="0.6cm", marginbottom="0.6cm"))
    layout.addElement(spaced)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    identity = doc.identity
    header = Header()
    line = " · ".join(x for x in (identity.shown_name(_), address_line(identity.address, identity.postcode, identity.city),
                                   identity.phone, identity.email) if x)
    if doc.draft:
        line = f"{doc.labels.get('draft', '')} · {line}"
    paragraph = P(stylename=styles.header)
    logo = _logo(odt, identity.logo_path, styles)
    if logo is not None:
        paragraph.addElement(logo)
        teletype.addTextToElement(paragraph, "   ")
    header.addElement(_text(paragraph, line or doc.title))
    master.addElement(header)
    footer = Footer()
    p = P(stylename=styles.small)
    if identity.legal_line:
        teletype.addTextToElement(p, identity.legal_line + " — ")
    before, rest = doc.labels["page"].split("{page}", 1)
    middle, after = rest.split("{pages}", 1)
    teletype.addTextToElement(p, before)
    p.addElement(PageNumber(selectpage="current"))
    teletype.addTextToElement(p, middle)
    p.addElement(PageCount())
    teletype.addTextToElement(p, after)
    footer.addElement(p)
    master.addElement(footer)
    odt.masterstyles.addElement(master)


def render_odt(doc: ConventionDocument) -> bytes:
    odt = OpenDocumentText()
    colour = doc.identity.main_colour.strip() or "#1F5673"
    if not colour.startswith("#"):
        colour = "#" + colour
    styles = _Styles(odt, colour)
    _page_frame(odt, styles, doc)
    body = odt.text
    labels = doc.labels
    body.addElement(_text(P(stylename=styles.title), doc.title))
    if doc.draft:
        body.addElement(_text(P(stylename=styles.draft), labels.get("draft", "")))
    if doc.subtitle:
        body.addElement(_text(P(stylename=styles.subtitle), doc.subtitle))
    body.addElement(_text(P(stylename=styles.small), doc.version_label))
    body.addElement(_text(P(stylename=styles.strong), labels["between"]))
    for i, party in enumerate(doc.parties):
        if i:
            body.addElement(_text(P(stylename=styles.strong), labels["and"]))
        name = P(stylename=styles.party)
        span = Span(stylename=styles.bold)
        teletype.addTextToElement(span, party.name)
        name.addElement(span)
        body.addElement(name)
        if party.address:
            body.addElement(_text(P(stylename=styles.party), party.address))
        if party.represented:
            body.addElement(_text(P(stylename=styles.party), party.represented))
        elif party.signatory:
            line = labels["represented_by"].format(name=party.signatory, title=party.signatory_title).rstrip(", ")
            body.addElement(_text(P(stylename=styles.party), line))
        body.addElement(_text(P(stylename=styles.party), labels["hereafter"].format(name=party.called)))
    for section in doc.sections:
        body.addElement(_text(H(outlinelevel=1, stylename=styles.h1), f"{section.number}. {section.title}"))
        _blocks(body, section.blocks, styles)
        for k, (title, blocks) in enumerate(section.subsections, 1):
            body.addElement(_text(H(outlinelevel=2, stylename=styles.h2), f"{section.number}.{k}. {title}"))
            _blocks(body, blocks, styles)
        if section.signatures:
            table = Table(name="Signatures")
            table.addElement(TableColumn(numbercolumnsrepeated=2, stylename=styles.column))
            for i in range(0, len(doc.parties), 2):
                row = TableRow(stylename=styles.row)
                for party in doc.parties[i:i + 2]:
                    cell = TableCell(stylename=styles.cell)
                    p = P(stylename=styles.body)
                    span = Span(stylename=styles.bold)
                    teletype.addTextToElement(span, labels["for"].format(name=party.called))
                    p.addElement(span)
                    cell.addElement(p)
                    who = ", ".join(x for x in (party.signatory, party.signatory_title) if x)
                    cell.addElement(_text(P(stylename=styles.body), who))
                    for _blank in range(3):
                        cell.addElement(P(stylename=styles.body))
                    cell.addElement(_text(P(stylename=styles.small), labels["signature"]))
                    row.addElement(cell)
                if len(doc.parties[i:i + 2]) == 1:
                    row.addElement(TableCell())
                table.addElement(row)
            body.addElement(table)
    odt.meta.addElement(_meta_title(doc.title))
    buffer = io.BytesIO()
    odt.write(buffer)
    return buffer.getvalue()


def _meta_title(title: str):
    from odf.dc import Title

    element = Title()
    teletype.addTextToElement(element, title)
    return element
