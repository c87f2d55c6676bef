"""Prepare the dossier and the bilan of a project from the database."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain.consent import ConsentScope
from partnerdesk.domain.documents import (
    Addressee,
    BilanData,
    BudgetLine,
    CalendarItem,
    Commitment,
    Contact,
    DossierData,
    Need,
    PartnerTime,
    Picture,
    Realization,
    SessionLine,
    StaffTime,
)
from partnerdesk.domain.engagement import (
    Coverage,
    Engagement,
    engagement,
    has_obtained,
    line_coverage,
    partner_figures,
    standing_of,
)
from partnerdesk.domain.partners import Contribution, Public
from partnerdesk.domain.text import normalize
from partnerdesk.domain.projects import (
    ContributionStatus,
    DurationKind,
    MaterialMode,
    MilestoneStatus,
    PhotoData,
    ProjectData,
    SessionData,
    Stage,
)
from partnerdesk.i18n import _, format_date, format_hours, format_long_date, language, ngettext
from partnerdesk.paths import DataPaths
from partnerdesk.services import consent as consents
from partnerdesk.services import partners, projects, settings
from partnerdesk.services.documents.benefits import PartnerProfile, partnership_benefits
from partnerdesk.services.project_report import ProjectReport, project_report
from partnerdesk.store.models import Affiliation, Person, ProjectPartner

SHARED = ConsentScope.PARTENAIRES.value


class DocumentError(LookupError):
    """The thing to print does not exist (an English message, marked for translation)."""


def _report(project_id: int, today: dt.date) -> ProjectReport:
    report = project_report(project_id, today)
    if report is None:
        raise DocumentError(_("No project with number {id}.").format(id=project_id))
    return report


def _labels(enum, keys: list[str]) -> list[str]:
    return [_(member.label) if (member := enum.parse(k)) else k for k in keys]


def _kind(kind: str, material_mode: str = "") -> str:
    label = _(Contribution(kind).label) if Contribution.parse(kind) else kind
    mode = MaterialMode.parse(material_mode)
    return f"{label} ({_(mode.label).lower()})" if mode else label


def contact_of(project: ProjectData) -> Contact:
    ident = settings.identity()
    return Contact(project.in_charge, _("Project lead") if project.in_charge else "", ident.phone, ident.email)


def shareable_photos(paths: DataPaths, photos: list[PhotoData]) -> tuple[list[Picture], int]:
    """The photos whose every person shown consents to documents given to partners
    (a photo with nobody tagged is kept), and how many were left out."""
    people = sorted({pid for p in photos for pid in p.person_ids})
    consent = {pid: consents.get_consent(pid) for pid in people}
    kept, left_out = [], 0
    for photo in photos:
        if all(consent[pid] is not None and consent[pid].covers(SHARED) for pid in photo.person_ids):
            caption = photo.caption or (format_date(photo.taken_on) if photo.taken_on else "")
            kept.append(Picture(str(paths.photos_dir / photo.file), caption))
        else:
            left_out += 1
    return kept, left_out


def _session_lines(items: list[SessionData], today: dt.date) -> list[SessionLine]:
    """Held and cancelled sessions (`SessionData.is_held`); the others are not part of a bilan."""
    out = []
    for s in items:
        if not s.cancelled and not s.is_held:
            continue
        time = format_hours(s.start_time, s.end_time)
        counted = s.actual_attendance is not None or bool(s.participants)
        out.append(SessionLine(s.held_on, time, s.place, s.facilitator, s.planned_attendance,
                               s.present if counted and not s.cancelled else None, s.cancelled,
                               from_names=s.actual_attendance is None))
    return out


def _addressee(project_id: int, organisation_id: int) -> tuple[Addressee, PartnerProfile]:
    org = partners.get_organisation(organisation_id)
    if org is None:
        raise DocumentError(_("No organisation with number {id}.").format(id=organisation_id))
    link = ProjectPartner.get_or_none((ProjectPartner.project == project_id)
                                      & (ProjectPartner.organisation == organisation_id))
    person, role = None, ""
    if link is not None and link.contact_person_id:
        person = Person.get_or_none(Person.id == link.contact_person_id)
        aff = Affiliation.get_or_none((Affiliation.person == link.contact_person_id)
                                      & (Affiliation.organisation == organisation_id))
        role = aff.role if aff else ""
    if person is None:
        aff = (Affiliation.select().join(Person)
               .where((Affiliation.organisation == organisation_id) & Affiliation.end_date.is_null()
                      & Person.deleted_at.is_null()).order_by(Affiliation.id).first())
        if aff is not None:
            person, role = aff.person, aff.role
    name = f"{person.first_name} {person.last_name}".strip() if person else ""
    stage = _(Stage(link.stage).label) if link is not None else ""
    return (Addressee(org.name, name, role, stage, org.article, org.kind),
            PartnerProfile(org.name, org.kind, list(org.publics), list(org.contributions)))


def dossier_data(paths: DataPaths, project_id: int, organisation_id: int | None = None,
                 today: dt.date | None = None) -> DossierData:
    today = today or dt.date.today()
    report = _report(project_id, today)
    project = report.project
    addressee, profile = _addressee(project_id, organisation_id) if organisation_id else (None, None)
    cards = {p.card.id: p.card for p in report.partners}
    standings = {p.card.id: standing_of(p.card, p.contributions) for p in report.partners}
    levels = {pp_id: st.engagement for pp_id, st in standings.items()}
    budget = []
    for line in report.budget:
        cover = line_coverage(line, levels)
        if cover.coverage is Coverage.OWN_FUNDS:
            budget.append(BudgetLine(line.label, line.amount, _("Own funds of the EPN"), True))
        elif cover.coverage is Coverage.UNCOVERED:
            note = _("to find again: the partner planned has withdrawn") if cover.released else ""
            budget.append(BudgetLine(line.label, line.amount, note=note))
        else:
            budget.append(BudgetLine(line.label, line.amount, cover.partner, cover.coverage is Coverage.SECURED))
    commitments = []
    for partner in report.partners:
        card, items = partner.card, partner.contributions
        if not standings[card.id].is_partner:
            continue  # "Déjà engagés" names the engaged partners only, the addressee included
        for c in items:
            obtained = c.status == ContributionStatus.OBTENU
            commitments.append(Commitment(card.organisation_name, _kind(c.kind, c.material_mode), c.description,
                                          c.value, c.value if obtained else None,
                                          _("Obtained") if obtained else _("Committed"), True))
        if not items:
            commitments.append(Commitment(card.organisation_name, _("Partner of the action"), "", None, None,
                                          _("Committed"), True))
    figures = partner_figures(standings.values())
    all_sessions = [s for s in report.sessions if not s.cancelled]

    def concerns_reader(pp_id: int | None) -> bool:
        card = cards.get(pp_id)
        return pp_id is None or (organisation_id is not None and card is not None
                                 and card.organisation_id == organisation_id)

    calendar = [CalendarItem(m.title, m.due_on) for m in report.milestones
                if concerns_reader(m.project_partner_id)]
    if all_sessions:
        calendar.append(CalendarItem(ngettext("{count} session", "{count} sessions", len(all_sessions)).format(
            count=len(all_sessions)), all_sessions[0].held_on, all_sessions[-1].held_on))
    calendar.sort(key=lambda c: c.start or dt.date.max)
    photos, _left_out = shareable_photos(paths, report.photos)
    places = max((s.planned_attendance or 0 for s in all_sessions), default=0)
    description = project.description.strip()
    return DossierData(
        title=project.title, generated_on=today, summary=description.split("\n\n")[0],
        context=project.context, description=description, objectives=project.objectives,
        publics=_labels(Public, project.publics), place=project.place,
        duration=_(DurationKind(project.duration_kind).label) if DurationKind.parse(project.duration_kind) else "",
        start=project.start_date, end=project.end_date, calendar=calendar,
        needs=[Need(_kind(n.kind, n.material_mode), n.description, n.amount) for n in report.needs],
        budget=budget, commitments=commitments,
        benefits=partnership_benefits(project.publics, len(all_sessions), places, profile),
        addressee=addressee, cover_photo=photos[0] if photos else None, contact=contact_of(project),
        discussed=figures.count(Engagement.EN_DISCUSSION),
    )


def distinct_people(sessions: list[SessionData]) -> int | None:
    """How many different people signed the attendance sheets of the held sessions (names compared
    without case or accents); None when no names were recorded."""
    names = {normalize(n) for s in sessions if s.is_held for n in s.participants if n.strip()}
    return len(names) if names else None


def bilan_data(paths: DataPaths, project_id: int, today: dt.date | None = None) -> BilanData:
    today = today or dt.date.today()
    report = _report(project_id, today)
    project = report.project
    commitments = []
    for partner in report.partners:
        card, items = partner.card, partner.contributions
        if not engagement(card.stage, has_obtained(items)).is_partner:
            continue  # only engaged partners appear in a document handed out
        for c in items:
            obtained = c.status == ContributionStatus.OBTENU
            commitments.append(Commitment(card.organisation_name, _kind(c.kind, c.material_mode), c.description,
                                          c.value, c.value if obtained else None,
                                          _("Obtained") if obtained else _("Committed"), True))
        if not items:
            commitments.append(Commitment(card.organisation_name, _("Partner of the action"), "", None, None,
                                          _(Stage(card.stage).label), True))
    staff: dict[str, float] = {}
    for t in projects.staff_time_of(project_id):
        staff[t.who.strip() or _("EPN team")] = staff.get(t.who.strip() or _("EPN team"), 0.0) + t.hours
    partner_time = []
    for partner in report.partners:
        obtained = sum(c.value or 0 for c in partner.contributions if c.status == ContributionStatus.OBTENU)
        if partner.hours or obtained:
            partner_time.append(PartnerTime(partner.card.organisation_name, partner.hours, obtained))
    unassigned = report.staff_hours_total - sum(p.hours for p in report.partners)
    if partner_time and unassigned > 0.01:
        partner_time.append(PartnerTime(_("The project as a whole"), unassigned, 0.0))
    photos, left_out = shareable_photos(paths, report.photos)
    next_steps = [f"{format_date(m.due_on)} — {m.title}" for m in report.milestones
                  if m.status != MilestoneStatus.FAIT and m.due_on >= today]
    ident = settings.identity()
    from partnerdesk.services.meetings.documents import committee_lines  # noqa: PLC0415 - imports this module

    return BilanData(
        title=project.title, generated_on=today, bilan_text=project.bilan_text,
        objectives=text_lines(project.objectives), people=distinct_people(report.sessions),
        start=project.start_date, end=project.end_date, publics=_labels(Public, project.publics),
        commitments=commitments, sessions=_session_lines(report.sessions, today),
        realizations=[Realization(r.title, r.description, r.made_on) for r in report.realizations],
        photos=photos, photos_left_out=left_out,
        staff_time=[StaffTime(who, hours) for who, hours in staff.items()], partner_time=partner_time,
        next_steps=next_steps[:8], contact=contact_of(project),
        source=_("Figures from PartnerDesk on {date}: sessions and attendance from the attendance sheets, "
                 "contributions from the partnership records kept by {epn}. The detailed sheets are available on "
                 "request.").format(epn=_epn_in_text(ident), date=format_long_date(today)),
        committees=committee_lines(project_id, today),
    )


def _epn_in_text(ident) -> str:
    """The EPN's name inside a sentence: with its article in French ("tenu par l’Espace…")."""
    return ident.in_sentence(language(), _)


def text_lines(text: str) -> list[str]:
    """Lines of a user list ("- one\n- two"), bullets and blanks removed."""
    return [line.strip().lstrip("-•*").strip() for line in (text or "").splitlines() if line.strip()]
