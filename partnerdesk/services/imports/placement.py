"""What a reviewed row puts where, in words for the review, and counted."""

from __future__ import annotations

from dataclasses import dataclass

from partnerdesk.domain.contact_points import PHONE_KINDS, PLACE_KINDS
from partnerdesk.domain.grammar import ARTICLE_CHOICES
from partnerdesk.domain.partners import OrgKind, OrgStatus
from partnerdesk.i18n import _, format_date, ngettext

ARTICLE_LABELS = dict(ARTICLE_CHOICES)


@dataclass
class Counts:
    on_record: int = 0  # values written to a field of a card (person, organisation, affiliation)
    in_notes: int = 0  # values without a field, kept in the notes with their name
    in_review: int = 0  # remarks of the review (changed, derived, left out)

    def __iadd__(self, other: Counts) -> Counts:
        self.on_record += other.on_record
        self.in_notes += other.in_notes
        self.in_review += other.in_review
        return self


def _kinds(values, labels, kinds) -> str:
    named = [_(kinds.get(labels.get(v, {}).get("kind", ""), "")) for v in values]
    named = [n for n in named if n]
    return f" ({', '.join(named)})" if named else ""


def _organisation_fields(c) -> list[str]:
    """Kind, status, publics, contributions of a row, for the organisation it names."""
    out = [_("kind « {value} »").format(value=_(OrgKind(c.kind).label))] if c.kind else []
    out += [_("status « {value} »").format(value=_(OrgStatus(c.status).label))] if c.status else []
    out += [_("decision circuit")] if c.decision_circuit else []
    out += [_("article « {value} »").format(value=_(ARTICLE_LABELS[c.article]))] if c.article in ARTICLE_LABELS else []
    out += [ngettext("contact cadence: {count} day", "contact cadence: {count} days", c.cadence).format(count=c.cadence)
            ] if c.cadence else []
    if c.publics:
        out.append(ngettext("{count} public", "{count} publics", len(c.publics)).format(count=len(c.publics)))
    if c.contributions:
        out.append(ngettext("{count} contribution", "{count} contributions", len(c.contributions))
                   .format(count=len(c.contributions)))
    return out


def describe(row) -> list[str]:
    c = row.contact
    person = row.kind
    card = []
    if person == "person":
        card.append(_("name"))
    if c.emails:
        card.append(ngettext("{count} email", "{count} emails", len(c.emails)).format(count=len(c.emails))
                    + _kinds(c.emails, c.labels, PLACE_KINDS))
    if c.phones:
        card.append(ngettext("{count} phone", "{count} phones", len(c.phones)).format(count=len(c.phones))
                    + _kinds(c.phones, c.labels, PHONE_KINDS))
    if c.websites:
        card.append(ngettext("{count} website", "{count} websites", len(c.websites)).format(count=len(c.websites)))
    addresses = c.addresses if person == "person" else c.addresses[:1]
    if addresses:
        card.append(ngettext("{count} address", "{count} addresses", len(addresses)).format(count=len(addresses))
                    + " (" + ", ".join(_(PLACE_KINDS[a.kind]) for a in addresses) + ")")
    if person == "person" and (c.occupation or (c.title and not c.organisation)):
        card.append(_("job title"))
    if person == "person" and c.relais:
        card.append(_("relay"))
    if person == "person" and c.civility:
        card.append(_("civility"))
    if c.verified_on:
        card.append(_("checked on {date}").format(date=format_date(c.verified_on)))
    if person != "person":
        card += _organisation_fields(c)
    if c.tags:
        card.append(ngettext("{count} tag", "{count} tags", len(c.tags)).format(count=len(c.tags)))
    if c.photo is not None and person == "person":
        card.append(_("photo (without consent)"))
    out = [(_("Person card: {what}") if person == "person" else _("Organisation card: {what}"))
           .format(what=", ".join(card))]
    if person == "person" and c.organisation:
        held = [x for x in (_("job title") if c.title else "", _("department « {name} »").format(name=c.department)
                            if c.department else "") if x]
        if c.since:
            held.append(_("since {date}").format(date=format_date(c.since)))
        out.append(_("Affiliation to « {name} »: {details}").format(name=c.organisation, details=", ".join(held))
                   if held else _("Affiliation to « {name} »").format(name=c.organisation))
        if _organisation_fields(c):
            out.append(_("Organisation « {name} »: {what}").format(name=c.organisation,
                                                                  what=", ".join(_organisation_fields(c))))
        if row.org_address is not None:
            out.append(_("Work address proposed for the organisation « {name} »").format(name=c.organisation))
    if person == "person" and c.history:
        out.append(ngettext("{count} other affiliation (history)", "{count} other affiliations (history)",
                            len(c.history)).format(count=len(c.history)))
    if c.logo is not None or (person != "person" and c.photo is not None):
        out.append(_("Logo of the organisation « {name} »").format(name=c.organisation))
    if c.notes_from_file:
        out.append(_("Notes of the file"))
    if c.noted:
        out.append(_("Notes: {what}").format(what=", ".join(dict.fromkeys(_(label) for label, _v in c.noted))))
    return out


def count(row) -> Counts:
    """How many values of this row go on a card, into the notes, into the review's remarks."""
    c = row.contact
    on = len(c.emails) + len(c.phones) + len(c.websites) + len(c.tags)
    on += sum(1 for x in (c.first_name, c.last_name, c.organisation, c.department, c.title) if x)
    on += len(c.addresses) + (c.photo is not None) + (c.logo is not None) + c.notes_from_file
    on += sum(1 for x in (c.kind, c.status, c.occupation, c.relais, c.since, c.civility, c.decision_circuit,
                          c.cadence, c.verified_on, c.article is not None) if x)
    on += len(c.publics) + len(c.contributions) + len(c.history)
    return Counts(on, len(c.noted), len(c.remarks) + len(c.left_out))
