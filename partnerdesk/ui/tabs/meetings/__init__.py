"""Rencontres: meetings and committees.

What the main window needs before the tab is built (ui/lazy_tabs.py): keep this module light.
"""

from partnerdesk.i18n import N_

TITLE = N_("Meetings")
OPENS = ("meeting", "new_committee")  # the kinds MeetingsTab.open_item answers
TAB = "MeetingsTab"  # in .tab
