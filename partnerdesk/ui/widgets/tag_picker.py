"""Choose a card's tags: a menu of checkable tags and coloured chips of the chosen ones."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from partnerdesk.domain.partners import TagData
from partnerdesk.i18n import _


def chips_html(tags: list[TagData]) -> str:
    return " ".join(
        f'<span style="background:{t.colour}; color:white;">&nbsp;{html.escape(t.name)}&nbsp;</span>'
        for t in tags)


class TagPicker(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[TagData] = []
        self._chosen: list[int] = []
        self.chips = QLabel()
        self.chips.setObjectName("tagChips")
        self.chips.setWordWrap(True)
        self.button = QToolButton()
        self.button.setObjectName("tagPickerButton")
        self.button.setText(_("Choose tags…"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self)
        self.button.setMenu(self.menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chips, 1)
        layout.addWidget(self.button)

    def set_tags(self, all_tags: list[TagData], chosen_ids) -> None:
        self._all = list(all_tags)
        self._chosen = [t.id for t in self._all if t.id in set(chosen_ids)]
        self.menu.clear()
        for tag in self._all:
            action = QAction(tag.name, self.menu)
            action.setCheckable(True)
            action.setChecked(tag.id in self._chosen)
            action.setData(tag.id)
            action.toggled.connect(lambda on, tid=tag.id: self.toggle(tid, on))
            self.menu.addAction(action)
        if not self._all:
            empty = self.menu.addAction(_("No tags yet: create them with “Manage tags…” under the list."))
            empty.setEnabled(False)
        self._render()

    def toggle(self, tag_id: int, on: bool) -> None:
        if on and tag_id not in self._chosen:
            self._chosen.append(tag_id)
        elif not on and tag_id in self._chosen:
            self._chosen.remove(tag_id)
        else:
            return
        for action in self.menu.actions():
            if action.data() == tag_id and action.isChecked() != on:
                action.setChecked(on)
        self._render()
        self.changed.emit()

    def chosen_ids(self) -> list[int]:
        return list(self._chosen)

    def _render(self) -> None:
        chosen = [t for t in self._all if t.id in self._chosen]
        self.chips.setText(chips_html(chosen) if chosen else _("No tags"))
