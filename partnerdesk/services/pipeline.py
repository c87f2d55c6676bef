"""Moving partnership cards between stages: journal entries, undo, calendar proposals."""

from __future__ import annotations

import datetime as dt

from partnerdesk.domain import validation as v
from partnerdesk.domain.labels import N_
from partnerdesk.domain.project_rules import proposals_for
from partnerdesk.domain.projects import MilestoneData, MilestoneProposal, Stage, StageMoveResult
from partnerdesk.store import database
from partnerdesk.store.models import (
    Interaction,
    InteractionOrganisation,
    Milestone,
    Project,
    ProjectPartner,
    StageMove,
)

# The journal line of a move; stage labels are inserted in the data language (French in the app).
MOVE_SUMMARY = N_("Partnership stage: {old} → {new}")
MOVE_REASON = N_("Reason: {reason}")


def _label(stage: str, translate) -> str:
    return translate(Stage(stage).label)


def move_card(project_partner_id: int, to_stage: str, *, position: int | None = None, reason: str = "",
              on: dt.date | None = None, translate=lambda s: s) -> StageMoveResult:
    """Move a card to `to_stage` (at `position` in that column, default: last).

    The move is recorded in the journal (an interaction tied to the project and
    the organisation) and in `stage_move`. Moving to the abandoned lane needs a
    reason. `translate` renders the journal line (the UI passes `_`).
    """
    to = Stage(to_stage)
    if to.is_closed:
        v.collect({"reason": v.check_required(reason) and N_("Say why the partnership was abandoned or refused.")})
    on = on or dt.date.today()
    now = dt.datetime.now()
    with database.atomic("IMMEDIATE"):
        pp = ProjectPartner.get_by_id(project_partner_id)
        from_stage, from_position, previous_reason = pp.stage, pp.position, pp.closed_reason
        _place(pp, to.value, position)
        pp.closed_reason = reason.strip() if to.is_closed else ""
        if pp.stage != from_stage:
            pp.stage_since = on
        pp.updated_at = now
        pp.save()
        interaction_id = None
        if from_stage != to.value:
            summary = translate(MOVE_SUMMARY).format(old=_label(from_stage, translate), new=_label(to.value, translate))
            if to.is_closed and reason.strip():
                summary += " — " + translate(MOVE_REASON).format(reason=reason.strip())
            interaction = Interaction.create(kind="autre", occurred_on=on, summary=summary,
                                             project_id=pp.project_id, created_at=now)
            InteractionOrganisation.create(interaction=interaction, organisation=pp.organisation_id)
            interaction_id = interaction.id
        move = StageMove.create(project_partner=pp, from_stage=from_stage, to_stage=to.value, moved_on=on,
                                reason=reason.strip(), interaction=interaction_id, created_at=now)
    return StageMoveResult(project_partner_id, from_stage, to.value, from_position, move.id, interaction_id,
                           previous_reason)


def _place(pp, stage: str, position: int | None) -> None:
    """Put `pp` into column `stage` at `position` (default: last), renumbering the columns touched."""
    old_stage = pp.stage
    old_column = [r for r in _column(pp.project_id, old_stage) if r.id != pp.id]
    new_column = old_column if stage == old_stage else [r for r in _column(pp.project_id, stage) if r.id != pp.id]
    position = len(new_column) if position is None else max(0, min(position, len(new_column)))
    new_column.insert(position, pp)
    pp.stage = stage
    for column in ([new_column] if stage == old_stage else [old_column, new_column]):
        for i, row in enumerate(column):
            if row is pp:
                pp.position = i
            elif row.position != i:
                ProjectPartner.update(position=i).where(ProjectPartner.id == row.id).execute()


def _column(project_id: int, stage: str) -> list[ProjectPartner]:
    return list(ProjectPartner.select().where((ProjectPartner.project == project_id) & (ProjectPartner.stage == stage))
                .order_by(ProjectPartner.position, ProjectPartner.id))


def undo_move(result: StageMoveResult) -> None:
    """Put the card back where it was and remove the journal entry of the move."""
    with database.atomic("IMMEDIATE"):
        pp = ProjectPartner.get_or_none(ProjectPartner.id == result.project_partner_id)
        if pp is None:
            return
        _place(pp, result.from_stage, result.from_position)
        pp.closed_reason = result.previous_reason
        last = (StageMove.select().where((StageMove.project_partner == pp) & (StageMove.id != result.move_id))
                .order_by(StageMove.id.desc()).first())
        pp.stage_since = last.moved_on if last else pp.created_at.date()
        pp.save()
        StageMove.delete().where(StageMove.id == result.move_id).execute()
        if result.interaction_id is not None:
            Interaction.delete().where(Interaction.id == result.interaction_id).execute()


def proposals_for_card(project_partner_id: int, stage: str, today: dt.date | None = None) -> list[MilestoneProposal]:
    """The next steps the EPN calendar proposes for this card at `stage`."""
    pp = ProjectPartner.get_by_id(project_partner_id)
    project = Project.get_by_id(pp.project_id)
    return proposals_for(stage, today or dt.date.today(), project.end_date)


def accept_proposals(project_partner_id: int, proposals: list[MilestoneProposal], translate=lambda s: s
                     ) -> list[MilestoneData]:
    """Accepted proposals become dated milestones of the project, tied to the card."""
    pp = ProjectPartner.get_by_id(project_partner_id)
    now = dt.datetime.now()
    out = []
    with database.atomic():
        for p in proposals:
            title = f"{translate(p.title)} — {pp.organisation.name}"
            row = Milestone.create(project=pp.project_id, project_partner=pp.id, title=title, kind=p.kind,
                                   due_on=p.due_on, created_at=now)
            out.append(MilestoneData(pp.project_id, title, p.due_on, p.kind, row.status, pp.id, None, row.id))
    return out


def moves_of(project_partner_id: int) -> list[tuple[dt.date, str, str, str]]:
    """The history of a card: (date, from, to, reason)."""
    rows = StageMove.select().where(StageMove.project_partner == project_partner_id).order_by(StageMove.id)
    return [(r.moved_on, r.from_stage, r.to_stage, r.reason) for r in rows]
