"""Every menu can be driven from the keyboard: no two entries of one menu share an Alt letter."""

import pytest
from PySide6.QtWidgets import QMenu

from partnerdesk import i18n


def _mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].casefold() if i >= 0 else None


def _check(menu: QMenu) -> list[str]:
    clashes, seen = [], {}
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu():
            clashes += _check(action.menu())
        letter = _mnemonic(action.text())
        if letter:
            if letter in seen:
                clashes.append(f"{menu.title()}: {seen[letter]!r} and {action.text()!r}")
            seen[letter] = action.text()
    return clashes


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_menu_mnemonics_are_unique(ctx, qtbot, lang):
    i18n.set_language(lang)
    from partnerdesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    clashes = []
    for action in win.menuBar().actions():
        clashes += _check(action.menu())
    assert clashes == []
