import sys

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from partnerdesk import i18n
from partnerdesk.paths import platform_data_dir
from partnerdesk.services import partners
from partnerdesk.ui.dialogs.about import AboutDialog
from partnerdesk.ui.models.organisations import OrganisationTableModel
from partnerdesk.ui.tabs.partners.tab import PartnersTab


def test_menus_in_french(ctx, qtbot):
    i18n.set_language("fr")
    from partnerdesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    titles = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert titles == ["Fichier", "Édition", "Affichage", "Aide"]
    tabs = [win.tabs.tabText(i) for i in range(win.tabs.count())]
    assert tabs[0] == "À faire" and "Partenaires" in tabs and "Projets" in tabs


def test_empty_state_then_demo(window, qtbot):
    tab = window.tab_of(PartnersTab)
    window.show_tab(tab)
    assert tab.stack.currentWidget() is tab.empty
    button = tab.empty.findChild(object, "loadDemoButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert partners.count_organisations() == 40
    assert tab.stack.currentWidget() is tab.splitter
    assert tab.proxy.rowCount() == 40


def test_demo_refused_when_not_empty(window, qtbot, monkeypatch):
    from partnerdesk.domain.partners import OrganisationData

    partners.create_organisation(OrganisationData(name="Mairie"))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a))
    window.demo_action.trigger()
    assert shown and partners.count_organisations() == 1


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
