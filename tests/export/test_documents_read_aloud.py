"""What a hostile reader of the documents saw, read back from the PDFs: a 0 € contribution printed
as unknown, English documents with French amounts and colons and « Mme », numeric dates beside
dates in words, a draft's header cut before « non signé »."""

from __future__ import annotations

import datetime as dt

from reportlab.pdfgen.canvas import Canvas

from partnerdesk import i18n
from partnerdesk.domain.dataio import LetterTemplateData
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.domain.partners import OrganisationData, PersonData
from partnerdesk.domain.projects import ContributionData, ProjectData
from partnerdesk.services import conventions, convention_output, documents, partners, projects, settings
from partnerdesk.services.exports import letters
from tests.export import pdfcheck

TODAY = dt.date(2026, 12, 1)


def _flat(pdf: bytes) -> str:
    return " ".join(pdfcheck.text(pdf).replace("\u00a0", " ").replace("\u202f", " ").split())


def _project(amount: float, *more: float):
    org = partners.create_organisation(OrganisationData("Espace Jeunes", kind="association",
                                                        address="1 rue Haute", city="Rennes"))
    p = projects.create_project(ProjectData("Atelier unique", start_date=dt.date(2026, 10, 1),
                                            end_date=dt.date(2026, 12, 31), bilan_text="Bien."))
    card = projects.add_partner(p.id, org.id, "convention_signee")
    for value in (amount, *more):
        projects.add_contribution(ContributionData(card.id, "financement", "Subvention", value, status="obtenu"))
    return p.id, org.id


def test_a_contribution_of_nothing_is_zero_euros_not_unknown(store):
    project_id, _org = _project(0.0)
    bilan = _flat(documents.render("bilan", store, project_id, today=TODAY).pdf)
    assert "Subvention 0 € 0 € Obtenu" in bilan and "Subvention — —" not in bilan
    dossier = _flat(documents.render("dossier", store, project_id, today=TODAY).pdf)
    assert "Subvention 0 € Obtenu" in dossier


def test_french_documents_write_their_dates_in_words(store):
    project_id, _org = _project(300.0)
    bilan = _flat(documents.render("bilan", store, project_id, today=TODAY).pdf)
    assert "Du 1er octobre 2026 au 31 décembre 2026" in bilan and "01/10/2026" not in bilan
    assert "Chiffres issus de PartnerDesk au 1er décembre 2026" in bilan


def test_english_documents_write_english_amounts_and_colons(store):
    settings.set_(settings.DOCUMENT_LANGUAGE, "en")
    settings.save_identity(EpnIdentity(name="EPN de Rennes", phone="02 99 00 00 00", city="Rennes"))
    project_id, org_id = _project(300.0, 1000.0)
    dossier = _flat(documents.render("dossier", store, project_id, org_id, today=TODAY).pdf)
    assert "€1,300" in dossier and "300 €" not in dossier
    assert "Phone: 02 99 00 00 00" in dossier and "Phone :" not in dossier
    person = partners.create_person(PersonData("Martin", "Claire", civility="madame"), org_id, "Présidente")
    made, _skipped = letters.letters("people", LetterTemplateData("x", "x", "Hello"),
                                     letters.selection.Selection(ids=[person.id]))
    assert made[0].recipient[0] == "Ms Claire Martin"


def test_a_draft_convention_keeps_its_whole_mark_in_the_header(store, monkeypatch):
    drawn = []
    original = Canvas.drawRightString
    monkeypatch.setattr(Canvas, "drawRightString",
                        lambda self, x, y, text, *a, **k: (drawn.append(text), original(self, x, y, text, *a, **k))[1])
    settings.save_identity(EpnIdentity(name="Espace public numérique de Saint-Aubin-des-Prés et de ses environs",
                                       city="Saint-Aubin-des-Prés"))
    org = partners.create_organisation(OrganisationData("Hôtel de ville", kind="service_municipal"))
    conv = conventions.create_convention("Convention", [org.id])
    i18n.set_language("fr")
    convention_output.rendered(conv.id, accept_blanks=True)
    assert "PROJET — document non signé · Version 1" in drawn


def test_a_bar_chart_shows_a_partner_s_whole_name_on_two_lines():
    """Seen: « Caisse d'allocations… » beside a table that names it in full."""
    from partnerdesk.export import charts

    assert charts._two_lines("Caisse d'allocations familiales d'Ille-et-Vilaine", 32) == \
        "Caisse d'allocations familiales\nd'Ille-et-Vilaine"
    assert charts._two_lines("Mairie", 32) == "Mairie"
    assert charts._two_lines("x" * 80, 32).count("\n") == 1 and charts._two_lines("x" * 80, 32).endswith("…")
