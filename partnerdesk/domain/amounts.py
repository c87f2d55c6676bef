"""Amounts in euros: one parser for what is typed, one rule for what may be stored, one test of
what can be printed (data from an older version or an import may hold anything).

Typed forms: "1 234,50", "1234.5", "1 234,50 €", "1.234,50", "1,234.50", "1.234.567". Exponents,
"inf" and "nan" are not numbers.

Numbers (hours): a single dot followed by exactly three digits after a non-zero integer part ("1.234")
is ambiguous for a French user (one thousand two hundred and thirty-four, written with a dot between
thousands, or 1,234 typed on the keypad): it is refused with a message asking to write it one way or
the other. "0.125" is not ambiguous (no thousands before the dot) and "1,234" is a decimal number.

Amounts in euros have two decimals at most (cents): "0,125" typed is refused (`TOO_PRECISE`), never
rounded; "1.234" and "12,345" are refused as ambiguous (thousands, or decimals that an amount
cannot have).

Amounts that nobody types now (a figure stored by an older version, an archive, a service called by
a script) are rounded half-up to the cent (`to_cents`: 12.345 -> 12.35, 0.125 -> 0.13, on the
figure's shortest decimal form, with Decimal): the services store cents only, and an archive import
says how many figures it rounded.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

from partnerdesk.domain.labels import N_

AMOUNT_MAX = 1_000_000_000  # 1 000 000 000 € for one line, need or contribution
DISPLAY_MAX = 1e15  # beyond this a figure is not a sum of amounts: not printed as one

NOT_AN_AMOUNT = N_("Enter an amount such as 1 234,50.")
NEGATIVE = N_("The amount cannot be negative.")
TOO_LARGE = N_("Too large: 1,000,000,000 € at most.")
AMBIGUOUS = N_("Write 1234 (or 1 234) for one thousand two hundred and thirty-four; cents are written "
               "with two decimals at most, such as 1,23.")
AMBIGUOUS_NUMBER = N_("Write 1234 (or 1 234) for one thousand two hundred and thirty-four, or 1,234 for a "
                      "decimal number.")
TOO_PRECISE = N_("Two decimals at most for an amount in euros, such as 12,35.")
MONEY_DECIMALS = 2

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_PLAIN = re.compile(r"-?(\d+(\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+")  # 1.234.567: dots between thousands
_DOT_THOUSANDS = re.compile(r"-?[1-9]\d{0,2}\.\d{3}")  # 1.234: thousands, or three decimals?
_THREE_DECIMALS = re.compile(r"-?[1-9]\d{0,2}[.,]\d{3}")  # the same for money, either separator


class AmountError(ValueError):
    """What was typed is not an amount; `message` says why (English, marked for translation)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def parse_amount(text: str | None) -> float | None:
    """The amount in euros typed, checked (`check_amount`, two decimals at most); None when nothing
    is typed; AmountError otherwise."""
    raw = _SPACES.sub("", (text or "").replace("€", ""))
    if _THREE_DECIMALS.fullmatch(raw):
        raise AmountError(AMBIGUOUS)
    plain = _plain(raw)
    if plain is None:
        return None
    value = float(plain)
    problem = check_amount(value)
    if problem:
        raise AmountError(problem)
    if "." in plain and len(plain.partition(".")[2].rstrip("0")) > MONEY_DECIMALS:
        raise AmountError(TOO_PRECISE)
    return value


def parse_number(text: str | None) -> float | None:
    """A number typed the French or the English way (hours); None when nothing is typed;
    AmountError when it is not a plain number."""
    raw = _SPACES.sub("", text or "")
    if _DOT_THOUSANDS.fullmatch(raw):
        raise AmountError(AMBIGUOUS_NUMBER)
    plain = _plain(raw)
    return None if plain is None else float(plain)


def _plain(text: str) -> str | None:
    """`text` (spaces taken out) with "." as its only decimal point and no thousands separator;
    None when empty; AmountError when it is not a plain number."""
    if not text:
        return None
    text = _decimal_point(text)
    if not _PLAIN.fullmatch(text):
        raise AmountError(NOT_AN_AMOUNT)
    return text


def _decimal_point(text: str) -> str:
    """The text with "." as its only decimal point and no thousands separator."""
    if "," in text and "." in text:  # the last one is the decimal separator
        thousands, decimal = (".", ",") if text.rfind(",") > text.rfind(".") else (",", ".")
        return text.replace(thousands, "").replace(decimal, ".")
    if "," in text:
        return text.replace(",", ".")
    if text.count(".") > 1:
        if not _GROUPED.fullmatch(text):
            raise AmountError(NOT_AN_AMOUNT)
        return text.replace(".", "")
    return text


def check_amount(value: float | None) -> str | None:
    """None when `value` may be stored as an amount (or is empty), else the message."""
    if value is None:
        return None
    if not math.isfinite(value):
        return NOT_AN_AMOUNT
    if value < 0:
        return NEGATIVE
    return TOO_LARGE if value > AMOUNT_MAX else None


def printable(value: float) -> bool:
    """A stored figure that can be printed as an amount (not inf, nan or 1e300)."""
    return math.isfinite(value) and abs(value) < DISPLAY_MAX


_CENT = Decimal("0.01")


def to_cents(value: float) -> float:
    """`value` rounded half-up to the cent: 12.345 -> 12.35 (Decimal on repr, so that the 12.345 a
    person wrote is not taken for the 12.3449999… a float holds). A figure that is not finite is
    returned as it is (`check_amount` refuses it)."""
    if not math.isfinite(value):
        return value
    return float(Decimal(repr(float(value))).quantize(_CENT, rounding=ROUND_HALF_UP))


def more_than_cents(value: float) -> bool:
    """True when `value` has more than two decimals (rounding it to the cent changes it)."""
    return math.isfinite(value) and to_cents(value) != value
