"""Affichage → Langue: Français / English, remembered in the UI settings.

French is the default whatever the system locale (a fresh Windows often says "C" or
English); `--lang` on the command line wins for one run. The interface is built once,
so a change applies after a restart, which the menu offers at once.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup

from partnerdesk import i18n
from partnerdesk.i18n import _

SETTING = "ui/language"
NAMES = {"fr": "Français", "en": "English"}  # each language in its own words, never translated


def chosen_language(settings, command_line: str | None = None) -> str:
    """The language to start in: the command line, else the remembered choice, else French."""
    if command_line in i18n.SUPPORTED:
        return command_line
    saved = settings.value(SETTING)
    return saved if saved in i18n.SUPPORTED else i18n.DEFAULT


class LanguageMenu:
    def __init__(self, window):
        self.window = window
        self.settings = window.ctx.settings
        self.menu = window.view_menu.addMenu(_("&Language"))
        self.menu.setObjectName("languageMenu")
        self.group = QActionGroup(window)
        self.actions: dict[str, QAction] = {}
        for code in i18n.SUPPORTED:
            action = QAction(NAMES[code], window)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == i18n.language())
            action.triggered.connect(lambda checked=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        self.ask_restart = self._ask_restart  # tests replace the question

    def choose(self, code: str) -> None:
        self.settings.setValue(SETTING, code)
        self.settings.sync()
        if code == i18n.language():
            return
        if self.ask_restart(code):
            self.window.request_restart()

    def _ask_restart(self, code: str) -> bool:
        # Asked in the language chosen, so whoever picked it can read the question.
        question = {
            "fr": ("Langue", "L'interface sera en français au prochain démarrage de PartnerDesk. "
                             "Redémarrer maintenant ?"),
            "en": ("Language", "The interface will be in English the next time PartnerDesk starts. "
                               "Restart now?"),
        }[code]
        from PySide6.QtWidgets import QMessageBox  # when asked only: not at every start (#15)

        answer = QMessageBox.question(self.window, *question)
        return answer == QMessageBox.StandardButton.Yes
