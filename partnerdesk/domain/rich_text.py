"""The rich text of convention sections: a small HTML subset.

Kept: paragraphs, bold, italic, bulleted and numbered lists, two heading
levels, line breaks. Everything else (styles, fonts, colours, tables, images,
word-processor markup) is dropped on paste and on save; bold and italic given
by CSS (`font-weight:700`, `font-style:italic`, as Qt and word processors
write them) become <b> and <i>.

`parse_blocks()` turns any HTML into plain blocks that the PDF and ODT
renderers consume; `clean_html()` writes those blocks back as the subset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_TAG = re.compile(r"<(/?[A-Za-z][\w:-]*|!)")
_SKIP = {"style", "script", "head", "title", "xml", "template"}
_BLOCKS = {"p", "div", "td", "th", "blockquote", "pre", "tr", "section", "article", "dt", "dd"}
_HEADINGS = {"h1": 1, "h2": 1, "h3": 1, "h4": 2, "h5": 2, "h6": 2}
_BOLD_WEIGHT = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.I)
_NORMAL_WEIGHT = re.compile(r"font-weight\s*:\s*(normal|[1-5]00)", re.I)
_ITALIC = re.compile(r"font-style\s*:\s*(italic|oblique)", re.I)
_NORMAL_STYLE = re.compile(r"font-style\s*:\s*normal", re.I)


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """kind: p (paragraph), h (heading, level 1 or 2), li (list item, ordered or not)."""

    kind: str = "p"
    runs: list[Run] = field(default_factory=list)
    level: int = 1
    ordered: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.format: list[tuple[str, bool | None, bool | None, bool]] = []  # (tag, bold, italic, ignored)
        self.lists: list[bool] = []  # ordered?
        self.skip = 0

    @property
    def mso_ignore(self) -> bool:
        """Inside Word's list bullets (`mso-list:Ignore`), which the list itself replaces."""
        return any(entry[3] for entry in self.format)

    # --- state --------------------------------------------------------------
    def _bold(self) -> bool:
        for _tag, bold, _italic, _ignored in reversed(self.format):
            if bold is not None:
                return bold
        return False

    def _italic(self) -> bool:
        for _tag, _bold, italic, _ignored in reversed(self.format):
            if italic is not None:
                return italic
        return False

    def _close_block(self) -> None:
        block = self.current
        self.current = None
        if block is None:
            return
        # trim the spaces at both ends, drop empty runs and empty blocks
        runs = [r for r in block.runs if r.text]
        if runs:
            runs[0].text = runs[0].text.lstrip(" ")
            runs[-1].text = runs[-1].text.rstrip(" ")
            for r in runs:
                r.text = r.text.replace(" \n", "\n").replace("\n ", "\n")
        runs = [r for r in runs if r.text]
        while runs and runs[-1].text.endswith("\n"):
            runs[-1].text = runs[-1].text.rstrip("\n")
            runs = [r for r in runs if r.text]
        if block.kind == "h":  # a heading carries its own weight
            for r in runs:
                r.bold = False
        if runs and "".join(r.text for r in runs).strip():
            block.runs = runs
            self.blocks.append(block)

    def _open_block(self, kind="p", level=1, ordered=False) -> None:
        self._close_block()
        self.current = Block(kind, [], level, ordered)

    def _add_text(self, text: str) -> None:
        if self.current is None:
            kind = "li" if self.lists else "p"
            self.current = Block(kind, [], 1, bool(self.lists and self.lists[-1]))
        bold, italic = self._bold(), self._italic()
        runs = self.current.runs
        if runs and runs[-1].bold == bold and runs[-1].italic == italic:
            runs[-1].text += text
        else:
            runs.append(Run(text, bold, italic))

    # --- parser callbacks ---------------------------------------------------
    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        style = attrs.get("style", "")
        if "mso-list:ignore" in style.replace(" ", "").lower():
            self.format.append((tag, None, None, True))
            return
        if tag == "br":
            if self.current is not None:
                self._add_text("\n")
            return
        if tag in ("ul", "ol"):
            self._close_block()
            self.lists.append(tag == "ol")
            return
        if tag == "li":
            self._open_block("li", 1, bool(self.lists and self.lists[-1]))
        elif tag in _HEADINGS:
            self._open_block("h", _HEADINGS[tag])
        elif tag in _BLOCKS:
            if "msolistparagraph" in attrs.get("class", "").lower():
                self._open_block("li")
            elif not (self.current is not None and self.current.kind == "li" and not self.current.runs):
                self._open_block("li" if self.lists else "p", 1, bool(self.lists and self.lists[-1]))
        if tag in ("img", "hr", "input", "meta", "link"):
            return
        bold = True if tag in ("b", "strong") else None
        italic = True if tag in ("i", "em") else None
        if _BOLD_WEIGHT.search(style):
            bold = True
        elif _NORMAL_WEIGHT.search(style):
            bold = False
        if _ITALIC.search(style):
            italic = True
        elif _NORMAL_STYLE.search(style):
            italic = False
        if tag in _HEADINGS:
            bold = None  # headings carry their own weight
        self.format.append((tag, bold, italic, False))

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and not self.skip and not self.mso_ignore and self.current is not None:
            self._add_text("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in ("ul", "ol"):
            self._close_block()
            if self.lists:
                self.lists.pop()
            return
        for i in range(len(self.format) - 1, -1, -1):
            if self.format[i][0] == tag:
                del self.format[i:]
                break
        if tag in _HEADINGS or tag in _BLOCKS or tag == "li":
            self._close_block()

    def handle_data(self, data):
        if self.skip or self.mso_ignore:
            return
        text = _SPACES.sub(" ", data)
        if not text or (text == " " and (self.current is None or not self.current.runs)):
            return
        self._add_text(text)

    def close(self):
        super().close()
        self._close_block()


def parse_blocks(html: str | None) -> list[Block]:
    """Blocks of any HTML (or plain text, one paragraph per line)."""
    html = html or ""
    if not _TAG.search(html):
        return [Block("p", [Run(line.strip())]) for line in html.splitlines() if line.strip()]
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.blocks


def runs_html(runs: list[Run]) -> str:
    out = []
    for r in runs:
        text = escape(r.text, quote=False).replace("\n", "<br/>")
        if r.italic:
            text = f"<i>{text}</i>"
        if r.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def blocks_html(blocks: list[Block]) -> str:
    out: list[str] = []
    open_list: str | None = None
    for block in blocks:
        wanted = ("ol" if block.ordered else "ul") if block.kind == "li" else None
        if open_list and wanted != open_list:
            out.append(f"</{open_list}>")
            open_list = None
        if wanted and open_list is None:
            out.append(f"<{wanted}>")
            open_list = wanted
        inner = runs_html(block.runs)
        if block.kind == "li":
            out.append(f"<li>{inner}</li>")
        elif block.kind == "h":
            tag = "h3" if block.level == 1 else "h4"
            out.append(f"<{tag}>{inner}</{tag}>")
        else:
            out.append(f"<p>{inner}</p>")
    if open_list:
        out.append(f"</{open_list}>")
    return "".join(out)


def clean_html(html: str | None) -> str:
    """Any HTML (a paste from a word processor, Qt's toHtml) reduced to the subset."""
    return blocks_html(parse_blocks(html))


def plain_text(html: str | None) -> str:
    """One line per block, for diffs and search."""
    lines = []
    for block in parse_blocks(html):
        prefix = "• " if block.kind == "li" else ("# " if block.kind == "h" else "")
        lines.append(prefix + block.text)
    return "\n".join(lines)
