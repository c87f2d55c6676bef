"""Card sections built the first time they are shown: a card opens (and the Partenaires tab
is built) without the sections nobody looked at yet (Projets, Bilan, Rencontres each read
their data on construction or on every card opened)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class LazySection:
    """A tab of `card.sections` whose widget `factory(card)` is built when the tab is first
    shown, or when `widget()` is first asked for; it then takes the place of a blank page.
    `call(method, *args)` calls the widget's method, or keeps the last call of each method
    for when it is built."""

    def __init__(self, card, title: str, factory):
        self.card, self.title, self.factory = card, title, factory
        self.page = QWidget()  # holds the tab until the widget is built
        self.built: QWidget | None = None
        self.pending: dict[str, tuple] = {}
        card.sections.addTab(self.page, title)
        card.sections.currentChanged.connect(self._current_changed)

    def _current_changed(self, index: int) -> None:
        if self.built is None and self.card.sections.widget(index) is self.page:
            self.widget()

    def widget(self) -> QWidget:
        if self.built is None:
            built = self.factory(self.card)
            tabs = self.card.sections
            index = tabs.indexOf(self.page)
            current, enabled = tabs.currentIndex() == index, tabs.isTabEnabled(index)
            blocked = tabs.blockSignals(True)  # the same tab stays current: nothing to announce
            try:
                tabs.insertTab(index, built, self.title)
                tabs.removeTab(index + 1)
                tabs.setTabEnabled(index, enabled)
                if current:
                    tabs.setCurrentIndex(index)
            finally:
                tabs.blockSignals(blocked)
            self.page.deleteLater()
            self.built = built
            pending, self.pending = self.pending, {}
            for name, args in pending.items():
                getattr(built, name)(*args)
        return self.built

    def call(self, method: str, *args) -> None:
        if self.built is None:
            self.pending[method] = args
        else:
            getattr(self.built, method)(*args)
