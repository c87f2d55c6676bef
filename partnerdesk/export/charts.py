"""Diagrams drawn with reportlab.graphics, every label in DejaVu."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.doughnut import Doughnut
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from partnerdesk.export.base import CONTENT_WIDTH, FONT, FONT_BOLD, money
from partnerdesk.export.theme import MUTED, RULE, TEXT, Theme, tint


def _two_lines(text: str, length: int) -> str:
    """A bar's label on up to two lines of `length` characters (a partner's full name, where it fits)."""
    text = " ".join(str(text).split())
    if len(text) <= length:
        return text
    head = text[: length + 1].rsplit(" ", 1)[0] if " " in text[: length + 1] else text[:length]
    return head + "\n" + _short(text[len(head):].strip(), length)


def _short(text: str, length: int) -> str:
    """At most `length` characters, cut between words (a single long word is cut with "…")."""
    text = " ".join(str(text).split())
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0] if " " in text[: length - 1] else text[: length - 1]
    return cut.rstrip(" ,;:-—") + "…"


def _axis_fonts(chart, size: float = 7.5) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = size
        axis.labels.fillColor = TEXT
        axis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = tint(RULE, 0.3)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.visibleAxis = False
    chart.valueAxis.visibleTicks = False
    chart.categoryAxis.visibleTicks = False


def _legend(items: list[tuple[colors.Color, str]], x: float, y: float, columns: int = 1) -> Legend:
    legend = Legend()
    legend.fontName = FONT
    legend.fontSize = 8
    legend.fillColor = TEXT
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.columnMaximum = max(1, (len(items) + columns - 1) // columns)
    legend.dx = legend.dy = 7
    legend.deltay = 13
    legend.strokeWidth = 0
    legend.strokeColor = None
    legend.colorNamePairs = items
    return legend


def monthly_bars(months: list[tuple[str, int, int]], theme: Theme, value_label: str,
                 width: float = CONTENT_WIDTH, height: float = 62 * mm) -> Drawing:
    """Participants per month (one bar each), the number on top; `months` = [(label, participants, sessions)]."""
    drawing = Drawing(width, height, initialFontName=FONT)
    chart = VerticalBarChart()
    chart.x, chart.y = 10 * mm, 14 * mm
    chart.width, chart.height = width - 14 * mm, height - 22 * mm
    chart.data = [[m[1] for m in months] or [0]]
    chart.categoryAxis.categoryNames = [m[0] for m in months] or [""]
    chart.bars[0].fillColor = theme.main
    chart.bars[0].strokeColor = None
    chart.barSpacing = 2
    chart.groupSpacing = 10 if len(months) < 8 else 5
    _axis_fonts(chart)
    chart.categoryAxis.labels.dy = -3
    chart.valueAxis.valueMin = 0
    peak = max([m[1] for m in months] or [0])
    chart.valueAxis.valueMax = max(5, int(peak * 1.2) + 1)
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT_BOLD
    chart.barLabels.fontSize = 7.5
    chart.barLabels.fillColor = theme.main
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(String(0, height - 5, value_label, fontName=FONT, fontSize=7.5, fillColor=MUTED))
    return drawing


def doughnut(parts: list[tuple[str, float, colors.Color]], centre: str, caption: str,
             width: float = CONTENT_WIDTH, height: float = 52 * mm) -> Drawing:
    """A ring of parts (label, value, colour) with a figure in its centre and a legend on its right."""
    drawing = Drawing(width, height, initialFontName=FONT)
    shown = [p for p in parts if p[1] > 0] or [("", 1, RULE)]
    ring = Doughnut()
    size = height - 6 * mm
    ring.x, ring.y = 2 * mm, 3 * mm
    ring.width = ring.height = size
    ring.data = [p[1] for p in shown]
    ring.labels = None
    ring.innerRadiusFraction = 0.62
    ring.strokeColor = colors.white
    ring.strokeWidth = 1.5
    ring.slices.strokeColor = colors.white
    ring.slices.strokeWidth = 1.5
    ring.slices.fontName = FONT
    for i, part in enumerate(shown):
        ring.slices[i].fillColor = part[2]
    drawing.add(ring)
    cx = ring.x + size / 2
    cy = ring.y + size / 2
    drawing.add(String(cx, cy - 1, centre, fontName=FONT_BOLD, fontSize=12, fillColor=TEXT, textAnchor="middle"))
    drawing.add(String(cx, cy - 12, caption, fontName=FONT, fontSize=7, fillColor=MUTED, textAnchor="middle"))
    legend = _legend([(p[2], p[0]) for p in parts], ring.x + size + 12 * mm, height - 8 * mm)
    legend.fontSize = 8.5
    legend.deltay = 16
    drawing.add(legend)
    return drawing


def compare_bars(rows: list[tuple[str, float, float]], theme: Theme, labels: tuple[str, str],
                 width: float = CONTENT_WIDTH) -> Drawing:
    """Expected vs obtained per partner, as pairs of horizontal bars."""
    height = max(30 * mm, 12 * mm + len(rows) * 10 * mm)
    drawing = Drawing(width, height, initialFontName=FONT)
    chart = HorizontalBarChart()
    chart.x, chart.y = 55 * mm, 10 * mm
    chart.width, chart.height = width - 60 * mm, height - 16 * mm
    reversed_rows = list(reversed(rows))
    chart.data = [[r[1] for r in reversed_rows], [r[2] for r in reversed_rows]]
    chart.categoryAxis.categoryNames = [_two_lines(r[0], 32) for r in reversed_rows]
    chart.bars[0].fillColor = tint(theme.main, 0.65)
    chart.bars[1].fillColor = theme.accent
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 6
    _axis_fonts(chart)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: money(int(v))
    drawing.add(chart)
    drawing.add(_legend([(chart.bars[0].fillColor, labels[0]), (chart.bars[1].fillColor, labels[1])],
                        chart.x, 4 * mm, columns=2))
    drawing.contents[-1].boxAnchor = "sw"
    drawing.contents[-1].y = 0
    drawing.contents[-1].columnMaximum = 1
    drawing.contents[-1].deltax = 45 * mm
    return drawing
