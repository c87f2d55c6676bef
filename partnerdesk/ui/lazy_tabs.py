"""Tabs imported and built the first time they are needed.

The main window registers every tab at start by its package
(`partnerdesk.ui.tabs.<area>`), whose `__init__.py` is light and names what the
window needs before the tab exists:

    TITLE = N_("Partners")                 # the tab's text (the tab class's title() returns _(TITLE))
    OPENS = ("organisation", "person")     # the kinds its open_item() answers
    TAB = "PartnersTab"                    # the class, in <package>.tab

A registered tab sits in the `QTabWidget` as an empty placeholder with its title. The
first time it is shown, or asked for through `tab(cls)`, its module is imported, the tab
is built and takes the placeholder's place (same index, same title). Start-up therefore
imports and builds one tab ("À faire"), and a tab's queries run only when somebody looks.

What other code can rely on (see docs/DEVELOPING.md, "Tabs"):
- `tab(cls)` returns the tab of that class, building it on demand;
- `built()` lists the tabs built so far, in tab order (refreshes, `can_leave`);
- `for_each(fn)` runs `fn(tab)` on every tab built now and on each one built later;
- `specs()` the registered tabs in order (title, kinds opened, built or not);
- `retranslate()` sets every tab's text again (after a language change);
- `notify(area)` passes a data change (`ctx.signals.data_changed`) to the tab on show at
  once, and to each hidden tab when it is shown next (or reached through `tab(cls)`):
  a save refreshes one tab, not five.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from partnerdesk.i18n import _
from partnerdesk.ui.tabs.base import Tab

log = logging.getLogger(__name__)


@dataclass
class TabSpec:
    package: str                      # partnerdesk.ui.tabs.<area>, or the module of a ready-made tab
    class_name: str
    title: str                        # marked with N_, translated at display
    opens: tuple[str, ...] | None     # None: build it to ask open_item() about any kind
    kwargs: dict = field(default_factory=dict)
    placeholder: QWidget | None = None
    tab: Tab | None = None
    pending: list[str] = field(default_factory=list)  # data changes not yet shown to the hidden tab

    def is_for(self, cls) -> bool:
        if self.tab is not None:
            return isinstance(self.tab, cls)
        return cls.__name__ == self.class_name and cls.__module__ in (self.package, self.package + ".tab")

    def load_class(self) -> type[Tab]:
        return getattr(importlib.import_module(self.package + ".tab"), self.class_name)


class LazyTabs(QObject):
    """The tabs of a `QTabWidget`, each imported and built on its first show."""

    built_tab = Signal(object)  # the Tab just built

    def __init__(self, tabs: QTabWidget, make: Callable[[type[Tab], dict], Tab], parent=None):
        super().__init__(parent)
        self.tabs = tabs
        self.make = make  # (tab class, kwargs) -> the tab; the main window passes its context
        self._specs: list[TabSpec] = []
        self._hooks: list[Callable[[Tab], None]] = []
        self._swapping = False
        tabs.currentChanged.connect(self._on_current_changed)

    # --- registration -------------------------------------------------------

    def add(self, package: str, index: int | None = None, **kwargs) -> TabSpec:
        """Register the tab of `package` (see the module's docstring); `kwargs` go to its constructor."""
        module = importlib.import_module(package)
        spec = TabSpec(package, module.TAB, module.TITLE, getattr(module, "OPENS", None), kwargs)
        spec.placeholder = QWidget()
        spec.placeholder.setObjectName(f"{spec.class_name[0].lower()}{spec.class_name[1:]}Placeholder")
        self._insert(spec, spec.placeholder, index)
        return spec

    def add_built(self, tab: Tab, index: int | None = None) -> Tab:
        """Register a tab built already (a test's, an extension's)."""
        cls = type(tab)
        spec = TabSpec(cls.__module__, cls.__name__, cls.title(), cls.opens, tab=tab)
        self._insert(spec, tab, index)
        self._announce(tab)
        return tab

    def _insert(self, spec: TabSpec, widget: QWidget, index: int | None) -> None:
        position = len(self._specs) if index is None else index
        self._specs.insert(position, spec)
        self._swapping = True
        try:
            self.tabs.insertTab(position, widget, spec.tab.title() if spec.tab else _(spec.title))
        finally:
            self._swapping = False

    # --- access -------------------------------------------------------------

    def specs(self) -> list[TabSpec]:
        return list(self._specs)

    def tab(self, cls) -> Tab | None:
        spec = next((s for s in self._specs if s.is_for(cls)), None)
        if spec is None:
            return None
        if spec.tab is None:
            return self.build(spec)
        self._catch_up(spec)
        return spec.tab

    def notify(self, area: str) -> None:
        current = self.tabs.currentWidget()
        for spec in self._specs:
            if spec.tab is None:
                continue  # built later, from fresh data
            if spec.tab is current:
                spec.tab.on_data_changed(area)
            elif area not in spec.pending and "*" not in spec.pending:
                spec.pending[:] = ["*"] if area == "*" else [*spec.pending, area]

    def _catch_up(self, spec: TabSpec) -> None:
        pending, spec.pending = spec.pending, []
        for area in pending:
            spec.tab.on_data_changed(area)

    def built(self) -> list[Tab]:
        return [spec.tab for spec in self._specs if spec.tab is not None]

    def for_each(self, fn: Callable[[Tab], None]) -> None:
        self._hooks.append(fn)
        for tab in self.built():
            fn(tab)

    def retranslate(self) -> None:
        for spec in self._specs:
            widget = spec.tab or spec.placeholder
            self.tabs.setTabText(self.tabs.indexOf(widget), spec.tab.title() if spec.tab else _(spec.title))

    # --- building -----------------------------------------------------------

    def _on_current_changed(self, index: int) -> None:
        if self._swapping or index < 0:
            return
        widget = self.tabs.widget(index)
        spec = next((s for s in self._specs if widget in (s.tab, s.placeholder)), None)
        if spec is not None and spec.tab is None:
            self.build(spec)
        elif spec is not None:
            self._catch_up(spec)

    def build_current(self) -> Tab | None:
        """Build the tab on show now if it is still a placeholder (the first one at start)."""
        widget = self.tabs.currentWidget()
        spec = next((s for s in self._specs if widget in (s.tab, s.placeholder)), None)
        return None if spec is None else self.build(spec)

    def build(self, spec: TabSpec) -> Tab:
        if spec.tab is not None:
            self._catch_up(spec)
            return spec.tab
        started = time.perf_counter()
        tab = self.make(spec.load_class(), spec.kwargs)
        spec.tab = tab
        index = self.tabs.indexOf(spec.placeholder)
        was_current = self.tabs.currentIndex() == index
        # The swap is silent: whoever listens to currentChanged (the main window settles unsaved
        # changes and switches undo stacks there) sees the built tab, never the placeholder.
        self._swapping = True
        self.tabs.setUpdatesEnabled(False)
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.insertTab(index, tab, tab.title())
            self.tabs.removeTab(index + 1)
            if was_current:
                self.tabs.setCurrentIndex(index)
        finally:
            self.tabs.blockSignals(blocked)
            self._swapping = False
            self.tabs.setUpdatesEnabled(True)
        spec.placeholder.deleteLater()
        spec.placeholder = None
        log.debug("tab %s built in %.1f ms", spec.class_name, (time.perf_counter() - started) * 1000)
        self._announce(tab)
        return tab

    def _announce(self, tab: Tab) -> None:
        for hook in self._hooks:
            hook(tab)
        self.built_tab.emit(tab)
