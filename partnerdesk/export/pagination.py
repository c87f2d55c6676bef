"""Pagination rules shared by every document.

- A heading travels with the first rows of its table (or the first lines of its text): when the
  whole block does not fit, the block is split after at least `MIN_START` of content instead of
  being pushed to the next page whole (`KeepStart`, the doc template's keepTogetherClass).
- Long tables split with their header repeated (`data_table(repeatRows=1)`).
- The part of a long table left for the next page holds at least two rows under its repeated
  header: never a total, or one row, alone there (`TailTable`, the table of `data_table`).
- Boxes and cards never split (`unsplittable`) unless taller than a page.
- A closing block is kept with the end of what precedes it (`closing`).

The page fill of every page is recorded by `export.base.Document` (`page_fill`); the test
wants at least `MIN_FILL` of the body height on every page but the last.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Table
from reportlab.platypus.flowables import _listWrapOn

MIN_FILL = 0.55
#: how much of a block must fit under its heading before the page may break inside it
MIN_START = 22 * mm
#: a table this short is never split (TailTable)
SMALL_TABLE = 60 * mm


class KeepStart(KeepTogether):
    """KeepTogether for headings (keepWithNext): when the block does not fit, split the last
    flowable (a table, a long paragraph) if at least MIN_START of it fits under the headings;
    otherwise move the block to the next page as KeepTogether does."""

    def split(self, aW, aH):
        content = self._content
        if len(content) >= 2 and getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if len(content) >= 2 and self._H > aH:
            heads, last = content[:-1], content[-1]
            _w, head_h = _listWrapOn(heads, aW, self.canv)
            room = aH - head_h - last.getSpaceBefore()
            if room >= MIN_START:
                parts = last.splitOn(self.canv, aW, room)
                if parts:
                    _w, first_h = parts[0].wrapOn(self.canv, aW, room)
                    # a split table, or a whole one that fits once the space after it is not counted
                    if first_h <= room and (len(parts) == 1 or first_h >= MIN_START):
                        return [*heads, *parts]
        return super().split(aW, aH)


class TailTable(Table):
    """A table with a repeated header whose part left for the next page never holds fewer than
    `TAIL` rows (a total alone under the header, or one row): the page breaks a row earlier."""

    TAIL = 2

    def split(self, aW, aH):
        parts = super().split(aW, aH)
        header = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        body = self._nrows - header
        if len(parts) == 2 and body <= self.TAIL and self._height <= SMALL_TABLE:
            return []  # a short table (the rest of a long one) moves whole to the next page
        while (len(parts) == 2 and body > self.TAIL and parts[1]._nrows - header < self.TAIL
               and parts[0]._nrows - header > 1):
            aH -= parts[0]._rowHeights[-1]  # the last row of this page goes with the next
            parts = super().split(aW, aH)
        return parts


def unsplittable(table: Table, width: float, limit: float) -> Table:
    """A box or a card that never splits across pages, unless it is taller than `limit`
    (a page: a 2,000-character text must still print rather than crash)."""
    _w, height = table.wrap(width, 10 * limit)
    table.splitInRow = 0 if height <= limit else 1
    table.splitByRow = 1
    return table


def closing(previous: list, block: list) -> list:
    """`block` (a signature box, a contact card) kept with the last flowable of `previous`, so it
    never stands alone on a final page."""
    if not previous:
        return block
    return previous[:-1] + [KeepTogether([previous[-1], *block])]
