"""Which encoding a file without a declared charset was written in.

A detector that knows its confidence (`charset-normalizer`) proposes
candidates; each candidate's text is then scored on what contact files hold
(Western European letters, or Japanese text), so that Latin-9 "Bœuf" is not
read as cp1252 "B½uf" and a Shift_JIS file is not read as Big5. When two
candidates give different texts that are equally plausible, or the best one
still holds unlikely characters, the choice is left to the user with a
preview (`Guess.confident` is False), never made silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Always tried, in this order of preference when two give the same text.
WESTERN = ("cp1252", "iso8859_15", "latin-1")
EASTERN = ("shift_jis", "cp932", "euc_jp", "gb18030", "big5")
_COMMON_SIGNS = set("«»‘’‚“”„–—…€°·×÷ ªº¿¡§©®™•†‡‰")
_ODD_SIGNS = set("¤¦¨´¸¹²³¯¬¢¥½¼¾µ¶þÞðÐ")
_WESTERN_LETTERS = set("àâäáãåçéèêëíìîïñóòôöõøúùûüýÿœæßÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØÚÙÛÜÝŸŒÆ")
PREVIEW_LINES = 3


@dataclass
class Guess:
    encoding: str
    text: str
    confident: bool
    # (encoding, lines of the file that differ between candidates, as this encoding reads them)
    candidates: list[tuple[str, list[str]]] = field(default_factory=list)


def _is_cjk(ch: str) -> bool:
    if not ch:
        return False
    code = ord(ch)
    return (0x3000 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF
            or 0xF900 <= code <= 0xFAFF or 0xAC00 <= code <= 0xD7AF or 0x20000 <= code <= 0x2FFFF)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def oddness(text: str) -> float:
    """How unlikely this text is as the content of an address book (0 = nothing odd). Only the
    non-ASCII characters (and their neighbours) are looked at: linear, fast on mostly-ASCII files."""
    score = 0.0
    for match in _NON_ASCII.finditer(text):
        index, ch = match.start(), match.group()
        code = ord(ch)
        before = text[index - 1] if index else ""
        if ch in _WESTERN_LETTERS or ch in _COMMON_SIGNS:
            if ch.isupper() and before.islower():
                score += 1  # "PrÈnom": a capital inside a word, the wrong table
            continue
        if 0xFF61 <= code <= 0xFF9F:
            score += 1  # half-width katakana: rare in today's text, frequent in misread Latin bytes
        if _is_cjk(ch):
            after = text[index + 1] if index + 1 < len(text) else ""
            latin = (before.isascii() and before.isalpha()) + (after.isascii() and after.isalpha())
            score += 0.5 * latin  # "B線f": Latin bytes read as CJK; "JPタワー" costs a little
        elif 0x80 <= code <= 0x9F or ch == "\ufffd":
            score += 3  # C1 control characters: the wrong single-byte table
        elif ch in _ODD_SIGNS:
            score += 2
        elif 0x100 <= code <= 0x24F:
            score += 0.5  # other European Latin letters (ł, č, ő): possible in names, less likely
        else:
            score += 1  # letters of other alphabets, symbols: possible, less likely
    return score


def _decodes(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detected(raw: bytes) -> list[str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency
        return []
    try:
        return [m.encoding for m in from_bytes(raw[:200_000], steps=5, cp_isolation=None)][:4]
    except Exception:  # noqa: BLE001 - a detector failure only means fewer candidates
        return []


def _differing_lines(texts: dict[str, str]) -> dict[str, list[str]]:
    """For each encoding, the first lines where the candidates disagree."""
    split = {enc: t.splitlines() for enc, t in texts.items()}
    length = min(len(lines) for lines in split.values())
    wanted = [i for i in range(length) if len({lines[i] for lines in split.values()}) > 1][:PREVIEW_LINES]
    return {enc: [lines[i][:200] for i in wanted] for enc, lines in split.items()}


def guess(raw: bytes, hint: str | None = None) -> Guess:
    """Decode bytes that are not UTF-8. `hint`: an encoding the user chose (always used)."""
    if hint:
        text = _decodes(raw, hint)
        if text is not None:
            return Guess(hint, text, True)
    detected = _detected(raw)
    candidates = list(dict.fromkeys([*WESTERN, *EASTERN, *detected]))
    texts: dict[str, str] = {}
    for encoding in candidates:
        text = _decodes(raw, encoding)
        if text is not None and text not in texts.values():
            texts[encoding] = text
    if not texts:  # cannot happen: latin-1 decodes anything
        return Guess("latin-1", raw.decode("latin-1"), False)
    scores = {enc: oddness(text) for enc, text in texts.items()}
    scored = sorted(texts, key=lambda enc: scores[enc])
    def tolerated(enc: str) -> float:  # a few odd characters in a long text (Japanese with "NPO法人")
        return max(0.5, 0.02 * len(_NON_ASCII.findall(texts[enc])))

    plausible = [enc for enc in scored if scores[enc] <= tolerated(enc)]
    flawless = [enc for enc in plausible if scores[enc] == 0]
    if len(plausible) == 1 or len(flawless) == 1:
        chosen = (flawless or plausible)[0]
        return Guess(chosen, texts[chosen], True)
    if plausible:
        # several readings without anything odd: the best score; among equals a Western table first
        # (a French EPN's files), else the detector decides (Japanese read as Chinese...)
        best = [enc for enc in plausible if scores[enc] == scores[plausible[0]]]
        western = [enc for enc in WESTERN if enc in best]
        if western:
            return Guess(western[0], texts[western[0]], True)
        for enc in detected:
            text = _decodes(raw, enc)
            chosen = next((p for p in plausible if texts[p] == text), None)
            if chosen is not None:
                return Guess(chosen, texts[chosen], True)
    shown = plausible or scored[:3]
    previews = _differing_lines({enc: texts[enc] for enc in shown})
    return Guess(shown[0], texts[shown[0]], False, [(enc, previews[enc]) for enc in shown])
