"""When two organisation names are the same organisation: ignoring case, accents,
punctuation and legal suffixes ("IBM", "IBM Corp.", "Ibm S.A.")."""

from __future__ import annotations

import re

from partnerdesk.domain.text import normalize

_LEGAL = {
    "sa", "sas", "sasu", "sarl", "eurl", "sci", "scop", "scic", "snc", "sca", "gie", "selarl", "ei", "eirl",
    "gmbh", "ag", "kg", "ohg", "ug", "ev", "gbr", "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc",
    "corp", "corporation", "co", "company", "cie", "bv", "nv", "spa", "srl", "sl", "ab", "oy", "as", "asa", "aps",
    "kk", "pty", "lp", "mbh",
}


def organisation_key(name: str) -> str:
    """"Dupont & Cie S.A.R.L." -> "dupont"; "IBM Corp." -> "ibm"; never empty for a non-empty name."""
    text = normalize(name)
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text)  # s.a.r.l. -> sarl.
    text = re.sub(r"(?<=\b[a-z])\.(?=\s|$)", "", text)
    words = [w for w in re.split(r"[^a-z0-9]+", text.replace("&", " ")) if w]
    while len(words) > 1 and words[-1] in _LEGAL:
        words.pop()
        if len(words) > 1 and words[-1] in ("et", "and", "und"):
            words.pop()
    return " ".join(words) or normalize(name)
