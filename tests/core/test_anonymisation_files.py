"""Anonymisation removes every file that ever belonged to the person, and their name in any case:
every file of the data folder, the thumbnails and a fresh archive are scanned for the name, the
e-mail and the bytes of every photo and proof the person ever had."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from PIL import Image

from partnerdesk.domain.consent import Consent
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.services import archive, consent, journal, partners, photos, rgpd, thumbnails
from partnerdesk.store import database

FIRST, LAST, EMAIL = "Hélène", "Kerjean-Lozac'h", "helene.kerjean@exemple.fr"
NAME_FORMS = ["Hélène Kerjean-Lozac'h", "HELENE KERJEAN-LOZAC'H", "hélène kerjean lozac'h", "Kerjean-Lozac'h"]


def _jpeg(seed: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (200, 150 + seed), (40 * seed % 256, 120, 90)).save(out, "JPEG", quality=92)
    return out.getvalue()


def _all_bytes(paths) -> dict[str, bytes]:
    """Every file of the data folder (backups aside: a safety copy ages out on its own), thumbnails included."""
    return {str(p.relative_to(paths.root)): p.read_bytes() for p in paths.root.rglob("*")
            if p.is_file() and paths.backups_dir not in p.parents}


def _traces(blob: bytes, secrets: list[bytes]) -> list[bytes]:
    lowered = blob.lower()
    words = [f.encode("utf-8").lower() for f in NAME_FORMS + [EMAIL]] + [b"kerjean"]
    return [w for w in words if w in lowered] + [s[:12] for s in secrets if s in blob]


def test_every_file_and_every_trace_goes(store, tmp_path):
    org = partners.create_organisation(OrganisationData("Centre social", notes="Contact : HELENE KERJEAN-LOZAC'H"))
    other = partners.create_organisation(OrganisationData("Médiathèque"))
    person = partners.create_person(PersonData(LAST, FIRST, emails=[EMAIL], notes="Très investie"), org.id)
    neighbour = partners.create_person(PersonData("Durand", "Paul"), org.id)
    pid = person.id
    secrets = []
    # three photos in turn (the earlier ones stay on disk for undo), with their cached thumbnails
    for seed in range(3):
        info = photos.set_photo_from_bytes(store, pid, _jpeg(seed))
        secrets.append((store.photos_dir / info.file).read_bytes())
        thumb = thumbnails.thumbnail_path(store, info.file, 96)
        thumb.parent.mkdir(parents=True, exist_ok=True)
        thumb.write_bytes(b"THUMB" + secrets[-1][:400])
        secrets.append(thumb.read_bytes())
    photos.remove_photo(pid)  # removed in the end: the files stay until an erasure
    # two consent proofs in turn
    for n in range(2):
        scan = tmp_path / f"preuve{n}.pdf"
        scan.write_bytes(f"%PDF-1.4 preuve {n} signée".encode() + bytes(range(n, 200)))
        consent.attach_proof(store, pid, scan)
        secrets.append(scan.read_bytes())
    consent.save_consent(pid, Consent(True, dt.date.today(), ["interne"], consent.get_consent(pid).proof))
    # the name in another case, and the last name alone, in journal text not linked to her
    journal.log_interaction("appel", dt.date.today(), "Appel : hélène kerjean lozac'h viendra", [other.id])
    journal.log_interaction("mail", dt.date.today(), "Relancer Mme KERJEAN-LOZAC'H pour le devis", [other.id])
    journal.log_interaction("mail", dt.date.today(), "Devis validé par Paul Durand", [org.id], [neighbour.id])
    kept = photos.set_photo_from_bytes(store, neighbour.id, _jpeg(9))

    rgpd.anonymise(store, pid)

    files = _all_bytes(store)
    for name, blob in files.items():
        assert not _traces(blob, secrets), name
    assert (store.photos_dir / kept.file).is_file()  # another card's photo stays
    summaries = [r[0] for r in database.execute_sql("SELECT summary FROM interaction ORDER BY id")]
    assert summaries == ["Appel : [anonymised] viendra", "Relancer Mme [anonymised] pour le devis",
                         "Devis validé par Paul Durand"]
    target = tmp_path / "after.zip"
    archive.export_all(store, target)
    with zipfile.ZipFile(target) as z:
        for name in z.namelist():
            assert not _traces(z.read(name), secrets), name
    assert partners.get_person(neighbour.id).full_name == "Paul Durand"


def test_a_photo_shared_with_another_card_is_kept(store):
    a = partners.create_person(PersonData("Martin", "Anne"))
    b = partners.create_person(PersonData("Roux", "Léa"))
    data = _jpeg(4)
    photos.set_photo_from_bytes(store, a.id, data)
    info = photos.set_photo_from_bytes(store, b.id, data)
    rgpd.anonymise(store, a.id)
    assert (store.photos_dir / info.file).is_file() and photos.photo_of(b.id).file == info.file
