"""Projets: the projects, their card and the all-projects board.

What the main window needs before the tab is built (ui/lazy_tabs.py): keep this module light.
"""

from partnerdesk.i18n import N_

TITLE = N_("Projects")
OPENS = ("project", "project_partner", "session", "milestone")  # the kinds ProjectsTab.open_item answers
TAB = "ProjectsTab"  # in .tab
