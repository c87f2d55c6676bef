"""The questions the Partenaires tab asks (module functions, so tests can answer them)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QVBoxLayout

from partnerdesk.i18n import _


def ask_unsaved(parent, name: str) -> str:
    """"save", "discard" or "cancel" for a card with unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("The card “{name}” has unsaved changes.").format(name=name or _("New card")))
    box.setInformativeText(_("Save them before leaving?"))
    save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("Don't save"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def ask_duplicates(parent, matches) -> tuple[str, object]:
    """("save", None), ("open", match) or ("cancel", None) when the card looks like existing ones."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Possible duplicate"))
    lines = [f"• {m.name} ({_('same name') if m.reason == 'name' else _('same email')})" for m in matches]
    box.setText(_("This card looks like one that already exists:") + "\n" + "\n".join(lines))
    open_button = box.addButton(_("Open the existing card"), QMessageBox.ButtonRole.ActionRole)
    save = box.addButton(_("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        return "open", matches[0]
    return ("save", None) if clicked is save else ("cancel", None)


def confirm(parent, title: str, text: str, ok: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(ok, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


def ask_date(parent, title: str, text: str, default: dt.date | None = None) -> dt.date | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(text))
    form = QFormLayout()
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setDate(QDate(default or dt.date.today()))
    form.addRow(_("Date"), edit)
    layout.addLayout(form)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.date().toPython()


def inform(parent, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def ask_text(parent, title: str, label: str, default: str = "") -> str | None:
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label, text=default)
    return text if ok else None


def ask_choice(parent, title: str, label: str, items: list[str]) -> int | None:
    """Index of the chosen item, or None."""
    from PySide6.QtWidgets import QInputDialog

    if not items:
        return None
    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(text) if ok and text in items else None


def ask_colour(parent, current: str) -> str | None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    colour = QColorDialog.getColor(QColor(current), parent, _("Tag colour"))
    return colour.name() if colour.isValid() else None
