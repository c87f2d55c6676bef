"""Documents prepared from the database: the consent rule, the CLI, every kind from the demo data."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerdesk import i18n
from partnerdesk.cli import main
from partnerdesk.domain.consent import Consent
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import PhotoData, ProjectData, SessionData, Stage
from partnerdesk.services import consent, documents, partners, photos, projects, realizations, sessions
from partnerdesk.store.models import Project, ProjectPartner, ProjectPhoto
from tests.export import samples
from tests.export.pdfcheck import assert_no_blank_page, image_count, reader, text

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def project_with_photos(store):
    org = partners.create_organisation(OrganisationData("Club des aînés « Les Tilleuls »", kind="association",
                                                        publics=["seniors"], contributions=["public"]))
    agrees = partners.create_person(PersonData("Martin", "Agnès"), org.id, "Présidente")
    internal_only = partners.create_person(PersonData("Durand", "Bernard"), org.id, "Trésorier")
    consent.save_consent(agrees.id, Consent(True, TODAY, ["interne", "partenaires"]), today=TODAY)
    consent.save_consent(internal_only.id, Consent(True, TODAY, ["interne"]), today=TODAY)
    photos.set_photo_from_bytes(store, agrees.id, samples.make_photo(store.root / "a.jpg").read_bytes())
    photos.set_photo_from_bytes(store, internal_only.id, samples.make_photo(store.root / "b.jpg").read_bytes())
    project = projects.create_project(ProjectData("Ateliers tablette", description="Des ateliers.",
                                                  publics=["seniors"], bilan_text="Un bilan écrit à la main."))
    projects.add_partner(project.id, org.id, Stage.CONVENTION_SIGNEE.value)
    for name, person in (("agreed.jpg", agrees), ("refused.jpg", internal_only)):
        samples.make_photo(store.photos_dir / name)
    realizations.add_photo(PhotoData(project.id, "agreed.jpg", "Photo autorisée", person_ids=[agrees.id]))
    realizations.add_photo(PhotoData(project.id, "refused.jpg", "Photo refusée", person_ids=[internal_only.id]))
    sessions.create_session(SessionData(project.id, dt.date(2026, 10, 6), "14:00", "16:00", "EPN",
                                        planned_attendance=8, actual_attendance=6,
                                        participants=["Agnès Martin", "Zoé Dupont & Cie"]))
    return store, project.id, org.id


def test_photo_without_consent_is_absent_from_the_bilan(project_with_photos):
    paths, project_id, _org = project_with_photos
    data = documents.project_docs.bilan_data(paths, project_id, TODAY)
    assert [p.caption for p in data.photos] == ["Photo autorisée"]
    assert data.photos_left_out == 1
    result = documents.render("bilan", paths, project_id, today=TODAY)
    content = text(result.pdf)
    assert "Photo autorisée" in content and "Photo refusée" not in content
    assert image_count(result.pdf) == 1  # no logo: the one image is the consented photo
    assert any("1 photo was left out" in note for note in result.notes)


def test_partner_sheet_shows_only_consented_portraits(project_with_photos):
    paths, _project_id, org_id = project_with_photos
    data = documents.partner_docs.partner_sheet_data(paths, org_id, TODAY)
    portraits = {p.name: p.photo for p in data.people}
    assert portraits["Agnès Martin"] is not None and portraits["Bernard Durand"] is None
    pdf = documents.render("partner", paths, org_id, today=TODAY).pdf
    assert image_count(pdf) == 1
    assert "Ateliers tablette" in text(pdf)


def test_attendance_sheet_of_a_session(project_with_photos):
    paths, project_id, _org = project_with_photos
    session_id = documents.session_of_project(project_id, dt.date(2026, 10, 6))
    pdf = documents.render("attendance", paths, session_id, today=TODAY).pdf
    content = text(pdf)
    assert "Zoé Dupont & Cie" in content and "Ateliers tablette" in content


def test_dossier_tailored_to_its_partner(project_with_photos):
    paths, project_id, org_id = project_with_photos
    data = documents.project_docs.dossier_data(paths, project_id, org_id, TODAY)
    assert data.addressee.organisation == "Club des aînés « Les Tilleuls »"
    assert data.addressee.person == "Agnès Martin" and data.addressee.role == "Présidente"
    reach = next(b.text for b in data.benefits if b.title == "Publics reached")
    assert "people you already work with" in reach
    assert data.cover_photo is not None and data.cover_photo.caption == "Photo autorisée"
    generic = documents.project_docs.dossier_data(paths, project_id, None, TODAY)
    assert generic.addressee is None
    assert "people you already work with" not in " ".join(b.text for b in generic.benefits)


def test_every_document_from_the_demo_data(demo_store, tmp_path):
    i18n.set_language("fr")
    project_id = Project.select().order_by(Project.id).first().id
    org_id = ProjectPartner.select().where(ProjectPartner.project == project_id).first().organisation_id
    session_id = documents.session_of_project(project_id)
    for kind, target, partner in (("dossier", project_id, org_id), ("bilan", project_id, None),
                                  ("partner", org_id, None), ("attendance", session_id, None)):
        out = tmp_path / f"{kind}.pdf"
        result = documents.export(kind, demo_store, target, out, partner_id=partner)
        pdf = out.read_bytes()
        meta = reader(pdf).metadata
        assert meta.author == "Espace public numérique de Saint-Aubin-des-Prés", kind
        assert reader(pdf).trailer["/Root"]["/Lang"] == "fr-FR"
        assert result.path == out.resolve()
        assert_no_blank_page(pdf)
    assert ProjectPhoto.select().where(ProjectPhoto.project == project_id).count() >= 4


def test_cli_export(demo_store, tmp_path, capsys):
    args = ["--data-dir", str(demo_store.root), "--lang", "fr"]
    from partnerdesk.services import data

    data.close_data()  # the command opens the folder itself
    out = tmp_path / "bilan.pdf"
    assert main([*args, "export", "bilan", "tablette", "-o", str(out)]) == 0
    assert "PDF enregistré" in capsys.readouterr().out
    assert "Bilan" in reader(out.read_bytes()).metadata.title
    out = tmp_path / "dossier"
    assert main([*args, "export", "dossier", "1", "--partner", "Médiathèque", "-o", str(out)]) == 0
    assert (tmp_path / "dossier.pdf").exists()
    assert main([*args, "export", "partner", "mairie", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "Plusieurs structures correspondent" in capsys.readouterr().err
    assert main([*args, "export", "bilan", "999", "-o", str(tmp_path / "y.pdf")]) == 1
    assert "Aucun projet ne porte le numéro 999" in capsys.readouterr().err
    assert main([*args, "export", "attendance", "1", "--date", "31/02/2026", "-o", str(tmp_path / "z.pdf")]) == 1
    data.open_data(demo_store, daily_backup=False)


def test_suggested_names_are_safe():
    name = documents.suggested_name("bilan", 'Atelier « CV » : <emploi>/"2026"')
    assert name == "Report - Atelier CV emploi 2026.pdf"


def test_partner_sheet_variants_internal_and_for_the_partner(project_with_photos):
    paths, project_id, org_id = project_with_photos
    from partnerdesk.domain.partners import OrganisationData as Org
    from partnerdesk.services import journal, pipeline, tags

    other = projects.create_project(ProjectData("Projet refusé"))
    refused = projects.add_partner(other.id, org_id)
    pipeline.move_card(refused.id, Stage.ABANDONNE.value, reason="Pas de budget")
    tag = tags.create_tag("Donateurs secrets")
    tags.set_organisation_tags(org_id, [tag.id])
    journal.log_interaction("appel", TODAY, "Relance interne : à surveiller", [org_id], [])
    partners.update_organisation(Org(**{**partners.get_organisation(org_id).__dict__, "status": "prospect"}))
    for_partner = text(documents.render("partner", paths, org_id, today=TODAY).pdf)
    internal = text(documents.render("partner-internal", paths, org_id, today=TODAY).pdf)
    for secret in ("Prospect", "Donateurs secrets", "Relance interne", "Projet refusé", "Derniers échanges"):
        assert secret not in for_partner, secret
        assert secret in internal, secret
    assert "Document interne" in internal and "interne" not in for_partner.lower()
    assert "Ateliers tablette" in for_partner


def test_exported_files_follow_the_umask(project_with_photos, tmp_path):
    import os
    import stat

    from partnerdesk.services import trombinoscope

    paths, project_id, org_id = project_with_photos
    old = os.umask(0o022)
    try:
        made = [documents.export("bilan", paths, project_id, tmp_path / "bilan.pdf", today=TODAY).path,
                documents.export("partner", paths, org_id, tmp_path / "fiche.pdf", today=TODAY).path,
                trombinoscope.export_pdf_to(paths, tmp_path / "trombi.pdf")]
        os.umask(0o077)
        made.append(documents.export("dossier", paths, project_id, tmp_path / "private.pdf", today=TODAY).path)
    finally:
        os.umask(old)
    modes = [stat.S_IMODE(p.stat().st_mode) for p in made]
    assert modes == [0o644, 0o644, 0o644, 0o600]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".partnerdesk-")]  # no temporary file left


def test_partner_sheet_shows_imported_phones_in_french_form(project_with_photos):
    paths, _project_id, org_id = project_with_photos
    partners.create_person(PersonData("Le Bihan", "Maël", phones=["+33612345678", "+4917623384942"]),
                           org_id, "Animateur")
    content = text(documents.render("partner", paths, org_id, today=TODAY).pdf)
    assert "06 12 34 56 78" in content and "+49 176 23384942" in content
    assert "+33612345678" not in content


def test_the_bilan_names_the_epn_with_its_article(store):
    """Seen on every bilan: « …suivi des partenariats tenu par Espace public numérique de Saint-Aubin »."""
    from partnerdesk.domain.identity import EpnIdentity
    from partnerdesk.services import settings

    settings.save_identity(EpnIdentity(name="Espace public numérique de Saint-Aubin"))
    p = projects.create_project(ProjectData("Tablettes"))
    i18n.set_language("fr")
    source = documents.project_docs.bilan_data(store, p.id, TODAY).source
    assert "tenu par l’Espace public numérique de Saint-Aubin." in source
    i18n.set_language("en")
    assert "kept by Espace public numérique de Saint-Aubin." in documents.project_docs.bilan_data(store, p.id,
                                                                                               TODAY).source
