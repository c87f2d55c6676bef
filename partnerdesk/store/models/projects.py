"""Projects, pipelines, sessions, realizations, photos, "À faire" state (migration 0004)."""

from __future__ import annotations

from peewee import (
    BooleanField,
    CompositeKey,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from partnerdesk.store.models.base import BaseModel, JSONField
from partnerdesk.store.models.partners import Interaction, Organisation, Person


class Project(BaseModel):
    title = TextField()
    title_norm = TextField(default="")
    description = TextField(default="")
    objectives = TextField(default="")
    context = TextField(default="")
    publics = JSONField(default=list)
    duration_kind = TextField(default="ponctuel")
    start_date = DateField(null=True)
    end_date = DateField(null=True)
    place = TextField(default="")
    in_charge = TextField(default="")
    status = TextField(default="en_preparation")
    bilan_text = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()
    deleted_at = DateTimeField(null=True)


class ProjectNeed(BaseModel):
    project = ForeignKeyField(Project, backref="needs", on_delete="CASCADE")
    kind = TextField()
    description = TextField(default="")
    amount = FloatField(null=True)
    material_mode = TextField(default="")
    position = IntegerField(default=0)


class ProjectPartner(BaseModel):
    project = ForeignKeyField(Project, backref="partners", on_delete="CASCADE")
    organisation = ForeignKeyField(Organisation, backref="project_links", on_delete="CASCADE")
    contact_person = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    stage = TextField(default="identifie")
    position = IntegerField(default=0)
    closed_reason = TextField(default="")
    next_step = TextField(default="")
    next_step_on = DateField(null=True)
    stage_since = DateField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()


class StageMove(BaseModel):
    project_partner = ForeignKeyField(ProjectPartner, backref="moves", on_delete="CASCADE")
    from_stage = TextField()
    to_stage = TextField()
    moved_on = DateField()
    reason = TextField(default="")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = DateTimeField()


class PartnerContribution(BaseModel):
    """An expected or obtained contribution of a project partner (table `contribution`)."""

    project_partner = ForeignKeyField(ProjectPartner, backref="contributions", on_delete="CASCADE")
    kind = TextField()
    description = TextField(default="")
    value = FloatField(null=True)
    material_mode = TextField(default="")
    status = TextField(default="attendu")
    obtained_on = DateField(null=True)

    class Meta:
        table_name = "contribution"


class BudgetLine(BaseModel):
    project = ForeignKeyField(Project, backref="budget_lines", on_delete="CASCADE")
    label = TextField()
    amount = FloatField(default=0)
    project_partner = ForeignKeyField(ProjectPartner, null=True, on_delete="SET NULL")
    own_funds = BooleanField(default=False)
    position = IntegerField(default=0)


class StaffTime(BaseModel):
    """Staff time on a project, a partner of a project, or a partner alone (migration 0014)."""

    project = ForeignKeyField(Project, null=True, backref="staff_time", on_delete="CASCADE")
    project_partner = ForeignKeyField(ProjectPartner, null=True, on_delete="SET NULL")
    organisation = ForeignKeyField(Organisation, null=True, on_delete="CASCADE")
    meeting_id = IntegerField(null=True)  # 0016: logged from a meeting (REFERENCES meeting, SET NULL)
    worked_on = DateField()
    hours = FloatField()
    who = TextField(default="")
    note = TextField(default="")


class Milestone(BaseModel):
    project = ForeignKeyField(Project, backref="milestones", on_delete="CASCADE")
    project_partner = ForeignKeyField(ProjectPartner, null=True, on_delete="CASCADE")
    title = TextField()
    kind = TextField(default="")
    due_on = DateField()
    status = TextField(default="a_faire")
    done_on = DateField(null=True)
    created_at = DateTimeField()
    series_id = IntegerField(null=True)  # recurrence_series (migration 0013), plain id: no import cycle


class ProjectSession(BaseModel):
    project = ForeignKeyField(Project, backref="sessions", on_delete="CASCADE")
    held_on = DateField()
    start_time = TextField(default="")
    end_time = TextField(default="")
    place = TextField(default="")
    facilitator = TextField(default="")
    organisation = ForeignKeyField(Organisation, null=True, on_delete="SET NULL")
    planned_attendance = IntegerField(null=True)
    actual_attendance = IntegerField(null=True)
    cancelled = BooleanField(default=False)
    notes = TextField(default="")
    held = BooleanField(default=False)  # 0008: marked held (held also when attendance was entered)


class SessionParticipant(BaseModel):
    session = ForeignKeyField(ProjectSession, backref="participants", on_delete="CASCADE")
    person = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    name = TextField(default="")


class Realization(BaseModel):
    project = ForeignKeyField(Project, backref="realizations", on_delete="CASCADE")
    title = TextField()
    description = TextField(default="")
    made_on = DateField(null=True)


class ProjectPhoto(BaseModel):
    project = ForeignKeyField(Project, backref="photos", on_delete="CASCADE")
    realization = ForeignKeyField(Realization, null=True, on_delete="SET NULL")
    file = TextField()
    caption = TextField(default="")
    taken_on = DateField(null=True)
    created_at = DateTimeField()


class ProjectPhotoPerson(BaseModel):
    photo = ForeignKeyField(ProjectPhoto, backref="people", on_delete="CASCADE")
    person = ForeignKeyField(Person, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("photo", "person")


class TodoState(BaseModel):
    key = TextField(primary_key=True)
    state = TextField()
    until = DateField(null=True)
    updated_at = DateTimeField()
