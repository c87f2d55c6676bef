"""Sentences with counts that the window and the command line both print: one wording,
plurals by count ("1 séance tenue", "0 participant")."""

from __future__ import annotations

from pathlib import Path

from partnerdesk.domain.projects import SessionTotals
from partnerdesk.i18n import _, format_number, format_percent, ngettext


def session_totals(t: SessionTotals) -> str:
    """"3 séances tenues sur 8, 41 participants, taux de présence 85 %."""
    return ", ".join((
        ngettext("{held} session held out of {scheduled}", "{held} sessions held out of {scheduled}", t.held),
        ngettext("{people} participant", "{people} participants", t.participants),
        _("attendance rate {rate}."),
    )).format(held=t.held, scheduled=t.scheduled, people=format_number(t.participants), rate=format_percent(t.rate))


def not_a_file(path) -> str:
    """Why `path` cannot be read as a file: it is a folder, or nothing is there."""
    if Path(path).is_dir():
        return _("{path} is a folder, not a file: give the file to read, inside it.").format(path=path)
    return _("No such file: {path}").format(path=path)
