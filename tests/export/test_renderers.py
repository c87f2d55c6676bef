"""Each renderer on prepared data: read back with pypdf, every page rendered."""

from __future__ import annotations

import pytest

from partnerdesk import i18n
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.export.attendance import render_attendance_sheet
from partnerdesk.export.bilan import render_bilan
from partnerdesk.export.dossier import render_dossier
from partnerdesk.export.partner_sheet import render_partner_sheet
from tests.export import samples
from tests.export.pdfcheck import assert_no_blank_page, fonts, layout_text, reader, text


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def has(content: str, expected: str) -> bool:
    """Case-insensitive (kickers are upper case), spaces of any kind alike."""
    return " ".join(expected.split()).lower() in content.lower()


def _metadata(pdf: bytes) -> dict:
    pdf_reader = reader(pdf)
    meta = pdf_reader.metadata
    return {"title": meta.title, "author": meta.author, "subject": meta.subject,
            "lang": str(pdf_reader.trailer["/Root"].get("/Lang"))}


def _only_dejavu(pdf: bytes) -> None:
    names = fonts(pdf)
    assert names, "no font found"
    assert all("DejaVu" in n for n in names), names


def test_dossier_in_french(tmp_path, french):
    pdf = render_dossier(samples.dossier(tmp_path), samples.identity(tmp_path))
    pages = len(reader(pdf).pages)
    assert 2 <= pages <= 6
    content = text(pdf)
    for expected in ("Dossier de présentation", "« Cœur connecté »", "À L'ATTENTION DE",
                     "Boulangerie Dupont & Fils <SARL>", "Ce que ce partenariat vous apporte",
                     "Rédigé pour Boulangerie Dupont & Fils <SARL>",
                     "Besoins et budget", "7 900 €", "Déjà engagés", "2 / ", "Élodie Marchand"):
        assert has(content, expected), expected
    assert "ateliers-seniors-inscriptions-2026-2027" in content  # the long URL wrapped, not cut
    meta = _metadata(pdf)
    assert meta["title"] == "Dossier de présentation — Ateliers numériques pour les seniors : « Cœur connecté »"
    assert meta["author"] == "Espace numérique « La Fabrique » de Saint-Aubin-des-Prés"
    assert "Boulangerie Dupont & Fils <SARL>" in meta["subject"]
    assert meta["lang"] == "fr-FR"
    _only_dejavu(pdf)
    assert_no_blank_page(pdf)


def test_bilan_in_french(tmp_path, french):
    pdf = render_bilan(samples.bilan(tmp_path, photos=6), samples.identity(tmp_path))
    content = text(pdf)
    for expected in ("Bilan", "Partenaires et apports", "Séances et fréquentation", "des places prévues occupées",
                     "Réalisations", "En images", "Objectifs et résultats", "Annexe — toutes les séances",
                     "Chiffres issus de PartnerDesk", "Dupont & Fils <SARL>", "annulée", "104", "Édité le"):
        assert has(content, expected), expected
    # handed to partners: no staff hours, no internal next steps (they belong to the internal report)
    for internal in ("Temps passé", "Prochaines étapes", "12,5 h", "Reconduire les ateliers"):
        assert not has(content, internal), internal
    meta = _metadata(pdf)
    assert meta["title"].startswith("Bilan — ") and meta["lang"] == "fr-FR"
    assert meta["subject"] and meta["author"]
    _only_dejavu(pdf)
    assert_no_blank_page(pdf)


def test_partner_sheet_in_french(tmp_path, french):
    pdf = render_partner_sheet(samples.partner_sheet(tmp_path), samples.identity(tmp_path))
    content = text(pdf)
    for expected in ("Fiche partenaire", "Boulangerie Dupont & Fils <SARL>", "Zoé Œillet", "Relais de l'EPN",
                     "Projets menés ensemble", "Derniers échanges", "Convention signée", "DOCUMENT INTERNE"):
        assert has(content, expected), expected
    assert _metadata(pdf)["title"] == "Fiche partenaire — Boulangerie Dupont & Fils <SARL>"
    _only_dejavu(pdf)
    assert_no_blank_page(pdf)


def test_attendance_sheet_repeats_its_header(tmp_path, french):
    data = samples.attendance(names=40)
    pdf = render_attendance_sheet(data, samples.identity(tmp_path))
    pdf_reader = reader(pdf)
    assert len(pdf_reader.pages) >= 2
    for page in pdf_reader.pages:
        page_text = page.extract_text()
        assert "Nom et prénom" in page_text and "Signature" in page_text
    content = text(pdf)
    assert has(content, "Feuille d'émargement") and "Mardi 12 janvier 2027" in content
    assert "Zoé Dupont & Cie" in content and "Jean-Baptiste de La" in content
    assert data.line_count == 43
    _only_dejavu(pdf)
    assert_no_blank_page(pdf)


def test_attendance_sheet_without_names_has_blank_lines(tmp_path):
    data = samples.attendance(names=0)
    data.planned = None
    pdf = render_attendance_sheet(data, EpnIdentity())
    content = text(pdf)
    assert data.line_count == 12
    assert " 12 " in f" {content} " and "Hélène" not in content


def test_finished_look_without_identity(tmp_path, french):
    """No name, logo or colours: the documents still carry a name and render."""
    pdf = render_bilan(samples.bilan(None, photos=0), EpnIdentity())
    assert "Espace public numérique" in text(pdf)
    assert reader(pdf).metadata.author == "Espace public numérique"
    assert_no_blank_page(pdf)


def test_bad_colours_and_svg_logo_are_ignored(tmp_path):
    svg = tmp_path / "logo.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    identity = EpnIdentity(name="EPN", main_colour="not a colour", accent_colour="#12", logo_path=str(svg))
    pdf = render_dossier(samples.dossier(None, partner=False), identity)
    assert len(reader(pdf).pages) >= 2
    assert "Ce que ce partenariat" not in text(pdf)


def test_user_markup_is_printed_not_parsed(tmp_path):
    data = samples.partner_sheet(None)
    data.name = "A <b>bold</b> & <font size=90>huge</font> name <unclosed"
    data.decision_circuit = "x < y && y > z\nnew line"
    pdf = render_partner_sheet(data, EpnIdentity(name="<EPN & co>"))
    content = text(pdf)
    assert "A <b>bold</b> & <font size=90>huge</font> name <unclosed" in content
    assert "x < y && y > z" in content and "<EPN & co>" in content


def test_dossier_without_commitments_or_budget(tmp_path):
    data = samples.dossier(None, partner=False)
    data.commitments, data.budget, data.needs, data.calendar = [], [], [], []
    pdf = render_dossier(data, EpnIdentity())
    assert "No partner has committed yet" in text(pdf)
    assert "WHO IT IS FOR" in text(pdf)  # no photo: the cover shows the project at a glance
    assert_no_blank_page(pdf)


def test_language_follows_the_interface():
    pdf = render_attendance_sheet(samples.attendance(names=2), EpnIdentity())
    assert _metadata(pdf)["lang"] == "en-GB"
    assert "Attendance sheet" in _metadata(pdf)["title"]


def test_huge_texts_split_across_pages_instead_of_crashing():
    """A cell longer than a page (a pasted report, a long decision circuit) splits inside its row."""
    huge = "Un texte très long, collé depuis un courriel. " * 260
    bilan = samples.bilan(None, photos=0)
    bilan.realizations[0].description = huge
    bilan.commitments[0].description = huge
    bilan.next_steps = [huge]
    dossier = samples.dossier(None)
    dossier.title = "Un titre interminable " * 30
    dossier.needs[0].description = huge
    dossier.benefits[0].text = huge
    sheet = samples.partner_sheet(None)
    sheet.decision_circuit = huge
    sheet.people[0].role = huge
    sheet.interactions[0].summary = huge
    for pdf in (render_bilan(bilan, EpnIdentity()), render_dossier(dossier, EpnIdentity()),
                render_partner_sheet(sheet, EpnIdentity())):
        assert len(reader(pdf).pages) >= 3
        assert_no_blank_page(pdf)


def test_bilan_table_and_chart_rank_the_partners_alike(tmp_path, french):
    """The reader compares the contributions table with the chart under it: the same partners first
    (the one bringing the most), in the same order."""
    pdf = render_bilan(samples.bilan(tmp_path, photos=0), samples.identity(tmp_path))
    seen = " ".join(layout_text(pdf).split())  # top to bottom, as the reader sees the page
    section = seen.split("Partenaires et apports", 2)[-1]
    table, chart = section.split("Attendu et obtenu, en euros", 1)
    names = ["Informatique", "Conseil", "Boulangerie"]  # 2 500, 840 and 150 € expected
    assert sorted(names, key=table.index) == names
    assert sorted(names, key=chart.index) == names
