"""Conventions: creation from a template, editing, the validation circuit and versions.

Fields and exports: `services/convention_output.py`.
"""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain import conventions as rules
from partnerdesk.domain.convention_diff import SectionChange, compare
from partnerdesk.domain.conventions import (
    CircuitStep,
    ConventionContent,
    ConventionData,
    ConventionStatus,
    ConventionSummary,
    Party,
    Section,
    StepStatus,
    TransitionError,
    VersionInfo,
)
from partnerdesk.domain.labels import N_
from partnerdesk.domain.projects import Stage
from partnerdesk.domain.rich_text import clean_html
from partnerdesk.domain.validation import check_name_length, check_required, check_text_length, collect, one_line
from partnerdesk.i18n import _, document_language
from partnerdesk.services import convention_templates, settings
from partnerdesk.services.convention_templates import TemplateData
from partnerdesk.store import database
from partnerdesk.store.models import (
    Affiliation,
    Convention,
    ConventionParty,
    ConventionStep,
    ConventionVersion,
    Organisation,
    Person,
    Project,
    ProjectPartner,
)

_FIELDS = "title project_id status start_date end_date signed_on place sessions_count people_count".split()


class ReadOnlyError(ValueError):
    """The convention is signed: changing it means an amendment (a new version)."""

    message = N_("This convention is signed: start an amendment to change it.")


# --- reading -------------------------------------------------------------------

def _party(row: ConventionParty) -> Party:
    return Party(row.name, bool(row.is_epn), row.organisation_id, row.kind, row.address, row.signatory,
                 row.signatory_title, row.engagements, row.id)


def _step(row: ConventionStep) -> CircuitStep:
    return CircuitStep(row.label, row.who, row.status, row.started_on, row.decided_on, row.comment, row.id)


def get_convention(convention_id: int) -> ConventionData | None:
    row = Convention.get_or_none((Convention.id == convention_id) & Convention.deleted_at.is_null())
    if row is None:
        return None
    parties = [_party(p) for p in row.parties.order_by(ConventionParty.position)]
    sections = ConventionContent.from_dict({"sections": row.sections}).sections
    steps = [_step(s) for s in row.steps.order_by(ConventionStep.position)]
    content = ConventionContent(sections, parties, rules.language_of(row.language))
    return ConventionData(**{f: getattr(row, f) for f in _FIELDS}, content=content,
                          steps=steps, version=row.version, id=row.id, amends_id=row.amends_id,
                          template_id=row.template_id)


def _require(convention_id: int) -> Convention:
    row = Convention.get_or_none((Convention.id == convention_id) & Convention.deleted_at.is_null())
    if row is None:
        raise LookupError(convention_id)
    return row


def project_titles(ids: set[int]) -> dict[int, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(Project.select(Project.id, Project.title).where(Project.id.in_(list(ids))).tuples())


def list_conventions(project_id: int | None = None) -> list[ConventionSummary]:
    query = Convention.select().where(Convention.deleted_at.is_null())
    if project_id is not None:
        query = query.where(Convention.project_id == project_id)
    rows = list(query.order_by(Convention.updated_at.desc()))
    names: dict[int, list[str]] = {}
    if rows:
        parties = (ConventionParty.select(ConventionParty.convention, ConventionParty.name)
                   .where(ConventionParty.convention.in_([r.id for r in rows]) & ~ConventionParty.is_epn)
                   .order_by(ConventionParty.position))
        for p in parties:
            names.setdefault(p.convention_id, []).append(p.name)
    titles = project_titles({r.project_id for r in rows})
    return [ConventionSummary(r.id, r.title, titles.get(r.project_id, ""), names.get(r.id, []), r.status,
                              r.version, r.start_date, r.end_date, r.signed_on) for r in rows]


# --- creating and editing -------------------------------------------------------

def epn_party(template: TemplateData | None = None) -> Party:
    identity = settings.identity()
    address = rules.address_line(identity.address, identity.postcode, identity.city)
    with document_language(rules.language_of(template.language if template else "fr")):
        name = identity.shown_name(_)  # an unnamed EPN: « Espace public numérique » in a French convention
    return Party(name, True, None, "", address, identity.signatory_name,
                 identity.signatory_title, template.epn_engagements if template else "")


def signatory_choices(organisation_id: int) -> list[tuple[str, str]]:
    """(name, role) of the organisation's current people, to pick a signatory from."""
    rows = (Person.select(Person.first_name, Person.last_name, Affiliation.role).join(Affiliation)
            .where((Affiliation.organisation == organisation_id) & Affiliation.end_date.is_null()
                   & Person.deleted_at.is_null())
            .order_by(Person.last_name, Person.first_name).tuples())
    return [(f"{first} {last}".strip(), role or "") for first, last, role in rows]


def _project_contact(organisation_id: int, project_id: int | None) -> tuple[str, str]:
    """The organisation's contact person in the project, with their role there, if any."""
    if not project_id:
        return "", ""
    link = ProjectPartner.get_or_none((ProjectPartner.project == project_id)
                                      & (ProjectPartner.organisation == organisation_id))
    if link is None or link.contact_person_id is None:
        return "", ""
    person = Person.get_by_id(link.contact_person_id)
    role = (Affiliation.select(Affiliation.role)
            .where((Affiliation.person == person.id) & (Affiliation.organisation == organisation_id))
            .order_by(Affiliation.end_date.is_null(False), Affiliation.start_date.desc()).scalar())
    return f"{person.first_name} {person.last_name}".strip(), role or ""


def organisation_party(organisation_id: int, template: TemplateData | None = None,
                       project_id: int | None = None) -> Party:
    """A partner party from the organisation's card; its signatory is the project's contact person."""
    org = Organisation.get_by_id(organisation_id)
    address = rules.address_line(org.address, org.postcode, org.city)
    signatory, title = _project_contact(organisation_id, project_id)
    return Party(org.name, False, org.id, org.kind, address, signatory, title,
                 template.partner_engagements if template else "")


def create_convention(title: str, organisation_ids: list[int], *, project_id: int | None = None,
                      template: TemplateData | None = None, start_date: dt.date | None = None,
                      end_date: dt.date | None = None) -> ConventionData:
    """A draft built from `template` (the built-in one by default), saved as version 1."""
    title = one_line(title or "")
    collect({"title": check_required(title) or check_name_length(title)})
    template = template or convention_templates.default_template()
    parties = [epn_party(template)] + [organisation_party(i, template, project_id) for i in organisation_ids]
    sections = [Section(s.key, s.title, s.body, s.kind) for s in template.sections]
    now = dt.datetime.now()
    with database.atomic():
        row = Convention.create(title=title.strip(), project_id=project_id, start_date=start_date,
                                end_date=end_date, sections=[s.__dict__ for s in sections],
                                language=rules.language_of(template.language), template_id=template.id,
                                created_at=now, updated_at=now)
        _write_parties(row.id, parties)
        _snapshot(row, "created", _("Created from the template « {name} »").format(name=template.name), now)
    return get_convention(row.id)


def template_of(template_id: int | None, language: str = "fr") -> TemplateData:
    """The template a convention was made from (`ConventionData.template_id`), for what a partner
    added later commits to: the user's template while it exists and is written in the convention's
    `language`, else (a built-in or blank template, a template deleted since) the built-in template
    of that language."""
    language = rules.language_of(language)
    template = convention_templates.get_template(template_id) if template_id is not None else None
    if template is not None and template.language == language:
        return template
    return convention_templates.default_template(language)


def partner_party(conv: ConventionData, organisation_id: int) -> Party:
    """A partner added to the convention `conv`: its engagements are those of the convention's template."""
    return organisation_party(organisation_id, template_of(conv.template_id, conv.content.language),
                              conv.project_id)


def _write_parties(convention_id: int, parties: list[Party]) -> None:
    wanted = {p.organisation_id for p in parties if p.organisation_id}
    existing = {o.id for o in Organisation.select(Organisation.id).where(Organisation.id.in_(list(wanted)))}
    for p in parties:
        if p.organisation_id not in existing:
            p.organisation_id = None  # the organisation was purged since (a restored old version)
    keep = [p.id for p in parties if p.id]
    ConventionParty.delete().where((ConventionParty.convention == convention_id)
                                   & ConventionParty.id.not_in(keep or [0])).execute()
    for position, p in enumerate(parties):
        values = dict(position=position, organisation=p.organisation_id, is_epn=p.is_epn, name=p.name.strip(),
                      kind=p.kind, address=p.address, signatory=p.signatory.strip(),
                      signatory_title=p.signatory_title.strip(), engagements=clean_html(p.engagements))
        if p.id:
            ConventionParty.update(**values).where(ConventionParty.id == p.id).execute()
        else:
            ConventionParty.create(convention=convention_id, **values)


def validate(data: ConventionData) -> None:
    checks = {"title": check_required(data.title) or check_name_length(data.title)}
    if data.start_date and data.end_date and data.end_date < data.start_date:
        checks["end_date"] = N_("The end date comes before the start date.")
    for field_name in ("sessions_count", "people_count"):
        value = getattr(data, field_name)
        if value is not None and value < 0:
            checks[field_name] = N_("A number of 0 or more is expected.")
    for i, party in enumerate(data.content.parties):
        checks[f"parties.{i}.name"] = check_required(party.name) or check_name_length(party.name)
        checks[f"parties.{i}.signatory"] = check_name_length(party.signatory)
        checks[f"parties.{i}.signatory_title"] = check_name_length(party.signatory_title)
        checks[f"parties.{i}.engagements"] = check_text_length(party.engagements)
    for section in data.content.sections:
        checks[f"sections.{section.key}"] = check_text_length(section.body)
    collect(checks)


def save_convention(data: ConventionData) -> ConventionData:
    """Save the working copy (details, parties, sections). Refused on a signed convention."""
    validate(data)
    with database.atomic("IMMEDIATE"):
        row = _require(data.id)
        if ConventionStatus(row.status).is_signed:
            raise ReadOnlyError(data.id)
        for f in _FIELDS:
            if f != "status":
                setattr(row, f, getattr(data, f))
        row.title = row.title.strip()
        row.sections = [{**s.__dict__, "body": clean_html(s.body)} for s in data.content.sections]
        row.language = rules.language_of(data.content.language)
        row.updated_at = dt.datetime.now()
        row.save()
        _write_parties(row.id, data.content.parties)
    return get_convention(row.id)


def delete_convention(convention_id: int) -> None:
    """To the trash (soft delete); `restore_convention` brings it back."""
    with database.atomic():
        Convention.update(deleted_at=dt.datetime.now()).where(Convention.id == convention_id).execute()


def restore_convention(convention_id: int) -> None:
    with database.atomic():
        Convention.update(deleted_at=None).where(Convention.id == convention_id).execute()


def template_from_convention(convention_id: int, name: str, description: str = "") -> TemplateData:
    conv = get_convention(convention_id)
    epn = next((p for p in conv.content.parties if p.is_epn), None)
    partner = next((p for p in conv.content.parties if not p.is_epn), None)
    template = TemplateData(name, description, [Section(**s.__dict__) for s in conv.content.sections],
                            epn.engagements if epn else "", partner.engagements if partner else "",
                            language=conv.content.language)
    return convention_templates.save_template(template)


# --- status and circuit ----------------------------------------------------------

def set_status(convention_id: int, target: str) -> ConventionData:
    """Move the convention along brouillon → en validation → signée → en cours → échue / résiliée."""
    conv = get_convention(convention_id)
    rules.check_transition(conv.status, target, conv.steps, signed_on=conv.signed_on,
                           start=conv.start_date, end=conv.end_date)
    with database.atomic():
        Convention.update(status=target, updated_at=dt.datetime.now()).where(Convention.id == convention_id).execute()
        if ConventionStatus(target).is_signed and not ConventionStatus(conv.status).is_signed:
            from partnerdesk.services.convention_output import freeze  # the text as signed, kept for good

            freeze(convention_id)
    return get_convention(convention_id)


class SignedDateLocked(TransitionError):
    """The signing date of a signed convention changes only through an amendment."""


def set_dates(convention_id: int, *, signed_on=None, start_date=None, end_date=None) -> None:
    """Start and end dates may be set on a signed convention; its signing date is locked once it is
    signed (SignedDateLocked): a change goes through an amendment."""
    values = {k: v for k, v in (("signed_on", signed_on), ("start_date", start_date), ("end_date", end_date))
              if v is not None}
    if "signed_on" in values:
        row = _require(convention_id)
        if ConventionStatus(row.status).is_signed and row.signed_on and row.signed_on != values["signed_on"]:
            raise SignedDateLocked(N_("The signing date of a signed convention cannot change: start an "
                                      "amendment."))
    if values:
        Convention.update(**values, updated_at=dt.datetime.now()).where(Convention.id == convention_id).execute()


def set_steps(convention_id: int, steps: list[CircuitStep]) -> ConventionData:
    collect({f"steps.{i}.label": check_required(s.label) for i, s in enumerate(steps)})
    with database.atomic("IMMEDIATE"):
        row = _require(convention_id)
        if ConventionStatus(row.status).is_signed:
            raise ReadOnlyError(convention_id)
        keep = [s.id for s in steps if s.id]
        ConventionStep.delete().where((ConventionStep.convention == convention_id)
                                      & ConventionStep.id.not_in(keep or [0])).execute()
        for position, s in enumerate(steps):
            values = dict(position=position, label=s.label.strip(), who=s.who.strip(), status=s.status,
                          started_on=s.started_on, decided_on=s.decided_on, comment=s.comment)
            if s.id:
                ConventionStep.update(**values).where(ConventionStep.id == s.id).execute()
            else:
                ConventionStep.create(convention=convention_id, **values)
    return get_convention(convention_id)


def preset_steps(kinds: list[str]) -> list[CircuitStep]:
    """The circuit steps suggested for the kinds of the partner organisations, in order, without repeats."""
    steps, seen = [], set()
    for kind in kinds:
        for label, who in rules.CIRCUIT_PRESETS.get(kind, []):
            if (kind, label) not in seen:
                seen.add((kind, label))
                steps.append(CircuitStep(label, who))
    return steps


def step_action(convention_id: int, step_id: int, action: str, *, comment: str | None = None,
                today: dt.date | None = None) -> ConventionData:
    """start, approve, refuse or reopen one step. The first started step puts a draft
    under validation; a refused step sends it back to draft."""
    today = today or dt.date.today()
    with database.atomic("IMMEDIATE"):
        row = _require(convention_id)
        if ConventionStatus(row.status).is_signed:
            raise ReadOnlyError(convention_id)
        step_row = ConventionStep.get((ConventionStep.id == step_id) & (ConventionStep.convention == convention_id))
        step = _step(step_row)
        if comment is not None:
            step.comment = comment
        new = rules.step_transition(step, action, today)
        ConventionStep.update(status=new.status, started_on=new.started_on, decided_on=new.decided_on,
                              comment=new.comment).where(ConventionStep.id == step_id).execute()
        status = row.status
        if new.status == StepStatus.EN_COURS.value and status == ConventionStatus.BROUILLON.value:
            status = ConventionStatus.EN_VALIDATION.value
        elif new.status == StepStatus.REFUSE.value and status == ConventionStatus.EN_VALIDATION.value:
            status = ConventionStatus.BROUILLON.value
        Convention.update(status=status, updated_at=dt.datetime.now()).where(Convention.id == convention_id).execute()
    return get_convention(convention_id)


def update_expired(today: dt.date | None = None) -> int:
    """Conventions in progress whose end date has passed become échues; returns how many."""
    from partnerdesk.services.upkeep import expire_conventions

    return expire_conventions(today)


# --- versions -----------------------------------------------------------------------

def _snapshot(row: Convention, kind: str, note: str, now: dt.datetime | None = None) -> int:
    conv = get_convention(row.id)
    number = (ConventionVersion.select().where(ConventionVersion.convention == row.id).count()) + 1
    ConventionVersion.create(convention=row.id, number=number, kind=kind, note=note, content=conv.content.to_dict(),
                             created_at=now or dt.datetime.now())
    Convention.update(version=number).where(Convention.id == row.id).execute()
    return number


def save_version(convention_id: int, note: str = "") -> int:
    """Freeze the working copy as a new version; the old versions are kept. Returns its number."""
    with database.atomic("IMMEDIATE"):
        row = _require(convention_id)
        if ConventionStatus(row.status).is_signed:
            raise ReadOnlyError(convention_id)
        return _snapshot(row, "saved", note)


def list_versions(convention_id: int) -> list[VersionInfo]:
    rows = (ConventionVersion.select().where(ConventionVersion.convention == convention_id)
            .order_by(ConventionVersion.number.desc()))
    return [VersionInfo(r.number, r.created_at, r.note, r.id) for r in rows]


def version_content(convention_id: int, number: int) -> ConventionContent:
    row = ConventionVersion.get((ConventionVersion.convention == convention_id)
                                & (ConventionVersion.number == number))
    return ConventionContent.from_dict(row.content)


def compare_versions(convention_id: int, old: int, new: int) -> list[SectionChange]:
    return compare(version_content(convention_id, old), version_content(convention_id, new))


def restore_version(convention_id: int, number: int) -> int:
    """Make version `number` the working copy again, saved as a new version. Returns its number."""
    content = version_content(convention_id, number)
    with database.atomic("IMMEDIATE"):
        row = _require(convention_id)
        if ConventionStatus(row.status).is_signed:
            raise ReadOnlyError(convention_id)
        row.sections = [s.__dict__ for s in content.sections]
        row.language = content.language
        row.updated_at = dt.datetime.now()
        row.save()
        existing = {p.id for p in row.parties}
        for p in content.parties:
            if p.id not in existing:
                p.id = None
        _write_parties(row.id, content.parties)
        return _snapshot(row, "restored", _("Restored from version {number}").format(number=number))


def with_partner(project_id: int, organisation_id: int) -> list[ConventionSummary]:
    """The live conventions of a project that have `organisation_id` among their parties, signed
    ones first (the board asks about them when a card reaches "Convention signée")."""
    ids = {r.convention_id for r in ConventionParty.select(ConventionParty.convention).where(
        ConventionParty.organisation == organisation_id)}
    found = [c for c in list_conventions(project_id) if c.id in ids]
    return sorted(found, key=lambda c: (not ConventionStatus(c.status).is_signed, c.id))


def suggested_partners(project_id: int) -> list[int]:
    """Organisations to pre-tick in a new convention of the project: the engaged partners
    (`domain/engagement.py`) and those whose convention is being drafted; never a refused or merely
    identified one."""
    from partnerdesk.services import projects

    return [s.organisation_id for s in projects.standings_of(project_id)
            if s.is_partner or (s.stage == Stage.CONVENTION_REDACTION.value and not s.engagement.is_out)]


def create_for_partner(project_id: int, organisation_id: int, title: str) -> ConventionData:
    """A draft convention between the EPN and one partner of a project."""
    return create_convention(title[:200], [organisation_id], project_id=project_id)


from partnerdesk.services import convention_todo  # noqa: E402,F401  registers the "À faire" sources
from partnerdesk.services.convention_amendments import amendments_of, start_amendment  # noqa: E402,F401
