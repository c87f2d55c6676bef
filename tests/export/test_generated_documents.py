"""Every document of generated projects exports without an exception, fills its pages and
writes correct French (hypothesis: 0–80 partners, 0–250 sessions, 0–40 photos, long names,
amounts up to 10 million €, empty fields)."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from odf import teletype
from odf.opendocument import load
from odf.text import P

from partnerdesk.export.pagination import MIN_FILL
from partnerdesk.services import convention_output, documents
from partnerdesk.store.models import ProjectSession
from tests.export import generated
from tests.export.pdfcheck import text


def _check_pdf(name, rendered, problems):
    if any(fill < MIN_FILL for fill in rendered.page_fill[:-1]):
        problems.append(f"{name}: a page filled below {MIN_FILL:.0%}: {rendered.page_fill}")
    problems += [f"{name}: {p}" for p in generated.text_problems(text(rendered.pdf))]


def export_everything(paths, project_id, org_ids, convention_id) -> list[str]:
    """Export every document of the project; the problems found (empty when all is right)."""
    problems: list[str] = []
    today = generated.TODAY
    _check_pdf("dossier", documents.render("dossier", paths, project_id, today=today), problems)
    if org_ids:
        _check_pdf("dossier for", documents.render("dossier", paths, project_id, org_ids[0], today=today), problems)
        for kind in ("partner", "partner-internal"):
            _check_pdf(kind, documents.render(kind, paths, org_ids[-1], today=today), problems)
    _check_pdf("bilan", documents.render("bilan", paths, project_id, today=today), problems)
    session = ProjectSession.select().where(ProjectSession.project == project_id).order_by(
        ProjectSession.id.desc()).first()
    if session is not None:
        _check_pdf("attendance", documents.render("attendance", paths, session.id, today=today), problems)
    if convention_id:
        _check_pdf("convention", convention_output.rendered(convention_id, accept_blanks=True), problems)
        odt = convention_output.rendered(convention_id, "odt", accept_blanks=True).pdf
        assert zipfile.is_zipfile(io.BytesIO(odt))
        odt_text = "\n".join(teletype.extractText(p) for p in load(io.BytesIO(odt)).getElementsByType(P))
        problems += [f"convention odt: {p}" for p in generated.text_problems(odt_text)]
    return problems


@settings(max_examples=6, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
                                 HealthCheck.function_scoped_fixture])
@given(spec=generated.specs())
def test_every_document_of_generated_projects(spec, store):
    from tests.export.samples import make_photo

    photo = "generated.jpg"
    if not (store.photos_dir / photo).exists():
        make_photo(store.photos_dir / photo, (320, 240))
    project_id, org_ids, convention_id = generated.build(spec, store.photos_dir, photo)
    assert export_everything(store, project_id, org_ids, convention_id) == []


def test_every_document_of_the_largest_generated_project(store):
    from tests.export.samples import make_photo

    make_photo(store.photos_dir / "generated.jpg", (320, 240))
    project_id, org_ids, convention_id = generated.build(generated.largest(), store.photos_dir, "generated.jpg")
    assert export_everything(store, project_id, org_ids, convention_id) == []


def test_the_text_checks_catch_what_they_are_for():
    bad = ("Engagements de Espace public numérique, avec la Amicale, le Hôpital ; 9 annulée(s) ; 1 séances ; "
           "0 partenaires ; 14:00 – 16:30")
    found = generated.text_problems(bad)
    assert len(found) == 8, found
    good = ("Engagements de l’Espace public numérique, de Yoplait, de la Halle, 1 séance, 2 séances, "
            "10 séances, 1 000 participations, 14\u00a0h\u00a0– 16\u00a0h\u00a030, page 2 / 5")
    assert generated.text_problems(good) == []
