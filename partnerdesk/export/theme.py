"""The EPN's colours on its documents: parsing, tints, and the WCAG contrast every text keeps
with what is behind it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from reportlab.lib import colors

from partnerdesk.domain.identity import EpnIdentity

log = logging.getLogger(__name__)

DEFAULT_MAIN = "#1F5673"  # deep petrol blue
DEFAULT_ACCENT = "#E07A3F"  # warm orange
TEXT = colors.HexColor("#2B2F33")
MUTED = colors.HexColor("#6B737B")
RULE = colors.HexColor("#D5DADF")


def parse_colour(value: str | None, default: str) -> colors.Color:
    """'#1f5673', '1f5673' or a CSS name; the default when empty or not a colour."""
    text = (value or "").strip()
    if text and not text.startswith("#") and len(text) == 6:
        text = "#" + text
    try:
        return colors.toColor(text) if text else colors.HexColor(default)
    except ValueError:
        log.warning("not a colour: %r", value)
        return colors.HexColor(default)


def tint(colour: colors.Color, amount: float) -> colors.Color:
    """Mix `colour` with white: 0 keeps it, 1 is white."""
    return colors.Color(*(c + (1 - c) * amount for c in (colour.red, colour.green, colour.blue)))


def hex_of(colour: colors.Color) -> str:
    return colour.hexval().replace("0x", "#")


def _luminance(colour: colors.Color) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red) + 0.7152 * channel(colour.green) + 0.0722 * channel(colour.blue)


def contrast(a: colors.Color, b: colors.Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


#: the contrast every text must have with what is behind it (WCAG AA)
MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Theme:
    """The EPN's colours. Text drawn in a colour, or on a colour band, uses the `*_ink` / `on_main`
    colours: the chosen colour when it contrasts enough (4.5:1), white or dark text otherwise."""

    main: colors.Color
    accent: colors.Color

    @classmethod
    def of(cls, identity: EpnIdentity) -> Theme:
        return cls(parse_colour(identity.main_colour, DEFAULT_MAIN),
                   parse_colour(identity.accent_colour, DEFAULT_ACCENT))

    @property
    def on_main(self) -> colors.Color:
        """Text on a band of the main colour (table headers, the cover)."""
        return colors.white if contrast(colors.white, self.main) >= MIN_CONTRAST else TEXT

    @property
    def main_ink(self) -> colors.Color:
        """Text in the main colour, on white or on the pale tint (darkened until it reads)."""
        return readable(self.main, self.pale)

    @property
    def accent_ink(self) -> colors.Color:
        """Text in the accent colour on white (kickers, section numbers), darkened until it reads."""
        return readable(self.accent, colors.white)

    @property
    def pale(self) -> colors.Color:
        return tint(self.main, 0.92)

    @property
    def light(self) -> colors.Color:
        return tint(self.main, 0.8)

    @property
    def accent_pale(self) -> colors.Color:
        return tint(self.accent, 0.88)


def readable(colour: colors.Color, background: colors.Color) -> colors.Color:
    """`colour`, mixed with black step by step until it contrasts 4.5:1 with `background`."""
    for step in range(11):
        shade = colors.Color(*(c * (1 - step / 10) for c in (colour.red, colour.green, colour.blue)))
        if contrast(shade, background) >= MIN_CONTRAST:
            return shade
    return TEXT
