"""The compte rendu and the émargement sheet of a meeting, read back with pypdf and rendered with pdftoppm;
the CLI `meetings` list and `export minutes` / `export attendance --meeting`."""

import datetime as dt

import pytest

from partnerdesk.cli import main
from partnerdesk.domain.meetings import ActionData, MeetingData
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ProjectData
from partnerdesk.domain.recurrence import Recurrence
from partnerdesk.services import documents, meetings, partners, projects
from partnerdesk.services.meetings import followup, invitations
from tests.export import pdfcheck

TODAY = dt.date(2026, 11, 18)
D = dt.date


@pytest.fixture
def committee(store):
    p = projects.create_project(ProjectData("Programme « Inclusion numérique »"))
    orgs = [partners.create_organisation(OrganisationData(name)).id
            for name in ("Dupont & Fils <SARL>", "Club des aînés", "L'Atelier", "Mairie")]
    helene = partners.create_person(PersonData("Martin", "Hélène"), orgs[3], "Adjointe").id
    made = meetings.create_series(MeetingData(
        "Comité de programmation", D(2026, 9, 15), kind="comite", project_id=p.id, start_time="10:00",
        end_time="12:00", place="Mairie — salle du conseil", in_charge="Zoé Moreau", theme="Inclusion",
        agenda="<ol><li>Bilan</li><li>Programmation</li></ol>"), Recurrence("months", 2), count=3)
    m = made[0]
    m.minutes = ("<p>Les partenaires <b>présentent</b> leurs actions.</p><ul><li>Permanences pleines</li></ul>"
                 + "<p>" + "Un long paragraphe. " * 400 + "</p>")
    meetings.update_meeting(m)
    invitations.invite(m.id, orgs[:3], [helene])
    listed = {i.label: i.id for i in invitations.invitees_of(m.id)}
    invitations.set_answers(m.id, {listed["Dupont & Fils <SARL>"]: "present", listed["Club des aînés"]: "excuse",
                                   listed["L'Atelier"]: "absent", listed["Hélène Martin (Mairie)"]: "present"})
    followup.add_decision(m.id, "Ouvrir le samedi & le mercredi <matin>")
    for n in range(30):
        followup.add_action(ActionData(m.id, f"Action n° {n} — " + "x" * (n * 20), D(2026, 10, 1 + n % 28),
                                       owner_person_id=helene if n % 2 else None,
                                       owner_epn="" if n % 2 else "Zoé Moreau"))
    return store, m.id, made


def test_minutes_pdf_read_back_and_rendered(committee):
    from partnerdesk.services import settings

    paths, meeting_id, made = committee
    settings.set_(settings.DOCUMENT_LANGUAGE, "en")  # documents are French unless the EPN says otherwise
    pdf = documents.render("minutes", paths, meeting_id, today=TODAY).pdf
    text = pdfcheck.text(pdf)
    for expected in ("Comité de programmation", "Dupont & Fils <SARL>", "Hélène Martin (Mairie)",
                     "Club des aînés", "L'Atelier", "Ouvrir le samedi & le mercredi <matin>", "Action n° 29",
                     "Permanences pleines", "Next meeting", "Sunday, 15 November 2026"):
        assert expected in text, expected
    assert text.index("2 people present") < text.index("Dupont") < text.index("1 person excused") \
        < text.index("Club des aînés") < text.index("1 person absent") < text.index("L'Atelier")
    assert all("DejaVu" in f for f in pdfcheck.fonts(pdf))
    assert pdfcheck.reader(pdf).metadata.title.startswith("Minutes — Comité de programmation")
    pages = pdfcheck.rendered_pages(pdf)
    assert len(pages) >= 3
    assert all(pdfcheck.ink(page) > 0.005 for page in pages)
    # the last one of the series has no next meeting
    assert "Next meeting" not in pdfcheck.text(documents.render("minutes", paths, made[-1].id, today=TODAY).pdf)


def test_minutes_in_french_and_an_empty_meeting(store):
    m = meetings.create_meeting(MeetingData("Réunion vide", D(2026, 12, 1), kind="autre"))
    text = pdfcheck.text(documents.render("minutes", store, m.id, today=TODAY).pdf).replace("’", "'")
    for expected in ("COMPTE RENDU", "Mardi 1er décembre 2026", "Aucun ordre du jour", "Aucune décision",
                     "Les présences n'ont pas été relevées"):
        assert expected in text, expected
    assert "Minutes" not in text and "Agenda" not in text


def test_attendance_sheet_of_a_meeting_reuses_the_sessions_sheet(committee):
    paths, meeting_id, _made = committee
    pdf = documents.render("meeting_attendance", paths, meeting_id, today=TODAY).pdf
    text = pdfcheck.text(pdf)
    assert "FEUILLE D’ÉMARGEMENT" in text and "Comité de programmation" in text
    assert "Dupont & Fils <SARL>" in text and "Club des aînés" not in text  # excused: no line to sign
    pdfcheck.rendered_pages(pdf)
    # the project under « Projet » (it was printed under « Avec »), the organisation in its column
    flat = " ".join(text.replace("\u00a0", " ").split())
    assert "Projet Programme « Inclusion numérique »" in flat and "Avec" not in flat
    assert "Hélène Martin (Mairie)" not in flat and "Hélène Martin Mairie" in flat


def test_cli_meetings_and_exports(committee, tmp_path, capsys):
    from partnerdesk.services import data

    paths, meeting_id, made = committee
    data.close_data()
    base = ["--data-dir", str(paths.root)]
    assert main([*base, "meetings"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and out[0].split()[0] == str(meeting_id)
    assert "4 people invited: 2 people present, 1 person excused, 1 person absent" in out[0]
    assert main([*base, "--lang", "fr", "meetings", "--upcoming", "--project", "inclusion"]) == 0
    out = capsys.readouterr().out
    assert "Comité de pilotage / de programmation" in out and "personne n'est encore invité" in out
    assert main([*base, "--lang", "fr", "meetings"]) == 0
    assert "4 invités : 2 présents, 1 excusé, 1 absent" in capsys.readouterr().out
    assert main([*base, "export", "minutes", str(meeting_id), "-o", str(tmp_path / "cr.pdf")]) == 0
    assert main([*base, "export", "attendance", "--meeting", str(meeting_id), "-o", str(tmp_path / "e.pdf")]) == 0
    assert pdfcheck.text((tmp_path / "cr.pdf").read_bytes()).count("Comité de programmation") >= 1
    assert main([*base, "export", "minutes", "999", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "No meeting with number 999." in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    data.open_data(paths, daily_backup=False)
