"""Tidying one contact read from a file before the review: names (FN or N,
middle names, a name derived from an email or a nickname), values that look
like spreadsheet formulas or hold NUL bytes, phones to E.164, emails and
websites checked. What changes is said in `contact.remarks`; what has no field
goes to the notes and is said too."""

from __future__ import annotations

import re
from dataclasses import replace

from partnerdesk.domain import validation as v

from partnerdesk.domain.affiliation_cells import AffiliationLine
from partnerdesk.domain.dataio import TARGETS, Contact
from partnerdesk.domain.grammar import ARTICLE_CHOICES
from partnerdesk.domain.labels import N_
from partnerdesk.domain.text import normalize
from partnerdesk.i18n import _
from partnerdesk.services.imports import phones as phone_numbers

MAX_NAME = 300
# Groups every address book has, not tags of the user's (Google's "* myContacts", Android's "My Contacts").
SKIPPED_TAGS = {"* mycontacts", "* starred", "mycontacts", "* my contacts", "my contacts", "starred in android",
                "system group: my contacts"}
_FORMULA = re.compile(r"^\s*(=|[@+\-]\s*[A-Za-z_][A-Za-z0-9_.]*\s*\()")
_TEXT_FIELDS = ("first_name", "middle_name", "last_name", "full_name", "nickname", "organisation", "department",
                "title", "occupation", "notes", "decision_circuit")


def _sanitise(contact: Contact) -> None:
    """NUL bytes are removed; formula-looking values are kept as text; both are said."""
    def check(label: str, value: str) -> str:
        if "\x00" in value:
            value = value.replace("\x00", "")
            contact.remarks.append(_("{field}: NUL characters removed.").format(field=_(label)))
        if _FORMULA.match(value):
            contact.remarks.append(_("{field} looks like a spreadsheet formula ({value}): kept as plain text.")
                                   .format(field=_(label), value=value[:80]))
        return value

    labels = {"first_name": N_("First name"), "middle_name": N_("Middle name"), "last_name": N_("Last name"),
              "full_name": N_("Full name"), "nickname": N_("Nickname"), "organisation": N_("Organisation"),
              "department": N_("Department"), "title": N_("Job title"), "occupation": N_("Occupation"),
              "notes": N_("Notes"), "decision_circuit": N_("Decision circuit")}
    for name in _TEXT_FIELDS:
        value = check(labels[name], getattr(contact, name))
        setattr(contact, name, value if name in ("notes", "decision_circuit") else v.one_line(value))
    for name, label in (("emails", N_("Email")), ("phones", N_("Phone")), ("websites", N_("Website")),
                        ("tags", N_("Tags"))):
        values = getattr(contact, name)
        cleaned = [check(label, x) for x in values]
        if cleaned != values:
            contact.labels = {k.replace("\x00", ""): lab for k, lab in contact.labels.items()}
            setattr(contact, name, [x for x in cleaned if x.strip()])
    contact.noted = [(label, check(label, value)) for label, value in contact.noted]
    contact.history = [x for x in (_history_line(contact, line, check) for line in contact.history) if x]
    for address in contact.addresses:
        for part in ("street", "postcode", "city", "region", "country"):
            setattr(address, part, check(N_("Address"), getattr(address, part)))


def _history_line(contact: Contact, line: AffiliationLine, check) -> AffiliationLine | None:
    """One of the other affiliations, tidied like the current one; None (in the notes, said) when
    its organisation's name is too long to be one."""
    line = replace(line, **{part: v.one_line(check(label, getattr(line, part)))
                            for part, label in (("organisation", N_("Organisation")), ("role", N_("Job title")),
                                                ("department", N_("Department")))})
    if len(line.organisation) <= MAX_NAME:
        return line
    contact.noted.append((TARGETS["other_affiliations"], line.organisation))
    contact.remarks.append(_("An organisation of the other affiliations has a name longer than {limit} characters: "
                             "kept in the notes.").format(limit=MAX_NAME))
    return None


def _names(contact: Contact) -> None:
    """FN when N is empty or poorer; middle names after the first name."""
    full = " ".join(contact.full_name.split())
    if full and (contact.first_name or contact.last_name):
        words = full.split()
        given = contact.first_name.split()
        family = contact.last_name.split()
        if not family and given and [normalize(w) for w in words[:len(given)]] == [normalize(w) for w in given] \
                and len(words) > len(given):
            rest = words[len(given):]
            middle = contact.middle_name.split()
            if middle and [normalize(w) for w in rest[:len(middle)]] == [normalize(w) for w in middle]:
                rest = rest[len(middle):]
            contact.last_name = " ".join(rest) or contact.last_name
        elif not given and family and [normalize(w) for w in words[-len(family):]] == \
                [normalize(w) for w in family] and len(words) > len(family):
            contact.first_name = " ".join(words[:-len(family)])
    if contact.middle_name:
        contact.first_name = " ".join(p for p in (contact.first_name, contact.middle_name) if p)
        contact.middle_name = ""
    if contact.full_name and not (contact.first_name or contact.last_name) \
            and normalize(contact.full_name) == normalize(contact.organisation):
        contact.full_name = ""  # the card of an organisation, not of a person
    contact.split_full_name()
    if contact.first_name and not contact.last_name:
        contact.last_name, contact.first_name = contact.first_name, ""


def _derived_name(contact: Contact) -> None:
    """A contact with only a nickname or an email gets a name from it, flagged for the review."""
    if contact.is_person or contact.organisation:
        if contact.nickname:
            contact.noted.append((N_("Nickname"), contact.nickname))
        return
    if contact.nickname:
        contact.last_name = contact.nickname
        contact.remarks.append(_("No name in the file: the nickname « {name} » is used as the name; check "
                                 "it.").format(name=contact.nickname))
    elif contact.emails:
        local = contact.emails[0].split("@", 1)[0]
        parts = [p for p in re.split(r"[._\-+]+", local) if p and not p.isdigit()]
        if len(parts) >= 2:
            contact.first_name, contact.last_name = parts[0].title(), " ".join(parts[1:]).title()
        else:
            contact.last_name = (parts[0] if parts else local).title()
        contact.remarks.append(_("No name in the file: « {name} » is derived from the email {email}; check "
                                 "it.").format(name=f"{contact.first_name} {contact.last_name}".strip(),
                                               email=contact.emails[0]))
    contact.derived_name = contact.is_person


def _phones(contact: Contact) -> None:
    """E.164 where a country can be inferred (an address's, else France); kept as typed otherwise;
    one entry per number."""
    countries = {a.kind: a.country for a in contact.addresses if a.country}
    fallback = next((a.country for a in contact.addresses if a.country), "")
    kept: list[str] = []
    keys: dict[str, str] = {}
    labels = dict(contact.labels)
    for raw in contact.phones:
        label = dict(labels.pop(raw, {}))
        country = countries.get(label.get("kind", ""), fallback)
        if contact.from_own_list:  # written by PartnerDesk: the card's number as the user typed it
            value, ext, ok = raw.strip(), "", True
        else:
            value, ext, ok = phone_numbers.normalise(raw, country)
        if not value:
            continue
        key = value if ok else phone_numbers.same_number_key(value)
        if not ok:
            if v.check_phone(value):
                contact.remarks.append(_("Phone « {value} »: no country recognised it; kept as typed.")
                                       .format(value=value))
        if ext:
            label["ext"] = ext
        if key in keys:
            earlier = keys[key]
            merged = {**label, **contact.labels.get(earlier, {})}
            if merged:
                contact.labels[earlier] = merged
            continue
        keys[key] = value
        kept.append(value)
        if label:
            contact.labels[value] = label
    contact.labels = {k: lab for k, lab in contact.labels.items()
                      if k in kept or k in contact.emails or k in contact.websites}
    contact.phones = kept


def _emails_websites(contact: Contact) -> None:
    emails = []
    for email in contact.emails:
        email = email.strip().removeprefix("mailto:")
        if v.check_email(email):
            contact.noted.append((N_("Email"), email))
            contact.remarks.append(_("Email not recognised: {value} (kept in the notes).").format(value=email))
        elif email.casefold() not in {e.casefold() for e in emails}:
            emails.append(email)
    contact.emails = emails
    websites = []
    for site in contact.websites:
        if v.check_url(site):
            contact.noted.append((N_("Website"), site))
            contact.remarks.append(_("Website not recognised: {value} (kept in the notes).").format(value=site))
        elif site not in websites:
            websites.append(site)
    contact.websites = websites


def clean(contact: Contact) -> str | None:
    """Tidy a contact in place; return a refusal reason or None."""
    _sanitise(contact)
    _names(contact)
    _derived_name(contact)
    if not (contact.is_person or contact.organisation):
        return _("No name, no organisation and no email.")
    if any(len(x) > MAX_NAME for x in (contact.first_name, contact.last_name, contact.organisation)):
        return _("A name is longer than {limit} characters.").format(limit=MAX_NAME)
    _emails_websites(contact)
    _phones(contact)
    contact.tags = [t for t in dict.fromkeys(contact.tags) if t.casefold() not in SKIPPED_TAGS]
    if contact.is_person:  # how an organisation decides, how often to call it: not on a person's card
        if contact.decision_circuit:
            contact.noted.append((TARGETS["decision_circuit"], contact.decision_circuit))
        if contact.cadence:
            contact.noted.append((TARGETS["contact_cadence"], str(contact.cadence)))
        if contact.article is not None:
            contact.noted.append((TARGETS["article"], _(dict(ARTICLE_CHOICES).get(contact.article, contact.article))))
        contact.decision_circuit, contact.cadence, contact.article = "", None, None
    if not contact.organisation and contact.department:
        contact.noted.append((N_("Department"), contact.department))
        contact.department = ""
    if not contact.is_person and len(contact.addresses) > 1:
        work = sorted(contact.addresses, key=lambda a: a.kind != "work")
        contact.addresses = work[:1]
        contact.noted += [(N_("Address"), a.one_line()) for a in work[1:]]
    contact.notes_from_file = bool(contact.notes.strip())
    if contact.noted:
        lines = [f"{_(label)} : {value}" for label, value in contact.noted]
        contact.notes = "\n".join(x for x in [contact.notes, *lines] if x)
    return None
