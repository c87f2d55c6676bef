"""Prepare the partner sheet of an organisation and the attendance sheet of a session."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.documents import (
    AttendanceSheetData,
    InteractionLine,
    PartnerSheetData,
    PersonCard,
    Picture,
    ProjectStage,
)
from partnerdesk.domain.engagement import engagement, has_obtained
from partnerdesk.domain.partners import Contribution, InteractionKind, OrgKind, OrgStatus, Public
from partnerdesk.domain.projects import ContributionStatus, Stage
from partnerdesk.i18n import _, format_hours
from partnerdesk.paths import DataPaths
from partnerdesk.services import consent as consents
from partnerdesk.services import partners, projects, sessions
from partnerdesk.services.documents.project_docs import SHARED, DocumentError, _kind, _labels
from partnerdesk.store.models import (
    Affiliation,
    Interaction,
    InteractionOrganisation,
    InteractionPerson,
    Organisation,
    OrganisationTag,
    Person,
    Project,
    ProjectPartner,
    Tag,
)

LAST_INTERACTIONS = 12


def _label(enum, key: str) -> str:
    member = enum.parse(key)
    return _(member.label) if member else key


def partner_sheet_data(paths: DataPaths, organisation_id: int, today: dt.date | None = None,
                       internal: bool = False) -> PartnerSheetData:
    """The fiche partenaire. `internal`: the EPN's copy (status, tags, journal, every project at its
    stage); otherwise the copy for the partner: none of these, and no project it refused."""
    org = partners.get_organisation(organisation_id)
    if org is None:
        raise DocumentError(_("No organisation with number {id}.").format(id=organisation_id))
    place = " ".join(p for p in (org.postcode, org.city) if p.strip())
    address = "\n".join(p for p in (org.address.strip(), place, org.country.strip()) if p)
    tags = [t.name for t in Tag.select().join(OrganisationTag).where(OrganisationTag.organisation == organisation_id)
            .order_by(Tag.name)]
    current = (Affiliation.select(Affiliation, Person).join(Person)
               .where((Affiliation.organisation == organisation_id) & Affiliation.end_date.is_null()
                      & Person.deleted_at.is_null()).order_by(Person.last_name, Person.first_name))
    rows = list(current)
    photos = consents.usable_photos(SHARED, [a.person_id for a in rows])
    people = [PersonCard(f"{a.person.first_name} {a.person.last_name}".strip(), a.role, list(a.person.emails or []),
                         list(a.person.phones or []), bool(a.person.relais),
                         Picture(str(paths.photos_dir / photos[a.person_id])) if a.person_id in photos else None)
              for a in rows]
    links = (ProjectPartner.select(ProjectPartner, Project).join(Project)
             .where((ProjectPartner.organisation == organisation_id) & Project.deleted_at.is_null())
             .order_by(Project.start_date.desc(nulls="LAST"), Project.title_norm))
    stages = []
    for link in links:
        items = projects.contributions_of(link.id)
        level = engagement(link.stage, has_obtained(items))
        if not internal and level.is_out:
            continue
        parts = []
        for c in items:
            text = _kind(c.kind, c.material_mode)
            if c.value:
                from partnerdesk.export.base import money  # ReportLab only when a sheet is made

                text += f" ({money(c.value)})"
            if c.status == ContributionStatus.OBTENU:
                text += " ✓"
            parts.append(text)
        stage = _label(Stage, link.stage) if internal else _(level.label)
        stages.append(ProjectStage(link.project.title, stage, link.stage_since, ", ".join(parts)))
    return PartnerSheetData(
        name=org.name, generated_on=today or dt.date.today(), kind=_label(OrgKind, org.kind),
        status=_label(OrgStatus, org.status) if internal else "", address=address, phone=org.phone,
        email=org.email, website=org.website, publics=_labels(Public, org.publics),
        contributions=_labels(Contribution, org.contributions),
        decision_circuit=org.decision_circuit, tags=tags if internal else [], people=people, projects=stages,
        interactions=_interactions(organisation_id) if internal else [], internal=internal,
    )


def _interactions(organisation_id: int) -> list[InteractionLine]:
    rows = list(Interaction.select().join(InteractionOrganisation)
                .where(InteractionOrganisation.organisation == organisation_id)
                .order_by(Interaction.occurred_on.desc(), Interaction.id.desc()).limit(LAST_INTERACTIONS))
    names: dict[int, list[str]] = {}
    if rows:
        for link in (InteractionPerson.select(InteractionPerson, Person).join(Person)
                     .where(InteractionPerson.interaction.in_([r.id for r in rows]))):
            names.setdefault(link.interaction_id, []).append(
                f"{link.person.first_name} {link.person.last_name}".strip())
    return [InteractionLine(r.occurred_on, _label(InteractionKind, r.kind), r.summary, ", ".join(names.get(r.id, [])))
            for r in rows]


def attendance_data(session_id: int, today: dt.date | None = None) -> AttendanceSheetData:
    session = sessions.get_session(session_id)
    if session is None:
        raise DocumentError(_("No session with number {id}.").format(id=session_id))
    project = projects.get_project(session.project_id)
    partner = Organisation.get_or_none(Organisation.id == session.organisation_id) if session.organisation_id else None
    return AttendanceSheetData(
        project=project.title if project else "", held_on=session.held_on, generated_on=today or dt.date.today(),
        time=format_hours(session.start_time, session.end_time), place=session.place,
        facilitator=session.facilitator, partner=partner.name if partner else "",
        planned=session.planned_attendance, names=[n for n in session.participants if n.strip()],
    )
