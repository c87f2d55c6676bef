"""The Rencontres list at 1366×768: its columns fit the list, the answers are never cut off by the
list's edge (the whole text in the tooltip); the kind and the project come back when there is room."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.meetings import MeetingData
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import meetings, partners
from partnerdesk.services.meetings import invitations
from partnerdesk.ui.models.meetings import MeetingTableModel as M
from partnerdesk.ui.tabs.meetings.tab import MeetingsTab


def _visible_width(header) -> int:
    return sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))


def test_the_answers_fit_at_1366_and_kind_and_project_return_when_wider(ctx, qtbot):
    orgs = [partners.create_organisation(OrganisationData(f"Association {n}")).id for n in range(5)]
    m = meetings.create_meeting(MeetingData("Comité de programmation", dt.date(2026, 1, 13), kind="comite"))
    invitations.invite(m.id, orgs)
    invitees = invitations.invitees_of(m.id)
    invitations.set_answers(m.id, {invitees[0].id: "present", invitees[1].id: "excuse", invitees[2].id: "confirme"})
    tab = MeetingsTab(ctx)  # the tab alone: the test screen is smaller than the EPN's laptop
    qtbot.addWidget(tab)
    tab.resize(800, 690)  # shown small first, then as wide as in the window at 1366×768
    tab.show()
    qtbot.waitExposed(tab)
    tab.resize(1344, 690)
    qtbot.waitUntil(lambda: tab.view.viewport().width() > 500)
    view, header = tab.view, tab.view.horizontalHeader()
    assert _visible_width(header) <= view.viewport().width() and view.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(M.ANSWERS) >= min(view.sizeHintForColumn(M.ANSWERS), view.viewport().width() // 2)
    assert header.sectionSize(M.TITLE) >= 150
    answers = tab.model.index(0, M.ANSWERS)
    assert answers.data(0x03) == answers.data()  # ToolTipRole: the whole text
    tab.resize(2400, 690)  # a wide screen: the kind and the project come back
    qtbot.waitUntil(lambda: tab.view.viewport().width() > 1000)
    assert not header.isSectionHidden(M.KIND) and not header.isSectionHidden(M.PROJECT)
    assert _visible_width(header) <= view.viewport().width()
