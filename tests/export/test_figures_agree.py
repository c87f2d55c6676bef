"""One truth per figure: tiles, tables, screens and the CLI computed by the same functions agree."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.engagement import Engagement, partner_figures
from partnerdesk.export.bilan import tiles
from partnerdesk.services import documents, project_budget, projects, sessions
from partnerdesk.store.models import Project

TODAY = dt.date(2026, 11, 30)


def test_dossier_tiles_budget_table_and_screen_agree_on_demo_projects(demo_store):
    for project in Project.select():
        totals = project_budget.budget_totals_of(project.id)  # what the Budget page shows
        data = documents.project_docs.dossier_data(demo_store, project.id, today=TODAY)
        # tiles (budget_secured / pending) are sums over the very lines of the budget table
        assert round(data.budget_total, 2) == totals.total
        assert round(data.budget_secured, 2) == round(totals.secured + totals.own_funds, 2)
        assert round(data.budget_pending, 2) == totals.pending
        still = [b for b in data.budget if not b.funded_by]
        assert round(sum(b.amount for b in still), 2) == totals.uncovered
        # "Déjà engagés" names exactly the engaged partners, counted as the board counts them
        figures = partner_figures(projects.standings_of(project.id))
        assert {c.partner for c in data.commitments} == {s.name for s in figures.engaged}
        assert data.discussed == figures.count(Engagement.EN_DISCUSSION)


def test_bilan_tiles_and_tables_agree_on_demo_projects(demo_store):
    for project in Project.select():
        data = documents.project_docs.bilan_data(demo_store, project.id, TODAY)
        screen = sessions.totals(project.id, TODAY)  # the Séances page and the CLI
        assert len(data.held_sessions) == screen.held
        assert data.participants == screen.participants
        shown = dict((label, value) for value, label in tiles(data))
        for value, label in tiles(data):
            assert value not in ("0", "—", "0 €")  # a tile is never an empty figure
        figures = partner_figures(projects.standings_of(project.id))
        assert {c.partner for c in data.commitments} == {s.name for s in figures.engaged}
        if figures.partners:
            key = next((k for k in shown if "partner" in k), None)
            assert key is None or shown[key] == str(figures.partners)


def test_bilan_counts_names_as_the_screen_does_and_its_tables_add_up(store):
    """Seen in a bilan: a sheet with three names and no head count printed « 0 » participations
    (the Séances page said 3); the appendix listed a cancelled session's 10 planned places but
    its « Prévus » total left them out (10 / 10 / 10, total 20)."""
    from partnerdesk import i18n
    from partnerdesk.domain.projects import ProjectData, SessionData
    from tests.export import pdfcheck

    p = projects.create_project(ProjectData("Tablettes"))
    sessions.create_session(SessionData(p.id, dt.date(2026, 9, 2), planned_attendance=10,
                                        participants=["Ana", "Bob", "Céline"]))
    sessions.create_session(SessionData(p.id, dt.date(2026, 9, 9), planned_attendance=10, cancelled=True))
    sessions.create_session(SessionData(p.id, dt.date(2026, 10, 7), planned_attendance=10, actual_attendance=8))
    screen = sessions.totals(p.id, TODAY)
    data = documents.project_docs.bilan_data(store, p.id, TODAY)
    assert (len(data.held_sessions), data.participants) == (screen.held, screen.participants) == (2, 11)
    assert data.attendance_rate == screen.rate == 0.8  # the head count only: names are not a rate
    assert [(m.sessions, m.participants) for m in data.by_month()] == \
        [(m.sessions, m.participants) for m in screen.per_month] == [(1, 3), (1, 8)]
    i18n.set_language("fr")
    text = " ".join(pdfcheck.text(documents.render("bilan", store, p.id, today=TODAY).pdf).split())
    assert "11 participations" in text
    assert "Total 20 11" in text  # the held sessions' planned places and who came
    assert "annulée" in text and "10 annulée" not in text  # a cancelled row plans nothing
