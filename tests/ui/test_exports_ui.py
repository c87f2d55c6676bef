"""Identity dialog, export dialog and runner: real widgets, the database and the files checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from partnerdesk import i18n
from partnerdesk.domain.identity import EpnIdentity
from partnerdesk.services import projects, settings
from partnerdesk.ui.dialogs.export_document import ExportDocumentDialog
from partnerdesk.ui.dialogs.identity import IdentityDialog, rasterise_svg
from partnerdesk.ui.widgets.export_runner import ExportRunner
from tests.export.pdfcheck import reader, text

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
<rect width="200" height="100" rx="12" fill="#1F5673"/><circle cx="50" cy="50" r="30" fill="#E07A3F"/></svg>"""


def test_identity_dialog_saves_valid_values(ctx, qtbot):
    dialog = IdentityDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("Espace numérique « La Fabrique »")
    dialog.edits["address"].setPlainText("12, rue de l'Église")
    dialog.edits["email"].setText("epn@mairie.fr")
    dialog.edits["main_colour"].setText("1f5673")
    with qtbot.waitSignal(ctx.signals.data_changed):
        assert dialog.save()
    saved = settings.identity()
    assert saved.name == "Espace numérique « La Fabrique »" and saved.address == "12, rue de l'Église"
    assert saved.main_colour == "#1F5673"


def test_identity_dialog_keeps_typing_and_shows_french_errors(ctx, qtbot):
    i18n.set_language("fr")
    settings.save_identity(EpnIdentity(name="Ancien nom"))
    dialog = IdentityDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("Nouveau nom")
    dialog.edits["email"].setText("pas-une-adresse")
    dialog.edits["accent_colour"].setText("orange vif")
    assert not dialog.save()
    assert dialog.errors["email"].isVisibleTo(dialog) and "adresse" in dialog.errors["email"].text()
    assert "#1F5673" in dialog.errors["accent_colour"].text()
    assert dialog.edits["name"].text() == "Nouveau nom"
    assert settings.identity().name == "Ancien nom"


def test_svg_logo_is_rasterised_and_stored(ctx, qtbot, tmp_path):
    svg = tmp_path / "logo.svg"
    svg.write_text(SVG)
    png = rasterise_svg(svg, 400)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    dialog = IdentityDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.set_logo_file(str(svg))
    stored = Path(dialog.logo_path)
    assert stored.parent == ctx.paths.root / "identity" and stored.suffix == ".png"
    assert dialog.save()
    assert settings.identity().logo_path == str(stored)
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    assert not dialog.set_logo_file(str(bad))
    assert dialog.errors["logo_path"].isVisibleTo(dialog)
    assert dialog.logo_path == str(stored)


def test_runner_exports_in_background_and_offers_open(ctx, qtbot, tmp_path):
    urls = []
    project = projects.create_project(samples_project())
    runner = ExportRunner(ctx, None, opener=lambda url: urls.append(url.toLocalFile()) or True)
    out = tmp_path / "bilan.pdf"
    dialog = runner.start("bilan", project.id, out)
    qtbot.addWidget(dialog)
    # documents are written in French whatever the interface language (English in these tests)
    assert reader(out.read_bytes()).metadata.title == "Bilan — Ateliers tablette"
    assert dialog.open_button.isVisibleTo(dialog) and dialog.folder_button.isVisibleTo(dialog)
    assert str(out) in dialog.message.text()
    assert dialog.bar.value() == dialog.bar.maximum()
    qtbot.mouseClick(dialog.open_button, qtbot_left())
    qtbot.mouseClick(dialog.folder_button, qtbot_left())
    assert urls == [str(out.resolve()), str(out.resolve().parent)]
    assert ctx.settings.value("exports/folder") == str(tmp_path)


def test_runner_reports_a_missing_project(ctx, qtbot, tmp_path):
    i18n.set_language("fr")
    runner = ExportRunner(ctx, None, opener=lambda url: True)
    dialog = runner.start("bilan", 999, tmp_path / "x.pdf")
    qtbot.addWidget(dialog)
    assert "Aucun projet ne porte le numéro 999" in dialog.message.text()
    assert not (tmp_path / "x.pdf").exists() and not dialog.open_button.isVisibleTo(dialog)


def test_export_dialog_saves_the_bilan_text_before_exporting(ctx, qtbot, tmp_path):
    project = projects.create_project(samples_project())
    runner = ExportRunner(ctx, None, opener=lambda url: True)
    out = tmp_path / "mon bilan.pdf"
    runner.ask_path = lambda kind, title: out
    dialog = ExportDocumentDialog(ctx, "bilan", runner=runner)
    qtbot.addWidget(dialog)
    dialog.project.setCurrentIndex(dialog.project.findData(project.id))
    dialog.bilan_text.setPlainText("Un bilan écrit avec « nos » partenaires & les habitants.")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert projects.get_project(project.id).bilan_text == "Un bilan écrit avec « nos » partenaires & les habitants."
    assert "« nos » partenaires & les habitants" in text(out.read_bytes())


def test_export_dialog_offers_the_internal_partner_sheet(ctx, qtbot, tmp_path):
    from partnerdesk.domain.partners import OrganisationData
    from partnerdesk.services import partners

    org = partners.create_organisation(OrganisationData("Amicale laïque", status="prospect"))
    runner = ExportRunner(ctx, None, opener=lambda url: True)
    asked = []
    runner.ask_path = lambda kind, title: asked.append(kind) or tmp_path / f"{kind}.pdf"
    for internal in (False, True):
        dialog = ExportDocumentDialog(ctx, "partner", runner=runner)
        qtbot.addWidget(dialog)
        dialog.organisation.setCurrentIndex(dialog.organisation.findData(org.id))
        dialog.internal.setChecked(internal)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert asked == ["partner", "partner-internal"]
    assert "Prospect" not in text((tmp_path / "partner.pdf").read_bytes())
    internal_text = text((tmp_path / "partner-internal.pdf").read_bytes())
    assert "Prospect" in internal_text and "Document interne" in internal_text


def test_file_menu_has_identity_and_exports(window):
    assert window.identity_action in window.file_menu.actions()
    assert set(window.export_actions) == {"dossier", "bilan", "partner", "attendance"}


def samples_project():
    from partnerdesk.domain.projects import ProjectData

    return ProjectData("Ateliers tablette", description="Des ateliers.", start_date=dt.date(2026, 1, 5))


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton



def test_project_card_export_button_lists_the_documents(ctx, qtbot, tmp_path):
    from partnerdesk.domain.partners import OrganisationData
    from partnerdesk.domain.projects import SessionData
    from partnerdesk.services import partners, sessions
    from partnerdesk.ui.tabs.projects.card import ProjectCard
    from partnerdesk.ui.widgets.export_buttons import OrganisationExportButton

    project = projects.create_project(samples_project())
    org = partners.create_organisation(OrganisationData("Médiathèque Anne-Frank"))
    projects.add_partner(project.id, org.id)
    sessions.create_session(SessionData(project.id, dt.date.today() + dt.timedelta(days=3), "14:00", "16:00"))
    card = ProjectCard(ctx)
    qtbot.addWidget(card)
    assert not card.export_button.isEnabled()
    card.show_project(project.id)
    assert card.export_button.isEnabled()
    card.export_button.fill_menu()
    texts = [a.text() for a in card.export_button.menu_.actions()]
    assert texts[0] == "Presentation dossier…" and "Report…" in texts
    assert any(t.startswith("Attendance sheet of ") for t in texts)
    addressed = card.export_button.menu_.actions()[1].menu()
    assert [a.text() for a in addressed.actions()] == ["Médiathèque Anne-Frank"]
    out = tmp_path / "dossier.pdf"
    card.export_button.runner.ask_path = lambda kind, title: out
    card.export_button.runner.opener = lambda url: True
    addressed.actions()[0].trigger()
    assert "Médiathèque Anne-Frank" in text(out.read_bytes())

    button = OrganisationExportButton(ctx)
    qtbot.addWidget(button)
    button.set_organisation(org.id)
    button.fill_menu()
    out = tmp_path / "fiche.pdf"
    button.runner.ask_path = lambda kind, title: out
    button.runner.opener = lambda url: True
    button.menu_.actions()[0].trigger()
    assert "Médiathèque Anne-Frank" in text(out.read_bytes())


def test_runner_works_in_a_worker_thread(ctx, qtbot, tmp_path):
    """The real TaskRunner: the PDF is built in the thread pool, the dialog follows on the GUI thread."""
    from partnerdesk.services import data
    from partnerdesk.ui.tasks import TaskRunner

    project = projects.create_project(samples_project())
    ctx.tasks = TaskRunner(db_context=data.connection_context)
    runner = ExportRunner(ctx, None, opener=lambda url: True)
    out = tmp_path / "bilan.pdf"
    dialog = runner.start("bilan", project.id, out)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.open_button.isVisibleTo(dialog), timeout=20000)
    assert ctx.tasks.wait(5000)
    assert reader(out.read_bytes()).metadata.title == "Bilan — Ateliers tablette"
    from partnerdesk import i18n

    assert i18n.language() == "en" and i18n._("Report") == "Report"  # the GUI's catalogue was never swapped


def test_cancelled_export_writes_nothing(ctx, qtbot, tmp_path):
    from partnerdesk.ui.tasks import SyncTaskRunner, TaskHandle

    class CancelledAtOnce(SyncTaskRunner):
        def run(self, fn, on_done=None, on_error=None, *, unheld=False):
            handle = TaskHandle()
            handle.cancel()
            try:
                on_done(fn(handle))
            except BaseException as exc:  # noqa: BLE001 - what the real runner reports
                on_error(exc, "")
            return handle

    project = projects.create_project(samples_project())
    ctx.tasks = CancelledAtOnce()
    out = tmp_path / "exports"
    out.mkdir()
    dialog = ExportRunner(ctx, None, opener=lambda url: True).start("bilan", project.id, out / "b.pdf")
    qtbot.addWidget(dialog)
    assert "Export cancelled" in dialog.message.text()
    assert list(out.iterdir()) == []
