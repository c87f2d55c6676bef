"""People to vCard 3.0, for a phone or an email client. A photo goes in only when the person's
consent covers documents given to partners (`person_photos.shareable_photo_paths`): the file leaves
PartnerDesk."""

from __future__ import annotations

import base64
from pathlib import Path

from partnerdesk.paths import DataPaths
from partnerdesk.services import person_photos
from partnerdesk.services.exports.selection import PersonCard

_PHOTO_TYPES = {".jpg": "JPEG", ".png": "PNG", ".gif": "GIF", ".webp": "WEBP", ".bmp": "BMP"}
_TYPES = {"mobile": "CELL", "work": "WORK", "home": "HOME", "fax": "FAX"}


def escape(text: str) -> str:
    return (text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n") \
        .replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at 75 octets without cutting a UTF-8 character."""
    out, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


def card(person: PersonCard, paths: DataPaths | None = None, photo: Path | None = None) -> str:
    """One vCard; `photo` is a file already cleared by the consent gate, or looked up through it
    in `paths`."""
    lines = ["BEGIN:VCARD", "VERSION:3.0",
             f"N:{escape(person.last_name)};{escape(person.first_name)};;;",
             f"FN:{escape(person.full_name or person.last_name)}"]
    if person.organisation:
        lines.append(f"ORG:{escape(person.organisation)}" + (f";{escape(person.department)}"
                                                             if person.department else ""))
    if person.role or person.title:
        lines.append(f"TITLE:{escape(person.role or person.title)}")
    labels = person.labels or {}
    for n, email in enumerate(person.emails):
        kind = _TYPES.get(labels.get(email, {}).get("kind", ""), "")
        lines.append(f"EMAIL;TYPE=INTERNET{',' + kind if kind in ('WORK', 'HOME') else ''}{',PREF' if n == 0 else ''}"
                     f":{escape(email)}")
    for phone in person.phones:
        label = labels.get(phone, {})
        kind = _TYPES.get(label.get("kind", "")) or (
            "CELL" if phone.replace(" ", "").startswith(("06", "07", "+336", "+337")) else "WORK")
        ext = f" x{label['ext']}" if label.get("ext") else ""
        lines.append(f"TEL;TYPE={kind}:{escape(phone + ext)}")
    for site in person.websites:
        kind = _TYPES.get(labels.get(site, {}).get("kind", ""), "")
        lines.append(f"URL{';TYPE=' + kind if kind in ('WORK', 'HOME') else ''}:{escape(site)}")
    for address in person.addresses:
        parts = ["", "", address.street, address.city, address.region, address.postcode, address.country]
        kind = {"home": ";TYPE=HOME", "work": ";TYPE=WORK"}.get(address.kind, "")
        lines.append(f"ADR{kind}:" + ";".join(escape(p) for p in parts))
    if (person.address or person.city) and not any(a.kind == "work" for a in person.addresses):
        parts = ["", "", person.address, person.city, "", person.postcode, person.country]
        lines.append("ADR;TYPE=WORK:" + ";".join(escape(p) for p in parts))
    if person.notes:
        lines.append(f"NOTE:{escape(person.notes)}")
    if person.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in person.tags))
    if photo is None and paths is not None:
        photo = person_photos.shareable_photo_paths(paths, [person.id]).get(person.id)
    if photo is not None and photo.is_file():
        data = base64.b64encode(photo.read_bytes()).decode("ascii")
        lines.append(f"PHOTO;ENCODING=b;TYPE={_PHOTO_TYPES.get(photo.suffix.lower(), 'JPEG')}:{data}")
    lines.append(f"UID:partnerdesk-person-{person.id}")
    lines.append("END:VCARD")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def vcards(people: list[PersonCard], paths: DataPaths | None = None, report=None) -> bytes:
    photos = person_photos.shareable_photo_paths(paths) if paths is not None else {}
    out = []
    for number, person in enumerate(people):
        if report and number % 50 == 0:
            report(number, len(people))
        out.append(card(person, None, photos.get(person.id)))
    return "".join(out).encode("utf-8")
