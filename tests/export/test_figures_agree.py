"""One truth per figure: tiles, tables, screens and the CLI computed by the same functions agree."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.engagement import Engagement, partner_figures
from partnerdesk.export.bilan import tiles
from partnerdesk.services import documents, projects, sessions
from partnerdesk.store.models import Project

TODAY = dt.date(2026, 11, 30)


def test_dossier_tiles_budget_table_and_screen_agree_on_demo_projects(demo_store):
    for project in Project.select():
        totals = projects.budget_totals_of(project.id)  # what the Budget page shows
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
