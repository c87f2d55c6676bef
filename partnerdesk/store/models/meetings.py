"""Rencontres, their invitees, decisions and actions; recurring series (migration 0013)."""

from __future__ import annotations

from peewee import BooleanField, CompositeKey, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from partnerdesk.store.models.base import BaseModel, JSONField
from partnerdesk.store.models.partners import Interaction, Organisation, Person, Tag
from partnerdesk.store.models.projects import Project


class RecurrenceSeries(BaseModel):
    unit = TextField(default="weeks")
    every = IntegerField(default=1)
    first_on = DateField()
    skipped = JSONField(default=list)
    created_at = DateTimeField()


class Meeting(BaseModel):
    kind = TextField(default="thematique")
    title = TextField()
    title_norm = TextField(default="")
    theme = TextField(default="")
    held_on = DateField()
    start_time = TextField(default="")
    end_time = TextField(default="")
    place = TextField(default="")
    in_charge = TextField(default="")
    project = ForeignKeyField(Project, null=True, on_delete="SET NULL")
    series = ForeignKeyField(RecurrenceSeries, null=True, on_delete="SET NULL")
    agenda = TextField(default="")
    minutes = TextField(default="")
    cancelled = BooleanField(default=False)
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = DateTimeField()
    updated_at = DateTimeField()
    deleted_at = DateTimeField(null=True)


class MeetingTag(BaseModel):
    meeting = ForeignKeyField(Meeting, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("meeting", "tag")


class MeetingInvitee(BaseModel):
    meeting = ForeignKeyField(Meeting, backref="invitees", on_delete="CASCADE")
    organisation = ForeignKeyField(Organisation, null=True, on_delete="CASCADE")
    person = ForeignKeyField(Person, null=True, on_delete="CASCADE")
    answer = TextField(default="invite")
    source = TextField(default="one")
    invited_on = DateField(null=True)
    answered_on = DateField(null=True)


class MeetingDecision(BaseModel):
    meeting = ForeignKeyField(Meeting, backref="decisions", on_delete="CASCADE")
    text = TextField()
    position = IntegerField(default=0)


class MeetingAction(BaseModel):
    meeting = ForeignKeyField(Meeting, backref="actions", on_delete="CASCADE")
    what = TextField()
    due_on = DateField(null=True)
    owner_person = ForeignKeyField(Person, null=True, on_delete="SET NULL")
    owner_organisation = ForeignKeyField(Organisation, null=True, on_delete="SET NULL")
    owner_epn = TextField(default="")
    done_on = DateField(null=True)
    position = IntegerField(default=0)
    created_at = DateTimeField()
