"""First run: the welcome page, sample data only in a throw-away window, the language
menu, and a window that fits the screen."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from partnerdesk import i18n
from partnerdesk.domain.partners import OrganisationData
from partnerdesk.services import data, partners
from partnerdesk.ui import window_state
from partnerdesk.ui.language_menu import SETTING, chosen_language
from partnerdesk.ui.tabs.partners.tab import PartnersTab


def make_window(ctx, qtbot):
    from partnerdesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def test_welcome_on_an_empty_folder(window, qtbot):
    assert window.pages.currentWidget() is window.welcome
    keys = set(window.welcome.buttons)
    assert {"identity", "import", "partner", "demo", "skip"} <= keys


def test_welcome_in_french(ctx, qtbot):
    i18n.set_language("fr")
    win = make_window(ctx, qtbot)
    texts = [b.text() for b in win.welcome.buttons.values()]
    assert "Renseigner l'identité de l'EPN" in texts
    assert "Importer mes contacts (tableur, Google, Outlook, téléphone)" in texts
    assert "Créer un premier partenaire" in texts
    assert "Essayer avec des données d'exemple" in texts


def test_no_welcome_when_data_exists(ctx, qtbot):
    partners.create_organisation(OrganisationData(name="Mairie"))
    win = make_window(ctx, qtbot)
    assert win.pages.currentWidget() is win.tabs
    assert win.welcome is None and win.pages.count() == 1  # not built: the tabs stay once data exists
    win.ctx.signals.data_changed.emit("organisations")
    assert win.pages.currentWidget() is win.tabs


def test_first_partner_from_welcome(window, qtbot):
    qtbot.mouseClick(window.welcome.buttons["partner"], Qt.MouseButton.LeftButton)
    tab = window.tab_of(PartnersTab)
    assert window.pages.currentWidget() is window.tabs
    assert window.current_tab() is tab and tab.cards.currentWidget() is tab.org_card
    card = tab.org_card
    card.name.setText("Médiathèque Jules Verne")
    card.save()
    assert partners.count_organisations() == 1


def test_identity_and_import_from_welcome(window, qtbot):
    opened = []
    window.identity_action.triggered.disconnect()
    window.identity_action.triggered.connect(lambda: opened.append("identity"))
    window.dataio.import_action.triggered.disconnect()
    window.dataio.import_action.triggered.connect(lambda: opened.append("import"))
    qtbot.mouseClick(window.welcome.buttons["identity"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.welcome.buttons["import"], Qt.MouseButton.LeftButton)
    assert opened == ["identity", "import"]
    assert window.pages.currentWidget() is window.welcome  # still empty: the page stays


def test_welcome_leaves_once_data_arrives(window, qtbot):
    partners.create_organisation(OrganisationData(name="CCAS"))
    window.ctx.signals.data_changed.emit("*")  # what an import does when it ends
    assert window.pages.currentWidget() is window.tabs


def test_sample_data_open_a_throwaway_window_never_the_real_folder(window, qtbot):
    launched = []
    window.launch = lambda extra: launched.append(extra) or True
    qtbot.mouseClick(window.welcome.buttons["demo"], Qt.MouseButton.LeftButton)
    assert launched and launched[0][0] == "--demo"
    assert data.is_empty()
    # the Partenaires empty state and the File menu offer the same throw-away window
    tab = window.tab_of(PartnersTab)
    button = tab.empty.findChild(object, "tryDemoButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    window.demo_action.trigger()
    assert len(launched) == 3 and data.is_empty()


def test_sample_data_launch_failure_is_said(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window.launch = lambda extra: False
    window.try_demo()
    assert shown and data.is_empty()


def test_demo_window_has_a_banner(ctx, qtbot):
    i18n.set_language("fr")
    ctx.demo = True
    win = make_window(ctx, qtbot)
    assert win.demo_banner is not None
    assert win.demo_banner.text() == "Données d'exemple — rien n'est enregistré"
    assert win.pages.currentWidget() is win.tabs  # no welcome page on the demo copy
    assert not win.demo_action.isVisible()


def test_no_banner_on_real_data(window):
    assert window.demo_banner is None and not window.findChildren(QLabel, "demoBanner")


# --- language -------------------------------------------------------------------------

class FakeSettings(dict):
    def value(self, key, default=None):
        return self.get(key, default)


def test_french_by_default_whatever_the_system(monkeypatch):
    monkeypatch.setenv("LANG", "C")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert chosen_language(FakeSettings()) == "fr"
    assert chosen_language(FakeSettings({SETTING: "en"})) == "en"
    assert chosen_language(FakeSettings({SETTING: "en"}), "fr") == "fr"
    assert chosen_language(FakeSettings({SETTING: "klingon"})) == "fr"


def test_language_menu_remembers_and_offers_restart(window, qtbot):
    menu = window.language_menu
    assert [a.text() for a in menu.menu.actions()] == ["Français", "English"]
    assert menu.actions["en"].isChecked()  # tests run in English
    asked = []
    menu.ask_restart = lambda code: asked.append(code) or False
    menu.actions["fr"].trigger()
    assert window.ctx.settings.value(SETTING) == "fr" and asked == ["fr"]
    assert not window.restart_requested
    menu.ask_restart = lambda code: True
    menu.actions["fr"].trigger()
    assert window.restart_requested


# --- window geometry ------------------------------------------------------------------

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 minus a 40 px task bar
DESKTOP = QRect(0, 0, 1920, 1040)


def test_first_start_maximised_on_a_laptop():
    rect, maximised = window_state.first_geometry(LAPTOP)
    assert maximised and LAPTOP.contains(rect)
    rect, maximised = window_state.first_geometry(DESKTOP)
    assert not maximised and DESKTOP.contains(rect) and rect.width() >= 1200


def test_saved_geometry_clamped_to_the_screen():
    big = QRect(600, 300, 1900, 1000)  # saved on a large monitor
    clamped = window_state.clamp(big, LAPTOP)
    assert LAPTOP.contains(clamped) and clamped.width() == 1366
    off = QRect(-500, 2000, 800, 600)
    assert LAPTOP.contains(window_state.clamp(off, LAPTOP))


def test_window_restores_inside_the_screen(window, qtbot):
    window.setGeometry(500, 400, 1800, 1000)
    saved = window.saveGeometry()
    window_state.restore(window, saved, LAPTOP)
    assert LAPTOP.contains(window.geometry())
    window_state.restore(window, QByteArray(), LAPTOP)
    assert window.windowState() & Qt.WindowState.WindowMaximized
