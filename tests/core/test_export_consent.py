"""Every export that can carry a photo goes through the consent gate: one person per consent state,
every export path enumerated (a new format of `exports.files` or a new PDF kind is picked up here)."""

from __future__ import annotations

import base64
import datetime as dt
import io
import zipfile

import pytest
from PIL import Image

from partnerdesk.domain.consent import Consent
from partnerdesk.domain.dataio import LetterTemplateData
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ProjectData, SessionData, Stage
from partnerdesk.services import archive, consent, documents, partners, photos, projects, rgpd, sessions, trombinoscope
from partnerdesk.services.exports import files, letters
from tests.export.pdfcheck import image_count

TODAY = dt.date(2026, 11, 22)
# consent state -> may a photo of this person leave PartnerDesk in a file?
STATES = {
    "no_record": (None, False),
    "refused": (Consent(False, TODAY, []), False),
    "internal_only": (Consent(True, TODAY, ["interne"]), False),
    "publication_only": (Consent(True, TODAY, ["publication"]), False),
    "partners": (Consent(True, TODAY, ["partenaires"]), True),
    "everything": (Consent(True, TODAY, ["interne", "partenaires", "publication"]), True),
}


def _photo_bytes(seed: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (160 + seed, 120), (seed * 37 % 256, 90, 200 - seed * 20)).save(out, "JPEG", quality=95)
    return out.getvalue()


@pytest.fixture
def people(store):
    org = partners.create_organisation(OrganisationData("Maison de quartier", address="1 rue des Lilas",
                                                        postcode="35000", city="Rennes"))
    made = {}
    for seed, (state, (given, _shared)) in enumerate(STATES.items()):
        person = partners.create_person(PersonData(f"Nom{state}", "Prénom", emails=[f"{state}@exemple.fr"]),
                                        org.id, "Bénévole")
        if given is not None:
            consent.save_consent(person.id, given, today=TODAY)
        info = photos.set_photo_from_bytes(store, person.id, _photo_bytes(seed))
        made[state] = (person.id, (store.photos_dir / info.file).read_bytes())
    project = projects.create_project(ProjectData("Ateliers", description="Des ateliers."))
    projects.add_partner(project.id, org.id, Stage.CONVENTION_SIGNEE.value)
    session = sessions.create_session(SessionData(project.id, TODAY, "14:00", "16:00", "EPN", actual_attendance=3))
    return store, org.id, project.id, session.id, made


def _carried(content: bytes, photo: bytes) -> bool:
    return photo in content or base64.b64encode(photo) in content.replace(b"\r\n ", b"")


def test_every_file_export_carries_only_consented_photos(people, tmp_path):
    paths, _org, _project, _session, made = people
    seen = 0
    for kind, formats in files.FORMATS_OF.items():
        for fmt in formats:
            target = tmp_path / f"{kind}.{fmt}"
            files.export(kind, fmt, target, paths)
            content = target.read_bytes()
            for state, (_pid, photo) in made.items():
                assert _carried(content, photo) == (STATES[state][1] and fmt == "vcf"), (kind, fmt, state)
            seen += 1
    assert seen >= 6  # csv, ods, vcf of people; csv, ods of organisations; ics


def test_vcard_of_one_person_goes_through_the_gate(people):
    from partnerdesk.services.exports import selection, vcard

    paths, _org, _project, _session, made = people
    cards = {c.id: c for c in selection.people(None)}
    for state, (pid, photo) in made.items():
        assert _carried(vcard.card(cards[pid], paths).encode(), photo) == STATES[state][1], state


def test_every_pdf_shows_only_consented_photos(people, tmp_path):
    paths, org_id, project_id, session_id, made = people
    shared = sum(1 for state in made if STATES[state][1])
    from partnerdesk.domain.meetings import MeetingData
    from partnerdesk.services import meetings
    from partnerdesk.services.meetings import invitations

    meeting = meetings.create_meeting(MeetingData("Comité", TODAY, kind="comite", project_id=project_id))
    invitations.invite(meeting.id, [org_id], [pid for pid, _photo in made.values()])
    targets = {"dossier": project_id, "bilan": project_id, "partner": org_id, "partner-internal": org_id,
               "attendance": session_id, "minutes": meeting.id}
    assert set(targets) == set(documents.KINDS)
    for kind, target in targets.items():
        pdf = documents.render(kind, paths, target, today=TODAY).pdf
        assert image_count(pdf) <= shared, kind  # no logo set: every image is a consented photo
    assert image_count(documents.render("partner", paths, org_id, today=TODAY).pdf) == shared
    assert image_count(trombinoscope.export_pdf(paths)) == shared
    count, _skipped = letters.write_pdf("people", LetterTemplateData("Lettre", "Objet", "Bonjour"),
                                        tmp_path / "letters.pdf")
    assert count == len(made) and image_count((tmp_path / "letters.pdf").read_bytes()) == 0


def test_the_exceptions_are_the_person_themself_and_the_full_archive(people, tmp_path):
    """The RGPD copy handed to the person carries their own photo; the archive is a backup of the folder."""
    paths, _org, _project, _session, made = people
    for state, (pid, photo) in made.items():
        page = rgpd.export_person(paths, pid, tmp_path / f"{state}.html").read_bytes()
        assert _carried(page, photo), state
    archive.export_all(paths, tmp_path / "all.zip")
    with zipfile.ZipFile(tmp_path / "all.zip") as z:
        stored = b"".join(z.read(n) for n in z.namelist() if n.startswith("files/"))
    assert all(photo in stored for _pid, photo in made.values())
