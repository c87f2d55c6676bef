"""Merging two organisations that are partners of the same project loses no pipeline data."""

import datetime as dt

from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import MilestoneData, ProjectData, Stage
from partnerdesk.services import merge, partners, projects


def test_merge_keeps_both_pipeline_cards_data(store):
    keep = partners.create_organisation(OrganisationData(name="Médiathèque Anne-Frank"))
    drop = partners.create_organisation(OrganisationData(name="Mediatheque Anne Frank"))
    project = projects.create_project(ProjectData(title="Premiers pas sur tablette"))
    other = projects.create_project(ProjectData(title="Web radio"))
    card_keep = projects.add_partner(project.id, keep.id, Stage.PREMIER_CONTACT.value)
    card_drop = projects.add_partner(project.id, drop.id, Stage.CO_CONSTRUCTION.value)
    projects.add_partner(other.id, drop.id)
    projects.add_milestone(MilestoneData(project.id, "Réunion de bilan", dt.date(2027, 6, 1),
                                         project_partner_id=card_drop.id))
    projects.add_milestone(MilestoneData(project.id, "Rencontre formelle", dt.date(2027, 1, 10),
                                         project_partner_id=card_keep.id))

    merge.merge_organisations(keep.id, drop.id)

    mine = projects.projects_of_organisation(keep.id)
    assert sorted(p.project_title for p in mine) == ["Premiers pas sur tablette", "Web radio"]
    card = next(c for c in projects.list_cards(project.id))
    assert card.stage == Stage.CO_CONSTRUCTION.value  # the further stage wins
    titles = sorted(m.title for m in projects.milestones_of(project.id))
    assert titles == ["Rencontre formelle", "Réunion de bilan"]
    assert partners.get_organisation(drop.id) is None
