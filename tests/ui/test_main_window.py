import sys

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QLabel

from partnerdesk import i18n
from partnerdesk.paths import platform_data_dir
from partnerdesk.services import partners
from partnerdesk.ui.dialogs.about import AboutDialog
from partnerdesk.ui.models.organisations import OrganisationTableModel


def test_menus_in_french(ctx, qtbot):
    i18n.set_language("fr")
    from partnerdesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    titles = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert titles == ["Fichier", "Édition", "Affichage", "Aide"]
    tabs = [win.tabs.tabText(i) for i in range(win.tabs.count())]
    assert tabs[0] == "À faire" and "Partenaires" in tabs and "Projets" in tabs


def test_about_shows_version_and_paths(ctx, qtbot):
    dialog = AboutDialog(ctx.paths, 1)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert str(ctx.paths.root) in texts and str(ctx.paths.db_path) in texts


def test_platform_folder_matches_qt(qapp):
    qapp.setApplicationName("PartnerDesk")
    qapp.setOrganizationName("")
    if sys.platform.startswith("linux"):
        expected = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
        assert str(platform_data_dir()) == expected


def test_organisation_model(qtmodeltester, demo_store):
    model = OrganisationTableModel()
    model.set_rows(partners.list_organisations())
    qtmodeltester.check(model)
