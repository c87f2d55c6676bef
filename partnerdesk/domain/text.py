"""Text normalisation for French search and duplicate detection."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": "'", "‘": "'"})
_SPACES = re.compile(r"\s+")


def normalize(text: str | None) -> str:
    """Lower-case, accents removed, ligatures expanded, spaces collapsed.

    "Hélène" -> "helene", "ÉCOLE" -> "ecole", "Cœur" -> "coeur".
    """
    if not text:
        return ""
    text = text.translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def name_key(text: str | None) -> str:
    """What two names must share to be the same partner: letters and digits only, ignoring
    case, accents, spaces and punctuation ("École Jules-Ferry" == "ecole jules ferry")."""
    return "".join(c for c in normalize(text) if c.isalnum())


def initials(first_name: str, last_name: str) -> str:
    parts = [p for p in (first_name.strip(), last_name.strip()) if p]
    return "".join(p[0].upper() for p in parts) or "?"
