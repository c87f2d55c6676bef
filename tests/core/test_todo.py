"""The "À faire" sources: cadences, milestones, next steps, sessions, vœux; done and postponed."""

import datetime as dt

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import MilestoneData, ProjectData, SessionData
from partnerdesk.domain.todo import TodoItem, window_end
from partnerdesk.services import partners, projects, sessions, todo
from partnerdesk.store.models import Interaction, InteractionOrganisation, Milestone

TODAY = dt.date(2026, 11, 18)  # a Wednesday


def _interaction(org_id, on, kind="appel"):
    i = Interaction.create(kind=kind, occurred_on=on, summary="", created_at=dt.datetime.now())
    InteractionOrganisation.create(interaction=i, organisation=org_id)


def _keys(today=TODAY):
    return [i.key for i in todo.items(today)]


def test_window_is_this_week_and_next():
    assert window_end(TODAY) == dt.date(2026, 11, 29)
    assert window_end(dt.date(2026, 11, 23)) == dt.date(2026, 12, 6)


def test_overdue_cadence(store):
    late = partners.create_organisation(OrganisationData("En retard", status="actif", contact_cadence_days=30)).id
    fine = partners.create_organisation(OrganisationData("À jour", status="actif", contact_cadence_days=90)).id
    old = partners.create_organisation(OrganisationData("Ancien", status="ancien", contact_cadence_days=30)).id
    _interaction(late, dt.date(2026, 9, 1))
    _interaction(fine, dt.date(2026, 10, 1))
    _interaction(old, dt.date(2025, 1, 1))
    items = todo.overdue_cadences(TODAY)
    assert [(i.open_kind, i.open_id, i.due_on) for i in items] == [("organisation", late, dt.date(2026, 10, 1))]
    assert items[0].is_overdue(TODAY)
    _interaction(late, dt.date(2026, 11, 17))  # logging a contact restarts the cadence
    assert todo.overdue_cadences(TODAY) == []


def test_milestones_next_steps_and_sessions(store):
    org = partners.create_organisation(OrganisationData("Mairie")).id
    p = projects.create_project(ProjectData("Atelier"))
    m_soon = projects.add_milestone(MilestoneData(p.id, "Réunion de bilan", dt.date(2026, 11, 25)))
    projects.add_milestone(MilestoneData(p.id, "Trop loin", dt.date(2026, 12, 15)))
    card = projects.add_partner(p.id, org)
    projects.set_next_step(card.id, "Relancer", dt.date(2026, 11, 16))
    s_soon = sessions.create_session(SessionData(p.id, dt.date(2026, 11, 25), "14:00", "16:00"))
    sessions.create_session(SessionData(p.id, dt.date(2026, 12, 9), "14:00", "16:00"))
    s_past = sessions.create_session(SessionData(p.id, dt.date(2026, 11, 11), "14:00", "16:00", planned_attendance=8))
    items = todo.items(TODAY)
    assert [i.key for i in items] == [f"attendance:{s_past.id}", f"next_step:{card.id}:2026-11-16",
                                      f"milestone:{m_soon.id}", f"session:{s_soon.id}"]
    assert [(i.open_kind, i.open_id) for i in items] == [("session", s_past.id), ("project_partner", card.id),
                                                          ("milestone", m_soon.id), ("session", s_soon.id)]


def test_done_and_postponed_are_remembered(store):
    p = projects.create_project(ProjectData("Atelier"))
    m = projects.add_milestone(MilestoneData(p.id, "Compte-rendu", dt.date(2026, 11, 20)))
    s = sessions.create_session(SessionData(p.id, dt.date(2026, 11, 19)))
    by_key = {i.key: i for i in todo.items(TODAY)}
    todo.postpone(by_key[f"session:{s.id}"], dt.date(2026, 11, 19))
    assert f"session:{s.id}" not in _keys()
    assert f"session:{s.id}" in _keys(dt.date(2026, 11, 19))
    todo.postpone(by_key[f"milestone:{m.id}"], dt.date(2026, 11, 27))
    assert Milestone.get_by_id(m.id).due_on == dt.date(2026, 11, 27)
    assert f"milestone:{m.id}" not in _keys()
    todo.mark_done(by_key[f"milestone:{m.id}"])
    assert Milestone.get_by_id(m.id).status == "fait"
    assert f"milestone:{m.id}" not in _keys(dt.date(2026, 11, 28))
    todo.reopen(f"session:{s.id}")
    assert f"session:{s.id}" in _keys()


def test_greetings_only_in_january(store):
    a = partners.create_organisation(OrganisationData("Actif", status="actif")).id
    b = partners.create_organisation(OrganisationData("Déjà souhaité", status="actif")).id
    partners.create_organisation(OrganisationData("Prospect", status="prospect"))
    _interaction(b, dt.date(2027, 1, 3), kind="voeux")
    assert todo.greetings_in_january(TODAY) == []
    items = todo.greetings_in_january(dt.date(2027, 1, 5))
    assert [(i.open_id, i.key) for i in items] == [(a, f"voeux:{a}:2027")]


def test_other_areas_can_register_sources(store):
    def review_source(today):
        return [TodoItem("review:1", today, "review", "Revoir la fiche", "organisation", 1)]

    todo.register(review_source)
    try:
        assert "review:1" in _keys()
        todo.register(review_source)
        assert todo.SOURCES.count(review_source) == 1
    finally:
        todo.SOURCES.remove(review_source)


def test_demo_todo_has_every_kind_of_line(demo_store):
    kinds = {i.kind for i in todo.items()}
    assert {"milestone", "next_step", "session"} <= kinds


def test_overdue_cadences_agree_with_the_partners_list(store):
    """One truth: "À faire" lists exactly the organisations whose next contact, as the partners
    list shows it, falls by the end of next week, with the same due date; SQLite picks them out."""
    from partnerdesk.store.models import Organisation

    end = window_end(TODAY)
    cases = [  # (cadence, last contact or None, created on)
        (30, end - dt.timedelta(days=30), dt.date(2025, 1, 1)),      # due exactly at the end
        (30, end - dt.timedelta(days=29), dt.date(2025, 1, 1)),      # due the day after
        (7, dt.date(2026, 1, 1), dt.date(2025, 1, 1)),               # long overdue
        (365, None, dt.date(2025, 11, 20)),                          # never contacted, created a year ago
        (365, None, dt.date(2026, 11, 1)),                           # never contacted, created lately
        (90, dt.date(2026, 9, 1), dt.date(2026, 8, 1)),              # contacted, due in December
        (None, dt.date(2020, 1, 1), dt.date(2019, 1, 1)),            # no cadence
        (0, dt.date(2020, 1, 1), dt.date(2019, 1, 1)),               # a zero cadence means none
    ]
    for n, (cadence, last, created) in enumerate(cases):
        org = partners.create_organisation(OrganisationData(f"Partenaire {n}", status="actif",
                                                            contact_cadence_days=cadence))
        Organisation.update(created_at=dt.datetime.combine(created, dt.time(10, 30, 15, 123456))).where(
            Organisation.id == org.id).execute()
        if last is not None:
            _interaction(org.id, last - dt.timedelta(days=40))
            _interaction(org.id, last)
    for status in ("ancien", "ecarte"):
        partners.create_organisation(OrganisationData(f"Statut {status}", status=status, contact_cadence_days=7))
    gone = partners.create_organisation(OrganisationData("À la corbeille", contact_cadence_days=7))
    Organisation.update(deleted_at=dt.datetime(2026, 11, 1)).where(Organisation.id == gone.id).execute()

    shown = {row.id: row.next_due for row in partners.list_organisations(TODAY)
             if row.next_due is not None and row.next_due <= end and row.status not in ("ancien", "ecarte")}
    listed = {item.open_id: item.due_on for item in todo.overdue_cadences(TODAY)}
    assert listed == shown
    assert len(listed) == 3  # due at the end, long overdue, never contacted for a year
