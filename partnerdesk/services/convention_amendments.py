"""Amendments ("avenants"): a signed convention is changed by a draft of its own that points at it.

Part of `services.conventions` (which re-exports `start_amendment` and `amendments_of`)."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain import conventions as rules
from partnerdesk.domain.conventions import ConventionData, ConventionStatus, StepStatus, TransitionError
from partnerdesk.domain.labels import N_
from partnerdesk.i18n import _, document_language
from partnerdesk.services.conventions import _party, _require, _snapshot, _write_parties, get_convention
from partnerdesk.store import database
from partnerdesk.store.models import Convention, ConventionParty, ConventionStep


def start_amendment(convention_id: int, note: str = "") -> ConventionData:
    """An amendment ("avenant") of a signed convention: a draft of its own, with the signed text,
    parties and circuit (to do again), pointing at the convention it amends. The signed convention
    stays as it is, in force, with its signing date. Returns the new draft."""
    with database.atomic("IMMEDIATE"):
        row = _require(convention_id)
        if not ConventionStatus(row.status).is_signed:
            raise TransitionError(N_("Only a signed convention needs an amendment."))
        number = Convention.select().where(Convention.amends_id == convention_id).count() + 1
        label = _("Amendment {number}").format(number=number)  # for the version's note, on screen
        with document_language(rules.language_of(row.language)):  # the title is printed: the text's language
            title = _amendment_title(_("Amendment {number}").format(number=number), row.title)
        now = dt.datetime.now()
        draft = Convention.create(
            title=title,
            project_id=row.project_id, status=ConventionStatus.BROUILLON.value, start_date=row.start_date,
            end_date=row.end_date, signed_on=None, place=row.place, sessions_count=row.sessions_count,
            people_count=row.people_count, sections=row.sections, language=row.language, amends_id=row.id,
            template_id=row.template_id,
            created_at=now, updated_at=now)
        parties = [_party(p) for p in row.parties.order_by(ConventionParty.position)]
        for party in parties:
            party.id = None
        _write_parties(draft.id, parties)
        for position, step in enumerate(row.steps.order_by(ConventionStep.position)):
            ConventionStep.create(convention=draft.id, position=position, label=step.label, who=step.who,
                                  status=StepStatus.A_FAIRE.value)
        _snapshot(draft, "amendment", f"{label} : {note}" if note else label, now)
    return get_convention(draft.id)


def _amendment_title(amendment: str, title: str, limit: int = 200) -> str:
    """"Avenant n° 1 à « … »" within `limit` characters: a long title is shortened inside the
    quotation marks ("…"), never cut before the closing one."""
    text = _("{amendment} to “{title}”").format(amendment=amendment, title=title)
    if len(text) <= limit:
        return text
    room = len(title) - (len(text) - limit) - 1
    return _("{amendment} to “{title}”").format(amendment=amendment, title=title[:max(room, 0)].rstrip() + "…")


def amendments_of(convention_id: int) -> list[int]:
    """Ids of the live amendments of a convention, oldest first."""
    return [r.id for r in Convention.select(Convention.id).where(
        (Convention.amends_id == convention_id) & Convention.deleted_at.is_null()).order_by(Convention.id)]
