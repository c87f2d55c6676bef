"""Wording of the interface: plurals by count, never "(s)"."""

from __future__ import annotations

import re

from partnerdesk import i18n
from tests.tools.i18n import extract

PARENTHESISED_PLURAL = re.compile(r"\w\((s|es|ies|x)\)")


def test_no_parenthesised_plural_in_the_interface():
    """"fiche(s)", "ligne(s)": every count goes through ngettext. The PDF documents
    (partnerdesk/export) have their own wording work."""
    i18n.set_language("fr")
    offenders = []
    for message, places in extract().items():
        if all(place.startswith("partnerdesk/export/") for place in places):
            continue
        for text in (message, i18n._(message)):
            if PARENTHESISED_PLURAL.search(text):
                offenders.append((text, places[0]))
    assert offenders == []


def test_french_plural_rule_zero_and_one_are_singular():
    i18n.set_language("fr")
    assert i18n.ngettext("{count} card moved to the trash (Ctrl+Z or Trash… to restore it).",
                         "{count} cards moved to the trash (Ctrl+Z or Trash… to restore them).", 1
                         ).format(count=1) == "1 fiche mise à la corbeille (Ctrl+Z ou Corbeille… pour la restaurer)."
    assert i18n.ngettext("{count} row refused", "{count} rows refused", 0).format(count=0) == "0 ligne refusée"
    assert i18n.ngettext("{count} row refused", "{count} rows refused", 2).format(count=2) == "2 lignes refusées"
