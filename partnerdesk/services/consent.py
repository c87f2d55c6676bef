"""Image-rights consent of people, and the gate every use of a photo goes through.

`photo_for_use` / `usable_photos` are the only ways other services obtain a photo
to show or print: they return it only when the person's consent covers the use
(`domain.consent.may_use`). Anything else gets None and shows initials instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

from partnerdesk.domain import validation as v
from partnerdesk.domain.consent import Consent, ConsentScope, usable_photo
from partnerdesk.domain.labels import N_
from partnerdesk.paths import DataPaths
from partnerdesk.store import database
from partnerdesk.store.models import PersonPhoto, PhotoConsent

PROOF_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp", ".gif")


def _consent(row: PhotoConsent) -> Consent:
    return Consent(bool(row.given), row.given_on, list(row.scopes or []), row.proof or "")


def get_consent(person_id: int) -> Consent | None:
    row = PhotoConsent.get_or_none(PhotoConsent.person == person_id)
    return _consent(row) if row else None


def validate(consent: Consent, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    known = {s.value for s in ConsentScope}
    checks = {}
    if consent.given and not [s for s in consent.scopes if s in known]:
        checks["scopes"] = N_("Tick at least one use the person agreed to.")
    if consent.given_on and consent.given_on > today:
        checks["given_on"] = N_("The consent date cannot be in the future.")
    v.collect(checks)


def save_consent(person_id: int, consent: Consent, today: dt.date | None = None) -> Consent:
    """Record the consent (given or refused). Scopes are kept only when consent is given."""
    validate(consent, today)
    known = [s.value for s in ConsentScope]
    scopes = [s for s in known if s in consent.scopes] if consent.given else []
    with database.atomic():
        PhotoConsent.insert(person=person_id, given=consent.given, given_on=consent.given_on, scopes=scopes,
                            proof=consent.proof, updated_at=dt.datetime.now()).on_conflict_replace().execute()
    return Consent(consent.given, consent.given_on, scopes, consent.proof)


def attach_proof(paths: DataPaths, person_id: int, source: str | os.PathLike) -> str:
    """Copy a scanned proof (PDF or image) into the data folder's proofs/ and link it."""
    source = Path(source)
    if source.suffix.lower() not in PROOF_SUFFIXES:
        raise v.ValidationError({"proof": N_("A proof must be a PDF or an image (scan or photo of the signed form).")})
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise v.ValidationError({"proof": N_("This file could not be read.")}) from exc
    if not data:
        raise v.ValidationError({"proof": N_("This file is empty (0 bytes).")})
    name = hashlib.sha256(data).hexdigest()[:32] + source.suffix.lower()
    paths.proofs_dir.mkdir(parents=True, exist_ok=True)
    target = paths.proofs_dir / name
    if not target.exists():
        shutil.copyfile(source, target)
    consent = get_consent(person_id) or Consent()
    consent.proof = name
    with database.atomic():
        PhotoConsent.insert(person=person_id, given=consent.given, given_on=consent.given_on, scopes=consent.scopes,
                            proof=name, updated_at=dt.datetime.now()).on_conflict_replace().execute()
    return name


def proof_path(paths: DataPaths, name: str) -> Path:
    return paths.proofs_dir / name


SHARED_SCOPE = ConsentScope.PARTENAIRES  # a photo in a file that leaves PartnerDesk


def photo_for_use(person_id: int, scope: str | ConsentScope) -> str | None:
    """The person's photo file when their consent covers `scope`, else None."""
    photo = PersonPhoto.get_or_none(PersonPhoto.person == person_id)
    return usable_photo(photo.file if photo else None, get_consent(person_id), scope)


def usable_photos(scope: str | ConsentScope, person_ids: list[int] | None = None) -> dict[int, str]:
    """{person id: photo file} for every person whose photo may be used for `scope`."""
    consents = {row.person_id: _consent(row) for row in PhotoConsent.select()}
    query = PersonPhoto.select(PersonPhoto.person, PersonPhoto.file)
    if person_ids is not None:
        query = query.where(PersonPhoto.person.in_(list(person_ids)))
    out = {}
    for row in query:
        file = usable_photo(row.file, consents.get(row.person_id), scope)
        if file:
            out[row.person_id] = file
    return out
