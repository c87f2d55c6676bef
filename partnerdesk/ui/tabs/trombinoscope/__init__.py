"""Trombinoscope: the people's photos, and the yearly review.

What the main window needs before the tab is built (ui/lazy_tabs.py): keep this module light.
"""

from partnerdesk.i18n import N_

TITLE = N_("Trombinoscope")
OPENS = ("review",)  # the kinds TrombinoscopeTab.open_item answers
TAB = "TrombinoscopeTab"  # in .tab
