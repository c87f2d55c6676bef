"""Building blocks shared by the documents: section headings, key-figure cards,
tables with a repeated header, photos with captions, boxed call-outs.

Every function takes already-escaped markup or plain user text as its name
says: `*_text` arguments are user text and escaped here.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Image,
    Paragraph,
    Spacer,
    Table,
)

from partnerdesk.domain.documents import Picture
from partnerdesk.export.base import BODY_HEIGHT, CONTENT_WIDTH, FONT, esc, table_style
from partnerdesk.export.images import prepare_photo, prepare_photos
from partnerdesk.export.pagination import TailTable, unsplittable
from partnerdesk.export.theme import RULE, Theme


def key_figures(figures: list[tuple[str, str]], theme: Theme, styles) -> Table:
    """A row of cards: big value, small label under it. `figures` = [(value, label)]."""
    gap = 3 * mm
    count = max(1, len(figures))
    card = (CONTENT_WIDTH - gap * (count - 1)) / count
    cells, widths = [], []
    big = styles["figure"]
    for i, (value, label) in enumerate(figures):
        if i:
            cells.append("")
            widths.append(gap)
        # a figure is never broken inside a number: a smaller font when it is too wide for its card
        size = big.fontSize
        while size > 8 and stringWidth(value, big.fontName, size) > card - 18:  # cell paddings
            size -= 0.5
        style = big if size == big.fontSize else ParagraphStyle(
            f"figure-{size}", parent=big, fontSize=size, leading=size * big.leading / big.fontSize)
        cells.append([Paragraph(esc(value).replace(" ", "\u00a0"), style),
                      Paragraph(esc(label), styles["figure_label"])])
        widths.append(card)
    table = Table([cells], colWidths=widths)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
    ]
    for col in range(0, len(cells), 2):
        commands.append(("BACKGROUND", (col, 0), (col, 0), theme.pale))
        commands.append(("LINEABOVE", (col, 0), (col, 0), 2, theme.accent))
    table.setStyle(table_style(commands))
    table.spaceBefore = 4
    table.spaceAfter = 10
    return table


def data_table(header: list[str], rows: list[list], widths: list[float], theme: Theme, styles,
               align: list[str] | None = None, total: list | None = None,
               shaded: list[bool] | None = None, whole: tuple[int, ...] = ()) -> Table:
    """A table that splits across pages with its header repeated.

    `rows` hold plain user text (escaped here) or ready flowables; `align` gives
    "l", "r" or "c" per column; `total` is an optional last row printed bold;
    `shaded` says which rows get the pale background (every other row by default);
    `whole`: the columns whose values are read whole (dates, times), widened like figures.
    """
    align = align or ["l"] * len(header)
    head_style = {"l": "th", "r": "th_right", "c": "th_center"}
    cell_style = {"l": "cell", "r": "cell_right", "c": "cell_center"}
    data = [[Paragraph(esc(h), styles[head_style[a]]) for h, a in zip(header, align)]]
    for row in rows:
        data.append([_cell(v, styles[cell_style[a]]) for v, a in zip(row, align)])
    if total is not None:
        data.append([_cell(v, styles[cell_style[a]], bold=True) for v, a in zip(total, align)])
    widths = _fit_figures(widths, [header] + list(rows) + ([total] if total else []), align, styles, whole)
    scale = CONTENT_WIDTH / sum(widths) if sum(widths) > CONTENT_WIDTH else 1
    table = TailTable(data, colWidths=[w * scale for w in widths], repeatRows=1, splitInRow=1)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), theme.main),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
    ]
    shaded = shaded if shaded is not None else [i % 2 == 1 for i in range(len(rows))]
    for i, shade in enumerate(shaded):
        if shade:
            commands.append(("BACKGROUND", (0, i + 1), (-1, i + 1), theme.pale))
    if total is not None:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 1, theme.main))
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.white))
    table.setStyle(table_style(commands))
    table.spaceBefore = 2
    table.spaceAfter = 10
    return table


def _fit_figures(widths: list[float], rows: list[list], align: list[str], styles,
                 whole: tuple[int, ...] = ()) -> list[float]:
    """Right-aligned columns (amounts, counts) and the `whole` ones (dates, times) made wide enough
    for their longest value, the room taken from the widest other left-aligned column: "10 000 000 €"
    never wraps inside the number, nor « 14 h 30 – 16 h 30 » or "23 Sept 2026" inside the time."""
    widths = list(widths)
    style = styles["cell_bold"]
    wide = max((i for i, a in enumerate(align) if a == "l" and i not in whole), key=lambda i: widths[i],
               default=None)
    for col, a in enumerate(align):
        if (a != "r" and col not in whole) or wide is None:
            continue
        texts = [str(row[col]) for row in rows if col < len(row) and isinstance(row[col], str)]
        need = max((stringWidth(t, style.fontName, style.fontSize) for t in texts), default=0) + 12
        extra = need - widths[col]
        if extra > 0 and widths[wide] - extra >= 25 * mm:
            widths[col] += extra
            widths[wide] -= extra
    return widths


def _cell(value, style, bold: bool = False):
    if isinstance(value, Flowable) or isinstance(value, list):
        return value
    text = esc("" if value is None else value)
    return Paragraph(f"<b>{text}</b>" if bold and text else text, style)


def info_table(pairs: list[tuple[str, str]], styles, label_width: float = 38 * mm,
               width: float = CONTENT_WIDTH) -> Table:
    """Label / value lines ("Lieu", "Dates"…); empty values are left out."""
    rows = [[Paragraph(esc(label), styles["small"]), Paragraph(esc(value), styles["cell"])]
            for label, value in pairs if value and str(value).strip()]
    if not rows:
        return Spacer(1, 0)
    table = Table(rows, colWidths=[label_width, width - label_width], splitInRow=1)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
    ]))
    table.spaceAfter = 8
    return table


def callout(flowables: list, theme: Theme, background=None, bar=None, width: float = CONTENT_WIDTH) -> Table:
    """A tinted box with a coloured bar on its left, for what the reader must see: never split
    across two pages (unless taller than a page)."""
    table = Table([[flowables]], colWidths=[width], splitInRow=1)
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), background or theme.pale),
        ("LINEBEFORE", (0, 0), (0, -1), 3, bar or theme.main),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    table.spaceBefore = 4
    table.spaceAfter = 10
    return unsplittable(table, width, BODY_HEIGHT * 0.9)


def paragraphs(text: str, style) -> list[Paragraph]:
    """User text split on blank lines into paragraphs (single line breaks kept)."""
    blocks = [b.strip() for b in (text or "").replace("\r\n", "\n").split("\n\n")]
    return [Paragraph(esc(b), style) for b in blocks if b]


def bullet_list(items: list[str], style, theme: Theme) -> list[Paragraph]:
    return [Paragraph(esc(item), style, bulletText="•") for item in items if item and item.strip()]


def photo(picture: Picture, max_width: float, max_height: float, styles) -> list[Flowable] | None:
    """A photo downscaled to the box (aspect ratio kept) with its caption under it
    (a list of flowables: wrap it in KeepTogether outside a table)."""
    prepared = prepare_photo(picture.path, max_width, max_height)
    if prepared is None:
        return None
    width, height = prepared.fit(max_width, max_height)
    image = Image(io.BytesIO(prepared.data), width=width, height=height)
    image.hAlign = "LEFT"
    parts = [image]
    if picture.caption.strip():
        parts.append(Paragraph(esc(picture.caption), styles["caption"]))
    return parts


def photo_grid(pictures: list[Picture], styles, columns: int = 2, height: float = 62 * mm) -> list[Table]:
    """Photos in a grid, one table per row so that pages break between rows."""
    gap = 5 * mm
    cell_width = (CONTENT_WIDTH - gap * (columns - 1)) / columns
    prepare_photos([p.path for p in pictures], cell_width, height)
    cells = [c for c in (photo(p, cell_width, height, styles) for p in pictures) if c is not None]
    widths = []
    for c in range(columns):
        widths += [cell_width] + ([gap] if c < columns - 1 else [])
    rows = []
    for start in range(0, len(cells), columns):
        row = []
        for c in range(columns):
            index = start + c
            row.append(cells[index] if index < len(cells) else "")
            if c < columns - 1:
                row.append("")
        table = Table([row], colWidths=widths)
        table.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
        ]))
        rows.append(table)
    return rows


def chips(labels: list[str], theme: Theme, styles) -> Table | Spacer:
    """Small tinted labels in a row (publics, contribution types, tags)."""
    labels = [label for label in labels if label and label.strip()]
    if not labels:
        return Spacer(1, 0)
    texts = [Paragraph(esc(label), styles["cell"]) for label in labels]
    size = styles["cell"].fontSize
    widths = [min(CONTENT_WIDTH, stringWidth(label, FONT, size) + 12) for label in labels]
    rows, row, used = [], [], 0.0
    for para, width in zip(texts, widths):
        if row and used + width + 3 * mm > CONTENT_WIDTH:
            rows.append(row)
            row, used = [], 0.0
        row.append((para, width))
        used += width + 3 * mm
    if row:
        rows.append(row)
    tables = []
    for row in rows:
        data = [[p for p, _w in row]]
        table = Table(data, colWidths=[w for _p, w in row], hAlign="LEFT")
        style = [("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                 ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
        for i in range(len(row)):
            style.append(("BACKGROUND", (i, 0), (i, 0), theme.accent_pale))
            style.append(("LINEAFTER", (i, 0), (i, 0), 3 * mm, colors.white))
        table.setStyle(table_style(style))
        tables.append(table)
    outer = Table([[t] for t in tables], colWidths=[CONTENT_WIDTH], hAlign="LEFT")
    outer.setStyle(table_style([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    outer.spaceAfter = 6
    return outer
