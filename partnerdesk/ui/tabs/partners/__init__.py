"""Partenaires: the list of organisations or people, and the open card.

What the main window needs before the tab is built (ui/lazy_tabs.py): keep this module light.
"""

from partnerdesk.i18n import N_

TITLE = N_("Partners")
OPENS = ("organisation", "person")  # the kinds PartnersTab.open_item answers
TAB = "PartnersTab"  # in .tab
