"""Organisations, people, affiliations, tags and the journal (migration 0001)."""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from partnerdesk.store.models.base import BaseModel, JSONField


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = JSONField()


class Organisation(BaseModel):
    name = TextField()
    name_norm = TextField(default="")
    kind = TextField(default="autre")
    status = TextField(default="prospect")
    address = TextField(default="")
    postcode = TextField(default="")
    city = TextField(default="")
    country = TextField(default="")
    phone = TextField(default="")
    email = TextField(default="")
    website = TextField(default="")
    publics = JSONField(default=list)
    contributions = JSONField(default=list)
    decision_circuit = TextField(default="")
    notes = TextField(default="")
    logo = TextField(default="")  # migration 0010: a file in logos/
    contact_cadence_days = IntegerField(null=True)
    verified_on = DateField(null=True)
    article = TextField(null=True)  # 0008: "le", "la", "l_m", "l_f", "les", "" ; NULL = proposed from the name
    created_at = DateTimeField()
    updated_at = DateTimeField()
    deleted_at = DateTimeField(null=True)


class Person(BaseModel):
    first_name = TextField(default="")
    last_name = TextField()
    name_norm = TextField(default="")
    emails = JSONField(default=list)
    phones = JSONField(default=list)
    relais = BooleanField(default=False)
    notes = TextField(default="")
    addresses = JSONField(default=list)  # migration 0010: [{"kind", "street", "postcode", "city", ...}]
    websites = JSONField(default=list)
    labels = JSONField(default=dict)  # {email/phone/website: {"kind": ..., "ext": ...}}
    title = TextField(default="")  # a job title held without an organisation
    verified_on = DateField(null=True)
    civility = TextField(default="")  # 0008: "madame", "monsieur" or ""
    created_at = DateTimeField()
    updated_at = DateTimeField()
    deleted_at = DateTimeField(null=True)


class Affiliation(BaseModel):
    person = ForeignKeyField(Person, backref="affiliations", on_delete="CASCADE")
    organisation = ForeignKeyField(Organisation, backref="affiliations", on_delete="CASCADE")
    role = TextField(default="")
    department = TextField(default="")  # migration 0010
    start_date = DateField(null=True)
    end_date = DateField(null=True)


class Tag(BaseModel):
    name = TextField(unique=True)
    colour = TextField(default="#7a8ca3")


class OrganisationTag(BaseModel):
    organisation = ForeignKeyField(Organisation, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("organisation", "tag")


class PersonTag(BaseModel):
    person = ForeignKeyField(Person, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("person", "tag")


class Interaction(BaseModel):
    kind = TextField(default="autre")
    occurred_on = DateField()
    summary = TextField(default="")
    project_id = IntegerField(null=True)
    created_at = DateTimeField()


class InteractionOrganisation(BaseModel):
    interaction = ForeignKeyField(Interaction, backref="organisation_links", on_delete="CASCADE")
    organisation = ForeignKeyField(Organisation, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("interaction", "organisation")


class InteractionPerson(BaseModel):
    interaction = ForeignKeyField(Interaction, backref="person_links", on_delete="CASCADE")
    person = ForeignKeyField(Person, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("interaction", "person")
