"""A readable comparison of two versions of a convention, section by section."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from partnerdesk.domain.conventions import ConventionContent
from partnerdesk.domain.labels import N_
from partnerdesk.domain.rich_text import plain_text

SAME, CHANGED, ADDED, REMOVED = "same", "changed", "added", "removed"


@dataclass
class SectionChange:
    title: str
    state: str  # same, changed, added, removed
    lines: list[tuple[str, str]] = field(default_factory=list)  # (" " | "-" | "+", text)


def _texts(content: ConventionContent) -> dict[str, tuple[str, str]]:
    """{key: (title, plain text)} in reading order, parties included."""
    out: dict[str, tuple[str, str]] = {}
    for party in content.parties:
        ident = party.organisation_id or ("epn" if party.is_epn else party.name)
        key = f"party:{ident}"
        signatory = ", ".join(x for x in (party.signatory, party.signatory_title) if x)
        text = "\n".join(x for x in (party.name, signatory, plain_text(party.engagements)) if x)
        out[key] = (party.name, text)
    for section in content.sections:
        out["section:" + section.key] = (section.title, section.title + "\n" + plain_text(section.body))
    return out


def compare(old: ConventionContent, new: ConventionContent) -> list[SectionChange]:
    a, b = _texts(old), _texts(new)
    keys = list(b) + [k for k in a if k not in b]
    changes = []
    for key in keys:
        if key not in a:
            title, text = b[key]
            changes.append(SectionChange(title, ADDED, [("+", line) for line in text.splitlines()]))
        elif key not in b:
            title, text = a[key]
            changes.append(SectionChange(title, REMOVED, [("-", line) for line in text.splitlines()]))
        else:
            old_lines, new_lines = a[key][1].splitlines(), b[key][1].splitlines()
            if old_lines == new_lines:
                changes.append(SectionChange(b[key][0], SAME))
                continue
            lines = []
            for line in difflib.ndiff(old_lines, new_lines):
                if line[:1] in (" ", "-", "+"):
                    lines.append((line[0], line[2:]))
            changes.append(SectionChange(b[key][0], CHANGED, lines))
    return changes


STATE_LABELS = {SAME: N_("unchanged"), CHANGED: N_("changed"), ADDED: N_("added"), REMOVED: N_("removed")}
