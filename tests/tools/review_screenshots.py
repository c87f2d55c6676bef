"""Render the review area's screenshots on demo data (offscreen), in French.

    uv run python tests/tools/review_screenshots.py
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from partnerdesk import i18n  # noqa: E402
from partnerdesk.domain.identity import EpnIdentity  # noqa: E402
from partnerdesk.paths import DataPaths  # noqa: E402
from partnerdesk.services import data, demo, settings, trombinoscope  # noqa: E402
from partnerdesk.ui.context import AppContext  # noqa: E402
from partnerdesk.ui.tasks import SyncTaskRunner  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app, rounds=15):
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def main():
    i18n.set_language("fr")
    app = QApplication([])
    paths = DataPaths(Path(tempfile.mkdtemp(prefix="partnerdesk-shots-"))).ensure()
    data.open_data(paths, daily_backup=False)
    demo.fill("small", paths=paths)
    settings.save_identity(EpnIdentity(name="EPN de Saint-Aubin-des-Prés", address="2 place de la Mairie",
                                       postcode="35220", city="Saint-Aubin-des-Prés", phone="02 99 00 11 22",
                                       email="epn@saint-aubin.fr"))
    ctx = AppContext(paths=paths, tasks=SyncTaskRunner(),
                     settings=QSettings(str(paths.root / "ui.ini"), QSettings.Format.IniFormat),
                     undo_stack=QUndoStack())
    from partnerdesk.ui.dialogs.review import ReviewDialog
    from partnerdesk.ui.main_window import MainWindow
    from partnerdesk.ui.tabs.trombinoscope.tab import TrombinoscopeTab
    from partnerdesk.ui.widgets.photo_consent import PhotoConsentWidget

    OUT.mkdir(parents=True, exist_ok=True)
    win = MainWindow(ctx)
    win.resize(1200, 780)
    win.show_tab(win.tab_of(TrombinoscopeTab))
    win.show()
    settle(app)
    win.grab().save(str(OUT / "trombinoscope.png"))

    dialog = ReviewDialog(ctx, win)
    while not (dialog.card.kind == "person" and dialog.photo_file and dialog.card.organisation):
        dialog.skip()
    dialog.show()
    settle(app)
    dialog._show_photo()
    dialog.grab().save(str(OUT / "review.png"))

    widget = PhotoConsentWidget(ctx, dialog.card.id, "AB")
    widget.resize(660, 330)
    widget.show()
    settle(app)
    widget._show_photo()
    widget.grab().save(str(OUT / "review-photo-consent.png"))

    pdf = paths.root / "trombinoscope.pdf"
    pdf.write_bytes(trombinoscope.export_pdf(paths))
    os.system(f"pdftoppm -png -r 60 -f 1 -l 1 {pdf} {OUT / 'review-trombinoscope-pdf'}")
    print("written to", OUT)


if __name__ == "__main__":
    main()
