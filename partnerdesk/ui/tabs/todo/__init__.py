"""À faire: what needs doing, from every area.

What the main window needs before the tab is built (ui/lazy_tabs.py): keep this module light.
"""

from partnerdesk.i18n import N_

TITLE = N_("To do")
OPENS = ()  # the kinds TodoTab.open_item answers
TAB = "TodoTab"  # in .tab
