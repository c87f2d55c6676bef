"""Conventions: the list, the editor (text, parties, circuit, versions) and exports.

What the main window needs before the tab is built (ui/lazy_tabs.py): keep this module light.
"""

from partnerdesk.i18n import N_

TITLE = N_("Conventions")
OPENS = ("convention",)  # the kinds ConventionsTab.open_item answers
TAB = "ConventionsTab"  # in .tab
