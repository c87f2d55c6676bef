"""The few metrics a French interface needs on top of the platform's style, for tabs only.

Unselected tabs are drawn a couple of pixels lower than the selected one (Fusion and
others); capital letters with an accent ("À faire", "À créer", "Évaluation") then lose
their accent at the top of the tab. Tabs keep their text where the selected one has it.

The style is given to tab bars only (`comfort_tabs`), not to the application: a style
written in Python answers every metric, hint and drawing call of every widget through
Python (the lists' scroll bars and headers alone ask a hundred times per repaint), which
cost the Partenaires search 2 to 3 ms per keystroke.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QTabWidget

_TAB_SHIFT = QStyle.PixelMetric.PM_TabBarTabShiftVertical
_shared: list = []  # the one ComfortStyle, owned by the application


class ComfortStyle(QProxyStyle):
    def pixelMetric(self, metric, option=None, widget=None):
        if metric is _TAB_SHIFT:
            return 0
        return super().pixelMetric(metric, option, widget)


def comfort_tabs(tabs):
    """Give the tabs of `tabs` (a QTabWidget or a QTabBar) the comfort metrics; returns `tabs`."""
    if not _shared or not shiboken6.isValid(_shared[0]):  # none yet, or its application is gone
        _shared.clear()
        app = QApplication.instance()
        base = QStyleFactory.create(app.style().name())
        style = ComfortStyle(base) if base is not None else ComfortStyle()
        style.setParent(app)  # lives as long as the application, after its last widget
        _shared.append(style)
    bar = tabs.tabBar() if isinstance(tabs, QTabWidget) else tabs
    bar.setStyle(_shared[0])
    return tabs
