"""Affichage → Bilan des partenariats…: the menu entry, light to import at start-up
(the view and its services load when the entry is used)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from partnerdesk.i18n import _


def install_menu(window) -> None:
    """Affichage → Bilan des partenariats…"""

    def open_balance() -> None:
        from partnerdesk.ui.tabs.balance.view import BalanceDialog

        BalanceDialog(window.ctx, window).exec()

    action = QAction(_("Partnerships &balance…"), window)
    action.setObjectName("balanceAction")
    action.triggered.connect(open_balance)
    window.view_menu.addSeparator()
    window.view_menu.addAction(action)
    window.balance_action = action
