"""One vCard's properties to a contact: every property goes to a field, to the
notes with its name, or is listed in the review; nothing is dropped silently."""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

from partnerdesk.domain.grammar import of
from partnerdesk.domain.contact_points import Address, kind_of
from partnerdesk.domain.dataio import Contact, Refusal
from partnerdesk.domain.labels import N_
from partnerdesk.i18n import _
from partnerdesk.services.imports.vcard import (
    Property,
    VcardResult,
    _b64,
    _components,
    _linked,
    _text,
    _unescape,
    image_problem,
)

# Properties about the file, not about the contact.
META = {"VERSION", "UID", "REV", "PRODID", "X-ABUID", "X-ABLABEL", "SORT-STRING", "CLASS", "X-ABSHOWAS", "KIND",
        "X-ABADR", "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "X-EVOLUTION-FILE-AS", "X-EVOLUTION-LIST", "SOURCE",
        "NAME", "PROFILE", "MAILER", "X-MOZILLA-HTML", "X-RADICALE-NAME", "CLIENTPIDMAP"}
# Properties without a field of their own: kept in the notes under this label.
NOTE_LABELS = {
    "BDAY": N_("Birthday"), "ANNIVERSARY": N_("Anniversary"), "GENDER": N_("Gender"), "IMPP": N_("Instant messaging"),
    "X-SOCIALPROFILE": N_("Social profile"), "X-SKYPE": N_("Skype"), "X-SKYPE-USERNAME": N_("Skype"), "X-JABBER": N_("Jabber"),
    "X-AIM": N_("AIM"), "X-MSN": N_("MSN"), "X-ICQ": N_("ICQ"), "X-TWITTER": N_("Twitter"), "X-ASSISTANT": N_("Assistant"),
    "X-MANAGER": N_("Manager"), "X-SPOUSE": N_("Spouse"), "RELATED": N_("Related person"), "X-ABRELATEDNAMES": N_("Related person"),
    "X-ABDATE": N_("Date"), "X-MAIDENNAME": N_("Maiden name"), "X-PHONETIC-ORG": N_("Phonetic organisation"), "KEY": N_("Key"),
    "X-GENDER": N_("Gender"), "LABEL": N_("Postal label"), "ROLE": N_("Role"), "X-MS-IMADDRESS": N_("Instant messaging"),
    "X-GOOGLE-TALK": N_("Google Talk"), "X-GADUGADU": N_("Gadu-Gadu"), "X-YAHOO": N_("Yahoo"), "EXPERTISE": N_("Expertise"),
    "HOBBY": N_("Hobby"), "INTEREST": N_("Interest"), "ORG-DIRECTORY": N_("Directory"), "CALURI": N_("Calendar"),
    "FBURL": N_("Free/busy"), "CALADRURI": N_("Calendar"), "X-ABDATE-LABEL": N_("Date"), "MEMBER": N_("Member"),
    "GEO": N_("Geographic position"), "TZ": N_("Time zone"), "LANG": N_("Language"),
    "X-PHONETIC-FIRST-NAME": N_("Phonetic first name"), "X-PHONETIC-LAST-NAME": N_("Phonetic last name"),
}
_BASE64 = re.compile(r"^[A-Za-z0-9+/=\s]{64,}$")


def _labels_by_group(props: list[Property]) -> dict[str, str]:
    """iPhone/Mac "item1.X-ABLabel:_$!<HomePage>!$_" names the kind of "item1.URL"."""
    found = {}
    for prop in props:
        if prop.name == "X-ABLABEL" and prop.group:
            found[prop.group] = re.sub(r"^_\$!<|>!\$_$", "", _unescape(prop.value).strip())
    return found


def _kind(prop: Property, group_labels: dict[str, str], phone: bool = False) -> str:
    words = list(prop.types) + [group_labels.get(prop.group, "")]
    return kind_of(words, phone=phone)


def _note(contact: Contact, label: str, value: str) -> None:
    value = value.strip()
    if value:
        contact.noted.append((label, value))


def _name(contact: Contact, prop: Property) -> None:
    parts = _components(_text(prop)) + [""] * 5
    contact.last_name, contact.first_name, contact.middle_name = parts[0], parts[1], parts[2]
    if parts[3]:
        _note(contact, N_("Name prefix"), parts[3])
    if parts[4]:
        _note(contact, N_("Name suffix"), parts[4])


def _address(prop: Property, kind: str) -> Address:
    parts = _components(_text(prop)) + [""] * 7
    street = "\n".join(p for p in (parts[2], parts[1], parts[0]) if p)
    return Address(kind if kind in ("home", "work") else "other", street, parts[5], parts[3], parts[4], parts[6])


def finish(props: list[Property], line: int, result: VcardResult, base_dir: Path | None) -> None:
    contact = Contact(line)
    notes: list[str] = []
    groups = _labels_by_group(props)
    is_org_card = False
    photos: list[Property] = []
    logos: list[Property] = []
    for prop in props:
        name = prop.name
        if name == "VERSION":
            result.versions.add(prop.value.strip())
        elif name in ("X-ABSHOWAS", "KIND") and prop.value.strip().upper() in ("COMPANY", "ORG", "ORGANIZATION"):
            is_org_card = True
        elif name in META:
            continue
        elif name == "N":
            _name(contact, prop)
        elif name == "FN":
            contact.full_name = _unescape(_text(prop)).strip()
        elif name == "NICKNAME":
            contact.nickname = contact.nickname or _unescape(_text(prop)).strip()
        elif name == "EMAIL":
            contact.add_value("emails", _unescape(_text(prop)).strip().removeprefix("mailto:"),
                              _kind(prop, groups))
        elif name == "TEL":
            contact.add_value("phones", _unescape(_text(prop)).strip(), _kind(prop, groups, phone=True))
        elif name == "ORG":
            parts = [p for p in _components(_text(prop)) if p]
            if parts and not contact.organisation:
                contact.organisation = parts[0]
                contact.department = " / ".join(parts[1:])
            elif parts:
                _note(contact, N_("Organisation"), " / ".join(parts))
        elif name == "TITLE":
            value = _unescape(_text(prop)).strip()
            if contact.title:
                _note(contact, N_("Job title"), value)
            else:
                contact.title = value
        elif name == "ADR":
            contact.add_address(_address(prop, _kind(prop, groups)))
        elif name == "NOTE":
            notes.append(_unescape(_text(prop)).strip())
        elif name == "URL":
            contact.add_value("websites", _unescape(_text(prop)).strip(), _kind(prop, groups))
        elif name == "CATEGORIES":
            contact.tags.extend(t for t in (p.strip() for p in _unescape(_text(prop)).split(",")) if t)
        elif name == "PHOTO":
            photos.append(prop)
        elif name == "LOGO":
            logos.append(prop)
        elif name == "X-ANDROID-CUSTOM":  # "vnd.android.cursor.item/nickname;Lili;1;;;"
            parts = _components(_text(prop)) + ["", ""]
            what = parts[0].rsplit("/", 1)[-1]
            if what == "nickname" and not contact.nickname:
                contact.nickname = parts[1]
            elif parts[1]:
                _note(contact, what.replace("_", " ").capitalize(), parts[1])
        elif name == "LABEL":
            continue  # the printed form of an ADR of the same card: the ADR is kept
        elif name in NOTE_LABELS:
            _note(contact, NOTE_LABELS[name], _unescape(_text(prop)))
        else:
            _note(contact, name.title(), _unescape(_text(prop)))
    contact.notes = "\n".join(n for n in notes if n)
    if is_org_card and not contact.organisation and contact.full_name:
        contact.organisation = contact.full_name  # a company card without ORG: its FN is the name
    if is_org_card and contact.organisation:
        contact.first_name = contact.last_name = contact.middle_name = contact.full_name = ""
    if not (contact.is_person or contact.organisation or contact.emails or contact.nickname):
        result.refused.append(Refusal(line, _("This card has no name, no organisation and no email.")))
        return
    for prop in photos:
        _photo(prop, contact, result, base_dir, logo=not contact.is_person and bool(contact.organisation))
    for prop in logos:
        _photo(prop, contact, result, base_dir, logo=True)
    result.contacts.append(contact)


def _photo(prop: Property, contact: Contact, result: VcardResult, base_dir: Path | None, logo: bool) -> None:
    who = contact.full_name or contact.display_name or contact.nickname or (contact.emails[:1] or [""])[0] \
        or _("line {line}").format(line=prop.line)
    said = len(result.warnings)
    _picture(prop, contact, result, base_dir, logo, who)
    contact.left_out += result.warnings[said:]  # listed in the review's remarks, counted on the row


def _picture(prop: Property, contact: Contact, result: VcardResult, base_dir: Path | None, logo: bool,
             who: str) -> None:
    if (contact.logo if logo else contact.photo) is not None:
        result.warnings.append(_("{who} has a second picture (line {line}); only the first is kept.")
                               .format(line=prop.line, who=who))
        return
    value = prop.value.strip()
    encoding = {e.upper() for e in prop.param("ENCODING")}
    data: bytes | None = None
    if value.lower().startswith("data:"):
        header, _sep, payload = value.partition(",")
        if ";base64" not in header.lower():
            data = urllib.parse.unquote_to_bytes(payload)
        else:
            data = _b64(payload, who, result)
    elif encoding & {"B", "BASE64"} or (_BASE64.match(value) and not value.lower().startswith(("http", "file"))):
        data = _b64(value, who, result)  # base64 with or without its ENCODING parameter
    elif value:
        data = _linked(value, who, result, base_dir)
    if data is None:
        return
    ext, reason = image_problem(data)
    if not ext:
        result.warnings.append(_("The picture of {who} (line {line}) was left out: {reason}")
                               .format(line=prop.line, who=who, of_who=of(who), reason=reason))
        return
    if logo:
        contact.logo, contact.logo_ext = data, ext
    else:
        contact.photo, contact.photo_ext = data, ext
