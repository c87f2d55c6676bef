"""Render the PDF exports and their screens with the small demo data, in French.

    uv run python tests/tools/shots_exports.py [OUT_DIR]   # default: docs/screenshots

Writes dossier.png (cover of a dossier addressed to a partner), bilan.png (first page of
a bilan), exports-identity.png, exports-done.png and exports-project-card.png; in OUT_DIR,
when it is not docs/screenshots, every page of the four documents as well (to look at them).
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QPoint, QSettings  # noqa: E402
from PySide6.QtGui import QPainter, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from partnerdesk import i18n  # noqa: E402
from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import data, demo, documents  # noqa: E402
from partnerdesk.store.models import ProjectPartner  # noqa: E402
from partnerdesk.ui.context import AppContext  # noqa: E402
from partnerdesk.ui.tasks import SyncTaskRunner  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def pdf_pages(pdf: Path, out: Path, prefix: str, first_only: bool, dpi: int = 80) -> None:
    args = ["pdftoppm", "-png", "-r", str(dpi)]
    if first_only:
        args += ["-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*args, str(pdf), str(out / prefix)], check=True)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    everything = out.resolve() != (ROOT / "docs" / "screenshots").resolve()
    i18n.set_language("fr")
    app = QApplication([])
    paths = DataPaths(Path(tempfile.mkdtemp(prefix="partnerdesk-shots-"))).ensure()
    data.open_data(paths, daily_backup=False)
    demo.fill("small", paths=paths)
    project_id = 1
    partner = (ProjectPartner.select().where((ProjectPartner.project == project_id)
                                             & (ProjectPartner.stage != "abandonne")).first())
    pdfs = Path(tempfile.mkdtemp(prefix="partnerdesk-pdf-"))
    jobs = [("dossier", project_id, partner.organisation_id), ("bilan", project_id, None),
            ("partner", partner.organisation_id, None),
            ("attendance", documents.session_of_project(project_id), None)]
    for kind, target, addressee in jobs:
        documents.export(kind, paths, target, pdfs / f"{kind}.pdf", partner_id=addressee)
    pdf_pages(pdfs / "dossier.pdf", out, "dossier", first_only=True)
    pdf_pages(pdfs / "bilan.pdf", out, "bilan", first_only=True)
    if everything:
        for kind, *_rest in jobs:
            pdf_pages(pdfs / f"{kind}.pdf", out, f"all-{kind}", first_only=False, dpi=60)

    from partnerdesk.ui.dialogs.identity import IdentityDialog
    from partnerdesk.ui.tabs.projects.card import ProjectCard
    from partnerdesk.ui.widgets.export_runner import ExportRunner

    ctx = AppContext(paths=paths, tasks=SyncTaskRunner(), undo_stack=QUndoStack(),
                     settings=QSettings(str(pdfs / "ui.ini"), QSettings.Format.IniFormat))
    dialog = IdentityDialog(ctx)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / "exports-identity.png"))
    done = ExportRunner(ctx, None, opener=lambda url: True).start("bilan", project_id, pdfs / "again.pdf")
    app.processEvents()
    done.grab().save(str(out / "exports-done.png"))

    card = ProjectCard(ctx)
    card.resize(1000, 620)
    card.show_project(project_id)
    card.show()
    button = card.export_button
    button.fill_menu()
    button.menu_.popup(button.mapToGlobal(QPoint(0, button.height())))
    app.processEvents()
    image, menu = card.grab(), button.menu_.grab()
    painter = QPainter(image)
    painter.drawPixmap(button.mapTo(card, QPoint(button.width() - menu.width(), button.height())), menu)
    painter.end()
    image.save(str(out / "exports-project-card.png"))
    data.close_data()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
