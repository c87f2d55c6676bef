"""Tabs built the first time they are needed.

The main window registers every tab class at start, but only the tab shown at
start ("À faire") is built then. A registered tab sits in the `QTabWidget` as an
empty placeholder with its title; the first time it is shown, or asked for
through `tab(cls)`, the real tab is built and takes the placeholder's place (same
index, same title). Start-up therefore costs one tab, not five, and a tab's
queries run only once somebody looks at it.

What other code can rely on (see docs/DEVELOPING.md, "Tabs"):
- `tab(cls)` returns the tab of that class, building it on demand;
- `built()` lists the tabs built so far, in tab order (refreshes, `can_leave`);
- `for_each(fn)` runs `fn(tab)` on every tab built now and on each one built later
  (menus that extend a tab's widgets use it);
- `is_built(cls)`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from partnerdesk.ui.tabs.base import Tab

log = logging.getLogger(__name__)


@dataclass
class _Slot:
    cls: type[Tab]
    factory: Callable[[], Tab]
    placeholder: QWidget | None
    tab: Tab | None = None


class LazyTabs(QObject):
    """The tabs of a `QTabWidget`, each built on its first show."""

    built_tab = Signal(object)  # the Tab just built

    def __init__(self, tabs: QTabWidget, parent=None):
        super().__init__(parent)
        self.tabs = tabs
        self._slots: list[_Slot] = []
        self._hooks: list[Callable[[Tab], None]] = []
        self._swapping = False
        tabs.currentChanged.connect(self._on_current_changed)

    # --- registration -------------------------------------------------------

    def add(self, cls: type[Tab], factory: Callable[[], Tab] | None = None, index: int | None = None) -> None:
        """Register `cls` (built later by `factory`, default `cls(ctx)` is the caller's)."""
        placeholder = QWidget()
        placeholder.setObjectName(f"{cls.object_name}Placeholder")
        slot = _Slot(cls, factory or cls, placeholder)
        position = len(self._slots) if index is None else index
        self._slots.insert(position, slot)
        self._swapping = True
        try:
            self.tabs.insertTab(position, placeholder, cls.title())
        finally:
            self._swapping = False

    def add_built(self, tab: Tab, index: int | None = None) -> Tab:
        """Register a tab built already (a tab of an extension, a test's)."""
        slot = _Slot(type(tab), lambda: tab, None, tab)
        position = len(self._slots) if index is None else index
        self._slots.insert(position, slot)
        self._swapping = True
        try:
            self.tabs.insertTab(position, tab, tab.title())
        finally:
            self._swapping = False
        for hook in self._hooks:
            hook(tab)
        self.built_tab.emit(tab)
        return tab

    def classes(self) -> list[type[Tab]]:
        return [slot.cls for slot in self._slots]

    # --- access -------------------------------------------------------------

    def tab(self, cls: type[Tab]) -> Tab | None:
        slot = self._slot_of(cls)
        if slot is None:
            return None
        return slot.tab or self._build(slot)

    def is_built(self, cls: type[Tab]) -> bool:
        slot = self._slot_of(cls)
        return slot is not None and slot.tab is not None

    def built(self) -> list[Tab]:
        return [slot.tab for slot in self._slots if slot.tab is not None]

    def for_each(self, fn: Callable[[Tab], None]) -> None:
        self._hooks.append(fn)
        for tab in self.built():
            fn(tab)

    def _slot_of(self, cls) -> _Slot | None:
        return next((s for s in self._slots if s.cls is cls), None) or \
            next((s for s in self._slots if issubclass(s.cls, cls)), None)

    # --- building -----------------------------------------------------------

    def _on_current_changed(self, index: int) -> None:
        if self._swapping or index < 0:
            return
        widget = self.tabs.widget(index)
        slot = next((s for s in self._slots if s.placeholder is widget and s.tab is None), None)
        if slot is not None:
            self._build(slot)

    def _build(self, slot: _Slot) -> Tab:
        started = time.perf_counter()
        tab = slot.factory()
        slot.tab = tab
        index = self.tabs.indexOf(slot.placeholder)
        was_current = self.tabs.currentIndex() == index
        self._swapping = True
        self.tabs.setUpdatesEnabled(False)
        try:
            self.tabs.insertTab(index, tab, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            if was_current:
                self.tabs.setCurrentIndex(index)
        finally:
            self._swapping = False
            self.tabs.setUpdatesEnabled(True)
        slot.placeholder.deleteLater()
        slot.placeholder = None
        log.debug("tab %s built in %.1f ms", slot.cls.__name__, (time.perf_counter() - started) * 1000)
        for hook in self._hooks:
            hook(tab)
        self.built_tab.emit(tab)
        return tab
