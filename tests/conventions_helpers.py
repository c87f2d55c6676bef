"""A convention whose every field resolves, shared by the convention tests."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.services import conventions, partners, projects, settings


def make_convention(partner_name: str = "Dupont & Fils <SARL>", *, kinds=("entreprise",), complete: bool = True):
    settings.save_identity(EpnIdentity(name="EPN de Saint-Aubin", address="2 rue de la Mairie", postcode="35000",
                                       city="Saint-Aubin-des-Prés", phone="02 99 00 00 00",
                                       email="epn@saint-aubin.fr", signatory_name="Marie Durand",
                                       signatory_title="Maire"))
    project = projects.create_project(ProjectData("Ateliers « Premiers clics »", objectives="Rendre autonomes.",
                                                  place="Salle multimédia"))
    org_ids = []
    for i, kind in enumerate(kinds):
        name = partner_name if i == 0 else f"Partenaire {i + 1}"
        org_ids.append(partners.create_organisation(OrganisationData(name, kind=kind)).id)
    conv = conventions.create_convention("Convention Premiers clics", org_ids, project_id=project.id)
    if complete:
        conv.start_date, conv.end_date = dt.date(2026, 1, 5), dt.date(2026, 6, 30)
        conv.signed_on = dt.date(2025, 12, 15)
        conv.sessions_count, conv.people_count, conv.place = 10, 4, "EPN, 2 rue de la Mairie"
        for party in conv.content.parties[1:]:
            party.signatory, party.signatory_title = "Jean Dupont", "Gérant"
        conv = conventions.save_convention(conv)
    return conv
